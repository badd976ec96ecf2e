import { describe, expect, it } from 'vitest';
import { analysePlan, exact } from '../src/index.js';
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

/** The plastering plan with a KPI target of 32 (not below plan) and an actual of 30 (-6.25%): no findings at all. */
function cleanPlan() {
    const input = plasteringPlan();
    input.kpis[0].target = { value: 32, site: 'PlasterRate target' };
    input.kpis[0].actuals = [actual('2026-01', 30)];
    return input;
}

const plastering = (input = cleanPlan()) => input.processes[0].stages[0];
const handover = (input = cleanPlan()) => input.processes[0].stages[1];

describe('a clean plan', () => {
    it('has no findings', () => {
        expect(analysePlan(cleanPlan()).findings).toEqual([]);
    });
});

describe('kpi-without-key-result', () => {
    it('warns on the of clause when no key result goes via the process', () => {
        const [finding] = findingsOf(analysePlan(blogPlan()), 'kpi-without-key-result');
        expect(finding).toEqual({ code: 'kpi-without-key-result', severity: 'warning', site: 'ArticlesPerExpert of', args: { kpi: 'ArticlesPerExpert', stage: 'Blog.Writing', process: 'Blog' } });
    });

    it('counts a key result with a broken target as going via the process', () => {
        const input = cleanPlan();
        input.keyResults[0].target = undefined;
        expect(codes(analysePlan(input))).toEqual(['missing-target']);
    });
});

describe('kpi-without-process', () => {
    it('warns on the KPI name when it has no of, with null stage, unit and figure', () => {
        const input = cleanPlan();
        input.kpis.push(kpi('Floating', undefined, { target: { value: 5, site: 'Floating target' }, actuals: [actual('2026-01', 5.5)] }));
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([{ code: 'kpi-without-process', severity: 'warning', site: 'kpi Floating', args: { kpi: 'Floating' } }]);
        expect(kpiOf(analysis, 'Floating')).toMatchObject({ stage: null, unit: null, outputUnit: null, figure: null, plan: 5, actuals: [{ deviation: 0.1 }] });
    });

    it('stays quiet for an unresolved of (the caller reports the link)', () => {
        const input = cleanPlan();
        input.kpis.push(kpi('Lost', null, { per: per(true, 'day') }), kpi('Unknown', 'Construction.Nothing'));
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([]);
        expect(kpiOf(analysis, 'Lost')).toMatchObject({ stage: null, unit: null, figure: null, plan: null });
        expect(kpiOf(analysis, 'Unknown')).toMatchObject({ stage: null, figure: null });
    });
});

describe('kpi-on-uncertain-work', () => {
    it('warns when the stage or the process is nonstandard', () => {
        const onStage = cleanPlan();
        plastering(onStage).nonstandard = true;
        expect(analysePlan(onStage).findings).toEqual([
            { code: 'kpi-on-uncertain-work', severity: 'warning', site: 'kpi PlasterRate', args: { kpi: 'PlasterRate', stage: 'Construction.Plastering', reason: 'nonstandard', nonstandard: 'stage' } }
        ]);
        const onProcess = cleanPlan();
        onProcess.processes[0].nonstandard = true;
        expect(findingsOf(analysePlan(onProcess), 'kpi-on-uncertain-work')[0].args).toMatchObject({ reason: 'nonstandard', nonstandard: 'process' });
    });

    /** One stage, a key result with a target range, a KPI of the stage per day. */
    function spreadPlan(low: number, high: number) {
        return plan({
            processes: [process('P', [stage('P.S', 'u')])],
            keyResults: [keyResult('O.K', rate([low, high], 'u', 'day', 'K target'), 'P')],
            kpis: [kpi('Pace', 'P.S', { per: per(false, 'day') })]
        });
    }

    it('is strict: a spread of exactly the uncertainty limit is fine', () => {
        const analysis = analysePlan(spreadPlan(150, 250));
        expect(kpiOf(analysis, 'Pace')).toMatchObject({ figure: { low: 150, value: 200, high: 250 }, spread: 0.5 });
        expect(analysis.findings).toEqual([]);
    });

    it('warns on a spread above the limit', () => {
        const analysis = analysePlan(spreadPlan(149, 251));
        expect(analysis.findings).toEqual([
            {
                code: 'kpi-on-uncertain-work',
                severity: 'warning',
                site: 'kpi Pace',
                args: { kpi: 'Pace', stage: 'P.S', reason: 'spread', spread: 0.51, limit: 0.5, low: 149, value: 200, high: 251, unit: 'u/day' }
            }
        ]);
    });
});

