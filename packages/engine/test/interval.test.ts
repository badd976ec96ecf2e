import { describe, expect, it } from 'vitest';
import { add, DEFAULT_CALENDAR, DEFAULT_POLICY, div, exact, fromRange, isFiniteFigure, max, mul, scale, workingDays } from '../src/index.js';

describe('figure arithmetic', () => {
    it('keeps exact inputs exact', () => {
        expect(exact(3)).toEqual({ low: 3, value: 3, high: 3 });
        expect(mul(exact(10), exact(200))).toEqual(exact(2000));
    });

    it('takes the midpoint of a range as its value', () => {
        expect(fromRange(0.02, 0.04)).toEqual({ low: 0.02, value: 0.03, high: 0.04 });
        expect(fromRange(Number.MAX_VALUE, Number.MAX_VALUE).value).toBe(Number.MAX_VALUE);
        expect(fromRange(Number.MAX_VALUE / 2, Number.MAX_VALUE).value).toBe(Number.MAX_VALUE * 0.75);
    });

    it('swaps the ends of an interval it divides by', () => {
        const result = div(exact(10), fromRange(0.02, 0.04));
        expect(result.low).toBe(10 / 0.04);
        expect(result.high).toBe(10 / 0.02);
        // The value comes from the midpoint of the divisor, not the midpoint of the result.
        expect(result.value).toBe(10 / 0.03);
        expect(result.value).not.toBe((result.low + result.high) / 2);
    });

    it('adds, multiplies, scales and takes the larger end by end', () => {
        expect(add(fromRange(1, 3), exact(1))).toEqual({ low: 2, value: 3, high: 4 });
        expect(mul(fromRange(1, 3), fromRange(2, 4))).toEqual({ low: 2, value: 6, high: 12 });
        expect(scale(fromRange(1, 3), 2)).toEqual({ low: 2, value: 4, high: 6 });
        expect(max({ low: 1, value: 5, high: 9 }, exact(4))).toEqual({ low: 4, value: 5, high: 9 });
    });

    it('tells overflow apart', () => {
        expect(isFiniteFigure(mul(exact(1e308), exact(10)))).toBe(false);
        expect(isFiniteFigure(exact(1e308))).toBe(true);
    });
});

describe('calendar', () => {
    it('has the spec defaults', () => {
        expect(DEFAULT_CALENDAR).toEqual({ workdaysPerMonth: 21, workdaysPerWeek: 5, holidays: [] });
        expect(DEFAULT_POLICY).toEqual({ tolerance: 0.1, uncertainty: 0.5, offtrack: 0.25 });
    });

    it('counts working days per time unit', () => {
        expect(workingDays('day')).toBe(1);
        expect(workingDays('week')).toBe(5);
        expect(workingDays('month')).toBe(21);
        expect(workingDays('quarter')).toBe(63);
        expect(workingDays('year')).toBe(252);
        const calendar = { workdaysPerMonth: 20, workdaysPerWeek: 4 };
        expect(workingDays('day', calendar)).toBe(1);
        expect(workingDays('week', calendar)).toBe(4);
        expect(workingDays('month', calendar)).toBe(20);
        expect(workingDays('quarter', calendar)).toBe(60);
        expect(workingDays('year', calendar)).toBe(240);
        expect(workingDays('week', { workdaysPerMonth: 20 })).toBe(5);
    });
});
