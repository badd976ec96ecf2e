import { describe, expect, it } from 'vitest';
import { analysePlan, everyN, exact, formatNumber, formatPercent } from '../src/index.js';
import {
    actual,
    blogPlan,
    codes,
    conversion,
    findingsOf,
    keyResult,
    kpi,
    kpiOf,
    needs,
    per,
    plan,
    plasteringPlan,
    process,
    q,
    rate,
    stage,
    stageOf,
    team,
    unclean,
    yields
} from './plans.js';

describe('the plastering example (spec §1, §4)', () => {
    const analysis = analysePlan(plasteringPlan());

    it('derives 2000 m² a month and 2000 / 21 / 3 m² per plasterer per day', () => {
        const plastering = stageOf(analysis, 'Construction.Plastering');
        expect(plastering).toMatchObject({ process: 'Construction', unit: 'm2', team: 'Plasterers', share: 1, effectiveHeadcount: 3 });
        expect(plastering.perMonth).toEqual(exact(2000));
        expect(plastering.perDay).toEqual(exact(2000 / 21));
        expect(plastering.perPersonPerDay).toEqual(exact(31.746031746031747));
        expect(stageOf(analysis, 'Construction.Handover')).toMatchObject({ unit: 'house', perMonth: exact(10), team: null, share: null, effectiveHeadcount: null, perPersonPerDay: null });
    });

    it('gives the KPI, its plan, rounded-up target and the deviation of the January actual', () => {
        const rate = kpiOf(analysis, 'PlasterRate');
        expect(rate).toEqual({
            name: 'PlasterRate',
            stage: 'Construction.Plastering',
            unit: 'm2/person/day',
            outputUnit: 'm2',
            perPerson: true,
            timeUnit: 'day',
            figure: exact(31.746031746031747),
            target: 30,
            plan: 30,
            spread: 0,
            suggestedTarget: 32,
            actuals: [{ period: '2026-01', value: 28, deviation: (28 - 30) / 30, status: 'on-track', day: '2026-01-31' }],
            latestActual: { period: '2026-01', value: 28, deviation: (28 - 30) / 30, status: 'on-track', day: '2026-01-31' },
            status: 'on-track'
        });
        expect(formatNumber(rate.figure!.value)).toBe('31.7');
        expect(formatPercent(rate.actuals[0].deviation!)).toBe('-6.7%');
    });

    it('explains the derivation step by step, per working day', () => {
        expect(stageOf(analysis, 'Construction.Plastering').steps).toEqual([
            {
                kind: 'demand',
                keyResults: [{ name: 'Deliver.Houses', amount: exact(10), per: 'month', unit: 'house', perDay: exact(10 / 21) }],
                result: exact(10 / 21)
            },
            { kind: 'flow', fromStage: 'Construction.Handover', fromUnit: 'house', flow: 'needs', factor: exact(200), result: exact(2000 / 21) }
        ]);
        expect(stageOf(analysis, 'Construction.Handover').steps).toHaveLength(1);
    });

    it('reports that the hand-set target 30 is below the derived 31.7, and that the pace of 28 projects 8.82 houses (spec §8)', () => {
        expect(analysis.findings).toEqual([
            {
                code: 'kpi-target-below-plan',
                severity: 'warning',
                site: 'PlasterRate target',
                args: {
                    kpi: 'PlasterRate',
                    target: 30,
                    low: 31.746031746031747,
                    value: 31.746031746031747,
                    shortfall: (31.746031746031747 - 30) / 31.746031746031747,
                    suggested: 32,
                    unit: 'm2/person/day'
                }
            },
            {
                code: 'key-result-projected-short',
                severity: 'warning',
                site: 'Houses target',
                args: { keyResult: 'Deliver.Houses', stage: 'Construction.Plastering', projected: (28 * 3 * 21) / 200, target: 10, deviation: ((28 * 3 * 21) / 200 - 10) / 10, tolerance: 0.1, unit: 'house', per: 'month' }
            }
        ]);
    });

    it('gives key result figures with actuals against the target', () => {
        const input = plasteringPlan();
        input.keyResults[0].actuals = [actual('2026-01', 8), actual('2026-02', 11)];
        const [houses] = analysePlan(input).keyResults;
        expect(houses).toEqual({
            name: 'Deliver.Houses',
            objective: 'Deliver',
            process: 'Construction',
            kind: 'rate',
            unit: 'house',
            per: 'month',
            target: exact(10),
            period: null,
            workdays: null,
            milestones: [],
            progress: null,
            expected: null,
            actuals: [
                { period: '2026-01', value: 8, expected: 10, deviation: -0.2, status: 'at-risk', day: '2026-01-31' },
                { period: '2026-02', value: 11, expected: 10, deviation: (11 - 10) / 10, status: 'on-track', day: '2026-02-28' }
            ],
            latestActual: { period: '2026-02', value: 11, expected: 10, deviation: (11 - 10) / 10, status: 'on-track', day: '2026-02-28' },
            status: 'on-track',
            // The KPI's January actual 28 × 3 / 200 × 21 = 8.82 houses a month.
            projection: { pace: null, value: 28 * 3 / 200 * 21, limitedBy: 'Construction.Plastering', deviation: (28 * 3 / 200 * 21 - 10) / 10 }
        });
    });

    it('gives 39.68 with availability 80%', () => {
        const input = plasteringPlan();
        input.teams[0].availability = q(0.8);
        const result = analysePlan(input);
        const figure = kpiOf(result, 'PlasterRate').figure!;
        expect(figure.value).toBeCloseTo(39.6825, 4);
        expect(formatNumber(figure.value)).toBe('39.7');
        expect(kpiOf(result, 'PlasterRate').suggestedTarget).toBe(40);
        expect(stageOf(result, 'Construction.Plastering').effectiveHeadcount).toBeCloseTo(2.4, 12);
    });

    it('expresses the KPI in its own time unit, per month and not per person by default', () => {
        const input = plasteringPlan();
        input.kpis.push(kpi('Monthly', 'Construction.Plastering'), kpi('PerPersonMonth', 'Construction.Plastering', { per: per(true, 'month') }));
        input.kpis.push(kpi('PerWeek', 'Construction.Plastering', { per: per(false, 'week') }));
        const result = analysePlan(input);
        expect(kpiOf(result, 'Monthly')).toMatchObject({ unit: 'm2/month', perPerson: false, timeUnit: 'month', figure: exact(2000), plan: 2000, target: null });
        expect(kpiOf(result, 'PerPersonMonth').figure!.value).toBeCloseTo(2000 / 3, 10);
        expect(kpiOf(result, 'PerPersonMonth').unit).toBe('m2/person/month');
        expect(kpiOf(result, 'PerWeek').figure!.value).toBeCloseTo((2000 / 21) * 5, 10);
    });

    it('is plain JSON: no NaN, Infinity or undefined anywhere', () => {
        expect(unclean(analysis)).toEqual([]);
        expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
    });

    it('is deterministic', () => {
        expect(analysePlan(plasteringPlan())).toEqual(analysis);
    });
});

