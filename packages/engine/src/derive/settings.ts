/** The calendar and the policy in force: the plan's values where valid, else the spec's defaults. */
import type { ResolvedCalendar, ResolvedPolicy } from '../analysis.js';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, defaultOfftrack } from '../calendar.js';
import type { AnalysisContext } from './context.js';

/** Invalid workdays make the figures that use that time unit not derivable; the resolved calendar shows the default. */
export function resolveCalendar<S>(ctx: AnalysisContext<S>): ResolvedCalendar {
    const { workdaysPerMonth, workdaysPerWeek } = ctx.input.calendar ?? {};
    if (workdaysPerMonth) ctx.workdaysPerMonth = ctx.singleQuantity(workdaysPerMonth, 'workdays', 'positive', 'month');
    if (workdaysPerWeek) ctx.workdaysPerWeek = ctx.singleQuantity(workdaysPerWeek, 'workdays', 'positive', 'week');
    return {
        workdaysPerMonth: ctx.workdaysPerMonth ?? DEFAULT_CALENDAR.workdaysPerMonth,
        workdaysPerWeek: ctx.workdaysPerWeek ?? DEFAULT_CALENDAR.workdaysPerWeek
    };
}

/** An invalid tolerance (uncertainty) turns off the comparisons that use it; the resolved policy shows the default. */
export function resolvePolicy<S>(ctx: AnalysisContext<S>): ResolvedPolicy {
    const { tolerance, uncertainty } = ctx.input.policy ?? {};
    if (tolerance) ctx.tolerance = ctx.singleQuantity(tolerance, 'tolerance', 'non-negative');
    if (uncertainty) ctx.uncertainty = ctx.singleQuantity(uncertainty, 'uncertainty', 'non-negative');
    const resolvedTolerance = ctx.tolerance ?? DEFAULT_POLICY.tolerance;
    ctx.offtrack = ctx.tolerance === null ? null : defaultOfftrack(resolvedTolerance);
    return {
        tolerance: resolvedTolerance,
        uncertainty: ctx.uncertainty ?? DEFAULT_POLICY.uncertainty,
        offtrack: ctx.offtrack ?? defaultOfftrack(resolvedTolerance)
    };
}