describe('kpi-target-below-plan', () => {
    it('warns when the target is below the derived low end', () => {
        // The KPI's actual 28 also projects the key result short (spec §8).
        expect(codes(analysePlan(plasteringPlan()))).toEqual(['kpi-target-below-plan', 'key-result-projected-short']);
    });

    it('compares with the low end of a range', () => {
        const input = plan({
            processes: [process('P', [stage('P.S', 'u')])],
            keyResults: [keyResult('O.K', rate([10, 30], 'u', 'day', 'K target'), 'P')],
            kpis: [kpi('Pace', 'P.S', { per: per(false, 'day'), target: { value: 12, site: 'Pace target' } })],
            policy: { uncertainty: q(2) }
        });
        expect(analysePlan(input).findings).toEqual([]);
        input.kpis[0].target = { value: 9, site: 'Pace target' };
        expect(analysePlan(input).findings).toEqual([
            { code: 'kpi-target-below-plan', severity: 'warning', site: 'Pace target', args: { kpi: 'Pace', target: 9, low: 10, value: 20, shortfall: 0.1, suggested: 20, unit: 'u/day' } }
        ]);
    });
});

describe('kpi-behind-plan', () => {
    it('is strict: exactly -10% is not behind plan', () => {
        const input = cleanPlan();
        input.kpis[0].target = { value: 30, site: 'PlasterRate target' };
        input.kpis[0].actuals = [actual('2026-01', 27)];
        const analysis = analysePlan(input);
        expect(kpiOf(analysis, 'PlasterRate').actuals[0].deviation).toBe(-0.1);
        expect(findingsOf(analysis, 'kpi-behind-plan')).toEqual([]);
    });

    it('warns on an actual more than the tolerance behind, with what each fix needs', () => {
        const input = cleanPlan();
        input.kpis[0].target = { value: 30, site: 'PlasterRate target' };
        input.kpis[0].actuals = [actual('2026-01', 28), actual('2026-02', 26.9)];
        const analysis = analysePlan(input);
        expect(findingsOf(analysis, 'kpi-behind-plan')).toEqual([
            {
                code: 'kpi-behind-plan',
                severity: 'warning',
                site: 'actual 2026-02',
                args: {
                    kpi: 'PlasterRate',
                    period: '2026-02',
                    actual: 26.9,
                    plan: 30,
                    deviation: (26.9 - 30) / 30,
                    tolerance: 0.1,
                    unit: 'm2/person/day',
                    stage: 'Construction.Plastering',
                    keyResultCount: 1,
                    team: 'Plasterers',
                    headcount: 3,
                    neededHeadcount: (3 * 30) / 26.9,
                    keyResult: 'Deliver.Houses',
                    achievableTarget: (10 * 26.9) / 30,
                    keyResultUnit: 'house',
                    keyResultPer: 'month'
                }
            }
        ]);
    });

    it('is only info when the actual has a cause, even an empty one', () => {
        const input = cleanPlan();
        input.kpis[0].actuals = [actual('2026-01', 20, 'two plasterers on sick leave'), actual('2026-02', 20, '')];
        const findings = findingsOf(analysePlan(input), 'kpi-behind-plan');
        expect(findings.map(f => f.severity)).toEqual(['info', 'info']);
        expect(kpiOf(analysePlan(input), 'PlasterRate').actuals[0].cause).toBe('two plasterers on sick leave');
    });

    it('leaves out the fixes that do not apply', () => {
        const input = cleanPlan();
        input.keyResults.push(keyResult('Deliver.More', rate(1, 'house', 'month', 'More target'), 'Construction'));
        input.kpis = [kpi('Total', 'Construction.Plastering', { actuals: [actual('2026-01', 0)] })];
        const [finding] = findingsOf(analysePlan(input), 'kpi-behind-plan');
        // Not per person: no neededHeadcount; two key results: no keyResult fix.
        expect(finding.args).toEqual({
            kpi: 'Total',
            period: '2026-01',
            actual: 0,
            plan: 2200,
            deviation: -1,
            tolerance: 0.1,
            unit: 'm2/month',
            stage: 'Construction.Plastering',
            keyResultCount: 2,
            team: 'Plasterers',
            headcount: 3
        });
    });

    it('gives no neededHeadcount for an actual of 0', () => {
        const input = cleanPlan();
        input.kpis[0].actuals = [actual('2026-01', 0)];
        const [finding] = findingsOf(analysePlan(input), 'kpi-behind-plan');
        expect(finding.args.neededHeadcount).toBeUndefined();
        expect(finding.args.achievableTarget).toBe(0);
        expect(Object.keys(finding.args)).not.toContain('neededHeadcount');
    });
});

