/**
 * The derivation of spec §4 and the engine's share of the diagnostics of §5.
 *
 * Figures that depend on an error are not derived (null) and no finding is computed from
 * them, so errors never cascade into warnings about the same numbers. "No requirement" (no key
 * result and no cadence) is not an error: its figures are null too, but quietly.
 *
 * Findings come in this order: calendar, policy, teams (their quantities, then shares in stage
 * order, then over-allocation and unused teams), key results, processes (per process: its own
 * finding, each stage's clause checks, then each stage's derived findings), KPIs. Within each
 * group, input order.
 *
 * ── Finding args ─────────────────────────────────────────────────────────────────────────────
 * Numbers are unrounded. Keys that do not apply are left out (never undefined, NaN or Infinity).
 * Rates are in the time unit named next to them (`per`), not per day, unless the name says so.
 *
 * invalid-quantity (error; on the quantity, or the actual clause, or the team name)
 *   what     'headcount' | 'availability' | 'share' | 'conversion' | 'needs' | 'yields' |
 *            'workdays' | 'tolerance' | 'uncertainty' | 'key-result-target' | 'cadence' |
 *            'capacity' | 'kpi-target' | 'actual' | 'period' | 'missing-headcount'
 *   reason   'out-of-range'      the number is outside `allowed`;            with allowed, value
 *            'not-finite'        NaN or ±Infinity (the language passes NaN for a badly written
 *                                number it reports itself);                 with allowed
 *            'reversed'          a range whose low end exceeds its high end; with low, high
 *            'range-not-allowed' a range where one number is needed;         with low, high
 *            'not-a-period'      (what 'period') not a real period;          with period, problem
 *            'missing'           (what 'missing-headcount') the team has no headcount; with team
 *   allowed  'positive' (> 0) | 'fraction' (> 0 and ≤ 1, i.e. (0%, 100%]) | 'non-negative' (≥ 0)
 *   value    the offending number as the engine got it (fractions for percentages: 1.5 for 150%)
 *   low, high  the range as written (fractions for percentages)
 *   per      (what 'workdays') 'month' | 'week'
 *   period   (what 'period') the period as written
 *   problem  (what 'period') 'format' (none of 2026-01, 2026-W03, 2026-01-15, 2026-Q1) |
 *            'month' (not 01–12) | 'day' (not a day of that month) |
 *            'week' (not 01–52, or 53 in a year that has it) | 'quarter' (not Q1–Q4)
 *   team     (what 'missing-headcount') the team name
 *
 * missing-target (error; key result name)           keyResult; process (when resolved)
 * missing-output (error; stage name)                stage
 * missing-flow (error; stage name)                  stage, previousStage; unit, previousUnit (the
 *                                                   two outputs, when known: for a quick fix
 *                                                   `needs 1 <previousUnit> per <unit>`)
 * flow-on-first-stage (error; the flow clause)      stage, flow ('needs' | 'yields' | 'conversion')
 *
 * unit-mismatch (error; the clause stating the unit)
 *   what      'key-result-target' | 'needs' | 'yields' | 'cadence' | 'capacity'
 *   found     the unit written in the clause
 *   expected  the unit it must be
 *   keyResult, process   (what 'key-result-target') expected is the process output
 *   stage     (all others) the stage carrying the clause
 *   position  (needs, yields) 'unit' (the unit before `per`) | 'per-unit' (the unit after `per`)
 *   previousStage  (needs, yields) the stage before it, whose output one of the units must be
 *   A needs/yields clause wrong on both units gives two findings.
 *
 * team-over-allocated (error; team name)            team, totalShare (fraction, > 1),
 *                                                   stageCount (stages with an explicit share)
 * over-capacity (error; the capacity clause)        stage, team, unit (stage output),
 *   perPerson (the per-person requirement in `per`), capacity (the capacity value), per
 *   (capacity's time unit), headcount (the team's), neededHeadcount (whole people the team would
 *   need at that capacity, availability and share; left out when capacity is 0)
 * kpi-needs-team (error; the KPI's per clause)      kpi, stage
 *
 * kpi-without-process (warning; KPI name)           kpi
 * kpi-without-key-result (warning; the of clause)   kpi, stage, process
 * kpi-on-uncertain-work (warning; KPI name)         kpi, stage, reason:
 *   'nonstandard'  with nonstandard: 'stage' | 'process' (which is marked; 'stage' when both)
 *   'spread'       with spread ((high − low) / value), limit (the policy's uncertainty),
 *                  low, value, high, unit (the KPI's unit, when known)
 * kpi-target-below-plan (warning; the target clause)
 *   kpi, target, low, value (the derived figure), shortfall ((low − target) / low),
 *   suggested (value rounded up to two significant digits), unit (when known)
 * kpi-behind-plan (warning, info when the actual has a cause; the actual clause)
 *   kpi, period, actual, plan, deviation ((actual − plan) / plan, negative), tolerance, unit;
 *   when the KPI's stage resolved: stage, keyResultCount (key results going via its process);
 *   when the stage has a team: team, and headcount (when valid);
 *   neededHeadcount   (per-person KPIs with a valid headcount and actual > 0)
 *                     headcount × plan / actual, unrounded: the headcount the actual pace needs;
 *   keyResult, achievableTarget, keyResultUnit, keyResultPer   (exactly one key result goes via
 *                     the process, its target is valid and the KPI's figure is derived)
 *                     achievableTarget = the key result's target value × actual / plan, in the
 *                     key result's own unit (keyResultUnit) and time unit (keyResultPer).
 * cadence-below-plan (warning; the cadence clause)  stage, unit (stage output), cadence (its
 *   value), required (the requirement the key results give the stage, before the floor, in the
 *   same time unit), per (the cadence's time unit)
 * process-without-key-result (info; process name)   process
 * unused-team (hint; team name)                     team
 */
