/**
 * Periods of actuals: `2026-01` (month), `2026-W03` (ISO week), `2026-01-15` (day) and
 * `2026-Q1` (quarter). Dates are proleptic Gregorian and counted as epoch days (days since
 * 1970-01-01), so periods of any kind sort by their first day.
 */

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';

export interface Period {
    text: string;
    kind: PeriodKind;
    /** Epoch day of the period's first day. */
    start: number;
    /** Epoch day just after the period's last day. */
    end: number;
}

/** Why a text is not a period: it has none of the four shapes, or a part is out of range. */
export type PeriodProblem = 'format' | 'month' | 'day' | 'week' | 'quarter' | 'range-ends' | 'reversed';

export type PeriodResult = { ok: true; period: Period } | { ok: false; problem: PeriodProblem };

const PERIOD = /^(\d{4})-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q(\d))$/;

export function parsePeriod(text: string): PeriodResult {
    const match = PERIOD.exec(text);
    if (!match) return { ok: false, problem: 'format' };
    const year = Number(match[1]);
    const [, , month, day, week, quarter] = match;
    if (week !== undefined) {
        const n = Number(week);
        if (n < 1 || n > isoWeeksIn(year)) return { ok: false, problem: 'week' };
        const start = isoWeekOneMonday(year) + 7 * (n - 1);
        return { ok: true, period: { text, kind: 'week', start, end: start + 7 } };
    }
    if (quarter !== undefined) {
        const n = Number(quarter);
        if (n < 1 || n > 4) return { ok: false, problem: 'quarter' };
        const start = epochDay(year, 3 * n - 2, 1);
        const end = n === 4 ? epochDay(year + 1, 1, 1) : epochDay(year, 3 * n + 1, 1);
        return { ok: true, period: { text, kind: 'quarter', start, end } };
    }
    const m = Number(month);
    if (m < 1 || m > 12) return { ok: false, problem: 'month' };
    if (day === undefined) {
        const start = epochDay(year, m, 1);
        return { ok: true, period: { text, kind: 'month', start, end: start + daysInMonth(year, m) } };
    }
    const d = Number(day);
    if (d < 1 || d > daysInMonth(year, m)) return { ok: false, problem: 'day' };
    const start = epochDay(year, m, d);
    return { ok: true, period: { text, kind: 'day', start, end: start + 1 } };
}

/** The first day of a period as an epoch day, or null when the text is not a valid period. */
export function periodStart(text: string): number | null {
    const parsed = parsePeriod(text);
    return parsed.ok ? parsed.period.start : null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDay(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const monthFromMarch = (month + 9) % 12;
    const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
    if (month === 2) return isLeapYear(year) ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
    return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Week 1 is the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
    const january4 = epochDay(year, 1, 4);
    return january4 - (isoWeekday(january4) - 1);
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function isoWeeksIn(year: number): number {
    const january1 = isoWeekday(epochDay(year, 1, 1));
    return january1 === 4 || (january1 === 3 && isLeapYear(year)) ? 53 : 52;
}

/**
 * A span of dates (spec §8): a period, or a day range `from..to` (both ends days, inclusive,
 * from not after to). `text` is written as in the plan (`2026-04-13..2026-06-30`).
 */
export function parseSpan(from: string, to?: string): PeriodResult {
    const first = parsePeriod(from);
    if (to === undefined || !first.ok) return first;
    const last = parsePeriod(to);
    if (!last.ok) return last;
    if (first.period.kind !== 'day' || last.period.kind !== 'day') return { ok: false, problem: 'range-ends' };
    if (last.period.start < first.period.start) return { ok: false, problem: 'reversed' };
    return { ok: true, period: { text: `${from}..${to}`, kind: 'day', start: first.period.start, end: last.period.end } };
}

/** The date of an epoch day, `YYYY-MM-DD` (H. Hinnant's civil_from_days). */
export function formatDay(day: number): string {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const dayOfEra = z - era * 146097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
    const d = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
    const m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