describe('cadence-below-plan', () => {
    it('warns when the cadence is below what the key results need, not otherwise', () => {
        const input = cleanPlan();
        plastering(input).cadence = rate(1000, 'm2', 'month', 'Plastering cadence');
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'cadence-below-plan', severity: 'warning', site: 'Plastering cadence', args: { stage: 'Construction.Plastering', unit: 'm2', cadence: 1000, required: 2000, per: 'month' } }
        ]);
        expect(stageOf(analysis, 'Construction.Plastering').perMonth).toEqual(exact(2000));
        plastering(input).cadence = rate(2000, 'm2', 'month', 'Plastering cadence');
        expect(analysePlan(input).findings).toEqual([]);
    });
});

describe('process-without-key-result', () => {
    it('is an info on the process name', () => {
        expect(findingsOf(analysePlan(blogPlan()), 'process-without-key-result')).toEqual([
            { code: 'process-without-key-result', severity: 'info', site: 'process Blog', args: { process: 'Blog' } }
        ]);
        expect(findingsOf(analysePlan(cleanPlan()), 'process-without-key-result')).toEqual([]);
    });
});

describe('unused-team', () => {
    it('is a hint on a team no stage names', () => {
        const input = cleanPlan();
        input.teams.push(team('Painters', 2));
        expect(analysePlan(input).findings).toEqual([{ code: 'unused-team', severity: 'hint', site: 'team Painters', args: { team: 'Painters' } }]);
    });
});

describe('unit-mismatch', () => {
    it('on a key result target that is not the process output: figures not derived, no cascade', () => {
        const input = plasteringPlan(); // its target 30 would be below plan, were there a plan
        input.keyResults[0].target = rate(10, 'm2', 'month', 'Houses target');
        input.kpis[0].actuals = [actual('2026-01', 28)];
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'unit-mismatch', severity: 'error', site: 'Houses target', args: { what: 'key-result-target', found: 'm2', expected: 'house', keyResult: 'Deliver.Houses', process: 'Construction' } }
        ]);
        expect(analysis.stages.map(s => [s.perDay, s.perMonth, s.perPersonPerDay, s.steps])).toEqual([[null, null, null, []], [null, null, null, []]]);
        expect(kpiOf(analysis, 'PlasterRate')).toMatchObject({ figure: null, suggestedTarget: null, spread: null, plan: 30 });
    });

    it('on needs and yields clauses, per unit', () => {
        const input = cleanPlan();
        handover(input).flow = needs(200, 'm2', 'm2', 'Handover needs');
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'unit-mismatch', severity: 'error', site: 'Handover needs', args: { what: 'needs', found: 'm2', expected: 'house', stage: 'Construction.Handover', position: 'per-unit', previousStage: 'Construction.Plastering' } }
        ]);
        // The stage after the clause keeps its figures; the stage before it depends on the clause.
        expect(stageOf(analysis, 'Construction.Handover').perMonth).toEqual(exact(10));
        expect(stageOf(analysis, 'Construction.Plastering').perMonth).toBeNull();
        expect(kpiOf(analysis, 'PlasterRate').figure).toBeNull();

        handover(input).flow = yields(0.005, 'm2', 'house', 'Handover yields');
        expect(analysePlan(input).findings.map(f => [f.args.what, f.args.position, f.args.found, f.args.expected])).toEqual([
            ['yields', 'unit', 'm2', 'house'],
            ['yields', 'per-unit', 'house', 'm2']
        ]);
        handover(input).flow = yields(0.005, 'house', 'm2', 'Handover yields');
        const right = analysePlan(input);
        expect(right.findings).toEqual([]);
        expect(stageOf(right, 'Construction.Plastering').perMonth).toEqual(exact(10 / 0.005));
    });

    it('on a cadence: the stage and those before it are not derived', () => {
        const input = cleanPlan();
        handover(input).cadence = rate(20, 'm2', 'month', 'Handover cadence');
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'unit-mismatch', severity: 'error', site: 'Handover cadence', args: { what: 'cadence', found: 'm2', expected: 'house', stage: 'Construction.Handover' } }
        ]);
        expect(analysis.stages.map(s => s.perDay)).toEqual([null, null]);
    });

    it('on a capacity: no over-capacity then, figures unaffected', () => {
        const input = cleanPlan();
        plastering(input).capacity = rate(1, 'house', 'day', 'Plastering capacity');
        const analysis = analysePlan(input);
        expect(codes(analysis)).toEqual(['unit-mismatch']);
        expect(findingsOf(analysis, 'unit-mismatch')[0]).toMatchObject({ site: 'Plastering capacity', args: { what: 'capacity', found: 'house', expected: 'm2' } });
        expect(kpiOf(analysis, 'PlasterRate').figure).toEqual(exact(31.746031746031747));
    });

    it('stays quiet for an unresolved unit, which still blocks the figures', () => {
        const input = cleanPlan();
        input.keyResults[0].target = rate(10, null, 'month', 'Houses target');
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([]);
        expect(analysis.stages.map(s => s.perDay)).toEqual([null, null]);

        const flow = cleanPlan();
        handover(flow).flow = needs(200, null, 'house', 'Handover needs');
        const flowAnalysis = analysePlan(flow);
        expect(flowAnalysis.findings).toEqual([]);
        expect(stageOf(flowAnalysis, 'Construction.Plastering').perDay).toBeNull();
    });
});

