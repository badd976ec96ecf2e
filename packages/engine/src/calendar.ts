/**
 * Working days per time unit, and the defaults of the `calendar` and `policy` blocks.
 */
import type { ResolvedCalendar, ResolvedPolicy } from './analysis.js';
import type { TimeUnit } from './model.js';
import { isoWeekday } from './period.js';

export const DEFAULT_CALENDAR: Readonly<ResolvedCalendar> = Object.freeze({ workdaysPerMonth: 21, workdaysPerWeek: 5, holidays: [] as string[] });

export const DEFAULT_POLICY: Readonly<ResolvedPolicy> = Object.freeze({ tolerance: 0.1, uncertainty: 0.5, offtrack: 0.25 });

/** The off-track threshold when the policy sets none: 25 %, or twice the tolerance when that is larger (spec §8). */
export function defaultOfftrack(tolerance: number): number {
    return Math.max(DEFAULT_POLICY.offtrack, 2 * tolerance);
}

/** How many working days one time unit has: a day is one working day, a quarter 3 months, a year 12. */
export function workingDays(unit: TimeUnit, calendar: Partial<ResolvedCalendar> = DEFAULT_CALENDAR): number {
    const perMonth = calendar.workdaysPerMonth ?? DEFAULT_CALENDAR.workdaysPerMonth;
    switch (unit) {
        case 'day': return 1;
        case 'week': return calendar.workdaysPerWeek ?? DEFAULT_CALENDAR.workdaysPerWeek;
        case 'month': return perMonth;
        case 'quarter': return 3 * perMonth;
        case 'year': return 12 * perMonth;
    }
}

/**
 * The working calendar of concrete dates (spec §8): a day works when its weekday is among the
 * first `workdaysPerWeek` days from Monday and it is not a holiday. Days are epoch days.
 */
export class WorkingCalendar {
    constructor(readonly workdaysPerWeek: number, readonly holidays: ReadonlySet<number> = new Set()) {}

    isWorkingDay(day: number): boolean {
        return isoWeekday(day) <= this.workdaysPerWeek && !this.holidays.has(day);
    }

    /** W(first..last), both ends included; 0 when last is before first. */
    count(first: number, last: number): number {
        if (last < first) return 0;
        const span = last - first + 1;
        const weeks = Math.floor(span / 7);
        let total = weeks * this.workdaysPerWeek;
        for (let day = first + weeks * 7; day <= last; day++) if (isoWeekday(day) <= this.workdaysPerWeek) total++;
        for (const holiday of this.holidays) if (holiday >= first && holiday <= last && isoWeekday(holiday) <= this.workdaysPerWeek) total--;
        return total;
    }
}
