/**
 * UI strings of the CRM list view (src/components/crm), in both site languages.
 *
 * Same shape as the site dictionaries (flat dotted keys, `{name}` placeholders) so the lead can merge
 * them into src/i18n/en.json and zh-CN.json unchanged; until then the component reads them through
 * `crmT(lang, key, vars)`. Column labels are not here: they come from the engine's CRM export
 * (CRM_COLUMNS), so the list and the CSV always agree.
 */
import type { Lang } from '../../i18n/index';

export const CRM_STRINGS = {
  en: {
    'crm.caption': 'Customer accounts of {company}',
    'crm.controls': 'Search and filter the customer list',
    'crm.search.label': 'Search',
    'crm.search.placeholder': 'Account number, name, industry or region',
    'crm.search.help': 'Words are matched anywhere in the account number, name, industry or region.',
    'crm.search.truncated': 'Search text is limited to {max} characters; the rest was left out.',
    'crm.filter.region': 'Sales region',
    'crm.filter.industry': 'Industry',
    'crm.filter.channel': 'Sales channel',
    'crm.filter.market': 'Domestic/International',
    'crm.filter.all': 'All',
    'crm.filter.revenueMin': 'Annual revenue from (USD)',
    'crm.filter.revenueMax': 'Annual revenue to (USD)',
    'crm.filter.revenueInvalid': '“{value}” is not an amount in US dollars (0 or more), so it is not used as a limit.',
    'crm.filter.clear': 'Clear filters',
    'crm.columns': 'Columns',
    'crm.columns.legend': 'Columns to show',
    'crm.columns.lastOne': 'At least one column stays visible.',
    'crm.count': 'Showing {shown} of {total} customers',
    'crm.rows': 'Rows {from}–{to}',
    'crm.scroll': 'Customer list: scroll to see more rows',
    'crm.sortBy': 'Sort by {column}',
    'crm.sorted.asc': 'sorted ascending',
    'crm.sorted.desc': 'sorted descending',
    'crm.empty': 'No customer matches these filters.',
    'crm.emptySearch': 'No customer matches “{query}” with these filters.',
    'crm.open': 'Open {id}',
    'crm.error': 'The customer list could not be built for these settings, so it shows seed {seed} with {count} customers instead.',
  },
  'zh-cn': {
    'crm.caption': '{company}客户列表',
    'crm.controls': '搜索和筛选客户列表',
    'crm.search.label': '搜索',
    'crm.search.placeholder': '客户编号、名称、行业或区域',
    'crm.search.help': '在客户编号、名称、行业和区域中查找包含这些词的客户。',
    'crm.search.truncated': '搜索内容最多 {max} 个字符，超出的部分未计入。',
    'crm.filter.region': '销售区域',
    'crm.filter.industry': '行业',
    'crm.filter.channel': '销售渠道',
    'crm.filter.market': '国内/海外',
    'crm.filter.all': '全部',
    'crm.filter.revenueMin': '年销售额下限(美元)',
    'crm.filter.revenueMax': '年销售额上限(美元)',
    'crm.filter.revenueInvalid': '“{value}”不是有效的美元金额(应为 0 或以上)，因此未作为筛选条件。',
    'crm.filter.clear': '清除筛选',
    'crm.columns': '显示列',
    'crm.columns.legend': '选择要显示的列',
    'crm.columns.lastOne': '至少保留一列。',
    'crm.count': '共 {total} 个客户，符合条件 {shown} 个',
    'crm.rows': '第 {from}–{to} 行',
    'crm.scroll': '客户列表：滚动查看更多行',
    'crm.sortBy': '按{column}排序',
    'crm.sorted.asc': '升序',
    'crm.sorted.desc': '降序',
    'crm.empty': '没有符合筛选条件的客户。',
    'crm.emptySearch': '在当前筛选条件下，没有与“{query}”匹配的客户。',
    'crm.open': '查看 {id}',
    'crm.error': '无法按当前设置生成客户列表，已改为显示种子 {seed} 的 {count} 个客户。',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type CrmStringKey = keyof (typeof CRM_STRINGS)['en'];

/** Looks up a CRM string and fills `{name}` placeholders (values are inserted as text, never markup). */
export function crmT(lang: Lang, key: CrmStringKey, vars: Record<string, string | number> = {}): string {
  const dict: Record<string, string> = CRM_STRINGS[lang] ?? CRM_STRINGS.en;
  const message = dict[key] ?? CRM_STRINGS.en[key];
  return message.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
