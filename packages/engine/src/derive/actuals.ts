/**
 * Actuals (check-ins): each one's deviation from what the plan expected and its status, which
 * one is the latest (by period end, the later in the text on a tie, spec §8), and which are
 * repeated (`duplicate-actual`) or dated outside the objective's period.
 */
import type { ActualFigures } from '../analysis.js';
import type { ActualInput } from '../model.js';
import { formatDay, parsePeriod } from '../period.js';
import type { AnalysisContext, ObjectivePeriod } from './context.js';
import { finiteOrNull } from './rates.js';

export interface ActualEntry<S> {
    input: ActualInput<S>;
    figures: ActualFigures;
    /** The check-in's date as an epoch day (its period's last day), null for a bad period. */
    day: number | null;
    /** Valid, inside the period, and not repeated by a later one: it may carry findings. */
    counted: boolean;
}

export interface ActualOptions {
    /** The declaration the check-ins belong to, for `duplicate-actual`. */
    name: string;
    /** What the plan expected by the end of a day (epoch day); the default is the constant plan. */
    expectedAt?: (day: number) => number | null;
    /** Key results: the objective's period; check-ins dated outside it get `actual-outside-period`. */
    window?: ObjectivePeriod | null;
    /** Key results carry `expected` in their figures. */
    withExpected?: boolean;
}

/**
 * Actuals with their deviation from the plan. An actual whose value or period is invalid
 * (reported here) gets no deviation and is never the latest; a non-finite one is left out.
 */
export function analyseActuals<S>(ctx: AnalysisContext<S>, actuals: ActualInput<S>[], plan: number | null, options: ActualOptions = { name: '' }): { entries: ActualEntry<S>[]; latestActual: ActualFigures | null } {
    const entries: ActualEntry<S>[] = [];
    const spans: (string | null)[] = [];
    const { window } = options;
    for (const actual of actuals) {
        const value = ctx.singleQuantity({ low: actual.value, high: actual.value, site: actual.site }, 'actual', 'non-negative');
        const period = parsePeriod(actual.period);
        if (!period.ok) {
            ctx.report('invalid-quantity', 'error', actual.site, { what: 'period', reason: 'not-a-period', period: actual.period, problem: period.problem });
        }
        if (!Number.isFinite(actual.value)) continue;
        const day = period.ok ? period.period.end - 1 : null;
        const outside = window !== null && window !== undefined && day !== null && (day < window.first || day > window.last);
        const valid = value !== null && day !== null && !outside;
        const expected = valid ? (options.expectedAt ? options.expectedAt(day) : plan) : null;
        const deviation = valid && expected !== null && expected !== 0 ? finiteOrNull((actual.value - expected) / expected) : null;
        const figures: ActualFigures = { period: actual.period, value: actual.value, deviation, status: ctx.statusOf(deviation) };
        if (actual.cause !== undefined) figures.cause = actual.cause;
        if (options.withExpected) figures.expected = valid ? expected : null;
        if (day !== null) figures.day = formatDay(day);
        if (outside && window) {
            figures.outsidePeriod = true;
            ctx.report('actual-outside-period', 'warning', actual.site, { name: options.name, period: actual.period, objectivePeriod: window.text, day: formatDay(day as number) });
        }
        entries.push({ input: actual, figures, day, counted: valid });
        spans.push(period.ok ? `${period.period.start}:${period.period.end}` : null);
    }
    // Two check-ins for the same period: the last in the text counts, each earlier one is flagged.
    entries.forEach((entry, index) => {
        const span = spans[index];
        if (span === null || !spans.slice(index + 1).includes(span)) return;
        entry.figures.duplicate = true;
        entry.counted = false;
        ctx.report('duplicate-actual', 'warning', entry.input.site, { name: options.name, period: entry.input.period });
    });
    let latest: ActualEntry<S> | null = null;
    for (const entry of entries) {
        if (entry.counted && entry.day !== null && (latest === null || entry.day >= (latest.day as number))) latest = entry;
    }
    return { entries, latestActual: latest?.figures ?? null };
}