describe('missing-flow, flow-on-first-stage, missing-output', () => {
    it('missing-flow sits on the stage name and blocks the stages before it', () => {
        const input = cleanPlan();
        handover(input).flow = undefined;
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'missing-flow', severity: 'error', site: 'stage Construction.Handover', args: { stage: 'Construction.Handover', previousStage: 'Construction.Plastering', unit: 'house', previousUnit: 'm2' } }
        ]);
        expect(analysis.stages.map(s => s.perMonth)).toEqual([null, exact(10)]);
        expect(kpiOf(analysis, 'PlasterRate')).toMatchObject({ figure: null, plan: 32 });
    });

    it('flow-on-first-stage sits on the clause, and the clause is ignored', () => {
        const input = cleanPlan();
        plastering(input).flow = conversion(0.5, 0.5, 'Plastering conversion');
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'flow-on-first-stage', severity: 'error', site: 'Plastering conversion', args: { stage: 'Construction.Plastering', flow: 'conversion' } }
        ]);
        expect(kpiOf(analysis, 'PlasterRate').figure).toEqual(exact(31.746031746031747));
    });

    it('missing-output sits on the stage name; an unresolved output is quiet; both block the figures', () => {
        const input = cleanPlan();
        plastering(input).output = undefined;
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([{ code: 'missing-output', severity: 'error', site: 'stage Construction.Plastering', args: { stage: 'Construction.Plastering' } }]);
        expect(stageOf(analysis, 'Construction.Plastering')).toMatchObject({ unit: null, perDay: null });
        expect(kpiOf(analysis, 'PlasterRate')).toMatchObject({ unit: null, outputUnit: null, figure: null });
        expect(stageOf(analysis, 'Construction.Handover').perMonth).toEqual(exact(10));

        plastering(input).output = null;
        expect(analysePlan(input).findings).toEqual([]);

        const last = cleanPlan();
        handover(last).output = null; // the process output is unknown: no unit check, no figures
        const lastAnalysis = analysePlan(last);
        expect(lastAnalysis.findings).toEqual([]);
        expect(lastAnalysis.stages.map(s => s.perDay)).toEqual([null, null]);
    });

    it('a broken stage blocks itself and the stages before it, quietly', () => {
        const input = cleanPlan();
        handover(input).broken = true;
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([]);
        expect(analysis.stages.map(s => s.perDay)).toEqual([null, null]);
    });
});

describe('missing-target', () => {
    it('sits on the key result name and blocks the whole demand; a cadence does not rescue it', () => {
        const input = cleanPlan();
        input.keyResults.push(keyResult('Deliver.Vague', undefined, 'Construction'));
        plastering(input).cadence = rate(100, 'm2', 'day', 'Plastering cadence');
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([
            { code: 'missing-target', severity: 'error', site: 'keyresult Deliver.Vague', args: { keyResult: 'Deliver.Vague', process: 'Construction' } }
        ]);
        expect(analysis.stages.map(s => s.perDay)).toEqual([null, null]);
    });

    it('is not needed by a qualitative key result without via', () => {
        const input = cleanPlan();
        input.keyResults.push(keyResult('Deliver.Brand', undefined, undefined));
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([]);
        expect(analysis.keyResults[1]).toEqual({
            name: 'Deliver.Brand', objective: 'Deliver', process: null, kind: 'qualitative', unit: null, per: null, target: null, period: null, workdays: null, milestones: [],
            progress: null, expected: null, actuals: [], latestActual: null, status: 'none', projection: { pace: null, value: null, limitedBy: null, deviation: null }
        });
    });
});

