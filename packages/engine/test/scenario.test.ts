import { describe, expect, it } from 'vitest';
import { analysePlan, applyScenario, type ScenarioInput } from '../src/index.js';
import { conversion, kpiOf, needs, plasteringPlan, q, rate, stageOf, findingsOf, type Site } from './plans.js';

/** Spec §9's `Hire` on the plastering plan. */
const hire = (): ScenarioInput<Site> => ({
    name: 'Hire',
    teams: [{ name: 'Plasterers', headcount: q(5, 5, 'Hire headcount') }],
    keyResults: [{ name: 'Deliver.Houses', target: { amount: q(12), unit: 'house', per: 'month', site: 'Hire target' } }],
    stages: [{ name: 'Construction.Handover', flow: needs(180, 'm2', 'house', 'Hire needs') }],
    kpis: [{ name: 'PlasterRate', target: { value: 25, site: 'Hire kpi target' } }]
});

describe('applying a scenario (spec §9)', () => {
    it('reproduces the worked figures: 12 × 180 = 2160 m²/month, 2160 / 5 / 21 = 20.6 per plasterer per day, plan 25', () => {
        const base = plasteringPlan();
        const analysis = analysePlan(applyScenario(base, hire()));
        expect(stageOf(analysis, 'Construction.Plastering').perMonth?.value).toBeCloseTo(2160, 9);
        const kpi = kpiOf(analysis, 'PlasterRate');
        expect(kpi.figure?.value).toBeCloseTo(2160 / 5 / 21, 12);
        expect(kpi.target).toBe(25);
        // The base input is not changed.
        expect(base.teams[0].headcount?.low).toBe(3);
        expect(kpiOf(analysePlan(base), 'PlasterRate').figure?.value).toBeCloseTo(2000 / 3 / 21, 12);
    });

    it('keeps every clause the scenario does not name, with its own site', () => {
        const applied = applyScenario(plasteringPlan(), { name: 'Kpi', kpis: [{ name: 'PlasterRate', per: { perPerson: true, timeUnit: 'week', site: 'Kpi per' } }] });
        const kpi = applied.kpis[0];
        expect(kpi.per?.site).toBe('Kpi per');
        expect(kpi.target?.site).toBe('PlasterRate target');
        expect(applied.teams[0].headcount?.site).toBe('Plasterers headcount');
        expect(applied.processes[0].stages[1].flow?.site).toBe('Handover needs');
    });

    it('replaces a flow clause by one of another kind: conversion replaces needs', () => {
        const applied = applyScenario(plasteringPlan(), { name: 'C', stages: [{ name: 'Construction.Handover', flow: conversion(0.5, 0.5, 'C conversion') }] });
        expect(applied.processes[0].stages[1].flow).toEqual({ kind: 'conversion', rate: q(0.5, 0.5, 'C conversion rate'), site: 'C conversion' });
    });

    it('adds a clause the declaration does not have (a capacity), and nonstandard only ever adds', () => {
        const applied = applyScenario(plasteringPlan(), {
            name: 'Cap',
            stages: [{ name: 'Construction.Plastering', capacity: rate(20, 'm2', 'day', 'Cap capacity'), nonstandard: true }],
            processes: [{ name: 'Construction', nonstandard: true }]
        });
        expect(applied.processes[0].nonstandard).toBe(true);
        expect(applied.processes[0].stages[0].capacity?.site).toBe('Cap capacity');
        expect(applied.processes[0].stages[0].nonstandard).toBe(true);
        expect(applied.processes[0].stages[0].team?.site).toBe('Plastering team');
        // The finding about the added capacity sits on the scenario's clause: 31.7 > 20.
        const overCapacity = findingsOf(analysePlan(applied), 'over-capacity');
        expect(overCapacity.map(finding => finding.site)).toEqual(['Cap capacity']);
    });

    it('puts a finding about an overridden clause on the overriding clause', () => {
        const applied = applyScenario(plasteringPlan(), { name: 'Zero', teams: [{ name: 'Plasterers', headcount: q(0, 0, 'Zero headcount') }] });
        expect(findingsOf(analysePlan(applied), 'invalid-quantity').map(finding => finding.site)).toEqual(['Zero headcount']);
        const low = applyScenario(plasteringPlan(), { name: 'Low', kpis: [{ name: 'PlasterRate', target: { value: 20, site: 'Low target' } }] });
        expect(findingsOf(analysePlan(low), 'kpi-target-below-plan').map(finding => finding.site)).toEqual(['Low target']);
    });

    it('keeps workdays per month and per week apart, and adds holidays to the calendar', () => {
        const base = plasteringPlan();
        base.calendar = { workdaysPerMonth: q(21, 21, 'base month'), workdaysPerWeek: q(5, 5, 'base week'), holidays: [{ from: '2026-01-01', site: 'base holiday' }] };
        const applied = applyScenario(base, { name: 'Cal', calendar: { workdaysPerMonth: q(20, 20, 'Cal month'), holidays: [{ from: '2026-02-23', site: 'Cal holiday' }] } });
        expect(applied.calendar?.workdaysPerMonth?.site).toBe('Cal month');
        expect(applied.calendar?.workdaysPerWeek?.site).toBe('base week');
        expect(applied.calendar?.holidays?.map(holiday => holiday.site)).toEqual(['base holiday', 'Cal holiday']);
        expect(kpiOf(analysePlan(applied), 'PlasterRate').figure?.value).toBeCloseTo(2000 / 3 / 20, 12);
    });

    it('applies a calendar and a policy over the defaults when the plan has none', () => {
        const applied = applyScenario(plasteringPlan(), { name: 'P', calendar: { workdaysPerWeek: q(4, 4, 'P week') }, policy: { tolerance: { ...q(0.05, 0.05, 'P tolerance'), percent: true } } });
        expect(applied.calendar).toEqual({ workdaysPerWeek: q(4, 4, 'P week'), holidays: [] });
        expect(applied.policy?.tolerance?.site).toBe('P tolerance');
        // January's 28 against the target 30 is −6.7 %: behind plan with a 5 % tolerance.
        expect(findingsOf(analysePlan(applied), 'kpi-behind-plan').map(finding => finding.site)).toEqual(['actual 2026-01']);
        expect(findingsOf(analysePlan(plasteringPlan()), 'kpi-behind-plan')).toEqual([]);
    });

    it('lets a target override change the kind of a key result (a rate becomes a total)', () => {
        const base = plasteringPlan();
        base.objectives = [{ name: 'Deliver', period: { from: '2026-Q1', site: 'period' }, nameSite: 'objective Deliver' }];
        const applied = applyScenario(base, { name: 'Total', keyResults: [{ name: 'Deliver.Houses', target: { amount: q(30), unit: 'house', per: null, site: 'Total target' } }] });
        const keyResult = analysePlan(applied).keyResults[0];
        expect(keyResult.kind).toBe('total');
        expect(keyResult.target?.value).toBe(30);
    });

    it('applies the scenario it extends first, and its own clauses over its parent', () => {
        const slow: ScenarioInput<Site> = {
            name: 'Slow',
            parent: hire(),
            teams: [{ name: 'Plasterers', headcount: q(4, 4, 'Slow headcount') }],
            calendar: { workdaysPerMonth: q(20, 20, 'Slow month') }
        };
        const applied = applyScenario(plasteringPlan(), slow);
        expect(applied.teams[0].headcount?.site).toBe('Slow headcount');
        expect(applied.keyResults[0].target?.site).toBe('Hire target');
        expect(kpiOf(analysePlan(applied), 'PlasterRate').figure?.value).toBeCloseTo(12 * 180 / 4 / 20, 12);
    });

    it('stops at a chain that loops instead of running forever', () => {
        const a: ScenarioInput<Site> = { name: 'A', teams: [{ name: 'Plasterers', headcount: q(6, 6, 'A headcount') }] };
        const b: ScenarioInput<Site> = { name: 'B', parent: a, teams: [{ name: 'Plasterers', headcount: q(7, 7, 'B headcount') }] };
        a.parent = b;
        expect(applyScenario(plasteringPlan(), b).teams[0].headcount?.site).toBe('B headcount');
    });
});