import type {
    ActualFigures,
    DerivationStep,
    Figure,
    Finding,
    FindingCode,
    KeyResultFigures,
    KpiFigures,
    PlanAnalysis,
    ResolvedCalendar,
    ResolvedPolicy,
    Severity,
    StageFigures,
    Status
} from './analysis.js';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, defaultOfftrack, workingDays } from './calendar.js';
import { roundUpTarget } from './format.js';
import { add, div, exact, fromRange, isFiniteFigure, max, mul, scale } from './interval.js';
import type {
    ActualInput,
    KeyResultInput,
    KpiInput,
    PlanInput,
    ProcessInput,
    QuantityInput,
    RateInput,
    StageInput,
    TeamInput,
    TimeUnit
} from './model.js';
import { parsePeriod } from './period.js';

export function analysePlan<S>(input: PlanInput<S>): PlanAnalysis<S> {
    return new Analyser(input).run();
}

/**
 * A rate kept as `amount` per `days` working days. Dividing by the days only when a per-day
 * number is asked for keeps whole-unit arithmetic exact: 10 house/month × 200 m²/house is
 * 2000 m²/month (not 1999.9999999999998), and 2000 / 21 / 3 is the spec's 31.746031746031747.
 */
interface Rate {
    amount: Figure;
    days: number;
}

/** A rate; none at all (no key result, no cadence: not an error); or not derivable because it depends on an error. */
type Requirement = Rate | 'none' | 'poisoned';

type Allowed = 'positive' | 'fraction' | 'non-negative';
type RawArgs = Record<string, string | number | null | undefined>;
type FlowFactor = { kind: 'needs' | 'yields' | 'conversion'; factor: Figure };

interface TeamState<S> {
    input: TeamInput<S>;
    headcount: number | null;
    availability: number | null;
    explicitShareTotal: number;
    explicitShareStages: number;
    implicitShareStages: number;
    named: boolean;
}

interface KeyResultState<S> {
    input: KeyResultInput<S>;
    /** The valid target as written, null when missing or invalid. */
    target: Figure | null;
    /** Its contribution to the process demand, null when it cannot contribute (missing target, wrong unit, …). */
    rate: Rate | null;
}

interface StageState<S> {
    input: StageInput<S>;
    process: ProcessInput<S>;
    requirement: Requirement;
    figures: StageFigures;
    team: TeamState<S> | null;
}

/** What the stage's clauses give, checked once before the backward pass. */
interface StageClauses {
    /** False when the stage's own requirement cannot be derived (broken, no output). */
    sound: boolean;
    /** How the requirement flows to the previous stage; null for the first stage. */
    flow: FlowFactor | 'poisoned' | null;
    cadence: Rate | 'poisoned' | null;
    capacity: Rate | null;
}

const SHARE_EPSILON = 1e-9;

class Analyser<S> {
    private readonly findings: Finding<S>[] = [];
    private workdaysPerMonth: number | null = DEFAULT_CALENDAR.workdaysPerMonth;
    private workdaysPerWeek: number | null = DEFAULT_CALENDAR.workdaysPerWeek;
    private tolerance: number | null = DEFAULT_POLICY.tolerance;
    private uncertainty: number | null = DEFAULT_POLICY.uncertainty;
    private offtrack: number | null = DEFAULT_POLICY.offtrack;
    private readonly teams = new Map<string, TeamState<S>>();
    /** Share of its team's time for every stage naming a known team (null: invalid share). */
    private readonly stageShares = new Map<StageInput<S>, number | null>();
    private readonly processes = new Map<string, ProcessInput<S>>();
    /** Key results whose `via` names each process, in input order. */
    private readonly keyResultsVia = new Map<string, KeyResultState<S>[]>();
    private readonly stages = new Map<string, StageState<S>>();

    constructor(private readonly input: PlanInput<S>) {}

    run(): PlanAnalysis<S> {
        const calendar = this.resolveCalendar();
        const policy = this.resolvePolicy();
        this.analyseTeams();
        const keyResults = this.analyseKeyResults();
        const duplicatedStages = duplicatedNames(this.input.processes.flatMap(process => process.stages));
        const stages = this.input.processes.flatMap(process => this.analyseProcess(process, duplicatedStages));
        const kpis = this.input.kpis.map(kpi => this.analyseKpi(kpi));
        return { calendar, policy, stages, kpis, keyResults, findings: this.findings };
    }