describe('kpi-needs-team', () => {
    it('sits on the per clause when the stage has no team', () => {
        const input = cleanPlan();
        input.kpis.push(kpi('HandoverRate', 'Construction.Handover', { per: per(true, 'month', 'HandoverRate per') }));
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([{ code: 'kpi-needs-team', severity: 'error', site: 'HandoverRate per', args: { kpi: 'HandoverRate', stage: 'Construction.Handover' } }]);
        expect(kpiOf(analysis, 'HandoverRate')).toMatchObject({ figure: null, unit: 'house/person/month' });
    });

    it('is quiet when the team reference is unresolved', () => {
        const input = cleanPlan();
        plastering(input).team = { team: null, site: 'Plastering team' };
        input.teams = [];
        const analysis = analysePlan(input);
        expect(analysis.findings).toEqual([]);
        expect(kpiOf(analysis, 'PlasterRate').figure).toBeNull();
        expect(stageOf(analysis, 'Construction.Plastering')).toMatchObject({ team: null, share: null, effectiveHeadcount: null, perMonth: exact(2000) });
    });
});

describe('over-capacity', () => {
    it('reports the per-person requirement above capacity and the headcount needed', () => {
        const input = cleanPlan();
        plastering(input).capacity = rate(30, 'm2', 'day', 'Plastering capacity');
        expect(analysePlan(input).findings).toEqual([
            {
                code: 'over-capacity',
                severity: 'error',
                site: 'Plastering capacity',
                args: { stage: 'Construction.Plastering', team: 'Plasterers', unit: 'm2', perPerson: 31.746031746031747, capacity: 30, per: 'day', headcount: 3, neededHeadcount: 4 }
            }
        ]);
    });

    it('counts availability and share in the headcount needed, in the capacity time unit', () => {
        const input = cleanPlan();
        input.teams[0].availability = q(0.8);
        plastering(input).capacity = rate(600, 'm2', 'month', 'Plastering capacity');
        const [finding] = analysePlan(input).findings;
        expect(finding.args).toMatchObject({ perPerson: 2000 / 2.4000000000000004, capacity: 600, per: 'month', neededHeadcount: 5 }); // 2000 / (600 × 0.8) = 4.17
    });

    it('is quiet at or under capacity, and without per-person figures', () => {
        const input = cleanPlan();
        plastering(input).capacity = rate(2000 / 3, 'm2', 'month', 'Plastering capacity');
        expect(analysePlan(input).findings).toEqual([]);
        plastering(input).capacity = rate(1, 'm2', 'day', 'Plastering capacity');
        input.teams[0].headcount = q(0, 0, 'Plasterers headcount');
        expect(codes(analysePlan(input))).toEqual(['invalid-quantity']);
    });

    it('leaves out neededHeadcount for a capacity of 0', () => {
        const input = cleanPlan();
        plastering(input).capacity = rate(0, 'm2', 'day', 'Plastering capacity');
        const [finding] = analysePlan(input).findings;
        expect(finding.code).toBe('over-capacity');
        expect(Object.keys(finding.args)).not.toContain('neededHeadcount');
    });
});

