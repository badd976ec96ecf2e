/** Every example plan in examples/ gives the figures its comments promise (and the method's worked examples). */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runOkr } from '../packages/cli/test/run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface KpiJson { name: string; stage: string | null; unit: string | null; value: number | null; low: number | null; high: number | null; target: number | null; actuals: { period: string; value: number; deviation: number | null }[] }
interface StageJson { name: string; unit: string | null; value: number | null; low: number | null; high: number | null }
interface DiagnosticJson { file: string; line: number; severity: string; code: string; message: string }

function kpis(folder: string): { kpis: KpiJson[]; stages: StageJson[] } {
    const run = runOkr(['kpis', `examples/${folder}`, '--format', 'json'], ROOT);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
}

function check(folder: string): DiagnosticJson[] {
    return JSON.parse(runOkr(['check', `examples/${folder}`, '--format', 'json'], ROOT).stdout).diagnostics;
}

const kpi = (data: { kpis: KpiJson[] }, name: string) => data.kpis.find(k => k.name === name)!;
const stage = (data: { stages: StageJson[] }, name: string) => data.stages.find(s => s.name === name)!;

describe('examples/plastering: 2000 / 3 / 21 = 31.7 → 32 m² per plasterer per day', () => {
    it('derives 2000 m² a month and 31.7 m²/person/day', () => {
        const data = kpis('plastering');
        expect(stage(data, 'Construction.Plastering')).toMatchObject({ unit: 'm2/month', value: 2000 });
        const rate = kpi(data, 'PlasterRate');
        expect(rate.unit).toBe('m2/person/day');
        expect(rate.value).toBeCloseTo(31.746031746, 9);
        expect(rate.target).toBe(32);
        expect(rate.actuals[1]).toEqual({ period: '2026-02', value: 27, deviation: (27 - 32) / 32, status: 'at-risk' });
    });
    it('prints 31.7 and the manager target 32 in text', () => {
        const run = runOkr(['kpis', 'examples/plastering'], ROOT);
        expect(run.stdout).toMatch(/PlasterRate\s+Construction\.Plastering\s+31\.7 m²\/person\/day\s+32/);
    });
    it('has no errors, the explained deviation, and the projection it leads to (spec §8: 8.5 houses/month)', () => {
        expect(check('plastering').map(d => `${d.severity}:${d.code}`)).toEqual(['warning:key-result-projected-short', 'info:kpi-behind-plan']);
    });
});

describe('examples/blog: 1 article per expert every 2 weeks', () => {
    it('is set by the cadence, not the funnel', () => {
        const data = kpis('blog');
        const articles = kpi(data, 'ArticlesPerExpert');
        expect(articles.unit).toBe('article/person/week');
        expect(articles.value).toBeCloseTo(0.5, 12);
        // the funnel alone needs 30 requests / 3% / 250 readers = 4 articles a month; the cadence gives 4.2
        expect(stage(data, 'Blog.Writing').value).toBeCloseTo(4.2, 12);
        expect(stage(data, 'Blog.Reading').value).toBeCloseTo(1000, 9);
    });
    it('reads as one article every two weeks', () => {
        expect(runOkr(['kpis', 'examples/blog'], ROOT).stdout).toContain('0.5 articles/person/week (1 article every 2 weeks)');
    });
    it('is clean', () => {
        expect(check('blog')).toEqual([]);
    });
});

describe('examples/sales-funnel: conversion ranges carry through', () => {
    it('gives low, value (from midpoints) and high', () => {
        const data = kpis('sales-funnel');
        const calls = kpi(data, 'CallsPerRep');
        // 20 deals ÷ 25–30% → meetings; ÷ 10–12% → calls; ÷ 21 days ÷ (4 × 80%)
        const perRep = (deals: number, meetingRate: number, callRate: number) => deals / meetingRate / callRate / 21 / (4 * 0.8);
        expect(calls.low).toBeCloseTo(perRep(20, 0.3, 0.12), 9);
        expect(calls.value).toBeCloseTo(perRep(20, 0.275, 0.11), 9);
        expect(calls.high).toBeCloseTo(perRep(20, 0.25, 0.1), 9);
        const meetings = kpi(data, 'MeetingsPerExecutive');
        expect(meetings.value).toBeCloseTo((20 / 0.275 / 21 / (3 * 0.4)) * 5, 9);
        expect(kpi(data, 'DealsPerMonth')).toMatchObject({ unit: 'deal/month', value: 20, low: 20, high: 20 });
    });
    it('is clean but for the January deals behind target: the spread stays within the default uncertainty', () => {
        expect(check('sales-funnel').map(d => `${d.line}:${d.severity}:${d.code}`)).toEqual(['22:warning:key-result-behind-plan']);
    });
});

