import { describe, expect, it } from 'vitest';
import { analysePlan, comparePlans, figuresDiffer, relativeChange } from '../src/index.js';
import { kpi, needs, per, plasteringPlan, q, team } from './plans.js';

const base = () => analysePlan(plasteringPlan());

describe('comparing two plans (spec §10)', () => {
    it('finds nothing changed between a plan and itself, and counts what is unchanged', () => {
        const comparison = comparePlans(base(), base());
        expect(comparison).toEqual({ kpis: [], stages: [], keyResults: [], teams: [], unchanged: { kpis: 1, stages: 2, keyResults: 1, teams: 1 } });
    });

    it('reports a headcount change on the team and the KPI it moves, with the delta of the value', () => {
        const changed = plasteringPlan();
        changed.teams = [team('Plasterers', 4)];
        const comparison = comparePlans(base(), analysePlan(changed));
        expect(comparison.teams).toEqual([{ name: 'Plasterers', change: 'changed', before: { headcount: 3, availability: 1 }, after: { headcount: 4, availability: 1 } }]);
        expect(comparison.kpis).toEqual([{
            name: 'PlasterRate',
            change: 'changed',
            before: { value: 2000 / 21 / 3, low: 2000 / 21 / 3, high: 2000 / 21 / 3, target: 30, unit: 'm2/person/day' },
            after: { value: 2000 / 21 / 4, low: 2000 / 21 / 4, high: 2000 / 21 / 4, target: 30, unit: 'm2/person/day' },
            delta: (2000 / 21 / 4 - 2000 / 21 / 3) / (2000 / 21 / 3)
        }]);
        expect(comparison.kpis[0].delta).toBeCloseTo(-0.25, 12);
        // The stages' requirements do not depend on the headcount.
        expect(comparison.stages).toEqual([]);
        expect(comparison.unchanged).toEqual({ kpis: 0, stages: 2, keyResults: 1, teams: 0 });
    });

    it('gives a key result its delta on the target and carries the change back through the stages', () => {
        const changed = plasteringPlan();
        changed.keyResults[0].target = { amount: q(12), unit: 'house', per: 'month', site: 'Houses target' };
        const comparison = comparePlans(base(), analysePlan(changed));
        expect(comparison.keyResults).toEqual([{ name: 'Deliver.Houses', change: 'changed', before: { target: 10, unit: 'house/month' }, after: { target: 12, unit: 'house/month' }, delta: 0.2 }]);
        expect(comparison.stages.map(s => [s.name, s.before?.value, s.after?.value, s.delta])).toEqual([
            ['Construction.Plastering', 2000, 2400, 0.2],
            ['Construction.Handover', 10, 12, 0.2]
        ]);
        expect(comparison.stages[0].before?.unit).toBe('m2/month');
    });

    it('matches by name: a KPI that is new is added, one that is gone is removed, with no delta', () => {
        const changed = plasteringPlan();
        changed.kpis = [kpi('HandoverRate', 'Construction.Handover', { per: per(false, 'month') })];
        const comparison = comparePlans(base(), analysePlan(changed));
        expect(comparison.kpis).toEqual([
            { name: 'HandoverRate', change: 'added', before: null, after: { value: 10, low: 10, high: 10, target: null, unit: 'house/month' }, delta: null },
            { name: 'PlasterRate', change: 'removed', before: expect.objectContaining({ value: 2000 / 21 / 3, target: 30 }), after: null, delta: null }
        ]);
        expect(comparison.unchanged.kpis).toBe(0);
    });

    it('reports a change of the target alone, of a range end alone, and of the unit alone', () => {
        const target = plasteringPlan();
        target.kpis[0].target = { value: 32, site: 'PlasterRate target' };
        expect(comparePlans(base(), analysePlan(target)).kpis).toMatchObject([{ change: 'changed', before: { target: 30 }, after: { target: 32 }, delta: 0 }]);

        const unit = plasteringPlan();
        unit.kpis[0].per = per(true, 'week', 'PlasterRate per');
        const byWeek = comparePlans(base(), analysePlan(unit)).kpis;
        expect(byWeek).toMatchObject([{ change: 'changed', before: { unit: 'm2/person/day' }, after: { unit: 'm2/person/week' } }]);

        const wider = plasteringPlan();
        wider.processes[0].stages[1].flow = needs([150, 250], 'm2', 'house', 'Handover needs');
        const stages = comparePlans(base(), analysePlan(wider)).stages;
        expect(stages).toEqual([{
            name: 'Construction.Plastering',
            change: 'changed',
            before: { value: 2000, low: 2000, high: 2000, unit: 'm2/month' },
            after: { value: 2000, low: 1500, high: 2500, unit: 'm2/month' },
            delta: 0
        }]);
    });

    it('counts a figure that becomes null (or a number) as changed, with a null delta', () => {
        const broken = plasteringPlan();
        broken.teams = [team('Plasterers', 0)];
        const comparison = comparePlans(base(), analysePlan(broken));
        expect(comparison.kpis).toMatchObject([{ name: 'PlasterRate', change: 'changed', after: { value: null, low: null, high: null }, delta: null }]);
        expect(comparison.teams).toEqual([{ name: 'Plasterers', change: 'changed', before: { headcount: 3, availability: 1 }, after: { headcount: null, availability: 1 } }]);
        expect(comparePlans(analysePlan(broken), base()).kpis).toMatchObject([{ change: 'changed', before: { value: null }, delta: null }]);
    });

    it('compares availability as a fraction', () => {
        const changed = plasteringPlan();
        changed.teams = [team('Plasterers', 3, { availability: q(0.8) })];
        expect(comparePlans(base(), analysePlan(changed)).teams).toEqual([{ name: 'Plasterers', change: 'changed', before: { headcount: 3, availability: 1 }, after: { headcount: 3, availability: 0.8 } }]);
    });
});

describe('one part in 10⁹', () => {
    it('is relative to the larger magnitude', () => {
        expect(figuresDiffer(1e9, 1e9 + 0.5)).toBe(false);
        expect(figuresDiffer(1e9, 1e9 + 2)).toBe(true);
        expect(figuresDiffer(1, 1 + 5e-10)).toBe(false);
        expect(figuresDiffer(1, 1 + 2e-9)).toBe(true);
        expect(figuresDiffer(0, 1e-300)).toBe(true);
        expect(figuresDiffer(-2, 2)).toBe(true);
        expect(figuresDiffer(0.1 + 0.2, 0.3)).toBe(false);
    });

    it('says null differs from a number and not from null', () => {
        expect(figuresDiffer(null, 0)).toBe(true);
        expect(figuresDiffer(5, null)).toBe(true);
        expect(figuresDiffer(null, null)).toBe(false);
    });

    it('gives no delta from 0 or from null', () => {
        expect(relativeChange(0, 5)).toBeNull();
        expect(relativeChange(null, 5)).toBeNull();
        expect(relativeChange(5, null)).toBeNull();
        expect(relativeChange(10, 8)).toBeCloseTo(-0.2, 15);
        expect(relativeChange(-10, -5)).toBe(-0.5);
    });
});
