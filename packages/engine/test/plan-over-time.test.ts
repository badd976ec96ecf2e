/** Spec §8: the plan over time — calendar with holidays, periods, totals, milestones, statuses, projections. */
import { describe, expect, it } from 'vitest';
import { analysePlan, parseSpan, WorkingCalendar, epochDay, type KeyResultInput, type MilestoneInput, type PlanInput } from '../src/index.js';
import { actual, findingsOf, keyResult, kpiOf, plasteringPlan, q, unclean, type Site } from './plans.js';

function total(amount: number | [number, number], unit = 'house'): KeyResultInput<Site>['target'] {
    const [low, high] = typeof amount === 'number' ? [amount, amount] : amount;
    return { amount: q(low, high, 'Handed amount'), unit, per: null, site: 'Handed target' };
}

function milestone(period: string, value: number): MilestoneInput<Site> {
    return { period, value: q(value, value, `milestone ${period} value`), site: `milestone ${period}` };
}

/** §8's example with §3's process, team and KPI, without its check-ins. */
function quarterPlan(extra: Partial<KeyResultInput<Site>> = {}): PlanInput<Site> {
    const input = plasteringPlan();
    input.kpis[0].actuals = [];
    input.calendar = {
        workdaysPerMonth: q(21),
        workdaysPerWeek: q(5),
        holidays: [{ from: '2026-01-01', to: '2026-01-08', site: 'holiday new year' }, { from: '2026-02-23', site: 'holiday 23 feb' }]
    };
    input.objectives = [{ name: 'Deliver', period: { from: '2026-Q1', site: 'Deliver period' }, nameSite: 'objective Deliver' }];
    input.keyResults = [keyResult('Deliver.Handed', total(30), 'Construction', { actuals: [actual('2026-02-13', 11)], ...extra })];
    return input;
}

const MILESTONES = [milestone('2026-01', 8), milestone('2026-02', 18)];

describe('working days W(a..b)', () => {
    it('counts Monday..Friday less holidays: 16 + 19 + 22 = 57 in 2026-Q1', () => {
        const holidays = new Set<number>();
        for (let day = epochDay(2026, 1, 1); day <= epochDay(2026, 1, 8); day++) holidays.add(day);
        holidays.add(epochDay(2026, 2, 23));
        const calendar = new WorkingCalendar(5, holidays);
        expect(calendar.count(epochDay(2026, 1, 1), epochDay(2026, 1, 31))).toBe(16);
        expect(calendar.count(epochDay(2026, 2, 1), epochDay(2026, 2, 28))).toBe(19);
        expect(calendar.count(epochDay(2026, 3, 1), epochDay(2026, 3, 31))).toBe(22);
        expect(calendar.count(epochDay(2026, 1, 1), epochDay(2026, 2, 13))).toBe(26);
        expect(calendar.count(epochDay(2026, 1, 2), epochDay(2026, 1, 1))).toBe(0);
    });

    it('counts 6 and 7 day weeks from Monday', () => {
        const week = [epochDay(2026, 1, 5), epochDay(2026, 1, 11)]; // Monday..Sunday
        expect(new WorkingCalendar(6).count(week[0], week[1])).toBe(6);
        expect(new WorkingCalendar(7).count(week[0], week[1])).toBe(7);
        expect(new WorkingCalendar(1).count(week[0], week[1])).toBe(1);
    });

    it('reads day ranges and rejects reversed ones or ranges of months', () => {
        const span = parseSpan('2026-04-13', '2026-06-30');
        expect(span.ok && span.period.text).toBe('2026-04-13..2026-06-30');
        expect(parseSpan('2026-06-30', '2026-04-13')).toEqual({ ok: false, problem: 'reversed' });
        expect(parseSpan('2026-01', '2026-03')).toEqual({ ok: false, problem: 'range-ends' });
    });
});

