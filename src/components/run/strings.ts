/**
 * UI strings of RunControl (src/components/run), in both site languages. Same flat dotted keys and
 * `{name}` placeholders as src/i18n/*.json so the lead can merge them unchanged.
 */
import type { Lang } from '../../i18n/index';

export const RUN_STRINGS = {
  en: {
    'run.start': 'Run simulation',
    'run.again': 'Run again',
    'run.cancel': 'Cancel',
    'run.progressLabel': 'Simulation progress',
    'run.idle': 'Ready to simulate {weeks} weeks for {customers} customers.',
    'run.running': 'Simulating: {percent} done (week {week} of {weeks}).',
    'run.runningBaseline': 'Simulating the one-size-fits-all baseline: {percent} done (week {week} of {weeks}).',
    'run.starting': 'Starting the simulation…',
    'run.done': 'Finished: {weeks} weeks simulated in {seconds} s.',
    'run.cancelled': 'Run cancelled. The previous results are unchanged.',
    'run.error': 'The simulation could not run: {message}',
  },
  'zh-cn': {
    'run.start': '运行模拟',
    'run.again': '再次运行',
    'run.cancel': '取消',
    'run.progressLabel': '模拟进度',
    'run.idle': '准备为 {customers} 个客户模拟 {weeks} 周。',
    'run.running': '正在模拟：已完成 {percent}(第 {week} 周，共 {weeks} 周)。',
    'run.runningBaseline': '正在模拟“一刀切”基准方案：已完成 {percent}(第 {week} 周，共 {weeks} 周)。',
    'run.starting': '正在启动模拟…',
    'run.done': '已完成：模拟 {weeks} 周，用时 {seconds} 秒。',
    'run.cancelled': '已取消本次运行，之前的结果保持不变。',
    'run.error': '模拟无法运行：{message}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type RunStringKey = keyof (typeof RUN_STRINGS)['en'];

export function runT(lang: Lang, key: RunStringKey, vars: Record<string, string | number> = {}): string {
  const dict: Record<string, string> = RUN_STRINGS[lang] ?? RUN_STRINGS.en;
  const message = dict[key] ?? RUN_STRINGS.en[key];
  return message.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
