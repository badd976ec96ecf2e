/**
 * Display helpers shared by the CLI's text output, hovers and inlay hints. Numbers shown to
 * people have at most three significant digits and never read NaN, Infinity or undefined.
 */
import type { ResolvedCalendar } from './analysis.js';
import { DEFAULT_CALENDAR, workingDays } from './calendar.js';
import type { TimeUnit } from './model.js';

/** What a format function shows for a number that is not finite. */
export const NOT_A_NUMBER = '—';

/** At most three significant digits, plain decimal notation: 2000/3/21 → "31.7", 1234567 → "1230000". */
export function formatNumber(x: number): string {
    if (!Number.isFinite(x)) return NOT_A_NUMBER;
    if (x === 0) return '0'; // also -0
    return (x < 0 ? '-' : '') + plainDecimal(Math.abs(x).toExponential(2));
}

/** A fraction as a signed percentage, one decimal and three significant digits at most: -0.0667 → "-6.7%", 0.05 → "+5%". */
export function formatPercent(fraction: number): string {
    const percent = fraction * 100;
    if (!Number.isFinite(percent)) return NOT_A_NUMBER;
    const magnitude = Math.abs(percent);
    if (magnitude === 0) return '0%';
    const exponent = decimalExponent(magnitude.toExponential(2));
    // Three significant digits need 2 - exponent decimals; more than one is cut to one.
    const text = 2 - exponent > 1 ? stripTrailingZeros(magnitude.toFixed(1)) : plainDecimal(magnitude.toExponential(2));
    if (text === '0') return '0%';
    return `${percent < 0 ? '-' : '+'}${text}%`;
}

/**
 * The target a manager would set: `x` rounded up to two significant digits (31.746 → 32,
 * 666.67 → 670, 0.476 → 0.48). A value within 1e-9 of a two-digit step is taken as that step,
 * so float noise (0.29 computed as 0.28999999999999998) is not rounded up.
 */
export function roundUpTarget(x: number): number | null {
    return roundToTwoDigits(x, Math.ceil);
}

/**
 * What a reachable target is when the pace falls short: `x` rounded down to two significant
 * digits (8.4375 → 8.4, 666.67 → 660), with the same tolerance for float noise.
 */
export function roundDownTarget(x: number): number | null {
    return roundToTwoDigits(x, Math.floor);
}

function roundToTwoDigits(x: number, round: (scaled: number) => number): number | null {
    if (!Number.isFinite(x)) return null;
    if (x === 0) return 0;
    // Scale so that |x| has two digits before the point: |scaled| in [10, 100).
    let exponent = Math.floor(Math.log10(Math.abs(x))) - 1;
    // log10 may be off by one near powers of ten.
    if (Math.abs(shift(x, -exponent)) >= 100) exponent += 1;
    else if (Math.abs(shift(x, -exponent)) < 10) exponent -= 1;
    const scaled = shift(x, -exponent);
    const nearest = Math.round(scaled);
    const steps = Math.abs(scaled - nearest) <= 1e-9 ? nearest : round(scaled);
    const result = shift(steps, exponent) + 0; // + 0 turns -0 into 0
    return Number.isFinite(result) ? result : null;
}

/** For a rate below one per time unit, the N of "1 every N time units" (0.5 → 2); null otherwise. */
export function everyN(ratePerUnit: number): number | null {
    if (!Number.isFinite(ratePerUnit) || ratePerUnit <= 0 || ratePerUnit >= 1) return null;
    const n = 1 / ratePerUnit;
    return Number.isFinite(n) ? n : null;
}

/** The next smaller time unit, for "1 every N" when N would be below 2 (1 every 1.05 weeks → 1 every 5.25 days). */
const SMALLER: Partial<Record<TimeUnit, TimeUnit>> = { week: 'day', month: 'week', quarter: 'month', year: 'quarter' };

/**
 * "1 every N time units" for a rate below one per `unit`, in a unit small enough that N is at
 * least 2 where a smaller one exists: 0.5/week → every 2 weeks; 0.952/week → every 5.25 days.
 */
export function everyInterval(ratePerUnit: number, unit: TimeUnit, calendar: Partial<ResolvedCalendar> = DEFAULT_CALENDAR): { n: number; unit: TimeUnit } | null {
    let n = everyN(ratePerUnit);
    let shown = unit;
    for (let smaller = SMALLER[shown]; n !== null && n < 2 && smaller; smaller = SMALLER[shown]) {
        n = (n * workingDays(shown, calendar)) / workingDays(smaller, calendar);
        shown = smaller;
    }
    return n === null || !Number.isFinite(n) ? null : { n, unit: shown };
}

/** x × 10^power, multiplying or dividing by exact powers of ten, in two steps where one would overflow. */
function shift(x: number, power: number): number {
    const first = Math.max(-300, Math.min(300, power));
    return scaleBy(scaleBy(x, first), power - first);
}

function scaleBy(x: number, power: number): number {
    return power >= 0 ? x * 10 ** power : x / 10 ** -power;
}

/** "1.23e+6" → "1230000", "1.23e-4" → "0.000123": the digits of an exponential string without the exponent. */
function plainDecimal(exponential: string): string {
    const [mantissa] = exponential.split('e');
    const digits = mantissa.replace('.', '');
    const exponent = decimalExponent(exponential);
    let text: string;
    if (exponent < 0) text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
    else if (exponent + 1 >= digits.length) text = digits + '0'.repeat(exponent + 1 - digits.length);
    else text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
    return stripTrailingZeros(text);
}

function decimalExponent(exponential: string): number {
    return Number(exponential.split('e')[1]);
}

function stripTrailingZeros(text: string): string {
    return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A compact text sparkline, one bar per value, scaled to `top` (the largest value shown next to
 * it, so two lines drawn with one `top` compare): 0 is the lowest bar, `top` the highest.
 */
export function sparkline(values: number[], top: number): string {
    if (!(top > 0) || !Number.isFinite(top)) return values.map(() => BARS[0]).join('');
    return values
        .map(value => BARS[Math.min(BARS.length - 1, Math.max(0, Math.round((Number.isFinite(value) ? value / top : 0) * (BARS.length - 1))))])
        .join('');
}