describe('a cumulative key result (spec §8 worked figures)', () => {
    it('spreads 30 houses over W = 57: 0.526 house a working day, KPI 35.1 m²/person/day', () => {
        const analysis = analysePlan(quarterPlan());
        const handed = analysis.keyResults[0];
        expect(handed.kind).toBe('total');
        expect(handed.workdays).toBe(57);
        expect(handed.period).toBe('2026-Q1');
        const handover = analysis.stages.find(stage => stage.name === 'Construction.Handover');
        expect(handover?.perDay?.value).toBeCloseTo(30 / 57, 12);
        expect(handover?.perMonth?.value).toBeCloseTo(11.05, 2);
        expect(kpiOf(analysis, 'PlasterRate').figure?.value).toBeCloseTo((30 / 57) * 200 / 3, 10);
        expect(kpiOf(analysis, 'PlasterRate').figure?.value.toFixed(1)).toBe('35.1');
        expect(unclean(analysis)).toEqual([]);
    });

    it('expects E = 30 × 26 / 57 = 13.68 by 13 February: −19.6 %, at risk', () => {
        const analysis = analysePlan(quarterPlan());
        const [checkIn] = analysis.keyResults[0].actuals;
        expect(checkIn.expected).toBeCloseTo((30 * 26) / 57, 12);
        expect(checkIn.deviation).toBeCloseTo((11 - (30 * 26) / 57) / ((30 * 26) / 57), 12);
        expect(checkIn.deviation?.toFixed(3)).toBe('-0.196');
        expect(checkIn.status).toBe('at-risk');
        expect(checkIn.day).toBe('2026-02-13');
        const behind = findingsOf(analysis, 'key-result-behind-plan');
        expect(behind).toHaveLength(1);
        expect(behind[0]).toMatchObject({ severity: 'warning', site: 'actual 2026-02-13', args: { keyResult: 'Deliver.Handed', kind: 'total', actual: 11, expected: checkIn.expected, tolerance: 0.1, unit: 'house', target: 30 } });
    });

    it('with milestones expects E = 8 + 10 × 10 / 19 = 13.26: −17.1 %; progress 0.367 against 0.442', () => {
        const analysis = analysePlan(quarterPlan({ milestones: MILESTONES }));
        const handed = analysis.keyResults[0];
        expect(handed.milestones).toEqual([{ period: '2026-01', value: 8, workdays: 16 }, { period: '2026-02', value: 18, workdays: 35 }]);
        const [checkIn] = handed.actuals;
        expect(checkIn.expected).toBeCloseTo(8 + (10 * 10) / 19, 12);
        expect(checkIn.deviation?.toFixed(4)).toBe('-0.1706');
        expect(checkIn.status).toBe('at-risk');
        expect(handed.status).toBe('at-risk');
        expect(handed.progress).toBeCloseTo(11 / 30, 12);
        expect(handed.expected).toBeCloseTo((8 + 100 / 19) / 30, 12);
        expect(analysis.objectives).toEqual([{ name: 'Deliver', period: '2026-Q1', workdays: 57, status: 'at-risk', keyResults: ['Deliver.Handed'], kpis: ['PlasterRate'] }]);
    });

    it('projects the pace 11 × 57 / 26 = 24.1 of 30, with no bottleneck without KPI check-ins', () => {
        const { projection } = analysePlan(quarterPlan()).keyResults[0];
        expect(projection.pace).toBeCloseTo((11 * 57) / 26, 12);
        expect(projection.pace?.toFixed(1)).toBe('24.1');
        expect(projection).toMatchObject({ value: null, limitedBy: null, deviation: null });
    });

    it('without check-ins has no progress, no expected and status none', () => {
        const analysis = analysePlan(quarterPlan({ actuals: [] }));
        expect(analysis.keyResults[0]).toMatchObject({ progress: null, expected: null, status: 'none', projection: { pace: null } });
        expect(analysis.objectives[0].status).toBe('none');
    });

    it('interpolates in working days between neighbouring points; a milestone on an equal w holds from there on', () => {
        // 2026-01-01..08 are holidays: by 2026-01-08, w = 0; the January milestone's w is 16.
        const input = quarterPlan({ milestones: [milestone('2026-01-08', 0), milestone('2026-01', 8)], actuals: [actual('2026-01-08', 0), actual('2026-01', 8), actual('2026-03', 30)] });
        const [early, january, march] = analysePlan(input).keyResults[0].actuals;
        expect(early.expected).toBe(0);
        expect(early.deviation).toBeNull();
        expect(early.status).toBe('none');
        expect(january.expected).toBe(8);
        expect(january.status).toBe('on-track');
        expect(march.expected).toBe(30);
    });
});

