/**
 * The simulator states the FAQ chapter (content/lessons/{en,zh-cn}/11-faq/index.mdx) links to or quotes,
 * and the engine figures its text quotes next to them. Pure data (no imports), shared by the engine
 * test (figures.test.ts: decode, run, compare) and the browser test (test/e2e/faq.spec.ts: open, check
 * the DOM). Seed 42, 2,000 customers, 52 weeks: the segment lab's defaults.
 *
 * A figure names an engine measure (see `measure` in figures.test.ts):
 *   profit | satisfaction | otif | churnRate           company totals of the linked run
 *   base.<same>                                         the one-size-fits-all baseline of the same company
 *   delta.<same>                                        run minus baseline
 *   cost.<component> / base.cost.<component>            cost components (COST_KEYS), USD
 *   seg.<key>.<satisfaction|churnRate|customers>        one segment of the run
 *   seg.<key>.base.<satisfaction|churnRate>             the same customers in the baseline
 *   segments                                            number of non-empty segments
 * and the value the text shows, in its unit: musd = millions of USD (1 decimal; the Chinese text writes
 * 万美元), points = satisfaction points (1 decimal), percent = a rate in % (1 decimal), count = a whole
 * number (`dp` sets other decimals). `en` / `zh` override the text the test looks for when the sentence writes the figure another
 * way (a signed change, two decimals); otherwise the text is derived from value and unit.
 */

export type FigureUnit = 'musd' | 'points' | 'percent' | 'count';

export interface Figure {
  measure: string;
  value: number;
  unit: FigureUnit;
  /** decimals the text shows (default: 1; counts 0) */
  dp?: number;
  en?: string;
  zh?: string;
}

export interface FaqState {
  id: string;
  /** the FAQ section (stable heading id, same in both languages) whose text quotes these figures */
  section: string;
  /** lesson folder of the lab */
  lesson: string;
  lens: 'needs' | 'value' | 'geography' | 'lifecycle' | 'behaviour';
  /** the share-link query, exactly as encodeState writes it (without "?") */
  query: string;
  /** true: the page links to this state (the link is ../<lesson>/?<query>#lab-<lens>) */
  linked: boolean;
  figures: Figure[];
}

