export * from './okr-module.js';
export * from './plan/plan-workspace.js';
export * from './plan/plan-findings.js';
export * from './plan/plan-fragment.js';
export type { Site } from './plan/site.js';
export * from './i18n/locale.js';
export * from './i18n/messages.js';
export { PARSE_ERROR, LINKING_ERROR } from './okr-document-validator.js';
export * as ast from './generated/ast.js';
