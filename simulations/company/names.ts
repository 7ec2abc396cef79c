/**
 * Fictional customer names and ids, generated from syllables in both languages.
 * A name depends only on (company seed, customer index, industry, region), never on how many
 * customers exist, so customer KC-000042 has the same name in a 2,000- and a 200,000-customer company.
 * Domestic customers follow the Chinese pattern city + trade name (字号) + business + 有限公司, with
 * the trade name romanised in pinyin for English; overseas customers get a coined English name and
 * its Chinese transliteration, as Chinese CRM systems usually record foreign accounts.
 */
import type { Localized } from '../types';
import { deriveSeed, hashString, hashUniform } from '../random/rng';
import { REGIONS, REGION_CITIES } from './regions';

const TRADE_CHARS: readonly [string, string][] = [
  ['鼎', 'Ding'], ['华', 'Hua'], ['瑞', 'Rui'], ['恒', 'Heng'], ['信', 'Xin'], ['达', 'Da'], ['嘉', 'Jia'], ['盛', 'Sheng'],
  ['捷', 'Jie'], ['诚', 'Cheng'], ['天', 'Tian'], ['宏', 'Hong'], ['远', 'Yuan'], ['泰', 'Tai'], ['博', 'Bo'], ['创', 'Chuang'],
  ['润', 'Run'], ['安', 'An'], ['汇', 'Hui'], ['科', 'Ke'], ['立', 'Li'], ['明', 'Ming'], ['启', 'Qi'], ['辰', 'Chen'],
];

const FIRST: readonly [string, string][] = [
  ['Ar', '阿'], ['Bel', '贝'], ['Cor', '科'], ['Dal', '达'], ['El', '埃'], ['Fen', '芬'], ['Gal', '加'], ['Hal', '哈'],
  ['Is', '伊'], ['Jor', '乔'], ['Kel', '凯'], ['Lum', '卢'], ['Mar', '马'], ['Nor', '诺'], ['Or', '奥'], ['Pel', '佩'],
  ['Ros', '罗'], ['Sol', '索'], ['Tor', '托'], ['Val', '瓦'], ['Wes', '韦'], ['Zen', '泽'],
];
const SECOND: readonly [string, string][] = [
  ['ex', '克斯'], ['is', '斯'], ['on', '顿'], ['ar', '尔'], ['ia', '亚'], ['um', '姆'], ['en', '恩'], ['ora', '拉'], ['ant', '特'], ['ico', '科'],
];

/** Business words per industry (INDUSTRIES order). */
const BUSINESS: readonly Localized[] = [
  { en: 'Retail', 'zh-cn': '商贸' },
  { en: 'Systems', 'zh-cn': '系统集成' },
  { en: 'Industries', 'zh-cn': '智能制造' },
  { en: 'Learning', 'zh-cn': '教育科技' },
  { en: 'Medical', 'zh-cn': '医疗科技' },
  { en: 'E-commerce', 'zh-cn': '电子商务' },
  { en: 'Trading', 'zh-cn': '贸易' },
];

/** Legal-form suffix per region (domestic regions share the Chinese one). */
const LEGAL: Record<string, Localized> = {
  domestic: { en: 'Co., Ltd.', 'zh-cn': '有限公司' },
  sea: { en: 'Pte Ltd', 'zh-cn': '有限公司' },
  europe: { en: 'B.V.', 'zh-cn': '公司' },
  'north-america': { en: 'Inc.', 'zh-cn': '公司' },
};

/** Customer id as shown in CRM exports: KC-000001 for index 0. */
export function customerId(index: number): string {
  return `KC-${String(index + 1).padStart(6, '0')}`;
}

function pick<T>(list: readonly T[], u: number): T {
  return list[Math.min(list.length - 1, Math.floor(u * list.length))];
}

/** Key of the per-company name stream. */
export function nameKey(seed: number | string): number {
  return hashString(deriveSeed(seed, 'names'));
}

/** City (and country) of a customer, drawn from its region's city list. */
export function customerCity(key: number, index: number, region: number): { city: Localized; country: Localized } {
  return pick(REGION_CITIES[region], hashUniform(key, index, 0));
}

/** The customer's company name in both languages. */
export function customerName(key: number, index: number, industry: number, region: number): Localized {
  const biz = BUSINESS[industry] ?? BUSINESS[0];
  const r = REGIONS[region];
  const { city } = customerCity(key, index, region);
  if (!r.international) {
    const a = pick(TRADE_CHARS, hashUniform(key, index, 1));
    let b = pick(TRADE_CHARS, hashUniform(key, index, 2));
    if (b === a) b = TRADE_CHARS[(TRADE_CHARS.indexOf(a) + 7) % TRADE_CHARS.length];
    const legal = LEGAL.domestic;
    return {
      en: `${city.en} ${a[1]}${b[1].toLowerCase()} ${biz.en} ${legal.en}`,
      'zh-cn': `${city['zh-cn']}${a[0]}${b[0]}${biz['zh-cn']}${legal['zh-cn']}`,
    };
  }
  const f = pick(FIRST, hashUniform(key, index, 1));
  const s = pick(SECOND, hashUniform(key, index, 2));
  const legal = LEGAL[r.key] ?? LEGAL.domestic;
  return {
    en: `${f[0]}${s[0]} ${biz.en} ${legal.en}`,
    'zh-cn': `${f[1]}${s[1]}${biz['zh-cn']}${legal['zh-cn']}`,
  };
}
