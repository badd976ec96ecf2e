/** The OKR Plan engine: pure arithmetic from a parsed plan to figures and findings. */
export * from './model.js';
export * from './analysis.js';
export * from './findings.js';
export * from './interval.js';
export * from './calendar.js';
export * from './period.js';
export * from './format.js';
export { analysePlan } from './derive.js';
export { exceeds, wholePeople } from './derive/rates.js';
export * from './compare.js';
export { IncrementalAnalysis, splitPlan, type IncrementalStats, type PlanSplit } from './incremental.js';
export * from './scenario.js';
