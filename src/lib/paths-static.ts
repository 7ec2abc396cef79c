/** getStaticPaths helpers shared by the [lang] pages. */
import { langs, type Lang } from '@i18n/index';

export function langPaths(): { params: { lang: Lang }; props: { lang: Lang } }[] {
  return langs.map((lang) => ({ params: { lang }, props: { lang } }));
}