describe('invalid-quantity', () => {
    const invalid = (input: ReturnType<typeof cleanPlan>) => findingsOf(analysePlan(input), 'invalid-quantity');

    it('headcount 0 or negative: per-person figures not derived, stage totals kept', () => {
        for (const headcount of [0, -1]) {
            const input = cleanPlan();
            input.teams[0].headcount = q(headcount, headcount, 'Plasterers headcount');
            const analysis = analysePlan(input);
            expect(analysis.findings).toEqual([
                { code: 'invalid-quantity', severity: 'error', site: 'Plasterers headcount', args: { what: 'headcount', reason: 'out-of-range', percent: false, allowed: 'positive', value: headcount } }
            ]);
            expect(stageOf(analysis, 'Construction.Plastering')).toMatchObject({ perMonth: exact(2000), effectiveHeadcount: null, perPersonPerDay: null });
            expect(kpiOf(analysis, 'PlasterRate').figure).toBeNull();
        }
    });

    it('a team without headcount', () => {
        const input = cleanPlan();
        input.teams[0].headcount = undefined;
        expect(invalid(input)).toEqual([
            { code: 'invalid-quantity', severity: 'error', site: 'team Plasterers', args: { what: 'missing-headcount', reason: 'missing', team: 'Plasterers' } }
        ]);
    });

    it('availability and share outside (0, 1]', () => {
        for (const value of [0, 1.5, -0.2]) {
            const input = cleanPlan();
            input.teams[0].availability = q(value, value, 'availability');
            expect(invalid(input).map(f => f.args)).toEqual([{ what: 'availability', reason: 'out-of-range', percent: false, allowed: 'fraction', value }]);
            expect(kpiOf(analysePlan(input), 'PlasterRate').figure).toBeNull();

            const share = cleanPlan();
            plastering(share).team = { team: 'Plasterers', share: q(value, value, 'share'), site: 'Plastering team' };
            expect(invalid(share).map(f => f.args)).toEqual([{ what: 'share', reason: 'out-of-range', percent: false, allowed: 'fraction', value }]);
            expect(stageOf(analysePlan(share), 'Construction.Plastering')).toMatchObject({ share: null, perPersonPerDay: null, perMonth: exact(2000) });
        }
        const full = cleanPlan();
        full.teams[0].availability = q(1);
        expect(analysePlan(full).findings).toEqual([]);
    });

    it('conversion outside (0, 1], ratios not above 0, reversed ranges', () => {
        const input = cleanPlan();
        handover(input).flow = conversion(0);
        expect(invalid(input).map(f => f.args)).toEqual([{ what: 'conversion', reason: 'out-of-range', percent: false, allowed: 'fraction', value: 0 }]);
        handover(input).flow = conversion(0.5, 1.2);
        expect(invalid(input).map(f => f.args)).toEqual([{ what: 'conversion', reason: 'out-of-range', percent: false, allowed: 'fraction', value: 1.2 }]);
        handover(input).flow = conversion(1);
        expect(invalid(input)).toEqual([]);
        handover(input).flow = needs(0, 'm2', 'house');
        expect(invalid(input).map(f => f.args)).toEqual([{ what: 'needs', reason: 'out-of-range', percent: false, allowed: 'positive', value: 0 }]);
        handover(input).flow = yields(-2, 'house', 'm2');
        expect(invalid(input).map(f => f.args)).toEqual([{ what: 'yields', reason: 'out-of-range', percent: false, allowed: 'positive', value: -2 }]);
        handover(input).flow = conversion(0.04, 0.02, 'reversed');
        const reversed = analysePlan(input);
        expect(reversed.findings).toEqual([{ code: 'invalid-quantity', severity: 'error', site: 'reversed rate', args: { what: 'conversion', reason: 'reversed', percent: false, low: 0.04, high: 0.02 } }]);
        expect(stageOf(reversed, 'Construction.Plastering').perDay).toBeNull();
        expect(stageOf(reversed, 'Construction.Handover').perDay).not.toBeNull();
        // Written as percentages (`4%..2%`), the finding says so, for messages to print them back as percentages.
        const asPercent = conversion(0.04, 0.02, 'reversed');
        if (asPercent.kind === 'conversion') asPercent.rate.percent = true;
        handover(input).flow = asPercent;
        expect(analysePlan(input).findings[0].args).toMatchObject({ reason: 'reversed', percent: true, low: 0.04, high: 0.02 });
    });

    it('workdays not above 0 block only the figures that use that time unit', () => {
        const input = blogPlan(); // a weekly cadence
        input.calendar = { workdaysPerMonth: q(0, 0, 'workdays month') };
        const analysis = analysePlan(input);
        expect(findingsOf(analysis, 'invalid-quantity')).toEqual([
            { code: 'invalid-quantity', severity: 'error', site: 'workdays month', args: { what: 'workdays', reason: 'out-of-range', percent: false, allowed: 'positive', value: 0, per: 'month' } }
        ]);
        expect(analysis.calendar).toEqual({ workdaysPerMonth: 21, workdaysPerWeek: 5, holidays: [] });
        expect(stageOf(analysis, 'Blog.Writing')).toMatchObject({ perDay: exact(0.2), perMonth: null });
        expect(kpiOf(analysis, 'ArticlesPerExpert').figure).toEqual(exact(0.5));

        const monthly = cleanPlan();
        monthly.calendar = { workdaysPerWeek: q(-5, -5, 'workdays week'), workdaysPerMonth: q(0) };
        const blocked = analysePlan(monthly);
        expect(codes(blocked)).toEqual(['invalid-quantity', 'invalid-quantity']);
        expect(blocked.stages.map(s => s.perDay)).toEqual([null, null]);
    });

    it('negative key result target, cadence, capacity, KPI target and actual', () => {
        const input = cleanPlan();
        input.keyResults[0].target = rate(-10, 'house', 'month', 'Houses target');
        expect(invalid(input).map(f => [f.site, f.args.what, f.args.allowed])).toEqual([['Houses target amount', 'key-result-target', 'non-negative']]);
        expect(analysePlan(input).keyResults[0].target).toBeNull();
        expect(analysePlan(input).stages.map(s => s.perDay)).toEqual([null, null]);

        const cadence = cleanPlan();
        plastering(cadence).cadence = rate(-1, 'm2', 'day', 'cadence');
        expect(invalid(cadence).map(f => f.args.what)).toEqual(['cadence']);
        expect(kpiOf(analysePlan(cadence), 'PlasterRate').figure).toBeNull();

        const capacity = cleanPlan();
        plastering(capacity).capacity = rate(-1, 'm2', 'day', 'capacity');
        expect(codes(analysePlan(capacity))).toEqual(['invalid-quantity']);
        expect(kpiOf(analysePlan(capacity), 'PlasterRate').figure).toEqual(exact(31.746031746031747));

        const target = cleanPlan();
        target.kpis[0].target = { value: -5, site: 'PlasterRate target' };
        const targetAnalysis = analysePlan(target);
        expect(targetAnalysis.findings).toEqual([
            { code: 'invalid-quantity', severity: 'error', site: 'PlasterRate target', args: { what: 'kpi-target', reason: 'out-of-range', percent: false, allowed: 'non-negative', value: -5 } }
        ]);
        expect(kpiOf(targetAnalysis, 'PlasterRate')).toMatchObject({ target: null, plan: null, actuals: [{ deviation: null }] });

        const negativeActual = cleanPlan();
        negativeActual.kpis[0].actuals = [actual('2026-01', 30), actual('2026-02', -3)];
        const actualAnalysis = analysePlan(negativeActual);
        expect(actualAnalysis.findings).toEqual([
            { code: 'invalid-quantity', severity: 'error', site: 'actual 2026-02', args: { what: 'actual', reason: 'out-of-range', percent: false, allowed: 'non-negative', value: -3 } }
        ]);
        expect(kpiOf(actualAnalysis, 'PlasterRate')).toMatchObject({ actuals: [{ value: 30 }, { value: -3, deviation: null }], latestActual: { period: '2026-01' } });
    });

    it('an actual period that is not a real period', () => {
        const input = cleanPlan();
        input.kpis[0].actuals = [actual('2026-01', 20), actual('2026-13', 20), actual('2026-W54', 20), actual('2026-02-30', 20)];
        const analysis = analysePlan(input);
        expect(findingsOf(analysis, 'invalid-quantity').map(f => f.args)).toEqual([
            { what: 'period', reason: 'not-a-period', period: '2026-13', problem: 'month' },
            { what: 'period', reason: 'not-a-period', period: '2026-W54', problem: 'week' },
            { what: 'period', reason: 'not-a-period', period: '2026-02-30', problem: 'day' }
        ]);
        // Only the valid actual is behind plan and latest.
        expect(findingsOf(analysis, 'kpi-behind-plan').map(f => f.args.period)).toEqual(['2026-01']);
        expect(kpiOf(analysis, 'PlasterRate').latestActual?.period).toBe('2026-01');
        expect(kpiOf(analysis, 'PlasterRate').actuals.map(a => a.deviation === null)).toEqual([false, true, true, true]);
    });

    it('tolerance and uncertainty below 0 turn their checks off', () => {
        const input = cleanPlan();
        input.policy = { tolerance: q(-0.1, -0.1, 'tolerance'), uncertainty: q(-1, -1, 'uncertainty') };
        input.kpis[0].actuals = [actual('2026-01', 1)];
        const analysis = analysePlan(input);
        expect(analysis.findings.map(f => [f.site, f.args.what])).toEqual([['tolerance', 'tolerance'], ['uncertainty', 'uncertainty']]);
        expect(analysis.policy).toEqual({ tolerance: 0.1, uncertainty: 0.5, offtrack: 0.25 });
    });

    it('non-finite numbers and ranges where one number is needed', () => {
        const input = cleanPlan();
        input.teams[0].headcount = q(Number.NaN, Number.NaN, 'headcount');
        input.teams[0].availability = q(0.5, 0.8, 'availability');
        input.keyResults[0].target = rate([10, Infinity], 'house', 'month', 'Houses target');
        expect(invalid(input).map(f => f.args)).toEqual([
            { what: 'headcount', reason: 'not-finite', percent: false, allowed: 'positive' },
            { what: 'availability', reason: 'range-not-allowed', percent: false, low: 0.5, high: 0.8 },
            { what: 'key-result-target', reason: 'not-finite', percent: false, allowed: 'non-negative' }
        ]);
        input.kpis[0].actuals = [actual('2026-01', Infinity), actual('2026-02', Number.NaN)];
        const analysis = analysePlan(input);
        expect(kpiOf(analysis, 'PlasterRate').actuals).toEqual([]);
        expect(unclean(analysis)).toEqual([]);
    });
});