describe('the blog example (domain)', () => {
    const analysis = analysePlan(blogPlan());

    it('gives 0.5 article per expert per week: one every 2 weeks', () => {
        const articles = kpiOf(analysis, 'ArticlesPerExpert');
        expect(articles.figure).toEqual(exact(0.5));
        expect(articles.unit).toBe('article/person/week');
        expect(everyN(articles.figure!.value)).toBe(2);
        const writing = stageOf(analysis, 'Blog.Writing');
        expect(writing.perDay).toEqual(exact(0.2));
        expect(writing.perPersonPerDay).toEqual(exact(0.1));
        expect(writing.perMonth!.value).toBeCloseTo(4.2, 12);
        expect(writing.steps).toEqual([{ kind: 'cadence', amount: exact(1), per: 'week', perDay: exact(0.2), before: null, result: exact(0.2) }]);
    });

    it('notes that no key result stands behind the blog', () => {
        expect(codes(analysis)).toEqual(['process-without-key-result', 'kpi-without-key-result']);
        expect(unclean(analysis)).toEqual([]);
    });
});

/** Leads → Deals with a conversion, 10 deals a month. */
function funnel(rateLow: number, rateHigh: number = rateLow) {
    return plan({
        processes: [process('Sales', [stage('Sales.Leads', 'lead'), stage('Sales.Deals', 'deal', { flow: conversion(rateLow, rateHigh, 'Deals conversion') })])],
        keyResults: [keyResult('Grow.Deals', rate(10, 'deal', 'month', 'Deals target'), 'Sales')],
        kpis: [kpi('Leads', 'Sales.Leads')]
    });
}

