// Strategy layer: levers, default strategy, baseline plan, plan validation and resolution.
export * from './levers';
export * from './plan';