export const FAQ_STATES: FaqState[] = [
  // ---------------------------------------------------------------- choosing target segments
  {
    id: 'speed-priority',
    section: 'choose-segments',
    lesson: '02-customer-needs',
    lens: 'needs',
    query: 'lab=needs&seed=42&p.needs=price%2Cspeed%2Cservice&p.minScore=0.25&s.speed=e_0.95_c_p_s_s_0',
    linked: true,
    figures: [
      { measure: 'seg.speed.customers', value: 555, unit: 'count' },
      { measure: 'seg.speed.base.satisfaction', value: 58.9, unit: 'points' },
      { measure: 'seg.speed.satisfaction', value: 66.6, unit: 'points' },
      { measure: 'satisfaction', value: 72.4, unit: 'points' },
      { measure: 'profit', value: 52.9, unit: 'musd' },
      { measure: 'delta.profit', value: -0.05, unit: 'musd', dp: 2, en: '$0.05M', zh: '5 万美元' },
      { measure: 'cost.complexity', value: 0.7, unit: 'musd' },
    ],
  },
  {
    id: 'balanced-priority',
    section: 'choose-segments',
    lesson: '02-customer-needs',
    lens: 'needs',
    query: 'lab=needs&seed=42&p.needs=price%2Cspeed%2Cservice&p.minScore=0.25&s.balanced=e_0.95_c_p_s_s_0',
    linked: true,
    figures: [
      { measure: 'seg.balanced.customers', value: 261, unit: 'count' },
      { measure: 'seg.balanced.base.satisfaction', value: 75.7, unit: 'points' },
      { measure: 'seg.balanced.satisfaction', value: 86.1, unit: 'points' },
      { measure: 'profit', value: 47.6, unit: 'musd' },
      { measure: 'base.cost.transport', value: 6.0, unit: 'musd' },
      { measure: 'cost.transport', value: 12.5, unit: 'musd' },
    ],
  },
  // ---------------------------------------------------------------- how many segments
  {
    id: 'regions-no-levers',
    section: 'how-many',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=region&p.near=500&p.mid=2000&p.far=8000',
    linked: true,
    figures: [
      { measure: 'segments', value: 8, unit: 'count', en: 'eight segments', zh: '8 个群组' },
      { measure: 'cost.complexity', value: 1.7, unit: 'musd' },
      { measure: 'base.profit', value: 52.9, unit: 'musd' },
      { measure: 'profit', value: 51.3, unit: 'musd' },
      { measure: 'satisfaction', value: 70.3, unit: 'points' },
    ],
  },
  // ---------------------------------------------------------------- strategy per segment
  {
    id: 'fisher-match',
    section: 'strategy',
    lesson: '05-product-lifecycle',
    lens: 'lifecycle',
    query: 'lab=lifecycle&seed=42&p.new=0.6&p.mature=0.3&s.mature=e_0.9_c_s_s_s_0&s.new=r_0.97_c_s_s_s_0',
    linked: true,
    figures: [
      { measure: 'profit', value: 54.5, unit: 'musd' },
      { measure: 'base.cost.holding', value: 37.2, unit: 'musd' },
      { measure: 'cost.holding', value: 30.8, unit: 'musd' },
      { measure: 'base.cost.obsolescence', value: 6.5, unit: 'musd' },
      { measure: 'cost.obsolescence', value: 5.1, unit: 'musd' },
    ],
  },
  {
    id: 'fisher-mismatch',
    section: 'strategy',
    lesson: '05-product-lifecycle',
    lens: 'lifecycle',
    query: 'lab=lifecycle&seed=42&p.new=0.6&p.mature=0.3&s.mature=r_0.97_c_s_s_s_0&s.new=e_0.9_c_s_s_s_0',
    linked: true,
    figures: [{ measure: 'profit', value: 46.6, unit: 'musd' }],
  },
  {
    id: 'service-level-99',
    section: 'strategy',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.domestic=e_0.99_c_s_s_s_0&s.international=e_0.99_c_s_s_s_0',
    linked: true,
    figures: [
      { measure: 'delta.satisfaction', value: 0.03, unit: 'points', dp: 2, en: '0.03 points', zh: '0.03 分' },
      { measure: 'base.otif', value: 63.1, unit: 'percent' },
      { measure: 'otif', value: 63.2, unit: 'percent' },
      { measure: 'delta.profit', value: -0.8, unit: 'musd', en: '$0.8M', zh: '80 万美元' },
      { measure: 'cost.complexity', value: 0.2, unit: 'musd' },
    ],
  },
  // the textbook plans of lessons 02–06 as the labs' "Apply the textbook strategy" button sets them
  {
    id: 'textbook-needs',
    section: 'strategy',
    lesson: '02-customer-needs',
    lens: 'needs',
    query: 'lab=needs&seed=42&p.needs=price%2Cspeed%2Cservice&p.minScore=0.25&s.service=e_0.95_c_s_p_s_0&s.speed=r_0.97_c_p_s_s_0',
    linked: false,
    figures: [
      { measure: 'profit', value: 54.6, unit: 'musd' },
      { measure: 'satisfaction', value: 74.6, unit: 'points' },
    ],
  },
  {
    id: 'textbook-value',
    section: 'strategy',
    lesson: '03-customer-value',
    lens: 'value',
    query: 'lab=value&seed=42&p.scheme=abc&p.a=0.8&p.b=0.95&p.high=0.2&p.medium=0.5&s.A=e_0.97_c_s_p_s_0&s.C=e_0.95_r_s_s_s_0',
    linked: false,
    figures: [
      { measure: 'profit', value: 53.6, unit: 'musd' },
      { measure: 'satisfaction', value: 75.6, unit: 'points' },
    ],
  },
  {
    id: 'textbook-geography',
    section: 'strategy',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.international=e_0.95_r_s_s_s_0',
    linked: false,
    figures: [
      { measure: 'profit', value: 46.7, unit: 'musd' },
      { measure: 'satisfaction', value: 74.3, unit: 'points' },
    ],
  },
  {
    id: 'textbook-lifecycle',
    section: 'strategy',
    lesson: '05-product-lifecycle',
    lens: 'lifecycle',
    query: 'lab=lifecycle&seed=42&p.new=0.6&p.mature=0.3&s.mature=e_0.9_c_s_s_s_0&s.new=r_0.97_c_s_s_s_0',
    linked: false,
    figures: [
      { measure: 'profit', value: 54.5, unit: 'musd' },
      { measure: 'satisfaction', value: 70.8, unit: 'points' },
    ],
  },
  {
    id: 'textbook-behaviour',
    section: 'strategy',
    lesson: '06-behaviour',
    lens: 'behaviour',
    query: 'lab=behaviour&seed=42&p.by=frequency-size&p.freq=24&p.size=10000&p.cv=0.5&s.frequent-large=e_0.95_c_s_p_s_0&s.frequent-small=e_0.95_c_p_s_s_0&s.occasional-small=e_0.95_r_s_s_s_0',
    linked: false,
    figures: [
      { measure: 'profit', value: 54.4, unit: 'musd' },
      { measure: 'satisfaction', value: 75.2, unit: 'points' },
    ],
  },
  // ---------------------------------------------------------------- satisfaction without losing money
  {
    id: 'targeted-levers',
    section: 'satisfaction',
    lesson: '03-customer-value',
    lens: 'value',
    query: 'lab=value&seed=42&p.scheme=abc&p.a=0.8&p.b=0.95&p.high=0.2&p.medium=0.5&s.A=e_0.95_c_s_p_s_0&s.C=e_0.95_r_s_s_s_0',
    linked: true,
    figures: [
      { measure: 'base.satisfaction', value: 70.3, unit: 'points' },
      { measure: 'satisfaction', value: 75.5, unit: 'points' },
      { measure: 'profit', value: 53.8, unit: 'musd' },
      { measure: 'base.churnRate', value: 15.9, unit: 'percent' },
      { measure: 'churnRate', value: 11.6, unit: 'percent' },
      { measure: 'seg.C.base.satisfaction', value: 69.4, unit: 'points' },
      { measure: 'seg.C.satisfaction', value: 77.2, unit: 'points' },
    ],
  },
  {
    id: 'priority-everyone',
    section: 'satisfaction',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.domestic=e_0.95_c_p_s_s_0&s.international=e_0.95_c_p_s_s_0',
    linked: true,
    figures: [
      { measure: 'satisfaction', value: 76.6, unit: 'points' },
      { measure: 'profit', value: 38.3, unit: 'musd' },
      { measure: 'delta.satisfaction', value: 6.3, unit: 'points', en: '+6.3', zh: '+6.3' },
      { measure: 'delta.profit', value: -14.7, unit: 'musd', en: '−$14.7M', zh: '−1,470 万美元' },
    ],
  },
  // one lever for every customer (both segments of the geography lab's domestic/international split)
  {
    id: 'everyone-regional',
    section: 'satisfaction',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.domestic=e_0.95_r_s_s_s_0&s.international=e_0.95_r_s_s_s_0',
    linked: false,
    figures: [
      { measure: 'delta.satisfaction', value: 6.6, unit: 'points', en: '+6.6', zh: '+6.6' },
      { measure: 'delta.profit', value: -9.6, unit: 'musd', en: '−$9.6M', zh: '−960 万美元' },
      { measure: 'cost.complexity', value: 0.2, unit: 'musd' },
    ],
  },
  {
    id: 'everyone-premium',
    section: 'satisfaction',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.domestic=e_0.95_c_s_p_s_0&s.international=e_0.95_c_s_p_s_0',
    linked: false,
    figures: [
      { measure: 'delta.satisfaction', value: 3.6, unit: 'points', en: '+3.6', zh: '+3.6' },
      { measure: 'delta.profit', value: -2.7, unit: 'musd', en: '−$2.7M', zh: '−270 万美元' },
    ],
  },
  {
    id: 'everyone-discount',
    section: 'satisfaction',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.domestic=e_0.95_c_s_s_s_0.03&s.international=e_0.95_c_s_s_s_0.03',
    linked: false,
    figures: [
      { measure: 'delta.satisfaction', value: 1.0, unit: 'points', en: '+1.0', zh: '+1.0' },
      { measure: 'delta.profit', value: -26.6, unit: 'musd', en: '−$26.6M', zh: '−2,660 万美元' },
    ],
  },
  {
    id: 'everyone-service-level',
    section: 'satisfaction',
    lesson: '04-geography',
    lens: 'geography',
    query: 'lab=geography&seed=42&p.by=domestic&p.near=500&p.mid=2000&p.far=8000&s.domestic=e_0.99_c_s_s_s_0&s.international=e_0.99_c_s_s_s_0',
    linked: false,
    figures: [
      { measure: 'delta.satisfaction', value: 0.0, unit: 'points', en: '+0.0', zh: '+0.0' },
      { measure: 'delta.profit', value: -0.8, unit: 'musd', en: '−$0.8M', zh: '−80 万美元' },
    ],
  },
  // ---------------------------------------------------------------- data
  {
    id: 'rfm-tiers',
    section: 'data',
    lesson: '03-customer-value',
    lens: 'value',
    query: 'lab=value&seed=42&p.scheme=rfm&p.a=0.8&p.b=0.95&p.high=0.2&p.medium=0.5',
    linked: true,
    figures: [
      { measure: 'seg.champions.customers', value: 261, unit: 'count' },
      { measure: 'seg.at-risk.customers', value: 605, unit: 'count' },
    ],
  },
  {
    id: 'abc-tiers',
    section: 'data',
    lesson: '03-customer-value',
    lens: 'value',
    query: 'lab=value&seed=42&p.scheme=abc&p.a=0.8&p.b=0.95&p.high=0.2&p.medium=0.5',
    linked: false,
    figures: [{ measure: 'seg.A.customers', value: 470, unit: 'count' }],
  },
  {
    id: 'clv-tiers',
    section: 'data',
    lesson: '03-customer-value',
    lens: 'value',
    query: 'lab=value&seed=42&p.scheme=clv&p.a=0.8&p.b=0.95&p.high=0.2&p.medium=0.5',
    linked: false,
    figures: [{ measure: 'seg.clv-high.customers', value: 400, unit: 'count' }],
  },
  // ---------------------------------------------------------------- re-segmenting
  {
    id: 'value-plan-churn',
    section: 'how-often',
    lesson: '03-customer-value',
    lens: 'value',
    query: 'lab=value&seed=42&p.scheme=abc&p.a=0.8&p.b=0.95&p.high=0.2&p.medium=0.5&s.A=e_0.97_c_s_p_s_0&s.C=e_0.95_r_s_s_s_0',
    linked: true,
    figures: [
      { measure: 'base.churnRate', value: 15.9, unit: 'percent' },
      { measure: 'churnRate', value: 11.5, unit: 'percent' },
      { measure: 'seg.C.customers', value: 1082, unit: 'count' },
      { measure: 'seg.C.base.churnRate', value: 21.8, unit: 'percent' },
      { measure: 'seg.C.churnRate', value: 14.1, unit: 'percent' },
    ],
  },
  // ---------------------------------------------------------------- overlapping segments
  {
    id: 'no-overlap',
    section: 'overlap',
    lesson: '05-product-lifecycle',
    lens: 'lifecycle',
    query: 'lab=lifecycle&seed=42&p.new=0.4&p.mature=0.4&s.mature=e_0.9_c_s_s_s_0&s.new=r_0.97_c_s_s_s_0',
    linked: true,
    figures: [
      { measure: 'seg.new.customers', value: 884, unit: 'count' },
      { measure: 'seg.mature.customers', value: 1116, unit: 'count' },
      { measure: 'profit', value: 55.2, unit: 'musd' },
      { measure: 'cost.holding', value: 23.9, unit: 'musd' },
    ],
  },
  {
    id: 'overlap-three-segments',
    section: 'overlap',
    lesson: '05-product-lifecycle',
    lens: 'lifecycle',
    query: 'lab=lifecycle&seed=42&p.new=0.6&p.mature=0.3&s.mature=e_0.9_c_s_s_s_0&s.new=r_0.97_c_s_s_s_0',
    linked: false,
    figures: [{ measure: 'profit', value: 54.5, unit: 'musd' }],
  },
  {
    id: 'overlap-default',
    section: 'overlap',
    lesson: '05-product-lifecycle',
    lens: 'lifecycle',
    query: 'lab=lifecycle&seed=42&p.new=0.6&p.mature=0.3',
    linked: false,
    figures: [{ measure: 'seg.mixed.customers', value: 641, unit: 'count' }],
  },
  // ---------------------------------------------------------------- starting in a real company
  {
    id: 'pilot',
    section: 'start',
    lesson: '02-customer-needs',
    lens: 'needs',
    query: 'lab=needs&seed=42&p.needs=price%2Cspeed%2Cservice&p.minScore=0.25&s.service=e_0.95_c_s_p_s_0',
    linked: true,
    figures: [
      { measure: 'seg.service.customers', value: 441, unit: 'count' },
      { measure: 'seg.service.base.satisfaction', value: 69.5, unit: 'points' },
      { measure: 'seg.service.satisfaction', value: 77.4, unit: 'points' },
      { measure: 'seg.service.base.churnRate', value: 9.3, unit: 'percent' },
      { measure: 'seg.service.churnRate', value: 7.3, unit: 'percent' },
      { measure: 'profit', value: 53.6, unit: 'musd' },
      { measure: 'delta.profit', value: 0.7, unit: 'musd' },
    ],
  },
];

/** The relative URL the FAQ page uses for a linked state. */
export function faqHref(s: FaqState): string {
  return `../${s.lesson}/?${s.query}#lab-${s.lens}`;
}

/** Capstone links (lesson 07, fixed contract parameters), by FAQ section. */
export const CAPSTONE_LINKS: { section: string; href: string }[] = [
  { section: 'how-many', href: '../07-capstone/?cap.method=kmeans&cap.k=5' },
  { section: 'how-often', href: '../07-capstone/?cap.scenario=demand-shock' },
];