    // ── Findings and quantities ────────────────────────────────────────────────────────────

    private report(code: FindingCode, severity: Severity, site: S, raw: RawArgs): void {
        const args: Record<string, string | number> = {};
        for (const [key, value] of Object.entries(raw)) {
            if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) args[key] = value;
        }
        this.findings.push({ code, severity, site, args });
    }

    /** The quantity as a figure, or null (reported as invalid-quantity) when it is not allowed. */
    private quantity(q: QuantityInput<S>, what: string, allowed: Allowed, options: { single?: boolean; args?: RawArgs } = {}): Figure | null {
        const { low, high } = q;
        const invalid = (reason: string, args: RawArgs): null => {
            this.report('invalid-quantity', 'error', q.site, { what, reason, ...options.args, ...args });
            return null;
        };
        if (!Number.isFinite(low) || !Number.isFinite(high)) return invalid('not-finite', { allowed });
        if (low > high) return invalid('reversed', { low, high });
        if (options.single && low !== high) return invalid('range-not-allowed', { low, high });
        const outside = [low, high].find(x => !isAllowed(x, allowed));
        if (outside !== undefined) return invalid('out-of-range', { allowed, value: outside });
        return fromRange(low, high);
    }

    private singleQuantity(q: QuantityInput<S>, what: string, allowed: Allowed, args?: RawArgs): number | null {
        return this.quantity(q, what, allowed, { single: true, args })?.value ?? null;
    }

    // ── Calendar and policy ────────────────────────────────────────────────────────────────

    /** Invalid workdays make the figures that use that time unit not derivable; the resolved calendar shows the default. */
    private resolveCalendar(): ResolvedCalendar {
        const { workdaysPerMonth, workdaysPerWeek } = this.input.calendar ?? {};
        if (workdaysPerMonth) this.workdaysPerMonth = this.singleQuantity(workdaysPerMonth, 'workdays', 'positive', { per: 'month' });
        if (workdaysPerWeek) this.workdaysPerWeek = this.singleQuantity(workdaysPerWeek, 'workdays', 'positive', { per: 'week' });
        return {
            workdaysPerMonth: this.workdaysPerMonth ?? DEFAULT_CALENDAR.workdaysPerMonth,
            workdaysPerWeek: this.workdaysPerWeek ?? DEFAULT_CALENDAR.workdaysPerWeek
        };
    }

    /** An invalid tolerance (uncertainty) turns off the comparisons that use it; the resolved policy shows the default. */
    private resolvePolicy(): ResolvedPolicy {
        const { tolerance, uncertainty } = this.input.policy ?? {};
        if (tolerance) this.tolerance = this.singleQuantity(tolerance, 'tolerance', 'non-negative');
        if (uncertainty) this.uncertainty = this.singleQuantity(uncertainty, 'uncertainty', 'non-negative');
        const resolvedTolerance = this.tolerance ?? DEFAULT_POLICY.tolerance;
        this.offtrack = this.tolerance === null ? null : defaultOfftrack(resolvedTolerance);
        return {
            tolerance: resolvedTolerance,
            uncertainty: this.uncertainty ?? DEFAULT_POLICY.uncertainty,
            offtrack: this.offtrack ?? defaultOfftrack(resolvedTolerance)
        };
    }

    /** Working days of a time unit, null when the calendar number it needs is invalid. */
    private days(unit: TimeUnit): number | null {
        if (unit === 'day') return 1;
        if (unit === 'week') return this.workdaysPerWeek === null ? null : workingDays(unit, { workdaysPerWeek: this.workdaysPerWeek });
        return this.workdaysPerMonth === null ? null : workingDays(unit, { workdaysPerMonth: this.workdaysPerMonth });
    }

    // ── Teams and shares ───────────────────────────────────────────────────────────────────

    private analyseTeams(): void {
        const duplicated = duplicatedNames(this.input.teams);
        for (const team of this.input.teams) {
            let headcount: number | null = null;
            if (team.headcount) headcount = this.singleQuantity(team.headcount, 'headcount', 'positive');
            else this.report('invalid-quantity', 'error', team.nameSite, { what: 'missing-headcount', reason: 'missing', team: team.name });
            const availability = team.availability ? this.singleQuantity(team.availability, 'availability', 'fraction') : 1;
            // A duplicated name resolves to neither declaration.
            if (!duplicated.has(team.name)) {
                this.teams.set(team.name, { input: team, headcount, availability, explicitShareTotal: 0, explicitShareStages: 0, implicitShareStages: 0, named: false });
            }
        }

        const explicitShares = new Map<StageInput<S>, number | null>();
        for (const stage of this.input.processes.flatMap(process => process.stages)) {
            if (!stage.team) continue;
            const share = stage.team.share ? this.singleQuantity(stage.team.share, 'share', 'fraction') : undefined;
            const team = this.teamOf(stage);
            if (!team) continue;
            team.named = true;
            if (share === undefined) {
                team.implicitShareStages += 1;
            } else {
                explicitShares.set(stage, share);
                // An invalid share is reported already and counts for nothing.
                if (share !== null) {
                    team.explicitShareTotal += share;
                    team.explicitShareStages += 1;
                }
            }
        }
        for (const stage of this.input.processes.flatMap(process => process.stages)) {
            const team = this.teamOf(stage);
            if (!team) continue;
            const explicit = explicitShares.get(stage);
            this.stageShares.set(stage, explicit !== undefined ? explicit : implicitShare(team));
        }

        for (const team of this.teams.values()) {
            if (team.explicitShareTotal > 1 + SHARE_EPSILON) {
                this.report('team-over-allocated', 'error', team.input.nameSite, {
                    team: team.input.name,
                    totalShare: team.explicitShareTotal,
                    stageCount: team.explicitShareStages
                });
            }
            if (!team.named) this.report('unused-team', 'hint', team.input.nameSite, { team: team.input.name });
        }
    }

    private teamOf(stage: StageInput<S>): TeamState<S> | null {
        const name = stage.team?.team;
        return (name && this.teams.get(name)) || null;
    }

    /** headcount × availability × share; null when any of them is invalid, or the share is 0. */
    private effectiveHeadcount(stage: StageInput<S>, team: TeamState<S> | null): number | null {
        const share = this.stageShares.get(stage) ?? null;
        if (!team || team.headcount === null || team.availability === null || share === null || share === 0) return null;
        const effective = team.headcount * team.availability * share;
        return Number.isFinite(effective) && effective > 0 ? effective : null;
    }

    // ── Key results ────────────────────────────────────────────────────────────────────────

    private analyseKeyResults(): KeyResultFigures[] {
        const duplicated = duplicatedNames(this.input.processes);
        for (const process of this.input.processes) {
            if (!duplicated.has(process.name)) this.processes.set(process.name, process);
        }
        return this.input.keyResults.map(keyResult => {
            const state = this.analyseKeyResult(keyResult);
            const processName = keyResult.via?.process;
            if (processName) {
                const list = this.keyResultsVia.get(processName);
                if (list) list.push(state);
                else this.keyResultsVia.set(processName, [state]);
            }
            const target = keyResult.target;
            const { entries, latestActual } = this.analyseActualEntries(keyResult.actuals, state.target?.value ?? null);
            return {
                name: keyResult.name,
                process: processName ?? null,
                unit: target?.unit ?? null,
                per: target?.per ?? null,
                target: state.target,
                actuals: entries.map(entry => entry.figures),
                latestActual,
                status: latestActual?.status ?? 'none'
            };
        });
    }

    private analyseKeyResult(keyResult: KeyResultInput<S>): KeyResultState<S> {
        const { target, via } = keyResult;
        const process = via?.process ? this.processes.get(via.process) : undefined;
        if (via && !target) {
            this.report('missing-target', 'error', keyResult.nameSite, { keyResult: keyResult.name, process: via.process });
        }
        if (!target) return { input: keyResult, target: null, rate: null };

        const amount = this.quantity(target.amount, 'key-result-target', 'non-negative');
        const output = process ? processOutput(process) : null;
        let unitMatches = target.unit !== null;
        if (target.unit !== null && output !== null && target.unit !== output) {
            unitMatches = false;
            this.report('unit-mismatch', 'error', target.site, {
                what: 'key-result-target',
                found: target.unit,
                expected: output,
                keyResult: keyResult.name,
                process: process?.name
            });
        }
        const days = this.days(target.per);
        const rate = amount && unitMatches && days !== null ? checkedRate({ amount, days }) : null;
        return { input: keyResult, target: amount, rate };
    }

    // ── Processes and stages ───────────────────────────────────────────────────────────────

    private analyseProcess(process: ProcessInput<S>, duplicatedStages: Set<string>): StageFigures[] {
        const keyResults = this.keyResultsVia.get(process.name) ?? [];
        if (keyResults.length === 0 && this.processes.has(process.name)) {
            this.report('process-without-key-result', 'info', process.nameSite, { process: process.name });
        }
        const stages = process.stages;
        const clauses = stages.map((_, index) => this.checkStageClauses(stages, index));
        const { demand, demandSteps } = this.demandOf(keyResults);
        const requirements: Requirement[] = new Array(stages.length);
        const stepsOf: DerivationStep[][] = new Array(stages.length);
        const shortfalls: (RawArgs | null)[] = new Array(stages.length).fill(null);

        // Backwards from the process output: a stage's requirement comes from the stage after it.
        let carried: Requirement = demand;
        let carriedSteps = demandSteps;
        for (let index = stages.length - 1; index >= 0; index--) {
            const stage = stages[index];
            const { sound, flow, cadence } = clauses[index];
            const before: Requirement = sound ? carried : 'poisoned';
            let requirement = before;
            let steps = carriedSteps;
            if (cadence === 'poisoned') {
                requirement = 'poisoned'; // the requirement depends on the broken cadence
            } else if (cadence && before !== 'poisoned') {
                // The floor; it never rescues a poisoned requirement.
                requirement = before === 'none' ? cadence : checkedRate(maxRate(before, cadence)) ?? 'poisoned';
                if (requirement !== 'poisoned' && (before === 'none' || raises(cadence, before))) {
                    steps = [...steps, {
                        kind: 'cadence',
                        amount: cadence.amount,
                        per: stage.cadence!.per,
                        perDay: perDay(cadence),
                        before: before === 'none' ? null : perDay(before),
                        result: perDay(requirement)
                    }];
                }
                // Only key results give a requirement to fall short of (a cadence-only process has none).
                if (demand !== 'none' && before !== 'none' && isBelow(cadence, before)) {
                    shortfalls[index] = {
                        stage: stage.name,
                        unit: stage.output,
                        cadence: cadence.amount.value,
                        required: inDays(before, cadence.days).value,
                        per: stage.cadence!.per
                    };
                }
            }
            requirements[index] = requirement;
            stepsOf[index] = typeof requirement === 'string' ? [] : steps;
            if (index === 0) break;

            // Carry the requirement to the previous stage through this stage's flow clause.
            if (requirement === 'poisoned' || flow === 'poisoned' || flow === null) {
                carried = 'poisoned';
                carriedSteps = [];
            } else if (requirement === 'none') {
                carried = 'none';
                carriedSteps = [];
            } else {
                const previous = checkedRate(flowBack(requirement, flow));
                carried = previous ?? 'poisoned';
                carriedSteps = previous === null ? [] : [...steps, {
                    kind: 'flow',
                    fromStage: stage.name,
                    fromUnit: stage.output as string, // sound, since its requirement was derived
                    flow: flow.kind,
                    factor: flow.factor,
                    result: perDay(previous)
                }];
            }
        }

        return stages.map((stage, index) => {
            const state = this.stageState(process, stage, requirements[index], stepsOf[index]);
            const shortfall = shortfalls[index];
            if (shortfall) this.report('cadence-below-plan', 'warning', stage.cadence!.site, shortfall);
            this.checkCapacity(state, clauses[index].capacity);
            if (!duplicatedStages.has(stage.name)) this.stages.set(stage.name, state);
            return state.figures;
        });
    }

    /** The sum of the targets of the key results going via a process; poisoned when any of them is broken. */
    private demandOf(keyResults: KeyResultState<S>[]): { demand: Requirement; demandSteps: DerivationStep[] } {
        if (keyResults.length === 0) return { demand: 'none', demandSteps: [] };
        let total: Rate | null = null;
        const parts: Extract<DerivationStep, { kind: 'demand' }>['keyResults'] = [];
        for (const { input, rate } of keyResults) {
            const target = input.target;
            if (!rate || !target?.unit) return { demand: 'poisoned', demandSteps: [] };
            parts.push({ name: input.name, amount: rate.amount, per: target.per, unit: target.unit, perDay: perDay(rate) });
            total = total ? sumRate(total, rate) : rate;
        }
        const demand = total && checkedRate(total);
        if (!demand) return { demand: 'poisoned', demandSteps: [] };
        return { demand, demandSteps: [{ kind: 'demand', keyResults: parts, result: perDay(demand) }] };
    }

    /** Checks a stage's own clauses, reporting their errors, and says what the backward pass may use. */
    private checkStageClauses(stages: StageInput<S>[], index: number): StageClauses {
        const stage = stages[index];
        if (stage.output === undefined) this.report('missing-output', 'error', stage.nameSite, { stage: stage.name });
        const output = typeof stage.output === 'string' ? stage.output : null;

        let flow: StageClauses['flow'] = null;
        if (index > 0) flow = this.checkFlow(stage, stages[index - 1]);
        else if (stage.flow) this.report('flow-on-first-stage', 'error', stage.flow.site, { stage: stage.name, flow: stage.flow.kind });

        const cadence = stage.cadence ? this.checkRate(stage.cadence, 'cadence', stage, output) : null;
        const capacity = stage.capacity ? this.checkRate(stage.capacity, 'capacity', stage, output) : null;
        return {
            sound: !stage.broken && output !== null,
            flow,
            cadence,
            capacity: capacity === 'poisoned' ? null : capacity
        };
    }

    private checkFlow(stage: StageInput<S>, previous: StageInput<S>): FlowFactor | 'poisoned' {
        const flow = stage.flow;
        if (!flow) {
            this.report('missing-flow', 'error', stage.nameSite, {
                stage: stage.name,
                previousStage: previous.name,
                unit: stage.output,
                previousUnit: previous.output
            });
            return 'poisoned';
        }
        if (flow.kind === 'conversion') {
            const factor = this.quantity(flow.rate, 'conversion', 'fraction');
            return factor ? { kind: 'conversion', factor } : 'poisoned';
        }
        const factor = this.quantity(flow.amount, flow.kind, 'positive');
        // needs N <previous> per <this>; yields N <this> per <previous>.
        const expected = flow.kind === 'needs' ? [previous.output, stage.output] : [stage.output, previous.output];
        const written = [flow.unit, flow.perUnit];
        let unitsMatch = true;
        for (const side of [0, 1]) {
            const found = written[side];
            const wanted = expected[side];
            if (found === null) {
                unitsMatch = false; // unresolved: the caller reports it
            } else if (typeof wanted === 'string' && found !== wanted) {
                unitsMatch = false;
                this.report('unit-mismatch', 'error', flow.site, {
                    what: flow.kind,
                    found,
                    expected: wanted,
                    stage: stage.name,
                    position: side === 0 ? 'unit' : 'per-unit',
                    previousStage: previous.name
                });
            }
        }
        return factor && unitsMatch ? { kind: flow.kind, factor } : 'poisoned';
    }

    /** A cadence or capacity: a valid amount, in the stage's output unit, per a usable time unit. */
    private checkRate(rate: RateInput<S>, what: 'cadence' | 'capacity', stage: StageInput<S>, output: string | null): Rate | 'poisoned' {
        const amount = this.quantity(rate.amount, what, 'non-negative');
        let unitMatches = rate.unit !== null;
        if (rate.unit !== null && output !== null && rate.unit !== output) {
            unitMatches = false;
            this.report('unit-mismatch', 'error', rate.site, { what, found: rate.unit, expected: output, stage: stage.name });
        }
        const days = this.days(rate.per);
        if (!amount || !unitMatches || days === null) return 'poisoned';
        return checkedRate({ amount, days }) ?? 'poisoned';
    }

    private stageState(process: ProcessInput<S>, stage: StageInput<S>, requirement: Requirement, steps: DerivationStep[]): StageState<S> {
        const rate = typeof requirement === 'string' ? null : requirement;
        const team = this.teamOf(stage);
        const effectiveHeadcount = this.effectiveHeadcount(stage, team);
        const dayFigure = rate && perDay(rate);
        const perMonth = rate && this.workdaysPerMonth !== null ? finiteOrNull(inDays(rate, this.workdaysPerMonth)) : null;
        const perPersonPerDay = dayFigure && effectiveHeadcount !== null ? finiteOrNull(div(dayFigure, exact(effectiveHeadcount))) : null;
        const figures: StageFigures = {
            name: stage.name,
            process: process.name,
            unit: typeof stage.output === 'string' ? stage.output : null,
            perDay: dayFigure,
            perMonth,
            team: stage.team?.team ?? null,
            effectiveHeadcount,
            share: this.stageShares.get(stage) ?? null,
            perPersonPerDay,
            steps
        };
        return { input: stage, process, requirement, figures, team };
    }

    /** over-capacity: one person's share of the requirement exceeds what one person can sustain. */
    private checkCapacity(state: StageState<S>, capacity: Rate | null): void {
        const { requirement, team, figures, input: stage } = state;
        const effectiveHeadcount = figures.effectiveHeadcount;
        if (!capacity || typeof requirement === 'string' || !team || effectiveHeadcount === null) return;
        const total = inDays(requirement, capacity.days);
        const perPerson = div(total, exact(effectiveHeadcount));
        if (!isFiniteFigure(perPerson) || !exceeds(perPerson.value, capacity.amount.value)) return;
        // What one head of the team gives the stage at full capacity.
        const perHead = capacity.amount.value * (team.availability ?? 1) * (figures.share ?? 1);
        this.report('over-capacity', 'error', stage.capacity!.site, {
            stage: stage.name,
            team: team.input.name,
            unit: figures.unit,
            perPerson: perPerson.value,
            capacity: capacity.amount.value,
            per: stage.capacity!.per,
            headcount: team.headcount,
            neededHeadcount: perHead > 0 ? ceilTolerant(total.value / perHead) : null
        });
    }

    // ── KPIs and actuals ───────────────────────────────────────────────────────────────────

    private analyseKpi(kpi: KpiInput<S>): KpiFigures {
        const perPerson = kpi.per?.perPerson ?? false;
        const timeUnit = kpi.per?.timeUnit ?? 'month';
        if (!kpi.of) this.report('kpi-without-process', 'warning', kpi.nameSite, { kpi: kpi.name });
        const state = (kpi.of?.stage && this.stages.get(kpi.of.stage)) || null;
        if (state && kpi.of) {
            if (!this.keyResultsVia.has(state.process.name)) {
                this.report('kpi-without-key-result', 'warning', kpi.of.site, { kpi: kpi.name, stage: state.input.name, process: state.process.name });
            }
            if (kpi.per?.perPerson && !state.input.team) {
                this.report('kpi-needs-team', 'error', kpi.per.site, { kpi: kpi.name, stage: state.input.name });
            }
        }
        const outputUnit = state?.figures.unit ?? null;
        const unit = outputUnit === null ? null : `${outputUnit}${perPerson ? '/person' : ''}/${timeUnit}`;
        const figure = this.kpiFigure(state, perPerson, timeUnit);
        const spread = figure && figure.value !== 0 ? finiteOrNull((figure.high - figure.low) / figure.value) : null;
        this.checkUncertainWork(kpi, state, figure, spread, unit);

        // An invalid hand-set target spoils the plan rather than falling back to the derived value.
        const target = kpi.target ? this.singleQuantity({ low: kpi.target.value, high: kpi.target.value, site: kpi.target.site }, 'kpi-target', 'non-negative') : null;
        const plan = kpi.target ? target : figure?.value ?? null;
        if (kpi.target && target !== null && figure && exceeds(figure.low, target)) {
            this.report('kpi-target-below-plan', 'warning', kpi.target.site, {
                kpi: kpi.name,
                target,
                low: figure.low,
                value: figure.value,
                shortfall: (figure.low - target) / figure.low,
                suggested: roundUpTarget(figure.value),
                unit
            });
        }

        const { entries, latestActual } = this.analyseActualEntries(kpi.actuals, plan);
        for (const { input: actual, figures } of entries) {
            const deviation = figures.deviation;
            if (deviation === null || plan === null || this.tolerance === null || !exceeds(-deviation, this.tolerance)) continue;
            this.report('kpi-behind-plan', actual.cause !== undefined ? 'info' : 'warning', actual.site, {
                kpi: kpi.name,
                period: actual.period,
                actual: actual.value,
                plan,
                deviation,
                tolerance: this.tolerance,
                unit,
                ...this.behindPlanFixes(state, perPerson, figure, actual.value, plan)
            });
        }

        return {
            name: kpi.name,
            stage: state?.input.name ?? null,
            unit,
            outputUnit,
            perPerson,
            timeUnit,
            figure,
            target,
            plan,
            spread,
            suggestedTarget: figure && roundUpTarget(figure.value),
            actuals: entries.map(entry => entry.figures),
            latestActual,
            status: latestActual?.status ?? 'none'
        };
    }

    /** The stage requirement in the KPI's time unit, per person when asked. */
    private kpiFigure(state: StageState<S> | null, perPerson: boolean, timeUnit: TimeUnit): Figure | null {
        const days = this.days(timeUnit);
        if (!state || typeof state.requirement === 'string' || days === null) return null;
        const total = inDays(state.requirement, days);
        if (!perPerson) return finiteOrNull(total);
        const effectiveHeadcount = state.figures.effectiveHeadcount;
        return effectiveHeadcount === null ? null : finiteOrNull(div(total, exact(effectiveHeadcount)));
    }

    private checkUncertainWork(kpi: KpiInput<S>, state: StageState<S> | null, figure: Figure | null, spread: number | null, unit: string | null): void {
        if (!state) return;
        const nonstandard = state.input.nonstandard ? 'stage' : state.process.nonstandard ? 'process' : null;
        if (nonstandard) {
            this.report('kpi-on-uncertain-work', 'warning', kpi.nameSite, { kpi: kpi.name, stage: state.input.name, reason: 'nonstandard', nonstandard });
        } else if (figure && spread !== null && this.uncertainty !== null && exceeds(spread, this.uncertainty)) {
            this.report('kpi-on-uncertain-work', 'warning', kpi.nameSite, {
                kpi: kpi.name,
                stage: state.input.name,
                reason: 'spread',
                spread,
                limit: this.uncertainty,
                low: figure.low,
                value: figure.value,
                high: figure.high,
                unit
            });
        }
    }

    /** What the three fixes of kpi-behind-plan need: more people, a lower key result, or a cause. */
    private behindPlanFixes(state: StageState<S> | null, perPerson: boolean, figure: Figure | null, actual: number, plan: number): RawArgs {
        if (!state) return {};
        const keyResults = this.keyResultsVia.get(state.process.name) ?? [];
        const fixes: RawArgs = { stage: state.input.name, keyResultCount: keyResults.length, team: state.figures.team };
        const headcount = state.team?.headcount ?? null;
        if (state.team && headcount !== null) {
            fixes.headcount = headcount;
            if (perPerson && actual > 0) fixes.neededHeadcount = (headcount * plan) / actual;
        }
        const [only] = keyResults;
        const target = only?.input.target;
        // The key result fix makes sense only while the KPI is derived from that one key result.
        if (keyResults.length === 1 && only.target && target && figure) {
            fixes.keyResult = only.input.name;
            fixes.achievableTarget = (only.target.value * actual) / plan;
            fixes.keyResultUnit = target.unit;
            fixes.keyResultPer = target.per;
        }
        return fixes;
    }

    /** Spec §8 statuses, with the same strict, noise-tolerant comparisons as kpi-behind-plan. */
    private statusOf(deviation: number | null): Status {
        if (deviation === null || this.tolerance === null || this.offtrack === null) return 'none';
        if (!exceeds(-deviation, this.tolerance)) return 'on-track';
        return exceeds(-deviation, this.offtrack) ? 'off-track' : 'at-risk';
    }

    /**
     * Actuals with their deviation from the plan. An actual whose value or period is invalid
     * (reported here) gets no deviation and is never the latest; a non-finite one is left out.
     */
    private analyseActualEntries(actuals: ActualInput<S>[], plan: number | null) {
        const entries: { input: ActualInput<S>; figures: ActualFigures }[] = [];
        let latestActual: ActualFigures | null = null;
        let latestStart = -Infinity;
        for (const actual of actuals) {
            const value = this.singleQuantity({ low: actual.value, high: actual.value, site: actual.site }, 'actual', 'non-negative');
            const period = parsePeriod(actual.period);
            if (!period.ok) {
                this.report('invalid-quantity', 'error', actual.site, { what: 'period', reason: 'not-a-period', period: actual.period, problem: period.problem });
            }
            if (!Number.isFinite(actual.value)) continue;
            const valid = value !== null && period.ok;
            const deviation = valid && plan !== null && plan !== 0 ? finiteOrNull((actual.value - plan) / plan) : null;
            const figures: ActualFigures = { period: actual.period, value: actual.value, deviation, status: this.statusOf(deviation) };
            if (actual.cause !== undefined) figures.cause = actual.cause;
            entries.push({ input: actual, figures });
            if (valid && period.period.start >= latestStart) {
                latestStart = period.period.start;
                latestActual = figures;
            }
        }
        return { entries, latestActual };
    }
}

