/**
 * Kestrel's product portfolio, calibrated to Fisher (1997), "What Is the Right Supply Chain for
 * Your Product?", HBR 75(2), table "Functional versus Innovative Products":
 * - innovative ('new'): life cycle 3–12 months (13–52 weeks), contribution margin 20–60 % (we use
 *   36–40 %, inside the 20–40 % band seen for device makers, e.g. Apple 37.5 % gross margin in Q1 2013,
 *   Reuters), forecast error 40–100 % → weekly demand CV 0.5–0.9;
 * - functional ('mature'): life cycle > 2 years (> 104 weeks), contribution margin 5–20 %
 *   (we use 11–18 %), forecast error about 10 % → weekly demand CV 0.10–0.15.
 * Device market life of ~3–6 months before a newer model arrives: DigiTimes Research (Oct 2013).
 * Prices are list prices to business customers, USD per unit (model assumptions in the range of
 * mid-market B2B electronics). Margin = (price − unitCost) / price.
 */
import type { Product } from '../types';

type P = Omit<Product, 'index'>;

const LIST: P[] = [
  // new / innovative
  { key: 'airbook-14', name: { en: 'Kestrel AirBook 14 laptop', 'zh-cn': '隼科 AirBook 14 笔记本电脑' }, lifecycle: 'new', price: 900, unitCost: 560, lifeWeeks: 39, launchWeek: -8, demandCv: 0.6 },
  { key: 'pro-16', name: { en: 'Kestrel Pro 16 workstation laptop', 'zh-cn': '隼科 Pro 16 移动工作站' }, lifecycle: 'new', price: 1600, unitCost: 1000, lifeWeeks: 52, launchWeek: -20, demandCv: 0.5 },
  { key: 'tab-11', name: { en: 'Kestrel Tab 11 tablet', 'zh-cn': '隼科 Tab 11 平板电脑' }, lifecycle: 'new', price: 420, unitCost: 268, lifeWeeks: 26, launchWeek: 10, demandCv: 0.7 },
  { key: 'edge-hub', name: { en: 'Kestrel Edge AI smart hub', 'zh-cn': '隼科 Edge AI 智能中枢' }, lifecycle: 'new', price: 180, unitCost: 108, lifeWeeks: 20, launchWeek: 20, demandCv: 0.9 },
  // mature / functional
  { key: 'charger-65w', name: { en: '65 W USB-C charger', 'zh-cn': '65 W USB-C 充电器' }, lifecycle: 'mature', price: 25, unitCost: 21.5, lifeWeeks: 156, launchWeek: -70, demandCv: 0.12 },
  { key: 'cable-usbc', name: { en: 'USB-C cable, 2 m', 'zh-cn': 'USB-C 数据线（2 米）' }, lifecycle: 'mature', price: 8, unitCost: 7.1, lifeWeeks: 208, launchWeek: -120, demandCv: 0.1 },
  { key: 'monitor-27', name: { en: '27-inch office monitor', 'zh-cn': '27 英寸办公显示器' }, lifecycle: 'mature', price: 210, unitCost: 176, lifeWeeks: 208, launchWeek: -90, demandCv: 0.15 },
  { key: 'keyboard-set', name: { en: 'Keyboard and mouse set', 'zh-cn': '键鼠套装' }, lifecycle: 'mature', price: 35, unitCost: 29, lifeWeeks: 260, launchWeek: -150, demandCv: 0.12 },
  { key: 'dock-usbc', name: { en: 'USB-C docking station', 'zh-cn': 'USB-C 扩展坞' }, lifecycle: 'mature', price: 120, unitCost: 98.5, lifeWeeks: 156, launchWeek: -60, demandCv: 0.14 },
];

export const PRODUCTS: readonly Product[] = LIST.map((p, index) => ({ index, ...p }));

/** Revenue-weighted mean gross margin of a lifecycle class (equal weights within the class). */
export function classMargin(lifecycle: 'new' | 'mature'): number {
  const ps = PRODUCTS.filter((p) => p.lifecycle === lifecycle);
  return ps.reduce((s, p) => s + (p.price - p.unitCost) / p.price, 0) / ps.length;
}
