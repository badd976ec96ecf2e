/**
 * Rates and the comparisons of the spec. A rate is kept as `amount` per `days` working days:
 * dividing by the days only when a per-day number is asked for keeps whole-unit arithmetic
 * exact (10 house/month × 200 m²/house is 2000 m²/month, not 1999.9999999999998, and
 * 2000 / 21 / 3 is the spec's 31.746031746031747).
 */
import type { Figure } from '../analysis.js';
import { add, div, exact, isFiniteFigure, max, mul, scale } from '../interval.js';

export interface Rate {
    amount: Figure;
    days: number;
}

/** A rate; none at all (no key result, no cadence: not an error); or not derivable because it depends on an error. */
export type Requirement = Rate | 'none' | 'poisoned';

export type FlowFactor = { kind: 'needs' | 'yields' | 'conversion'; factor: Figure };

export function perDay(rate: Rate): Figure {
    return rate.days === 1 ? rate.amount : div(rate.amount, exact(rate.days));
}

/** The rate per `days` working days (a time unit). */
export function inDays(rate: Rate, days: number): Figure {
    return rate.days === days ? rate.amount : scale(perDay(rate), days);
}

export function sumRate(a: Rate, b: Rate): Rate {
    return a.days === b.days ? { amount: add(a.amount, b.amount), days: a.days } : { amount: add(perDay(a), perDay(b)), days: 1 };
}

export function maxRate(a: Rate, b: Rate): Rate {
    return a.days === b.days ? { amount: max(a.amount, b.amount), days: a.days } : { amount: max(perDay(a), perDay(b)), days: 1 };
}

/** Pairs of figures in one time unit, so comparing them compares rates. */
function alike(a: Rate, b: Rate): [Figure, Figure] {
    return a.days === b.days ? [a.amount, b.amount] : [perDay(a), perDay(b)];
}

/** True when the cadence lifts any end of the requirement. */
export function raises(cadence: Rate, requirement: Rate): boolean {
    const [c, r] = alike(cadence, requirement);
    return c.low > r.low || c.value > r.value || c.high > r.high;
}

export function isBelow(a: Rate, b: Rate): boolean {
    const [x, y] = alike(a, b);
    return exceeds(y.value, x.value);
}

/** §3 table: the previous stage's requirement from this stage's. */
export function flowBack(requirement: Rate, flow: FlowFactor): Rate {
    const amount = flow.kind === 'needs' ? mul(requirement.amount, flow.factor) : div(requirement.amount, flow.factor);
    return { amount, days: requirement.days };
}

/** The rate, or null when it (or its per-day form) overflowed: not derivable. */
export function checkedRate(rate: Rate): Rate | null {
    return isFiniteFigure(rate.amount) && isFiniteFigure(perDay(rate)) ? rate : null;
}

export function finiteOrNull(figure: Figure): Figure | null;
export function finiteOrNull(x: number): number | null;
export function finiteOrNull(x: Figure | number): Figure | number | null {
    if (typeof x === 'number') return Number.isFinite(x) ? x : null;
    return isFiniteFigure(x) ? x : null;
}

/**
 * `a > b` for the spec's strict comparisons, blind to floating-point noise: 6.3 against a plan
 * of 7 is exactly −10 % in decimal but −0.10000000000000002 in binary, and must not count as
 * behind a 10 % tolerance. Differences within a billionth of the larger magnitude are equality.
 */
export function exceeds(a: number, b: number): boolean {
    return a - b > 1e-9 * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

/** Whole people: rounds up, but a quotient within float noise of a whole number is that number. */
export function wholePeople(x: number): number {
    const nearest = Math.round(x);
    return Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}
