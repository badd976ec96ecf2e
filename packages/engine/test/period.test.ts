import { describe, expect, it } from 'vitest';
import { epochDay, parsePeriod, periodStart } from '../src/index.js';

describe('parsePeriod', () => {
    it('reads the four forms with their first day', () => {
        expect(parsePeriod('2026-01')).toEqual({ ok: true, period: { text: '2026-01', kind: 'month', start: epochDay(2026, 1, 1), end: epochDay(2026, 2, 1) } });
        expect(parsePeriod('2026-01-15')).toEqual({ ok: true, period: { text: '2026-01-15', kind: 'day', start: epochDay(2026, 1, 15), end: epochDay(2026, 1, 16) } });
        expect(parsePeriod('2026-Q2')).toEqual({ ok: true, period: { text: '2026-Q2', kind: 'quarter', start: epochDay(2026, 4, 1), end: epochDay(2026, 7, 1) } });
        expect(parsePeriod('2026-Q4')).toMatchObject({ ok: true, period: { start: epochDay(2026, 10, 1), end: epochDay(2027, 1, 1) } });
        // ISO week 1 of 2026 starts on Monday 29 December 2025.
        expect(parsePeriod('2026-W01')).toMatchObject({ ok: true, period: { kind: 'week', start: epochDay(2025, 12, 29) } });
        expect(parsePeriod('2026-W03')).toMatchObject({ ok: true, period: { kind: 'week', start: epochDay(2026, 1, 12), end: epochDay(2026, 1, 19) } });
    });

    it('counts epoch days like Date does', () => {
        expect(epochDay(1970, 1, 1)).toBe(0);
        expect(epochDay(2026, 3, 1)).toBe(Date.UTC(2026, 2, 1) / 86_400_000);
        expect(epochDay(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
        expect(epochDay(1600, 12, 31)).toBe(Date.UTC(1600, 11, 31) / 86_400_000);
    });

    it.each([
        ['2026-13', 'month'],
        ['2026-00', 'month'],
        ['2026-01-32', 'day'],
        ['2026-02-29', 'day'],
        ['2026-02-30', 'day'],
        ['2026-04-31', 'day'],
        ['2026-01-00', 'day'],
        ['2026-W00', 'week'],
        ['2026-W54', 'week'],
        ['2025-W53', 'week'],
        ['2026-Q5', 'quarter'],
        ['2026-Q0', 'quarter'],
        ['2026', 'format'],
        ['26-01', 'format'],
        ['2026-1', 'format'],
        ['2026-01-15x', 'format'],
        ['', 'format']
    ])('rejects %s (%s)', (text, problem) => {
        expect(parsePeriod(text)).toEqual({ ok: false, problem });
        expect(periodStart(text)).toBeNull();
    });

    it('accepts week 53 only in years that have it, and leap days only in leap years', () => {
        expect(parsePeriod('2026-W53').ok).toBe(true); // 2026 starts on a Thursday
        expect(parsePeriod('2020-W53').ok).toBe(true); // leap year starting on a Wednesday
        expect(parsePeriod('2019-W53').ok).toBe(false);
        expect(parsePeriod('2024-02-29').ok).toBe(true);
        expect(parsePeriod('2000-02-29').ok).toBe(true);
        expect(parsePeriod('1900-02-29').ok).toBe(false);
    });

    it('sorts periods of any kind by their first day', () => {
        const texts = ['2026-Q2', '2026-01-15', '2026-W01', '2026-02', '2025-12-31'];
        const sorted = [...texts].sort((a, b) => periodStart(a)! - periodStart(b)!);
        expect(sorted).toEqual(['2026-W01', '2025-12-31', '2026-01-15', '2026-02', '2026-Q2']);
        expect(periodStart('2026-01')).toBe(periodStart('2026-Q1'));
    });
});