describe('ranges', () => {
    it('divides by a conversion range with swapped ends, the value from its midpoint', () => {
        const analysis = analysePlan(funnel(0.02, 0.04));
        const leads = stageOf(analysis, 'Sales.Leads').perMonth!;
        expect(leads.low).toBe(10 / 0.04);
        expect(leads.high).toBe(10 / 0.02);
        expect(leads.value).toBe(10 / 0.03);
        expect(leads.value).not.toBeCloseTo(375, 0);
        expect(stageOf(analysis, 'Sales.Leads').steps[1]).toMatchObject({ kind: 'flow', flow: 'conversion', factor: { low: 0.02, value: 0.03, high: 0.04 } });
        const figure = kpiOf(analysis, 'Leads');
        expect(figure.spread).toBeCloseTo(0.75, 12);
        expect(findingsOf(analysis, 'kpi-on-uncertain-work')[0].args).toMatchObject({ reason: 'spread', limit: 0.5 });
    });

    it('multiplies needs ranges end by end and divides by yields ranges', () => {
        const analysis = analysePlan(plan({
            processes: [process('P', [
                stage('P.A', 'a'),
                stage('P.B', 'b', { flow: needs([2, 4], 'a', 'b') }),
                stage('P.C', 'c', { flow: yields([2, 4], 'c', 'b') })
            ])],
            keyResults: [keyResult('O.K', rate([8, 16], 'c', 'day', 'K target'), 'P')]
        }));
        expect(stageOf(analysis, 'P.C').perDay).toEqual({ low: 8, value: 12, high: 16 });
        expect(stageOf(analysis, 'P.B').perDay).toEqual({ low: 2, value: 4, high: 8 });
        expect(stageOf(analysis, 'P.A').perDay).toEqual({ low: 4, value: 12, high: 32 });
    });
});

describe('demand', () => {
    it('sums the key results going via a process', () => {
        const input = funnel(0.5);
        input.keyResults.push(keyResult('Grow.More', rate(5, 'deal', 'month', 'More target'), 'Sales'));
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'Sales.Deals').perMonth).toEqual(exact(15));
        expect(stageOf(analysis, 'Sales.Leads').perMonth).toEqual(exact(30));
        expect(stageOf(analysis, 'Sales.Deals').steps[0]).toMatchObject({ kind: 'demand', keyResults: [{ name: 'Grow.Deals' }, { name: 'Grow.More' }], result: exact(15 / 21) });
    });

    it('sums key results in different time units per working day', () => {
        const input = funnel(0.5);
        input.keyResults = [
            keyResult('Grow.Weekly', rate(1, 'deal', 'week', 'Weekly target'), 'Sales'),
            keyResult('Grow.Monthly', rate(21, 'deal', 'month', 'Monthly target'), 'Sales')
        ];
        expect(stageOf(analysePlan(input), 'Sales.Deals').perDay!.value).toBeCloseTo(1.2, 12);
    });

    it('ignores key results via an unresolved or unknown process', () => {
        const input = funnel(0.5);
        input.keyResults.push(keyResult('Grow.Lost', rate(5, 'deal', 'month', 'Lost target'), null));
        input.keyResults.push(keyResult('Grow.Elsewhere', rate(5, 'deal', 'month', 'Elsewhere target'), 'Nowhere'));
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'Sales.Deals').perMonth).toEqual(exact(10));
        expect(analysis.keyResults.map(k => k.process)).toEqual(['Sales', null, 'Nowhere']);
    });

    it('takes a zero target as a zero requirement, with no deviation from a zero plan', () => {
        const input = funnel(0.5);
        input.keyResults[0].target = rate(0, 'deal', 'month', 'Deals target');
        input.kpis[0].actuals = [actual('2026-01', 3)];
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'Sales.Leads').perMonth).toEqual(exact(0));
        expect(kpiOf(analysis, 'Leads')).toMatchObject({ figure: exact(0), plan: 0, spread: null, suggestedTarget: 0, actuals: [{ deviation: null }] });
        expect(unclean(analysis)).toEqual([]);
    });
});