describe('check-ins over time (spec §8)', () => {
    it('dates a check-in by its period end: 2026-02 is later than 2026-W07', () => {
        const input = quarterPlan({ actuals: [actual('2026-02', 15), actual('2026-W07', 12)] });
        expect(analysePlan(input).keyResults[0].latestActual?.period).toBe('2026-02');
    });

    it('warns about a check-in outside the objective period and gives it no deviation', () => {
        const input = quarterPlan({ actuals: [actual('2026-04', 31), actual('2026-02-13', 11)] });
        const analysis = analysePlan(input);
        const [outside] = analysis.keyResults[0].actuals;
        expect(outside).toMatchObject({ deviation: null, status: 'none', outsidePeriod: true });
        expect(analysis.keyResults[0].latestActual?.period).toBe('2026-02-13');
        expect(findingsOf(analysis, 'actual-outside-period')).toEqual([
            { code: 'actual-outside-period', severity: 'warning', site: 'actual 2026-04', args: { name: 'Deliver.Handed', period: '2026-04', objectivePeriod: '2026-Q1', day: '2026-04-30' } }
        ]);
    });

    it('counts 2026-W01 (29 Dec 2025 – 4 Jan 2026) as inside 2026-Q1', () => {
        const analysis = analysePlan(quarterPlan({ actuals: [actual('2026-W01', 0)] }));
        expect(findingsOf(analysis, 'actual-outside-period')).toEqual([]);
    });

    it('flags every earlier check-in of the same period as duplicate-actual instead of behind plan', () => {
        const input = quarterPlan({ actuals: [actual('2026-02-13', 1), actual('2026-02-13', 11)] });
        const analysis = analysePlan(input);
        expect(findingsOf(analysis, 'duplicate-actual')).toEqual([{ code: 'duplicate-actual', severity: 'warning', site: 'actual 2026-02-13', args: { name: 'Deliver.Handed', period: '2026-02-13' } }]);
        expect(findingsOf(analysis, 'key-result-behind-plan')).toHaveLength(1);
        const [first, second] = analysis.keyResults[0].actuals;
        expect(first).toMatchObject({ duplicate: true, status: 'off-track' });
        expect(analysis.keyResults[0].latestActual).toBe(second);
        const kpiInput = plasteringPlan();
        kpiInput.kpis[0].actuals = [actual('2026-01', 10), actual('2026-01', 29)];
        const kpiAnalysis = analysePlan(kpiInput);
        expect(findingsOf(kpiAnalysis, 'duplicate-actual')).toHaveLength(1);
        expect(findingsOf(kpiAnalysis, 'kpi-behind-plan')).toEqual([]);
    });

    it('gives statuses at the boundaries, strict and blind to float noise', () => {
        const input = plasteringPlan();
        input.keyResults[0].actuals = [actual('2026-01', 9), actual('2026-02', 7.5), actual('2026-03', 7.4999), actual('2026-04', 8.9)];
        const statuses = analysePlan(input).keyResults[0].actuals.map(a => a.status);
        expect(statuses).toEqual(['on-track', 'at-risk', 'off-track', 'at-risk']);
    });

    it('uses a written offtrack, and none when it is not above the tolerance', () => {
        const input = plasteringPlan();
        input.keyResults[0].actuals = [actual('2026-01', 8)];
        input.policy = { offtrack: { low: 0.15, high: 0.15, percent: true, site: 'offtrack' } };
        expect(analysePlan(input).keyResults[0].status).toBe('off-track');
        input.policy = { tolerance: { low: 0.1, high: 0.1, percent: true, site: 'tolerance' }, offtrack: { low: 0.1, high: 0.1, percent: true, site: 'offtrack' } };
        const analysis = analysePlan(input);
        expect(analysis.keyResults[0].status).toBe('none');
        expect(findingsOf(analysis, 'invalid-quantity')[0]).toMatchObject({ site: 'offtrack', args: { what: 'offtrack', reason: 'not-above-tolerance' } });
        expect(findingsOf(analysis, 'key-result-behind-plan')).toHaveLength(1);
    });

    it('rolls objectives up to the worst status of their key results', () => {
        const input = plasteringPlan();
        input.objectives = [{ name: 'Deliver', nameSite: 'objective Deliver' }];
        input.keyResults.push(keyResult('Deliver.Other', { amount: q(10), unit: 'house', per: 'month', site: 'Other target' }, undefined, { actuals: [actual('2026-01', 5)] }));
        input.keyResults.push(keyResult('Deliver.Brand', undefined, undefined));
        input.keyResults[0].actuals = [actual('2026-01', 10)];
        const analysis = analysePlan(input);
        expect(analysis.keyResults.map(k => [k.kind, k.status])).toEqual([['rate', 'on-track'], ['rate', 'off-track'], ['qualitative', 'none']]);
        expect(analysis.objectives[0].status).toBe('off-track');
    });
});

