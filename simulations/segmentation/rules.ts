/**
 * Rule-based segmentation over several attributes: an ordered list of rules, each a conjunction of
 * comparisons ("annualRevenue >= 1000000 AND international == 1"); the FIRST rule a customer
 * matches assigns its segment, and customers matching no rule fall into the default segment.
 * Numeric fields compare as numbers (units as in CustomerTable); coded fields (region, channel,
 * industry) compare by code, or by key for region ('east', 'europe', ...) and channel
 * ('direct' | 'portal' | 'distributor' | 'edi'), with == and != only.
 */
import type { Company, Localized, Segmentation } from '../types';
import { CHANNELS } from '../types';
import { EngineError, checkKnownKeys, checkNumber, checkObject, checkOneOf } from '../errors';
import { CODED_FIELDS, NUMERIC_FIELDS, buildSegmentation, column, L, type CodedField, type NumericField } from './common';

export const RULE_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type RuleOp = (typeof RULE_OPS)[number];
export const RULE_FIELDS = [...NUMERIC_FIELDS, ...CODED_FIELDS] as const;
export type RuleField = NumericField | CodedField;

export interface RuleCondition {
  field: RuleField;
  op: RuleOp;
  /** a number, or for region/channel a key such as "europe" or "edi" */
  value: number | string;
}

export interface Rule {
  key: string;
  name?: string | Localized;
  when: RuleCondition[];
}

export interface RulesParams {
  rules: Rule[];
  defaultKey: string;
  defaultName: string | Localized;
}

export const MAX_RULES = 16;
export const MAX_CONDITIONS = 8;
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** The default rule list: a teaching example combining value, geography, lifecycle, needs and channel. */
export const DEFAULT_RULES_PARAMS: RulesParams = {
  rules: [
    { key: 'key-accounts', name: { en: 'Key accounts', 'zh-cn': '大客户' }, when: [{ field: 'annualRevenue', op: '>=', value: 1_000_000 }] },
    { key: 'overseas', name: { en: 'Overseas', 'zh-cn': '海外客户' }, when: [{ field: 'international', op: '==', value: 1 }] },
    {
      key: 'fast-track',
      name: { en: 'Fast track (new products, short lead time)', 'zh-cn': '快速通道（新品、短交期）' },
      when: [
        { field: 'requiredLeadTimeDays', op: '<=', value: 3 },
        { field: 'newProductShare', op: '>=', value: 0.5 },
      ],
    },
    { key: 'solutions', name: { en: 'Solution customers (high support)', 'zh-cn': '解决方案客户（高服务需求）' }, when: [{ field: 'supportNeed', op: '>=', value: 0.65 }] },
    {
      key: 'small-online',
      name: { en: 'Small online accounts', 'zh-cn': '线上小客户' },
      when: [
        { field: 'channel', op: '==', value: 'portal' },
        { field: 'annualRevenue', op: '<', value: 50_000 },
      ],
    },
  ],
  defaultKey: 'core',
  defaultName: { en: 'Core volume customers', 'zh-cn': '核心批量客户' },
};

function localized(field: string, v: unknown, fallback: string): Localized {
  if (v === undefined) return L(fallback, fallback);
  if (typeof v === 'string' && v.length > 0 && v.length <= 80) return L(v, v);
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o.en === 'string' && typeof o['zh-cn'] === 'string' && o.en.length > 0 && o['zh-cn'].length > 0) return L(o.en, o['zh-cn']);
  }
  throw new EngineError(field, v, 'a name of 1..80 characters or { en, zh-cn }');
}

function checkKey(field: string, v: unknown): string {
  if (typeof v === 'string' && KEY_PATTERN.test(v)) return v;
  throw new EngineError(field, v, 'letters, digits, - and _ (1..40, not starting with - or _)');
}

