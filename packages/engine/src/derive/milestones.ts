/**
 * Milestones of a cumulative key result (spec §8): phased totals, each checked against the
 * rules of §8, and the expected total E(d) they shape, piecewise linear in working days.
 */
import { parsePeriod } from '../period.js';
import type { AnalysisContext, KeyResultState } from './context.js';
import { exceeds } from './rates.js';

/**
 * Checks every milestone, reporting each one that breaks a rule; sets `state.milestones` to
 * the valid points of a total, or null when any milestone is invalid (no expected totals then).
 */
export function checkMilestones<S>(ctx: AnalysisContext<S>, state: KeyResultState<S>): void {
    const milestones = state.input.milestones ?? [];
    const target = state.input.target;
    const keyResult = state.input.name;
    // Milestones are only for totals: not on a rate, nor on a key result without a target.
    if (!target || target.per !== null) {
        for (const milestone of milestones) {
            ctx.report('invalid-quantity', 'error', milestone.site, { what: 'milestone', reason: target ? 'on-rate' : 'no-target', keyResult, period: milestone.period, value: milestone.value.low, percent: milestone.value.percent ?? false });
        }
        state.milestones = null;
        return;
    }
    const period = state.period;
    const total = state.target?.value ?? null;
    let valid = true;
    const read = milestones.map(milestone => {
        const value = ctx.singleQuantity(milestone.value, 'milestone', 'non-negative');
        const parsed = parsePeriod(milestone.period);
        if (value === null) valid = false;
        if (!parsed.ok) {
            ctx.report('invalid-quantity', 'error', milestone.site, { what: 'period', reason: 'not-a-period', period: milestone.period, problem: parsed.problem });
            valid = false;
        }
        return { milestone, value, first: parsed.ok ? parsed.period.start : null, last: parsed.ok ? parsed.period.end - 1 : null };
    });
    if (!period || total === null) {
        state.milestones = null;
        return;
    }
    const points: { period: string; workdays: number; value: number }[] = [];
    // In date order (by period end; the text order on a tie), each one lower than an earlier one is wrong.
    const ordered = read.filter(entry => entry.value !== null && entry.last !== null).sort((a, b) => (a.last as number) - (b.last as number));
    let highest: number | null = null;
    for (const entry of ordered) {
        const value = entry.value as number;
        const first = entry.first as number;
        const last = entry.last as number;
        const common = { what: 'milestone' as const, keyResult, period: entry.milestone.period, value, target: total, objectivePeriod: period.text, percent: false };
        let reason: 'outside-period' | 'decreasing' | 'above-target' | 'end-not-target' | null = null;
        if (first < period.first || last > period.last) reason = 'outside-period';
        else if (highest !== null && exceeds(highest, value)) reason = 'decreasing';
        else if (exceeds(value, total)) reason = 'above-target';
        else if (last === period.last && exceeds(Math.abs(value - total), 0)) reason = 'end-not-target';
        if (reason) {
            ctx.report('invalid-quantity', 'error', entry.milestone.site, { ...common, reason, previous: reason === 'decreasing' ? highest : null });
            valid = false;
        } else {
            points.push({ period: entry.milestone.period, workdays: ctx.workingCalendar?.count(period.first, last) ?? 0, value });
        }
        if (reason !== 'outside-period') highest = highest === null ? value : Math.max(highest, value);
    }
    state.milestones = valid && ctx.workingCalendar ? points : null;
}

/**
 * E(w): the expected total after w working days, linear between neighbouring points
 * (0, 0), milestones…, (W(period), target); on equal w the later point holds from there on.
 */
export function expectedTotal(points: { workdays: number; value: number }[], workdays: number, target: number, w: number): number {
    const all = [{ workdays: 0, value: 0 }, ...points, { workdays, value: target }];
    let j = 0;
    for (let i = 0; i < all.length; i++) if (all[i].workdays <= w) j = i;
    if (j === all.length - 1) return all[j].value;
    const [a, b] = [all[j], all[j + 1]];
    return a.value + ((b.value - a.value) * (w - a.workdays)) / (b.workdays - a.workdays);
}
