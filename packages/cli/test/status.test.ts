/** Spec §8 in the CLI: key results and objectives in `okr kpis --format json`, and `okr status`. */
import { describe, expect, it } from 'vitest';
import { folderWith, runOkr } from './run-cli.js';

/** §8's example with §3's process, team and KPI, and the plastering key result of §3 beside it. */
const QUARTER = `unit house "houses"
unit m2 "m²"
calendar {
  holiday 2026-01-01..2026-01-08
  holiday 2026-02-23
}
team Plasterers { headcount 3 }
objective Deliver "Hand over the Q1 homes" {
  period 2026-Q1
  keyresult Handed "30 houses in Q1" {
    target 30 house
    via Construction
    milestone 2026-01 8
    milestone 2026-02 18
    actual 2026-02-13 11
  }
  keyresult Brand "Be known as reliable"
}
process Construction {
  stage Plastering { output m2 team Plasterers }
  stage Handover { output house needs 200 m2 per house }
}
kpi PlasterRate {
  of Construction.Plastering
  per person per day
}
`;

const PLASTERING = `unit house "houses"
unit m2 "m²"
team Plasterers { headcount 3 }
objective Deliver {
  keyresult Houses { target 10 house per month via Construction actual 2026-02 8 }
}
process Construction {
  stage Plastering { output m2 team Plasterers }
  stage Handover { output house needs 200 m2 per house }
}
kpi PlasterRate {
  of Construction.Plastering
  per person per day
  target 30
  actual 2026-01 28
  actual 2026-02 27 cause "two plasterers on sick leave"
}
`;

describe('okr kpis --format json (spec §8)', () => {
    it('adds keyResults with totals, milestones, progress and status, and objectives', () => {
        const run = runOkr(['kpis', '.', '--format', 'json'], folderWith({ 'plan.okr': QUARTER }));
        expect(run.stderr).toBe('');
        const json = JSON.parse(run.stdout);
        expect(Object.keys(json)).toEqual(['kpis', 'stages', 'keyResults', 'objectives']);
        const [handed, brand] = json.keyResults;
        expect(handed).toMatchObject({ name: 'Deliver.Handed', file: 'plan.okr', line: 10, unit: 'house', kind: 'total', target: 30, period: '2026-Q1', workdays: 57, status: 'at-risk' });
        expect(handed.progress).toBeCloseTo(11 / 30, 12);
        expect(handed.expected).toBeCloseTo((8 + 100 / 19) / 30, 12);
        expect(handed.actuals).toHaveLength(1);
        expect(handed.actuals[0]).toMatchObject({ period: '2026-02-13', value: 11, status: 'at-risk' });
        expect(handed.actuals[0].expected).toBeCloseTo(13.263, 3);
        expect(handed.actuals[0].deviation).toBeCloseTo(-0.1706, 4);
        expect(handed.projection.pace).toBeCloseTo(24.1, 1);
        expect(handed.projection).toMatchObject({ value: null, limitedBy: null, deviation: null });
        expect(brand).toEqual({ name: 'Deliver.Brand', file: 'plan.okr', line: 17, unit: null, kind: 'qualitative', target: null, period: '2026-Q1', workdays: null, progress: null, expected: null, status: 'none', actuals: [], projection: { pace: null, value: null, limitedBy: null, deviation: null } });
        expect(json.objectives).toEqual([{ name: 'Deliver', period: '2026-Q1', status: 'at-risk' }]);
        expect(json.kpis[0].value).toBeCloseTo((30 / 57) * 200 / 3, 10);
        expect(json.kpis[0].status).toBe('none');
    });

    it('gives a rate key result its projection, and KPIs and their actuals a status', () => {
        const run = runOkr(['kpis', '.', '--format', 'json'], folderWith({ 'plan.okr': PLASTERING }));
        const json = JSON.parse(run.stdout);
        const [houses] = json.keyResults;
        expect(houses).toMatchObject({ unit: 'house/month', kind: 'rate', target: 10, period: null, workdays: null, progress: null, expected: null, status: 'at-risk' });
        expect(houses.actuals).toEqual([{ period: '2026-02', value: 8, expected: 10, deviation: -0.2, status: 'at-risk' }]);
        expect(houses.projection.pace).toBeNull();
        expect(houses.projection.value).toBeCloseTo(8.505, 10);
        expect(houses.projection.limitedBy).toBe('Construction.Plastering');
        expect(houses.projection.deviation).toBeCloseTo(-0.1495, 10);
        // 27 against the target 30 is exactly −10 %: on track (strict comparison).
        expect(json.kpis[0].status).toBe('on-track');
        expect(json.kpis[0].actuals.map((a: { status: string }) => a.status)).toEqual(['on-track', 'on-track']);
        expect(json.objectives).toEqual([{ name: 'Deliver', period: null, status: 'at-risk' }]);
    });
});

describe('okr status', () => {
    it('prints JSON of objectives with their key results and the KPIs serving them', () => {
        const run = runOkr(['status', '--format', 'json', '.'], folderWith({ 'plan.okr': QUARTER }));
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout);
        expect(json.objectives).toHaveLength(1);
        const [deliver] = json.objectives;
        expect(deliver).toMatchObject({ name: 'Deliver', label: 'Hand over the Q1 homes', period: '2026-Q1', status: 'at-risk', kpis: ['PlasterRate'] });
        expect(deliver.keyResults.map((k: { name: string }) => k.name)).toEqual(['Deliver.Handed', 'Deliver.Brand']);
        expect(deliver.keyResults[0].workdays).toBe(57);
    });

    it('prints the review as text and Markdown, rounded, in English and Russian', () => {
        const root = folderWith({ 'plan.okr': PLASTERING });
        const text = runOkr(['status', '.'], root).stdout;
        expect(text).toContain('Deliver: at risk');
        expect(text).toContain('Target: 10 houses/month');
        expect(text).toContain('Latest actual: 2026-02: 8');
        expect(text).toContain('Deviation: -20%');
        expect(text).toContain('Projection: 8.51 houses/month, limited by Construction.Plastering');
        expect(text).not.toContain('KPIs behind plan');
        const behind = runOkr(['status', '.'], folderWith({ 'plan.okr': PLASTERING.replace('actual 2026-02 27', 'actual 2026-02 24') })).stdout;
        expect(behind).toContain('KPIs behind plan:\n    PlasterRate: 2026-02 24 -20% (at risk)');
        const quarter = runOkr(['status', '.'], folderWith({ 'plan.okr': QUARTER })).stdout;
        expect(quarter).toContain('Progress: 36.7% (expected 44.2%)');
        expect(quarter).toContain('Expected: 13.3');
        expect(quarter).toContain('Projection: 24.1 at this pace');
        const markdown = runOkr(['status', '.', '--format', 'markdown'], root).stdout;
        expect(markdown).toContain('## Deliver: at risk');
        expect(markdown).toContain('| Deliver.Houses | 10 houses/month | 2026-02: 8 | 10 |  | -20% | at risk | 8.51 houses/month, limited by Construction.Plastering |');
        const russian = runOkr(['status', '.'], root, { LANG: 'ru_RU.UTF-8' }).stdout;
        expect(russian).toContain('Deliver: под угрозой');
        expect(russian).toContain('ограничивает Construction.Plastering');
    });

    it('exits as check does, and refuses formats it does not have', () => {
        expect(runOkr(['status', '.'], folderWith({ 'plan.okr': QUARTER.replace('  period 2026-Q1\n', '') })).status).toBe(1);
        expect(runOkr(['status', '.', '--format', 'csv'], folderWith({ 'plan.okr': QUARTER })).status).toBe(2);
    });
});
