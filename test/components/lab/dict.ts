// Component tests render in a browser-like environment without server HTML, so they register the
// lab dictionaries that the server would otherwise write into the page (see src/lib/lab/i18n.ts).
import en from '../../../src/i18n/lab.en.json';
import zh from '../../../src/i18n/lab.zh-CN.json';
import { registerLabDictionary } from '../../../src/lib/lab/i18n';

registerLabDictionary('en', en);
registerLabDictionary('zh-cn', zh);
