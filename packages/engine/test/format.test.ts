import { describe, expect, it } from 'vitest';
import { everyN, formatNumber, formatPercent, NOT_A_NUMBER, roundUpTarget } from '../src/index.js';

describe('formatNumber', () => {
    it.each([
        [2000 / 3 / 21, '31.7'],
        [2000, '2000'],
        [666.666, '667'],
        [0.5, '0.5'],
        [1234567, '1230000'],
        [0.000123456, '0.000123'],
        [0, '0'],
        [-0, '0'],
        [-31.746, '-31.7'],
        [0.1 + 0.2, '0.3'],
        [999.6, '1000'],
        [9.996, '10'],
        [1e21, '1000000000000000000000'],
        [12.5, '12.5'],
        [100, '100'],
        [1.05, '1.05']
    ])('%s → %s', (x, expected) => {
        expect(formatNumber(x)).toBe(expected);
    });

    it('never prints an exponent, NaN or Infinity', () => {
        expect(formatNumber(1e-7)).toBe('0.0000001');
        expect(formatNumber(Number.NaN)).toBe(NOT_A_NUMBER);
        expect(formatNumber(Infinity)).toBe('—');
        expect(formatNumber(-Infinity)).toBe('—');
        expect(formatNumber(Number.MAX_VALUE)).not.toMatch(/e|Infinity|NaN/);
        expect(formatNumber(5e-324)).not.toMatch(/e|Infinity|NaN/);
    });
});

describe('formatPercent', () => {
    it.each([
        [-0.0666666, '-6.7%'],
        [(28 - 30) / 30, '-6.7%'],
        [0.05, '+5%'],
        [0, '0%'],
        [-0, '0%'],
        [-1.23456, '-123%'],
        [0.1, '+10%'],
        [-0.1, '-10%'],
        [0.07, '+7%'],
        [0.123456, '+12.3%'],
        [0.0996, '+10%'],
        [0.00001, '0%'],
        [-0.0004, '0%'],
        [123.456, '+12300%'],
        [-0.5, '-50%']
    ])('%s → %s', (x, expected) => {
        expect(formatPercent(x)).toBe(expected);
    });

    it('shows a dash for a non-finite fraction', () => {
        expect(formatPercent(Number.NaN)).toBe('—');
        expect(formatPercent(Infinity)).toBe('—');
        expect(formatPercent(Number.MAX_VALUE)).toBe('—'); // × 100 overflows
    });
});

describe('roundUpTarget', () => {
    it.each([
        [31.746, 32],
        [2000 / 3 / 21, 32],
        [39.68, 40],
        [666.67, 670],
        [0.5, 0.5],
        [0.476, 0.48],
        [2000, 2000],
        [0, 0],
        [10, 10],
        [99.5, 100],
        [101, 110],
        [0.29, 0.29],
        [0.1 + 0.2, 0.3],
        [1.0000000000000002, 1],
        [0.00123, 0.0013]
    ])('%s → %s', (x, expected) => {
        expect(roundUpTarget(x)).toBe(expected);
    });

    it('is robust to float noise but rounds real excess up', () => {
        expect(roundUpTarget(32 * (1 + 1e-12))).toBe(32);
        expect(roundUpTarget(32.001)).toBe(33);
    });

    it('gives null, not NaN or Infinity, for what cannot be rounded', () => {
        expect(roundUpTarget(Number.NaN)).toBeNull();
        expect(roundUpTarget(Infinity)).toBeNull();
        expect(roundUpTarget(Number.MAX_VALUE)).toBeNull(); // 1.8e308 rounds up past the largest double
        expect(roundUpTarget(5e-324)).toBeGreaterThan(0);
        expect(roundUpTarget(1e300)).toBe(1e300);
    });
});

describe('everyN', () => {
    it('gives N of "1 every N units" for rates below one', () => {
        expect(everyN(0.5)).toBe(2);
        expect(everyN(0.25)).toBe(4);
        expect(formatNumber(everyN(0.3)!)).toBe('3.33');
    });

    it('is null for rates of one or more, zero, negative or non-finite', () => {
        expect(everyN(1)).toBeNull();
        expect(everyN(2)).toBeNull();
        expect(everyN(0)).toBeNull();
        expect(everyN(-0.5)).toBeNull();
        expect(everyN(Number.NaN)).toBeNull();
        expect(everyN(5e-324)).toBeNull(); // 1 / 5e-324 overflows
    });
});

describe('roundDownTarget', () => {
    it('rounds down to two significant digits', async () => {
        const { roundDownTarget } = await import('../src/index.js');
        expect(roundDownTarget(8.4375)).toBe(8.4);
        expect(roundDownTarget(666.67)).toBe(660);
        expect(roundDownTarget(0.476)).toBe(0.47);
        expect(roundDownTarget(9)).toBe(9);
        expect(roundDownTarget(0.29)).toBe(0.29);
        expect(roundDownTarget(Number.POSITIVE_INFINITY)).toBeNull();
    });
});

describe('exceeds (strict comparisons without float noise)', () => {
    it('treats decimal equality as equality', async () => {
        const { exceeds } = await import('../src/index.js');
        expect(exceeds(-((6.3 - 7) / 7), 0.1)).toBe(false);
        expect(exceeds(35.7 / 21, 1.7)).toBe(false);
        expect(exceeds(1.7, 35.7 / 21)).toBe(false);
        expect(exceeds(0.10001, 0.1)).toBe(true);
        expect(exceeds(0, 0)).toBe(false);
        expect(exceeds(1e-300, 0)).toBe(true);
    });
});