describe('cadence', () => {
    it('floors the requirement end by end', () => {
        const input = funnel(0.02, 0.04);
        input.processes[0].stages[0].cadence = rate(300, 'lead', 'month', 'Leads cadence');
        const analysis = analysePlan(input);
        const leads = stageOf(analysis, 'Sales.Leads');
        expect(leads.perMonth).toEqual({ low: 300, value: 10 / 0.03, high: 500 });
        expect(leads.steps.at(-1)).toMatchObject({ kind: 'cadence', per: 'month', before: { low: 10 / 0.04 / 21 }, result: { low: 300 / 21 } });
        expect(findingsOf(analysis, 'cadence-below-plan')).toEqual([
            {
                code: 'cadence-below-plan',
                severity: 'warning',
                site: 'Leads cadence',
                args: { stage: 'Sales.Leads', unit: 'lead', cadence: 300, required: 10 / 0.03, per: 'month' }
            }
        ]);
    });

    it('raises the value and both ends when it is above the requirement', () => {
        const input = funnel(0.02, 0.04);
        input.processes[0].stages[0].cadence = rate(600, 'lead', 'month', 'Leads cadence');
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'Sales.Leads').perMonth).toEqual(exact(600));
        expect(findingsOf(analysis, 'cadence-below-plan')).toEqual([]);
    });

    it('compares cadence and requirement per working day across time units', () => {
        const input = funnel(0.5); // leads: 20 a month
        input.processes[0].stages[0].cadence = rate(1, 'lead', 'day', 'Leads cadence'); // 21 a month
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'Sales.Leads').perDay).toEqual(exact(1));
        expect(findingsOf(analysis, 'cadence-below-plan')).toEqual([]);
        // A cadence that does not bind adds no step.
        input.processes[0].stages[0].cadence = rate(0, 'lead', 'day', 'Leads cadence');
        const lower = analysePlan(input);
        expect(stageOf(lower, 'Sales.Leads').steps.map(step => step.kind)).toEqual(['demand', 'flow']);
        expect(codes(lower)).toEqual(['cadence-below-plan']);
    });

    it('gives a process without key results the figures of its cadences, and none after the last', () => {
        const input = plan({
            processes: [process('P', [
                stage('P.A', 'x', { cadence: rate(2, 'x', 'week', 'A cadence') }),
                stage('P.B', 'y', { flow: yields(2, 'y', 'x') }),
                stage('P.C', 'z', { flow: conversion(0.5) })
            ])]
        });
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'P.A').perDay).toEqual(exact(0.4));
        expect(stageOf(analysis, 'P.B')).toMatchObject({ perDay: null, perMonth: null, steps: [] });
        expect(stageOf(analysis, 'P.C').perDay).toBeNull();
        expect(codes(analysis)).toEqual(['process-without-key-result']);

        // A cadence on B flows back to A and beats A's own.
        input.processes[0].stages[1].cadence = rate(10, 'y', 'week', 'B cadence');
        const raised = analysePlan(input);
        expect(stageOf(raised, 'P.B').perDay).toEqual(exact(2));
        expect(stageOf(raised, 'P.A').perDay).toEqual(exact(1));
        expect(stageOf(raised, 'P.A').steps.map(step => step.kind)).toEqual(['cadence', 'flow']);
        expect(stageOf(raised, 'P.C').perDay).toBeNull();
        // Without key results there is no requirement to fall short of.
        expect(codes(raised)).toEqual(['process-without-key-result']);
    });
});

describe('calendar and policy', () => {
    it('uses the workdays of the calendar', () => {
        const input = plasteringPlan();
        input.calendar = { workdaysPerMonth: q(20) };
        const analysis = analysePlan(input);
        expect(analysis.calendar).toEqual({ workdaysPerMonth: 20, workdaysPerWeek: 5, holidays: [] });
        expect(stageOf(analysis, 'Construction.Plastering').perMonth).toEqual(exact(2000));
        expect(kpiOf(analysis, 'PlasterRate').figure).toEqual(exact(2000 / 20 / 3));

        const blog = blogPlan();
        blog.calendar = { workdaysPerWeek: q(4) };
        const weekly = analysePlan(blog);
        expect(stageOf(weekly, 'Blog.Writing').perDay).toEqual(exact(0.25));
        expect(kpiOf(weekly, 'ArticlesPerExpert').figure).toEqual(exact(0.5));
    });

    it('uses the tolerance of the policy', () => {
        const input = plasteringPlan();
        input.policy = { tolerance: q(0.05) };
        const analysis = analysePlan(input);
        expect(analysis.policy).toEqual({ tolerance: 0.05, uncertainty: 0.5, offtrack: 0.25 });
        expect(findingsOf(analysis, 'kpi-behind-plan')).toHaveLength(1);
        expect(analysePlan(plasteringPlan()).policy).toEqual({ tolerance: 0.1, uncertainty: 0.5, offtrack: 0.25 });
    });

    it('uses the uncertainty of the policy', () => {
        const input = funnel(0.02, 0.04); // spread 0.75
        input.policy = { uncertainty: q(0.8) };
        expect(findingsOf(analysePlan(input), 'kpi-on-uncertain-work')).toEqual([]);
    });
});

