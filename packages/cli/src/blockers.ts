/**
 * Why a figure shows `—` on a plan with errors: the errors in the declarations it is derived from
 * (`kpiDependencies`, `stageDependencies`), so `okr kpis` can say which error blocks it.
 */
import { kpiDependencies, stageDependencies } from '@okr-plan/language';
import { AstUtils, type AstNode } from 'langium';
import type { LoadedPlan, PlanDiagnostic } from './plan-loader.js';

export interface Blocker {
    code: string;
    file: string;
    line: number;
}

/** The error diagnostics inside the declarations a KPI (by index) or a stage (by name) depends on. */
export function blockersOf(loaded: LoadedPlan, of: { kpi: number } | { stage: string }): Blocker[] {
    const errors = loaded.diagnostics.filter(diagnostic => diagnostic.severity === 'error');
    if (errors.length === 0) return [];
    const nodes = 'kpi' in of ? kpiDependencies(loaded.plan, loaded.plan.input.kpis[of.kpi]) : stageDependencies(loaded.plan, of.stage);
    const found = new Map<string, Blocker>();
    for (const node of nodes) {
        for (const error of errors.filter(diagnostic => inside(loaded, diagnostic, node))) {
            found.set(`${error.code} ${error.file}:${error.line}`, { code: error.code, file: error.file, line: error.line });
        }
    }
    return [...found.values()];
}

function inside(loaded: LoadedPlan, diagnostic: PlanDiagnostic, node: AstNode): boolean {
    const range = node.$cstNode?.range;
    if (!range || loaded.fileOf(AstUtils.getDocument(node)) !== diagnostic.file) return false;
    return diagnostic.line >= range.start.line + 1 && diagnostic.line <= range.end.line + 1;
}

/** ` (blocked by unit-mismatch at plan.okr:17)`, for a `—` in a table; '' when nothing blocks it. */
export function blockedNote(blockers: Blocker[], words: { blockedBy(what: string): string }): string {
    if (blockers.length === 0) return '';
    return ` (${words.blockedBy(blockers.map(blocker => `${blocker.code} ${blocker.file}:${blocker.line}`).join(', '))})`;
}