// ── Rates ──────────────────────────────────────────────────────────────────────────────────

function perDay(rate: Rate): Figure {
    return rate.days === 1 ? rate.amount : div(rate.amount, exact(rate.days));
}

/** The rate per `days` working days (a time unit). */
function inDays(rate: Rate, days: number): Figure {
    return rate.days === days ? rate.amount : scale(perDay(rate), days);
}

function sumRate(a: Rate, b: Rate): Rate {
    return a.days === b.days ? { amount: add(a.amount, b.amount), days: a.days } : { amount: add(perDay(a), perDay(b)), days: 1 };
}

function maxRate(a: Rate, b: Rate): Rate {
    return a.days === b.days ? { amount: max(a.amount, b.amount), days: a.days } : { amount: max(perDay(a), perDay(b)), days: 1 };
}

/** Pairs of figures in one time unit, so comparing them compares rates. */
function alike(a: Rate, b: Rate): [Figure, Figure] {
    return a.days === b.days ? [a.amount, b.amount] : [perDay(a), perDay(b)];
}

/** True when the cadence lifts any end of the requirement. */
function raises(cadence: Rate, requirement: Rate): boolean {
    const [c, r] = alike(cadence, requirement);
    return c.low > r.low || c.value > r.value || c.high > r.high;
}