describe('huge numbers', () => {
    it('a headcount of 1e308 gives tiny but finite per-person figures', () => {
        const input = cleanPlan();
        input.teams[0].headcount = q(1e308);
        const analysis = analysePlan(input);
        expect(kpiOf(analysis, 'PlasterRate').figure!.value).toBeGreaterThan(0);
        expect(unclean(analysis)).toEqual([]);
    });

    it('overflowing requirements are not derived, never Infinity', () => {
        const input = cleanPlan();
        input.keyResults[0].target = rate(1e308, 'house', 'month', 'Houses target');
        input.kpis[0].actuals = [actual('2026-01', 1e308)];
        plastering(input).capacity = rate(1, 'm2', 'day', 'capacity');
        const analysis = analysePlan(input);
        expect(stageOf(analysis, 'Construction.Handover').perMonth).toEqual(exact(1e308));
        expect(stageOf(analysis, 'Construction.Plastering').perDay).toBeNull();
        expect(kpiOf(analysis, 'PlasterRate').figure).toBeNull();
        expect(unclean(analysis)).toEqual([]);
        expect(JSON.stringify(analysis)).not.toMatch(/NaN|Infinity/);
    });

    it('a subnormal headcount gives no per-person figures rather than Infinity', () => {
        const input = cleanPlan();
        input.teams[0].headcount = q(1e-320);
        plastering(input).capacity = rate(1, 'm2', 'day', 'capacity');
        const analysis = analysePlan(input);
        expect(kpiOf(analysis, 'PlasterRate').figure).toBeNull();
        expect(unclean(analysis)).toEqual([]);
    });

    it('huge ranges and deviations stay finite or null', () => {
        const input = plan({
            teams: [team('T', 1e-300)],
            processes: [process('P', [stage('P.A', 'u', { team: { team: 'T', site: 't' }, capacity: rate(1e-300, 'u', 'day', 'cap') }), stage('P.B', 'u', { flow: conversion(1e-300, 1) })])],
            keyResults: [keyResult('O.K', rate([1e300, 1.7e308], 'u', 'year', 'K target'), 'P', { actuals: [actual('2026-01', 1.7e308)] })],
            kpis: [kpi('Pace', 'P.A', { per: per(true, 'day'), target: { value: 1e-300, site: 'target' }, actuals: [actual('2026-Q1', 1.7e308)] })]
        });
        const analysis = analysePlan(input);
        expect(unclean(analysis)).toEqual([]);
        for (const finding of analysis.findings) expect(unclean(finding.args)).toEqual([]);
    });
});

