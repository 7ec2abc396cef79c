/**
 * UI strings of the lens charts (src/components/charts), in both site languages.
 *
 * Keys are flat and dotted like src/i18n/en.json so the lead can merge them into the main
 * dictionaries unchanged; placeholders use the same `{name}` syntax as `t()`.
 * Until then the charts read them through `ct(lang, key, vars)`.
 */
import type { Lang } from '../../i18n/index';

export const CHART_STRING_KEYS = [
  'chart.showTable',
  'chart.hideTable',
  'chart.empty',
  'chart.legend',
  'chart.tableCaption',
  'chart.col.segment',
  'chart.col.group',
  'chart.col.customers',
  'chart.col.median',
  'chart.col.week',
  'chart.col.region',
  'chart.col.market',
  'chart.col.distance',
  'chart.col.duty',
  'chart.col.component',
  'chart.col.plan',
  'chart.col.baseline',
  'chart.col.difference',
  'chart.col.total',
  'chart.col.customerShare',
  'chart.col.revenueShare',
  'chart.col.profitShare',
  'chart.col.threshold',
  'chart.market.domestic',
  'chart.market.international',
  'chart.metric.costToServe',
  'chart.metric.customers',
  'chart.metric.satisfaction',
  'chart.unit.days',
  'chart.unit.km',
  'chart.pareto.revenue',
  'chart.pareto.profit',
  'chart.pareto.equal',
  'chart.summary.needs',
  'chart.summary.behaviour',
  'chart.summary.skipped',
  'chart.summary.pareto',
  'chart.summary.paretoProfit',
  'chart.summary.regions',
  'chart.summary.weekly',
  'chart.summary.weeklyPart',
  'chart.summary.weeklyJoin',
  'chart.summary.costs',
  'chart.summary.costsBaseline',
] as const;

export type ChartStringKey = (typeof CHART_STRING_KEYS)[number];