function isBelow(a: Rate, b: Rate): boolean {
    const [x, y] = alike(a, b);
    return exceeds(y.value, x.value);
}

/** §3 table: the previous stage's requirement from this stage's. */
function flowBack(requirement: Rate, flow: FlowFactor): Rate {
    const amount = flow.kind === 'needs' ? mul(requirement.amount, flow.factor) : div(requirement.amount, flow.factor);
    return { amount, days: requirement.days };
}

/** The rate, or null when it (or its per-day form) overflowed: not derivable. */
function checkedRate(rate: Rate): Rate | null {
    return isFiniteFigure(rate.amount) && isFiniteFigure(perDay(rate)) ? rate : null;
}

function finiteOrNull(figure: Figure): Figure | null;
function finiteOrNull(x: number): number | null;
function finiteOrNull(x: Figure | number): Figure | number | null {
    if (typeof x === 'number') return Number.isFinite(x) ? x : null;
    return isFiniteFigure(x) ? x : null;
}

// ── Small helpers ──────────────────────────────────────────────────────────────────────────

function isAllowed(x: number, allowed: Allowed): boolean {
    switch (allowed) {
        case 'positive': return x > 0;
        case 'fraction': return x > 0 && x <= 1;
        case 'non-negative': return x >= 0;
    }
}