describe('latest actual', () => {
    it('is the one with the latest period end, the last written on a tie (spec §8)', () => {
        const input = cleanPlan();
        input.kpis[0].actuals = [actual('2026-02', 1), actual('2026-01-15', 2), actual('2026-01', 3)];
        expect(kpiOf(analysePlan(input), 'PlasterRate').latestActual?.period).toBe('2026-02');
        input.kpis[0].actuals = [actual('2026-Q2', 1), actual('2026-04', 2), actual('2026-01', 3)];
        expect(kpiOf(analysePlan(input), 'PlasterRate').latestActual?.period).toBe('2026-Q2');
        input.kpis[0].actuals = [actual('2026-06', 1), actual('2026-Q2', 2), actual('2026-W07', 3)];
        expect(kpiOf(analysePlan(input), 'PlasterRate').latestActual?.period).toBe('2026-Q2');
        input.kpis[0].actuals = [];
        expect(kpiOf(analysePlan(input), 'PlasterRate').latestActual).toBeNull();
    });
});

describe('duplicated names', () => {
    it('resolve to neither declaration: no name-based findings about them', () => {
        const input = cleanPlan();
        input.teams.push(team('Plasterers', 5));
        input.processes.push(process('Construction', [stage('Construction.Other', 'x')]));
        const analysis = analysePlan(input);
        expect(codes(analysis)).toEqual([]);
        expect(stageOf(analysis, 'Construction.Plastering').effectiveHeadcount).toBeNull();
    });
});
