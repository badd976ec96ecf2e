import type { FindingCode, Severity } from '@okr-plan/engine';
import type { Site } from './site.js';

/** Codes the language adds to the engine's: problems of names, blocks and syntax. */
export type LanguageFindingCode = 'duplicate-name' | 'duplicate-calendar' | 'duplicate-policy' | 'duplicate-clause' | 'parse-error';

export type PlanFindingCode = FindingCode | LanguageFindingCode;

/** A diagnostic before it has words: code, severity, where, and the numbers and names a message needs. */
export interface PlanFinding {
    code: PlanFindingCode;
    severity: Severity;
    site: Site;
    args: Record<string, string | number>;
}