/** The team's time not given to explicit shares, split equally among the stages naming it without one. */
function implicitShare<S>(team: TeamState<S>): number {
    const rest = 1 - team.explicitShareTotal;
    if (team.implicitShareStages === 0 || rest <= SHARE_EPSILON) return 0; // shares of 0.3 + 0.7 leave float noise, not time
    return rest / team.implicitShareStages;
}

/** The process output: the last stage's output unit, null when unknown. */
function processOutput<S>(process: ProcessInput<S>): string | null {
    const output = process.stages[process.stages.length - 1]?.output;
    return typeof output === 'string' ? output : null;
}

function duplicatedNames(items: { name: string }[]): Set<string> {
    const seen = new Set<string>();
    const duplicated = new Set<string>();
    for (const { name } of items) {
        if (seen.has(name)) duplicated.add(name);
        seen.add(name);
    }
    return duplicated;
}

/** Whole people: rounds up, but a quotient within float noise of a whole number is that number. */
function ceilTolerant(x: number): number {
    const nearest = Math.round(x);
    return Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}

/**
 * `a > b` for the spec's strict comparisons, blind to floating-point noise: 6.3 against a plan
 * of 7 is exactly −10 % in decimal but −0.10000000000000002 in binary, and must not count as
 * behind a 10 % tolerance. Differences within a billionth of the larger magnitude are equality.
 */
export function exceeds(a: number, b: number): boolean {
    return a - b > 1e-9 * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}