describe('examples/russian: a plan in Russian', () => {
    it('derives 2160 m² a month and 28.6 m² per plasterer per day', () => {
        const data = kpis('russian');
        expect(stage(data, 'Стройка.Штукатурка').value).toBe(2160);
        expect(kpi(data, 'НормаШтукатура').value).toBeCloseTo(2160 / (4 * 0.9) / 21, 9);
    });
    it('speaks Russian to a Russian locale', () => {
        const run = runOkr(['check', 'examples/russian'], ROOT, { LANG: 'ru_RU.UTF-8' });
        expect(run.stdout).toContain('факт 26');
        expect(run.stdout).toContain('сведения');
    });
});

interface KeyResultJson { name: string; kind: string; target: number | null; period: string | null; workdays: number | null; progress: number | null; expected: number | null; status: string; actuals: { period: string; value: number; expected: number | null; deviation: number | null; status: string }[]; projection: { pace: number | null; value: number | null; limitedBy: string | null; deviation: number | null } }

describe('examples/quarter-ru: a quarterly plan with the New Year holidays and milestones (spec §8)', () => {
    const data = () => kpis('quarter-ru') as unknown as { kpis: KpiJson[]; keyResults: KeyResultJson[]; objectives: { name: string; period: string | null; status: string }[] };
    it('spreads 60 flats over W = 16 + 19 + 21 = 56 working days: 10.7 m² of tiles per tiler per day', () => {
        const json = data();
        const handed = json.keyResults.find(k => k.name === 'Квартал.Сдано')!;
        expect(handed).toMatchObject({ kind: 'total', target: 60, period: '2026-Q1', workdays: 56 });
        expect(kpi(json, 'НормаПлиточника').value).toBeCloseTo((60 / 56) * 40 / 4, 12);
    });
    it('judges the check-ins against the milestones: on track in January, at risk on 13 February', () => {
        const handed = data().keyResults.find(k => k.name === 'Квартал.Сдано')!;
        const [january, february] = handed.actuals;
        expect(january).toMatchObject({ period: '2026-01', expected: 12, deviation: 0, status: 'on-track' });
        // 26 working days by 13 February: 12 + 20 × (26 − 16) / (35 − 16) = 22.53.
        expect(february.expected).toBeCloseTo(12 + (20 * 10) / 19, 12);
        expect(february.deviation).toBeCloseTo((17 - (12 + 200 / 19)) / (12 + 200 / 19), 12);
        expect(february.status).toBe('at-risk');
        expect(handed.progress).toBeCloseTo(17 / 60, 12);
        expect(handed.projection.pace).toBeCloseTo((17 * 56) / 26, 12);
        // The tilers' February pace 9 × 4 / 40 = 0.9 flat a day × 56 = 50.4 of 60.
        expect(handed.projection.value).toBeCloseTo(50.4, 10);
        expect(handed.projection.limitedBy).toBe('Ремонт.Укладка');
    });
    it('gives each objective the worst status of its key results', () => {
        expect(data().objectives).toEqual([
            { name: 'Квартал', period: '2026-Q1', status: 'at-risk' },
            { name: 'Продажи', period: '2026-Q1', status: 'off-track' },
            { name: 'Бригада', period: '2026-01-12..2026-03-31', status: 'none' }
        ]);
    });
    it('has no errors, and says what is behind plan', () => {
        expect(check('quarter-ru').map(d => `${d.line}:${d.severity}:${d.code}`)).toEqual([
            '35:warning:key-result-projected-short',
            '40:warning:key-result-behind-plan',
            '49:info:key-result-behind-plan',
            '74:warning:kpi-behind-plan'
        ]);
    });
    it('reviews the check-in in Russian with okr status', () => {
        const run = runOkr(['status', 'examples/quarter-ru'], ROOT, { LANG: 'ru_RU.UTF-8' });
        expect(run.stdout).toContain('Квартал "Сдать 60 квартир в первом квартале" (2026-Q1): под угрозой');
        expect(run.stdout).toContain('Прогресс: 28.3% (ожидалось 37.5%)');
        expect(run.stdout).toContain('НормаПлиточника: 2026-02 9 -16% (под угрозой)');
    });
});

describe('examples/anti-patterns: each of the three classic mistakes is warned about', () => {
    const codes = () => check('anti-patterns').map(d => `${d.line}:${d.code}`);
    it('warns about a KPI without key results', () => {
        expect(codes()).toContain('36:kpi-without-key-result');
        expect(codes()).toContain('27:process-without-key-result');
    });
    it('warns about a KPI without a process', () => {
        expect(codes()).toContain('41:kpi-without-process');
    });
    it('warns about KPIs on non-standard and on highly uncertain work', () => {
        expect(codes()).toContain('66:kpi-on-uncertain-work');
        expect(codes()).toContain('83:kpi-on-uncertain-work');
    });
    it('has no errors', () => {
        expect(check('anti-patterns').filter(d => d.severity === 'error')).toEqual([]);
    });
});

describe('npm start', () => {
    it('checks and derives all examples together without errors', () => {
        const check = runOkr(['check', 'examples'], ROOT);
        expect(check.status).toBe(0);
        const run = runOkr(['kpis', 'examples'], ROOT);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('31.7 m²/person/day');
        expect(run.stdout).toContain('1 article every 2 weeks');
    });
});
