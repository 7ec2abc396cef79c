/** The cost components of a simulated year, in the order reports and charts list them (MODEL.md §5). */
export const COST_KEYS = ['production', 'setup', 'holding', 'transport', 'duties', 'service', 'orderHandling', 'obsolescence', 'complexity'] as const;
export type CostKey = (typeof COST_KEYS)[number];