describe('rules of periods and milestones (spec §8)', () => {
    it('requires a period for a total: missing-period, and the process is not derived', () => {
        const input = quarterPlan();
        input.objectives = [];
        const analysis = analysePlan(input);
        expect(findingsOf(analysis, 'missing-period')).toEqual([{ code: 'missing-period', severity: 'error', site: 'Handed target', args: { keyResult: 'Deliver.Handed', objective: 'Deliver' } }]);
        expect(kpiOf(analysis, 'PlasterRate').figure).toBeNull();
    });

    it('rejects a period with no working day and a range as a total', () => {
        const input = quarterPlan();
        input.objectives = [{ name: 'Deliver', period: { from: '2026-01-01', to: '2026-01-08', site: 'Deliver period' }, nameSite: 'objective Deliver' }];
        expect(findingsOf(analysePlan(input), 'invalid-quantity').map(f => f.args)).toEqual([{ what: 'objective-period', reason: 'no-working-day', period: '2026-01-01..2026-01-08' }]);
        const ranged = quarterPlan();
        ranged.keyResults[0].target = total([20, 30]);
        expect(findingsOf(analysePlan(ranged), 'invalid-quantity').map(f => f.args.reason)).toEqual(['range-not-allowed']);
    });

    it('rejects workdays per week that are not whole in a plan with periods, but not in v1 plans', () => {
        const input = quarterPlan();
        input.calendar = { workdaysPerWeek: q(4.5, 4.5, 'workdays week') };
        expect(findingsOf(analysePlan(input), 'invalid-quantity').map(f => [f.site, f.args.reason])).toEqual([['workdays week', 'not-whole-week']]);
        const v1 = plasteringPlan();
        v1.calendar = { workdaysPerWeek: q(4.5) };
        expect(findingsOf(analysePlan(v1), 'invalid-quantity')).toEqual([]);
    });

    it('checks every milestone: inside, not decreasing, not above the target, equal to it on the last day', () => {
        const cases: [MilestoneInput<Site>[], string[]][] = [
            [[milestone('2026-04', 10)], ['outside-period']],
            [[milestone('2026-02', 18), milestone('2026-01', 20)], ['decreasing']],
            [[milestone('2026-02', 31)], ['above-target']],
            [[milestone('2026-03', 29)], ['end-not-target']],
            [[milestone('2026-03', 30)], []]
        ];
        for (const [milestones, reasons] of cases) {
            const analysis = analysePlan(quarterPlan({ milestones }));
            expect(findingsOf(analysis, 'invalid-quantity').map(f => f.args.reason)).toEqual(reasons);
            if (reasons.length) expect(analysis.keyResults[0].actuals[0]).toMatchObject({ expected: null, deviation: null, status: 'none' });
        }
        const decreasing = findingsOf(analysePlan(quarterPlan({ milestones: [milestone('2026-02', 18), milestone('2026-01', 20)] })), 'invalid-quantity')[0];
        expect(decreasing).toMatchObject({ site: 'milestone 2026-02', args: { previous: 20, value: 18 } });
    });

    it('rejects milestones on a rate key result and on one without a target', () => {
        const input = plasteringPlan();
        input.keyResults[0].milestones = [milestone('2026-01', 8)];
        input.keyResults.push(keyResult('Deliver.Brand', undefined, undefined, { milestones: [milestone('2026-02', 1)] }));
        expect(findingsOf(analysePlan(input), 'invalid-quantity').map(f => f.args.reason)).toEqual(['on-rate', 'no-target']);
    });

    it('reports holidays that are not days', () => {
        const input = quarterPlan();
        input.calendar = { holidays: [{ from: '2026-01', site: 'holiday month' }] };
        expect(findingsOf(analysePlan(input), 'invalid-quantity').map(f => f.args)).toEqual([{ what: 'holiday', reason: 'not-a-period', period: '2026-01', problem: 'not-days' }]);
    });
});

describe('the bottleneck projection (spec §8)', () => {
    it('gives §3 8.505 houses/month limited by plastering, −14.95 %, and warns', () => {
        const input = plasteringPlan();
        input.kpis[0].actuals = [actual('2026-01', 28), actual('2026-02', 27)];
        const analysis = analysePlan(input);
        const { projection } = analysis.keyResults[0];
        expect(projection.pace).toBeNull();
        expect(projection.value).toBeCloseTo(8.505, 10);
        expect(projection.limitedBy).toBe('Construction.Plastering');
        expect(projection.deviation).toBeCloseTo(-0.1495, 10);
        expect(findingsOf(analysis, 'key-result-projected-short')).toEqual([{
            code: 'key-result-projected-short', severity: 'warning', site: 'Houses target',
            args: { keyResult: 'Deliver.Houses', stage: 'Construction.Plastering', projected: projection.value, target: 10, deviation: projection.deviation, tolerance: 0.1, unit: 'house', per: 'month' }
        }]);
    });

    it('uses only KPI check-ins inside the objective period, and writes a total over the period', () => {
        const input = quarterPlan();
        input.kpis[0].actuals = [actual('2026-01', 30), actual('2026-04', 1)];
        const { projection } = analysePlan(input).keyResults[0];
        // 30 m²/person/day × 3 / 200 = 0.45 house a day × 57.
        expect(projection.value).toBeCloseTo(0.45 * 57, 10);
        expect(projection.limitedBy).toBe('Construction.Plastering');
    });

    it('does not cap the projection at stages without check-ins, and may exceed the target', () => {
        const input = plasteringPlan();
        input.kpis[0].actuals = [actual('2026-01', 40)];
        const { projection } = analysePlan(input).keyResults[0];
        expect(projection.value).toBeCloseTo((40 * 3 * 21) / 200, 10);
        expect(projection.deviation).toBeGreaterThan(0);
    });
});
