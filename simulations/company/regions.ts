/**
 * Geography of Kestrel Electronics / 隼科电子: facilities and the regions it sells to.
 *
 * Distances are from the plant and central DC in Suzhou (苏州), km, rounded:
 * - domestic: road distance to the region's main logistics hub (Shanghai, Tianjin, Guangzhou/Dongguan,
 *   Wuhan, Chengdu), from public road-route figures, rounded to 50 km;
 * - overseas: sea distance from Shanghai port to the hub port (Singapore ≈ 2,100 nmi, Rotterdam via
 *   Suez ≈ 10,500 nmi, Los Angeles ≈ 5,700 nmi; 1 nmi = 1.852 km), rounded to 100 km.
 * Duty rates are MODEL ASSUMPTIONS (scenario parameters), effective average rates on Kestrel's mix:
 * - domestic 0 (no import duty within China);
 * - Southeast Asia 0.01: the ASEAN–China Free Trade Area and the WTO Information Technology
 *   Agreement (ITA, 1996) put most computers, tablets and monitors at zero duty; a few accessories are not covered;
 * - Europe 0.02: ITA goods (laptops, tablets, ADP monitors) are duty-free, while chargers and cables
 *   carry low EU MFN duties of a few percent, so the average over the mix is about 2 %;
 * - North America 0.08: laptops/tablets are outside active US Section 301 lists (List 4B suspended) but
 *   many accessories fall under List 3 (25 %) or 4A (7.5 %); about 8 % on the mix. Rates changed again
 *   in 2025; treat this as a scenario parameter, not a fact (sources: WTO ITA page; USTR Section 301 notices).
 */
import type { Facility, Region } from '../types';

export const FACILITIES: readonly Facility[] = [
  { index: 0, key: 'plant-suzhou', name: { en: 'Suzhou plant', 'zh-cn': '苏州工厂' }, kind: 'plant', region: 0 },
  { index: 1, key: 'dc-suzhou', name: { en: 'Suzhou central DC', 'zh-cn': '苏州中央配送中心' }, kind: 'central-dc', region: 0 },
  { index: 2, key: 'wh-tianjin', name: { en: 'Tianjin regional warehouse', 'zh-cn': '天津区域仓' }, kind: 'regional-warehouse', region: 1 },
  { index: 3, key: 'wh-dongguan', name: { en: 'Dongguan regional warehouse', 'zh-cn': '东莞区域仓' }, kind: 'regional-warehouse', region: 2 },
  { index: 4, key: 'wh-chengdu', name: { en: 'Chengdu regional warehouse', 'zh-cn': '成都区域仓' }, kind: 'regional-warehouse', region: 4 },
  { index: 5, key: 'hub-singapore', name: { en: 'Singapore hub', 'zh-cn': '新加坡海外仓' }, kind: 'regional-warehouse', region: 5 },
  { index: 6, key: 'hub-rotterdam', name: { en: 'Rotterdam hub', 'zh-cn': '鹿特丹海外仓' }, kind: 'regional-warehouse', region: 6 },
  { index: 7, key: 'hub-los-angeles', name: { en: 'Los Angeles hub', 'zh-cn': '洛杉矶海外仓' }, kind: 'regional-warehouse', region: 7 },
];

/**
 * East China is served directly from the central DC (warehouse 1); Central China is served
 * from the central DC too (Wuhan is ~800 km by road, within a two-day truck run).
 */
export const REGIONS: readonly Region[] = [
  { index: 0, key: 'east', name: { en: 'East China', 'zh-cn': '华东' }, international: false, distanceKm: 150, dutyRate: 0, warehouse: 1 },
  { index: 1, key: 'north', name: { en: 'North China', 'zh-cn': '华北' }, international: false, distanceKm: 1050, dutyRate: 0, warehouse: 2 },
  { index: 2, key: 'south', name: { en: 'South China', 'zh-cn': '华南' }, international: false, distanceKm: 1450, dutyRate: 0, warehouse: 3 },
  { index: 3, key: 'central', name: { en: 'Central China', 'zh-cn': '华中' }, international: false, distanceKm: 800, dutyRate: 0, warehouse: 1 },
  { index: 4, key: 'west', name: { en: 'West China', 'zh-cn': '西部' }, international: false, distanceKm: 1950, dutyRate: 0, warehouse: 4 },
  { index: 5, key: 'sea', name: { en: 'Southeast Asia', 'zh-cn': '东南亚' }, international: true, distanceKm: 3900, dutyRate: 0.01, warehouse: 5 },
  { index: 6, key: 'europe', name: { en: 'Europe', 'zh-cn': '欧洲' }, international: true, distanceKm: 19400, dutyRate: 0.02, warehouse: 6 },
  { index: 7, key: 'north-america', name: { en: 'North America', 'zh-cn': '北美' }, international: true, distanceKm: 10600, dutyRate: 0.08, warehouse: 7 },
];

type Place = { en: string; 'zh-cn': string };
const CN: Place = { en: 'China', 'zh-cn': '中国' };
const c = (en: string, zh: string, country: Place = CN) => ({ city: { en, 'zh-cn': zh }, country });

/** Cities shown in CRM exports, per region (a customer's city is drawn from its region's list). */
export const REGION_CITIES: readonly { city: Place; country: Place }[][] = [
  [c('Shanghai', '上海'), c('Hangzhou', '杭州'), c('Nanjing', '南京'), c('Suzhou', '苏州'), c('Ningbo', '宁波'), c('Hefei', '合肥')],
  [c('Beijing', '北京'), c('Tianjin', '天津'), c('Jinan', '济南'), c('Shijiazhuang', '石家庄'), c('Qingdao', '青岛')],
  [c('Guangzhou', '广州'), c('Shenzhen', '深圳'), c('Dongguan', '东莞'), c('Xiamen', '厦门'), c('Foshan', '佛山')],
  [c('Wuhan', '武汉'), c('Changsha', '长沙'), c('Zhengzhou', '郑州'), c('Nanchang', '南昌')],
  [c('Chengdu', '成都'), c('Chongqing', '重庆'), c("Xi'an", '西安'), c('Kunming', '昆明')],
  [
    c('Singapore', '新加坡', { en: 'Singapore', 'zh-cn': '新加坡' }),
    c('Kuala Lumpur', '吉隆坡', { en: 'Malaysia', 'zh-cn': '马来西亚' }),
    c('Bangkok', '曼谷', { en: 'Thailand', 'zh-cn': '泰国' }),
    c('Ho Chi Minh City', '胡志明市', { en: 'Vietnam', 'zh-cn': '越南' }),
    c('Jakarta', '雅加达', { en: 'Indonesia', 'zh-cn': '印度尼西亚' }),
  ],
  [
    c('Rotterdam', '鹿特丹', { en: 'Netherlands', 'zh-cn': '荷兰' }),
    c('Hamburg', '汉堡', { en: 'Germany', 'zh-cn': '德国' }),
    c('Lyon', '里昂', { en: 'France', 'zh-cn': '法国' }),
    c('Milan', '米兰', { en: 'Italy', 'zh-cn': '意大利' }),
    c('Warsaw', '华沙', { en: 'Poland', 'zh-cn': '波兰' }),
  ],
  [
    c('Los Angeles', '洛杉矶', { en: 'United States', 'zh-cn': '美国' }),
    c('Chicago', '芝加哥', { en: 'United States', 'zh-cn': '美国' }),
    c('Dallas', '达拉斯', { en: 'United States', 'zh-cn': '美国' }),
    c('Toronto', '多伦多', { en: 'Canada', 'zh-cn': '加拿大' }),
  ],
];