export const chartStrings: Record<Lang, Record<ChartStringKey, string>> = {
  en: {
    'chart.showTable': 'Show data table',
    'chart.hideTable': 'Hide data table',
    'chart.empty': 'No data to show yet. Change the settings above to fill the chart.',
    'chart.legend': 'Legend',
    'chart.tableCaption': '{title}: the data behind the chart',
    'chart.col.segment': 'Segment',
    'chart.col.group': 'Group',
    'chart.col.customers': 'Customers',
    'chart.col.median': 'Median {label}',
    'chart.col.week': 'Week',
    'chart.col.region': 'Region',
    'chart.col.market': 'Market',
    'chart.col.distance': 'Distance from Suzhou DC',
    'chart.col.duty': 'Import duty',
    'chart.col.component': 'Cost component',
    'chart.col.plan': 'This plan',
    'chart.col.baseline': 'One-size-fits-all baseline',
    'chart.col.difference': 'Difference',
    'chart.col.total': 'Total',
    'chart.col.customerShare': 'Share of customers',
    'chart.col.revenueShare': 'Cumulative share of revenue',
    'chart.col.profitShare': 'Cumulative share of profit',
    'chart.col.threshold': 'Threshold',
    'chart.market.domestic': 'Domestic',
    'chart.market.international': 'International',
    'chart.metric.costToServe': 'Cost to serve',
    'chart.metric.customers': 'Customers',
    'chart.metric.satisfaction': 'Satisfaction (0–100)',
    'chart.unit.days': '{value} days',
    'chart.unit.km': '{value} km',
    'chart.pareto.revenue': 'Revenue (Pareto curve)',
    'chart.pareto.profit': 'Profit (whale curve)',
    'chart.pareto.equal': 'Every customer equal',
    'chart.summary.needs':
      '{count} customers in {segments} segments: {priceSegment} is the most price-sensitive (median {price}) and {speedSegment} needs the fastest delivery (median {days}).',
    'chart.summary.behaviour':
      '{count} customers in {groups} groups: {frequentGroup} orders most often (median {orders} orders a year) and {largeGroup} places the largest orders (median {value} per order).',
    'chart.summary.skipped': '{count} customers with no orders or no order value cannot be shown on the logarithmic axes.',
    'chart.summary.pareto': 'The top {customers} of customers bring {revenue} of revenue.',
    'chart.summary.paretoProfit':
      'The top {customers} of customers bring {revenue} of revenue, and cumulative profit peaks at {peak} of the total after the most profitable {peakCustomers} of customers.',
    'chart.summary.regions': '{metric} is highest in {maxRegion} ({maxValue}) and lowest in {minRegion} ({minValue}).',
    'chart.summary.weekly': 'Over {weeks} weeks, {parts}.',
    'chart.summary.weeklyPart': '{name} peaks at {value} in week {week}',
    'chart.summary.weeklyJoin': '; ',
    'chart.summary.costs': 'Total cost is {total}; the largest component is {component} ({value}).',
    'chart.summary.costsBaseline':
      'Total cost is {total} against {baseline} for the one-size-fits-all baseline ({difference}); the biggest change is in {component} ({delta}).',
  },
  'zh-cn': {
    'chart.showTable': '显示数据表',
    'chart.hideTable': '隐藏数据表',
    'chart.empty': '暂时没有可显示的数据。请调整上方的设置。',
    'chart.legend': '图例',
    'chart.tableCaption': '{title}：图表背后的数据',
    'chart.col.segment': '细分群体',
    'chart.col.group': '分组',
    'chart.col.customers': '客户数',
    'chart.col.median': '{label}（中位数）',
    'chart.col.week': '周次',
    'chart.col.region': '区域',
    'chart.col.market': '市场',
    'chart.col.distance': '距苏州中央配送中心',
    'chart.col.duty': '进口关税',
    'chart.col.component': '成本项目',
    'chart.col.plan': '当前方案',
    'chart.col.baseline': '“一刀切”基准方案',
    'chart.col.difference': '差额',
    'chart.col.total': '合计',
    'chart.col.customerShare': '客户占比',
    'chart.col.revenueShare': '累计收入占比',
    'chart.col.profitShare': '累计利润占比',
    'chart.col.threshold': '分界线',
    'chart.market.domestic': '国内',
    'chart.market.international': '海外',
    'chart.metric.costToServe': '服务成本',
    'chart.metric.customers': '客户数',
    'chart.metric.satisfaction': '满意度（0–100）',
    'chart.unit.days': '{value} 天',
    'chart.unit.km': '{value} 公里',
    'chart.pareto.revenue': '收入（帕累托曲线）',
    'chart.pareto.profit': '利润（鲸鱼曲线）',
    'chart.pareto.equal': '假如每位客户贡献相同',
    'chart.summary.needs':
      '共 {count} 位客户，分为 {segments} 个细分群体：{priceSegment}对价格最敏感（中位数 {price}），{speedSegment}对交付速度要求最高（中位数 {days}）。',
    'chart.summary.behaviour':
      '共 {count} 位客户，分为 {groups} 组：{frequentGroup}下单最频繁（中位数每年 {orders} 单），{largeGroup}单笔订单金额最大（中位数每单 {value}）。',
    'chart.summary.skipped': '有 {count} 位客户没有订单或订单金额为零，无法在对数坐标轴上显示。',
    'chart.summary.pareto': '前 {customers} 的客户贡献了 {revenue} 的收入。',
    'chart.summary.paretoProfit':
      '前 {customers} 的客户贡献了 {revenue} 的收入；按利润从高到低累加，到前 {peakCustomers} 的客户时累计利润达到峰值，为总利润的 {peak}。',
    'chart.summary.regions': '{metric}最高的是{maxRegion}（{maxValue}），最低的是{minRegion}（{minValue}）。',
    'chart.summary.weekly': '在 {weeks} 周内，{parts}。',
    'chart.summary.weeklyPart': '{name}在第 {week} 周达到峰值 {value}',
    'chart.summary.weeklyJoin': '；',
    'chart.summary.costs': '总成本为 {total}，其中占比最大的是{component}（{value}）。',
    'chart.summary.costsBaseline':
      '总成本为 {total}，“一刀切”基准方案为 {baseline}（{difference}）；变化最大的是{component}（{delta}）。',
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Chart string for `key` in `lang` (English for an unknown language), `{name}` filled from `vars`. */
export function ct(lang: Lang, key: ChartStringKey, vars?: Record<string, string | number>): string {
  const dict = chartStrings[lang] ?? chartStrings.en;
  const message = dict[key];
  if (!vars) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** Two sentences joined as each language writes them (a space in English, nothing in Chinese). */
export function joinSentences(lang: Lang, a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return lang === 'zh-cn' ? `${a}${b}` : `${a} ${b}`;
}
