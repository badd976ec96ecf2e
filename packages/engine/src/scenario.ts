/**
 * Scenarios (spec §9): the plan with a few clauses replaced. `applyScenario` is pure: a plan
 * input and a scenario in, a new plan input out (the given one is not changed). Each clause a
 * scenario gives replaces the clause of the same kind, or is added when there is none, and it
 * carries its own site, so every finding about an overridden clause sits on the overriding one.
 */
import type { CalendarInput, FlowInput, HolidayInput, KeyResultInput, KeyResultTargetInput, KpiInput, PlanInput, PolicyInput, ProcessInput, QuantityInput, RateInput, StageInput, TeamInput } from './model.js';

export interface ScenarioTeamInput<S> {
    /** The team's name. */
    name: string;
    headcount?: QuantityInput<S>;
    availability?: QuantityInput<S>;
}

export interface ScenarioKeyResultInput<S> {
    /** `Objective.KeyResult`. */
    name: string;
    /** May change the key result's kind: a rate for a total or back (spec §9). */
    target?: KeyResultTargetInput<S>;
    via?: KeyResultInput<S>['via'];
}

export interface ScenarioStageInput<S> {
    /** `Process.Stage`. */
    name: string;
    team?: StageInput<S>['team'];
    /** Any flow clause replaces the stage's flow clause, whatever its kind. */
    flow?: FlowInput<S>;
    cadence?: RateInput<S>;
    capacity?: RateInput<S>;
    /** Only ever true: `nonstandard` can be added, not taken away. */
    nonstandard?: boolean;
}

export interface ScenarioProcessInput {
    name: string;
    nonstandard?: boolean;
}

export interface ScenarioKpiInput<S> {
    name: string;
    target?: KpiInput<S>['target'];
    per?: KpiInput<S>['per'];
}

export interface ScenarioInput<S> {
    name: string;
    /** The scenario this one extends, applied first. */
    parent?: ScenarioInput<S>;
    teams?: ScenarioTeamInput<S>[];
    keyResults?: ScenarioKeyResultInput<S>[];
    stages?: ScenarioStageInput<S>[];
    processes?: ScenarioProcessInput[];
    kpis?: ScenarioKpiInput<S>[];
    /** `workdays … per month` and `… per week` each replace only their own; holidays are added. */
    calendar?: CalendarInput<S>;
    policy?: PolicyInput<S>;
}

/** The plan under a scenario: its parents' changes first (a chain that loops is cut where it repeats). */
export function applyScenario<S>(input: PlanInput<S>, scenario: ScenarioInput<S>): PlanInput<S> {
    const chain: ScenarioInput<S>[] = [];
    for (let current: ScenarioInput<S> | undefined = scenario; current && !chain.includes(current); current = current.parent) chain.unshift(current);
    return chain.reduce(applyOne, input);
}

function applyOne<S>(input: PlanInput<S>, scenario: ScenarioInput<S>): PlanInput<S> {
    const teams = byName(scenario.teams);
    const keyResults = byName(scenario.keyResults);
    const stages = byName(scenario.stages);
    const processes = byName(scenario.processes);
    const kpis = byName(scenario.kpis);
    return {
        ...input,
        calendar: scenario.calendar ? overCalendar(input.calendar, scenario.calendar) : input.calendar,
        policy: scenario.policy ? { ...input.policy, ...defined(scenario.policy) } : input.policy,
        teams: input.teams.map(team => overTeam(team, teams.get(team.name))),
        keyResults: input.keyResults.map(keyResult => overKeyResult(keyResult, keyResults.get(keyResult.name))),
        processes: input.processes.map(process => overProcess(process, processes.get(process.name), stages)),
        kpis: input.kpis.map(kpi => overKpi(kpi, kpis.get(kpi.name)))
    };
}

function overCalendar<S>(base: CalendarInput<S> | undefined, scenario: CalendarInput<S>): CalendarInput<S> {
    return {
        ...base,
        ...defined({ workdaysPerMonth: scenario.workdaysPerMonth, workdaysPerWeek: scenario.workdaysPerWeek }),
        holidays: [...(base?.holidays ?? []), ...(scenario.holidays ?? [])] as HolidayInput<S>[]
    };
}

function overTeam<S>(team: TeamInput<S>, scenario: ScenarioTeamInput<S> | undefined): TeamInput<S> {
    if (!scenario) return team;
    return { ...team, ...defined({ headcount: scenario.headcount, availability: scenario.availability }) };
}

function overKeyResult<S>(keyResult: KeyResultInput<S>, scenario: ScenarioKeyResultInput<S> | undefined): KeyResultInput<S> {
    if (!scenario) return keyResult;
    return { ...keyResult, ...defined({ target: scenario.target, via: scenario.via }) };
}

function overProcess<S>(process: ProcessInput<S>, scenario: ScenarioProcessInput | undefined, stages: Map<string, ScenarioStageInput<S>>): ProcessInput<S> {
    const changed = process.stages.some(stage => stages.has(stage.name));
    if (!scenario && !changed) return process;
    return {
        ...process,
        nonstandard: process.nonstandard || scenario?.nonstandard === true,
        stages: process.stages.map(stage => overStage(stage, stages.get(stage.name)))
    };
}

function overStage<S>(stage: StageInput<S>, scenario: ScenarioStageInput<S> | undefined): StageInput<S> {
    if (!scenario) return stage;
    return {
        ...stage,
        ...defined({ team: scenario.team, flow: scenario.flow, cadence: scenario.cadence, capacity: scenario.capacity }),
        nonstandard: stage.nonstandard || scenario.nonstandard === true
    };
}

function overKpi<S>(kpi: KpiInput<S>, scenario: ScenarioKpiInput<S> | undefined): KpiInput<S> {
    if (!scenario) return kpi;
    return { ...kpi, ...defined({ target: scenario.target, per: scenario.per }) };
}

/** By name; of two entries with one name the last counts (the language reports the repetition). */
function byName<T extends { name: string }>(entries: T[] | undefined): Map<string, T> {
    return new Map((entries ?? []).map(entry => [entry.name, entry]));
}

/** The members that are set: a scenario's absent clause leaves the base clause in place. */
function defined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}