export function resolveRulesParams(params: unknown, field = 'params'): RulesParams & { names: Localized[] } {
  const p = checkObject(field, params);
  checkKnownKeys(field, p, ['rules', 'defaultKey', 'defaultName']);
  const rawRules = p.rules === undefined ? DEFAULT_RULES_PARAMS.rules : p.rules;
  if (!Array.isArray(rawRules) || rawRules.length > MAX_RULES) throw new EngineError(`${field}.rules`, rawRules, `a list of 0..${MAX_RULES} rules`);
  const keys = new Set<string>();
  const rules: Rule[] = [];
  const names: Localized[] = [];
  rawRules.forEach((raw, i) => {
    const f = `${field}.rules[${i}]`;
    const r = checkObject(f, raw);
    checkKnownKeys(f, r, ['key', 'name', 'when']);
    const key = checkKey(`${f}.key`, r.key);
    if (keys.has(key)) throw new EngineError(`${f}.key`, key, 'a key not used by another rule', 'is a duplicate');
    keys.add(key);
    if (!Array.isArray(r.when) || r.when.length < 1 || r.when.length > MAX_CONDITIONS)
      throw new EngineError(`${f}.when`, r.when, `a list of 1..${MAX_CONDITIONS} conditions`);
    const when = r.when.map((rawC, j) => {
      const cf = `${f}.when[${j}]`;
      const cond = checkObject(cf, rawC);
      checkKnownKeys(cf, cond, ['field', 'op', 'value']);
      const fieldName = checkOneOf(`${cf}.field`, cond.field, RULE_FIELDS) as RuleField;
      const op = checkOneOf(`${cf}.op`, cond.op, RULE_OPS);
      const coded = (CODED_FIELDS as readonly string[]).includes(fieldName);
      let value: number | string;
      if (typeof cond.value === 'string') {
        if (fieldName === 'channel') value = checkOneOf(`${cf}.value`, cond.value, CHANNELS);
        else if (fieldName === 'region') value = cond.value; // checked against the company in compile()
        else throw new EngineError(`${cf}.value`, cond.value, fieldName === 'industry' ? 'an industry code (number)' : 'a finite number');
        if (op !== '==' && op !== '!=') throw new EngineError(`${cf}.op`, op, '==|!= (comparing a key)');
      } else {
        value = checkNumber(`${cf}.value`, cond.value, -1e12, 1e12);
        if (coded && op !== '==' && op !== '!=') throw new EngineError(`${cf}.op`, op, `==|!= (${fieldName} is a code)`);
      }
      return { field: fieldName, op, value };
    });
    rules.push({ key, name: r.name as Rule['name'], when });
    names.push(localized(`${f}.name`, r.name, key));
  });
  const defaultKey = p.defaultKey === undefined ? DEFAULT_RULES_PARAMS.defaultKey : checkKey(`${field}.defaultKey`, p.defaultKey);
  if (keys.has(defaultKey)) throw new EngineError(`${field}.defaultKey`, defaultKey, 'a key not used by a rule', 'is a duplicate');
  const defaultName = p.defaultName === undefined ? (p.defaultKey === undefined ? DEFAULT_RULES_PARAMS.defaultName : defaultKey) : p.defaultName;
  const defName = localized(`${field}.defaultName`, defaultName, defaultKey);
  return { rules, defaultKey, defaultName: defName, names: [...names, defName] };
}

function compare(x: number, op: RuleOp, v: number): boolean {
  switch (op) {
    case '<': return x < v;
    case '<=': return x <= v;
    case '>': return x > v;
    case '>=': return x >= v;
    case '==': return x === v;
    default: return x !== v;
  }
}

export function segmentByRules(company: Company, params?: unknown): Segmentation {
  const p = resolveRulesParams(params);
  const c = company.customers;
  // compile: resolve keys to codes and columns once
  const compiled = p.rules.map((r, i) =>
    r.when.map((cond, j) => {
      let v: number;
      if (typeof cond.value === 'string') {
        if (cond.field === 'channel') v = CHANNELS.indexOf(cond.value as (typeof CHANNELS)[number]);
        else {
          v = company.regions.findIndex((reg) => reg.key === cond.value);
          if (v < 0) throw new EngineError(`params.rules[${i}].when[${j}].value`, cond.value, company.regions.map((reg) => reg.key).join('|'));
        }
      } else v = cond.value;
      return { col: column(c, cond.field), op: cond.op, v };
    }),
  );
  const labels = new Uint16Array(c.n);
  const fallback = compiled.length;
  for (let i = 0; i < c.n; i++) {
    let seg = fallback;
    for (let r = 0; r < compiled.length; r++) {
      const conds = compiled[r];
      let ok = true;
      for (let j = 0; j < conds.length && ok; j++) ok = compare(conds[j].col[i], conds[j].op, conds[j].v);
      if (ok) {
        seg = r;
        break;
      }
    }
    labels[i] = seg;
  }
  const defs = [...p.rules.map((r, i) => ({ key: r.key, name: p.names[i] })), { key: p.defaultKey, name: p.names[p.names.length - 1] }];
  return buildSegmentation(company, 'rules', labels, defs);
}
