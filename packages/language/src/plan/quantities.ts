/**
 * Turning number literals as written (`1_000`, `2.5%`, `2%..4%`) into engine quantities, and
 * checking that a literal has the shape its clause wants (a percentage, a plain number, a
 * single value rather than a range).
 */
import type { QuantityInput } from '@okr-plan/engine';
import type { NumberLiteral, Quantity } from '../generated/ast.js';
import type { Site } from './site.js';

export interface LiteralValue {
    value: number;
    percent: boolean;
}

/**
 * The number a literal denotes; percentages become fractions (3% → 0.03). Non-finite when out of
 * range (`1e999`); undefined when error recovery left the literal (or its text) unset.
 */
export function literalValue(literal: NumberLiteral | undefined): LiteralValue | undefined {
    const text = literal?.text;
    if (text === undefined) return undefined;
    const percent = text.endsWith('%');
    const digits = (percent ? text.slice(0, -1) : text).replace(/_/g, '');
    const parsed = Number(digits);
    return { value: percent ? parsed / 100 : parsed, percent };
}

/** What a clause accepts. */
export interface QuantityShape {
    /** 'percent': must be written with %; 'number': must not; 'any': either. */
    kind: 'percent' | 'number' | 'any';
    range: boolean;
}

export type ShapeProblem = 'needs-percent' | 'needs-number' | 'no-range' | 'mixed-range' | 'not-finite';

export interface ReadQuantity {
    quantity: QuantityInput<Site>;
    problem?: ShapeProblem;
}

/**
 * Reads a quantity for the engine. When its shape is wrong the value is reported as NaN, which
 * the engine treats as an invalid quantity, so no figure is derived from it; the caller reports
 * the shape problem itself, with a message that says what to write instead. Undefined when the
 * quantity is incomplete (a syntax error, reported by the parser): the clause is then left out.
 */
export function readQuantity(quantity: Quantity | undefined, shape: QuantityShape, site: Site): ReadQuantity | undefined {
    const low = literalValue(quantity?.low);
    const high = quantity?.high ? literalValue(quantity.high) : low;
    if (!quantity || !low || !high) return undefined;
    const problem = shapeProblem(low, high, quantity.high !== undefined, shape);
    if (problem) {
        return { quantity: { low: Number.NaN, high: Number.NaN, percent: low.percent, site }, problem };
    }
    return { quantity: { low: low.value, high: high.value, percent: low.percent, site } };
}

function shapeProblem(low: LiteralValue, high: LiteralValue, isRange: boolean, shape: QuantityShape): ShapeProblem | undefined {
    if (!Number.isFinite(low.value) || !Number.isFinite(high.value)) return 'not-finite';
    if (isRange && !shape.range) return 'no-range';
    if (low.percent !== high.percent) return 'mixed-range';
    if (shape.kind === 'percent' && !low.percent) return 'needs-percent';
    if (shape.kind === 'number' && low.percent) return 'needs-number';
    return undefined;
}
