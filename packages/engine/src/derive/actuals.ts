/** Actuals (check-ins): each one's deviation from the plan and its status, and which is the latest. */
import type { ActualFigures } from '../analysis.js';
import type { ActualInput } from '../model.js';
import { parsePeriod } from '../period.js';
import type { AnalysisContext } from './context.js';
import { finiteOrNull } from './rates.js';

export interface ActualEntry<S> {
    input: ActualInput<S>;
    figures: ActualFigures;
}

/**
 * Actuals with their deviation from the plan. An actual whose value or period is invalid
 * (reported here) gets no deviation and is never the latest; a non-finite one is left out.
 */
export function analyseActuals<S>(ctx: AnalysisContext<S>, actuals: ActualInput<S>[], plan: number | null): { entries: ActualEntry<S>[]; latestActual: ActualFigures | null } {
    const entries: ActualEntry<S>[] = [];
    let latestActual: ActualFigures | null = null;
    let latestStart = -Infinity;
    for (const actual of actuals) {
        const value = ctx.singleQuantity({ low: actual.value, high: actual.value, site: actual.site }, 'actual', 'non-negative');
        const period = parsePeriod(actual.period);
        if (!period.ok) {
            ctx.report('invalid-quantity', 'error', actual.site, { what: 'period', reason: 'not-a-period', period: actual.period, problem: period.problem });
        }
        if (!Number.isFinite(actual.value)) continue;
        const valid = value !== null && period.ok;
        const deviation = valid && plan !== null && plan !== 0 ? finiteOrNull((actual.value - plan) / plan) : null;
        const figures: ActualFigures = { period: actual.period, value: actual.value, deviation, status: ctx.statusOf(deviation) };
        if (actual.cause !== undefined) figures.cause = actual.cause;
        entries.push({ input: actual, figures });
        if (valid && period.period.start >= latestStart) {
            latestStart = period.period.start;
            latestActual = figures;
        }
    }
    return { entries, latestActual };
}
