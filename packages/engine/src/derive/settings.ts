/** The calendar and the policy in force: the plan's values where valid, else the spec's defaults. */
import type { ResolvedCalendar, ResolvedPolicy } from '../analysis.js';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, defaultOfftrack, WorkingCalendar } from '../calendar.js';
import { parseSpan } from '../period.js';
import type { AnalysisContext } from './context.js';
import { exceeds } from './rates.js';

/** Invalid workdays make the figures that use that time unit not derivable; the resolved calendar shows the default. */
export function resolveCalendar<S>(ctx: AnalysisContext<S>): ResolvedCalendar {
    const { workdaysPerMonth, workdaysPerWeek } = ctx.input.calendar ?? {};
    if (workdaysPerMonth) ctx.workdaysPerMonth = ctx.singleQuantity(workdaysPerMonth, 'workdays', 'positive', 'month');
    if (workdaysPerWeek) ctx.workdaysPerWeek = ctx.singleQuantity(workdaysPerWeek, 'workdays', 'positive', 'week');
    const holidays = resolveHolidays(ctx);
    // Concrete dates need whole weekdays; v1 plans without periods may keep `workdays 4.5 per week`.
    const week = ctx.workdaysPerWeek;
    const wholeWeek = week !== null && Number.isInteger(week) && week >= 1 && week <= 7;
    const periods = (ctx.input.objectives ?? []).some(objective => objective.period);
    if (week !== null && !wholeWeek && periods && workdaysPerWeek) {
        ctx.report('invalid-quantity', 'error', workdaysPerWeek.site, { what: 'workdays', reason: 'not-whole-week', per: 'week', value: week, percent: workdaysPerWeek.percent ?? false });
    }
    ctx.workingCalendar = wholeWeek ? new WorkingCalendar(week, new Set(holidays.days)) : null;
    return {
        workdaysPerMonth: ctx.workdaysPerMonth ?? DEFAULT_CALENDAR.workdaysPerMonth,
        workdaysPerWeek: ctx.workdaysPerWeek ?? DEFAULT_CALENDAR.workdaysPerWeek,
        holidays: holidays.written
    };
}

/** The holidays as epoch days; each one that is not a day or a range of days is reported and left out. */
function resolveHolidays<S>(ctx: AnalysisContext<S>): { days: number[]; written: string[] } {
    const days: number[] = [];
    const written: string[] = [];
    for (const holiday of ctx.input.calendar?.holidays ?? []) {
        const span = parseSpan(holiday.from, holiday.to);
        const text = holiday.to === undefined ? holiday.from : `${holiday.from}..${holiday.to}`;
        if (!span.ok || span.period.kind !== 'day') {
            ctx.report('invalid-quantity', 'error', holiday.site, { what: 'holiday', reason: 'not-a-period', period: text, problem: span.ok ? 'not-days' : span.problem });
            continue;
        }
        for (let day = span.period.start; day < span.period.end; day++) days.push(day);
        written.push(text);
    }
    return { days, written };
}

/** An invalid tolerance (uncertainty) turns off the comparisons that use it; the resolved policy shows the default. */
export function resolvePolicy<S>(ctx: AnalysisContext<S>): ResolvedPolicy {
    const { tolerance, uncertainty } = ctx.input.policy ?? {};
    if (tolerance) ctx.tolerance = ctx.singleQuantity(tolerance, 'tolerance', 'non-negative');
    if (uncertainty) ctx.uncertainty = ctx.singleQuantity(uncertainty, 'uncertainty', 'non-negative');
    const resolvedTolerance = ctx.tolerance ?? DEFAULT_POLICY.tolerance;
    ctx.offtrack = ctx.tolerance === null ? null : defaultOfftrack(resolvedTolerance);
    const offtrack = ctx.input.policy?.offtrack;
    if (offtrack) {
        const written = ctx.singleQuantity(offtrack, 'offtrack', 'non-negative');
        if (written !== null && ctx.tolerance !== null && !exceeds(written, ctx.tolerance)) {
            ctx.report('invalid-quantity', 'error', offtrack.site, { what: 'offtrack', reason: 'not-above-tolerance', value: written, tolerance: ctx.tolerance, percent: offtrack.percent ?? false });
            ctx.offtrack = null; // statuses are then none; deviations still use the tolerance
        } else {
            ctx.offtrack = written;
        }
    }
    return {
        tolerance: resolvedTolerance,
        uncertainty: ctx.uncertainty ?? DEFAULT_POLICY.uncertainty,
        offtrack: ctx.offtrack ?? defaultOfftrack(resolvedTolerance)
    };
}
