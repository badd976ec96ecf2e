/**
 * Figure arithmetic: every derived number is an interval `low..high` plus a point `value`
 * computed from the midpoints of the inputs (not the midpoint of the result). All operands
 * are non-negative, and divisors positive: invalid quantities are rejected before arithmetic,
 * so these functions need no sign cases. Results may overflow to Infinity; callers check
 * `isFiniteFigure` and treat such a result as not derivable.
 */
import type { Figure } from './analysis.js';

export function exact(x: number): Figure {
    return { low: x, value: x, high: x };
}

/** A range as written; its value is the midpoint. */
export function fromRange(low: number, high: number): Figure {
    if (low === high) return exact(low);
    const sum = low + high;
    // (low + high) / 2 keeps 2%..4% at exactly 0.03; halve first only when the sum overflows.
    const value = Number.isFinite(sum) ? sum / 2 : low / 2 + high / 2;
    return { low, value, high };
}

export function add(a: Figure, b: Figure): Figure {
    return { low: a.low + b.low, value: a.value + b.value, high: a.high + b.high };
}

export function mul(a: Figure, b: Figure): Figure {
    return { low: a.low * b.low, value: a.value * b.value, high: a.high * b.high };
}

/** Division by an interval swaps its ends: the smallest quotient divides by the largest divisor. */
export function div(a: Figure, b: Figure): Figure {
    return { low: a.low / b.high, value: a.value / b.value, high: a.high / b.low };
}

/** End by end: each of low, value and high is the larger of the two. */
export function max(a: Figure, b: Figure): Figure {
    return { low: Math.max(a.low, b.low), value: Math.max(a.value, b.value), high: Math.max(a.high, b.high) };
}

export function scale(a: Figure, factor: number): Figure {
    return { low: a.low * factor, value: a.value * factor, high: a.high * factor };
}

export function isFiniteFigure(f: Figure): boolean {
    return Number.isFinite(f.low) && Number.isFinite(f.value) && Number.isFinite(f.high);
}
