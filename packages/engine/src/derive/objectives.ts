/** Objective periods (spec §8) as concrete dates with their working days W(period). */
import { parseSpan } from '../period.js';
import type { AnalysisContext } from './context.js';

/** Fills `ctx.objectivePeriods`: every objective with a `period` clause, null when the period is invalid. */
export function resolveObjectivePeriods<S>(ctx: AnalysisContext<S>): void {
    for (const objective of ctx.input.objectives ?? []) {
        const clause = objective.period;
        if (!clause) continue;
        const span = parseSpan(clause.from, clause.to);
        const text = clause.to === undefined ? clause.from : `${clause.from}..${clause.to}`;
        if (!span.ok) {
            ctx.report('invalid-quantity', 'error', clause.site, { what: 'objective-period', reason: 'not-a-period', period: text, problem: span.problem });
            ctx.objectivePeriods.set(objective.name, null);
            continue;
        }
        const first = span.period.start;
        const last = span.period.end - 1;
        const workdays = ctx.workingCalendar?.count(first, last) ?? null;
        if (workdays === 0) {
            ctx.report('invalid-quantity', 'error', clause.site, { what: 'objective-period', reason: 'no-working-day', period: text });
        }
        ctx.objectivePeriods.set(objective.name, workdays ? { text, first, last, workdays } : null);
    }
}