/** One process of three stages of unit u, 12 u a day, all done by team T of 4. */
function sharedTeam(shares: (number | undefined)[]) {
    const stages = shares.map((share, index) =>
        stage(`Line.S${index + 1}`, 'u', {
            team: { team: 'T', share: share === undefined ? undefined : q(share, share, `S${index + 1} share`), site: `S${index + 1} team` },
            flow: index > 0 ? needs(1, 'u', 'u', `S${index + 1} needs`) : undefined
        })
    );
    return plan({
        teams: [team('T', 4)],
        processes: [process('Line', stages)],
        keyResults: [keyResult('O.K', rate(12, 'u', 'day', 'K target'), 'Line')],
        kpis: [kpi('Pace3', 'Line.S3', { per: per(true, 'day') })]
    });
}

describe('team shares', () => {
    it('splits the time not given explicitly equally among stages without a share', () => {
        const analysis = analysePlan(sharedTeam([0.25, undefined, undefined]));
        expect(analysis.stages.map(s => s.share)).toEqual([0.25, 0.375, 0.375]);
        expect(analysis.stages.map(s => s.effectiveHeadcount)).toEqual([1, 1.5, 1.5]);
        expect(analysis.stages.map(s => s.perPersonPerDay?.value)).toEqual([12, 8, 8]);
        expect(analysis.findings).toEqual([]);
    });

    it('gives every stage the whole team when none has a share', () => {
        const analysis = analysePlan(sharedTeam([undefined, undefined, undefined]));
        expect(analysis.stages.map(s => s.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    });

    it('reports over-allocation but still derives with the shares as written', () => {
        const analysis = analysePlan(sharedTeam([0.7, 0.6, undefined]));
        expect(findingsOf(analysis, 'team-over-allocated')).toEqual([
            { code: 'team-over-allocated', severity: 'error', site: 'team T', args: { team: 'T', totalShare: 0.7 + 0.6, stageCount: 2 } }
        ]);
        expect(analysis.stages.map(s => s.effectiveHeadcount)).toEqual([4 * 0.7, 4 * 0.6, null]);
        expect(stageOf(analysis, 'Line.S3')).toMatchObject({ share: 0, perPersonPerDay: null, perDay: exact(12) });
        expect(kpiOf(analysis, 'Pace3').figure).toBeNull();
        expect(codes(analysis)).toEqual(['team-over-allocated']);
    });

    it('leaves a stage with no share left without per-person figures, quietly', () => {
        const analysis = analysePlan(sharedTeam([0.3, 0.7, undefined]));
        expect(stageOf(analysis, 'Line.S3')).toMatchObject({ share: 0, effectiveHeadcount: null, perPersonPerDay: null });
        expect(kpiOf(analysis, 'Pace3').figure).toBeNull();
        expect(analysis.findings).toEqual([]);
        // 0.6 + 0.3 + 0.1 is 0.9999999999999999: float noise leaves no time to share.
        const noisy = analysePlan(sharedTeam([0.6, 0.3, 0.1, undefined]));
        expect(stageOf(noisy, 'Line.S4')).toMatchObject({ share: 0, perPersonPerDay: null });
        expect(noisy.findings).toEqual([]);
    });

    it('counts shares across processes', () => {
        const input = sharedTeam([0.5, undefined, undefined]);
        input.processes.push(process('Other', [stage('Other.X', 'v', { team: { team: 'T', share: q(0.5), site: 'X team' } })]));
        const analysis = analysePlan(input);
        expect(analysis.stages.map(s => s.share)).toEqual([0.5, 0, 0, 0.5]);
    });
});

describe('performance', () => {
    it('analyses hundreds of processes and thousands of KPIs quickly', () => {
        const input = plan({ teams: [team('T', 100)] });
        for (let p = 0; p < 300; p++) {
            const stages = Array.from({ length: 6 }, (_, s) =>
                stage(`P${p}.S${s}`, 'u', { team: { team: 'T', site: 'team' }, flow: s > 0 ? conversion(0.5) : undefined })
            );
            input.processes.push(process(`P${p}`, stages));
            input.keyResults.push(keyResult(`O.K${p}`, rate(10, 'u', 'month', 'target'), `P${p}`));
            for (let k = 0; k < 12; k++) input.kpis.push(kpi(`K${p}_${k}`, `P${p}.S${k % 6}`, { per: per(true, 'day'), actuals: [actual('2026-01', 1)] }));
        }
        const started = performance.now();
        const analysis = analysePlan(input);
        expect(performance.now() - started).toBeLessThan(2000);
        expect(analysis.kpis).toHaveLength(3600);
        expect(analysis.stages).toHaveLength(1800);
    });
});
