/**
 * The same analysis as `analysePlan`, recomputing only what an edit changed. A plan falls apart
 * into independent parts: a process with its stages, the key results that go via it (and their
 * objectives), the KPIs on its stages and the teams its stages name. Names join parts (two
 * processes of one name, a team shared by two processes, an objective whose key results go via
 * two processes), so every name the engine looks up is inside the part that looks it up. The
 * calendar and the policy touch every part.
 *
 * Each part is analysed on its own and remembered by the identity of its input objects: a caller
 * that passes the unchanged objects of an unchanged part (as the language server's per-document
 * cache does) gets that part's figures back without a computation. The result equals
 * `analysePlan(input)` figure for figure; findings are the same, listed settings first, then part
 * by part (`analysePlan` lists them pass by pass).
 */
import type { KpiFigures, ObjectiveFigures, PlanAnalysis, StageFigures, TeamFigures } from './analysis.js';
import { analyseCounted } from './derive.js';
import { objectiveOf } from './derive/key-results.js';
import type { CalendarInput, KeyResultInput, KpiInput, ObjectiveInput, PlanInput, PolicyInput, ProcessInput, TeamInput } from './model.js';

/** One independent part of a plan: its members in input order. */
interface PlanPart<S> {
    teams: TeamInput<S>[];
    objectives: ObjectiveInput<S>[];
    processes: ProcessInput<S>[];
    keyResults: KeyResultInput<S>[];
    kpis: KpiInput<S>[];
}

interface AnalysedPart<S> {
    part: PlanPart<S>;
    calendar: CalendarInput<S> | undefined;
    policy: PolicyInput<S> | undefined;
    analysis: PlanAnalysis<S>;
    /** The analysis' own findings, without the calendar's and the policy's (reported once for the plan). */
    findings: PlanAnalysis<S>['findings'];
}

interface AnalysedSettings<S> {
    calendar: CalendarInput<S> | undefined;
    policy: PolicyInput<S> | undefined;
    periods: boolean;
    analysis: PlanAnalysis<S>;
}

/** What the last `analyse` did, for tests and the benchmark. */
export interface IncrementalStats {
    parts: number;
    /** Parts that were analysed (the others came from the cache). */
    analysed: number;
}

export class IncrementalAnalysis<S> {
    /** The parts of the last analysis, by their first member. */
    private parts = new Map<object, AnalysedPart<S>>();
    private settings: AnalysedSettings<S> | undefined;
    lastRun: IncrementalStats = { parts: 0, analysed: 0 };

    analyse(input: PlanInput<S>): PlanAnalysis<S> {
        const settings = this.settingsOf(input);
        const previous = this.parts;
        this.parts = new Map();
        const analysed: AnalysedPart<S>[] = [];
        let fresh = 0;
        for (const part of splitPlan(input)) {
            const first = firstMember(part);
            let result = previous.get(first);
            if (!result || result.calendar !== input.calendar || result.policy !== input.policy || !sameMembers(result.part, part)) {
                result = analysePart(input, part);
                fresh++;
            }
            this.parts.set(first, result);
            analysed.push(result);
        }
        this.lastRun = { parts: analysed.length, analysed: fresh };
        return mergeParts(input, settings.analysis, analysed);
    }

    /** The calendar and policy in force, and their findings: shared by every part, computed once per change of theirs. */
    private settingsOf(input: PlanInput<S>): AnalysedSettings<S> {
        // Whether any objective has a period decides one calendar finding (a fractional week is fine without dates).
        const periods = (input.objectives ?? []).some(objective => objective.period);
        const known = this.settings;
        if (known && known.calendar === input.calendar && known.policy === input.policy && known.periods === periods) return known;
        const withPeriod = periods ? (input.objectives ?? []).filter(objective => objective.period).slice(0, 1) : [];
        const { analysis, settingsFindings } = analyseCounted<S>({ units: [], calendar: input.calendar, policy: input.policy, objectives: withPeriod, teams: [], processes: [], keyResults: [], kpis: [] });
        analysis.findings = analysis.findings.slice(0, settingsFindings);
        this.settings = { calendar: input.calendar, policy: input.policy, periods, analysis };
        return this.settings;
    }
}

/** The plan's independent parts, in the order of their first member (teams, objectives, processes, key results, KPIs). */
export function splitPlan<S>(input: PlanInput<S>): PlanPart<S>[] {
    const members: { kind: keyof PlanPart<S>; item: object }[] = [];
    const parent: number[] = [];
    // One map per kind of name: the first member that named it.
    const named = { team: new Map<string, number>(), objective: new Map<string, number>(), process: new Map<string, number>(), stage: new Map<string, number>() };
    const find = (i: number): number => {
        while (parent[i] !== i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    };
    const join = (i: number, kind: keyof typeof named, name: string | null | undefined) => {
        if (!name) return;
        const other = named[kind].get(name);
        if (other === undefined) named[kind].set(name, i);
        else parent[find(i)] = find(other);
    };
    const add = (kind: keyof PlanPart<S>, item: object) => {
        members.push({ kind, item });
        parent.push(members.length - 1);
        return members.length - 1;
    };
    for (const team of input.teams) join(add('teams', team), 'team', team.name);
    for (const objective of input.objectives ?? []) join(add('objectives', objective), 'objective', objective.name);
    for (const process of input.processes) {
        const i = add('processes', process);
        join(i, 'process', process.name);
        for (const stage of process.stages) {
            join(i, 'stage', stage.name);
            join(i, 'team', stage.team?.team);
        }
    }
    for (const keyResult of input.keyResults) {
        const i = add('keyResults', keyResult);
        join(i, 'objective', objectiveOf(keyResult));
        join(i, 'process', keyResult.via?.process);
    }
    for (const kpi of input.kpis) join(add('kpis', kpi), 'stage', kpi.of?.stage);

    const parts = new Map<number, PlanPart<S>>();
    members.forEach(({ kind, item }, i) => {
        const root = find(i);
        let part = parts.get(root);
        if (!part) {
            part = { teams: [], objectives: [], processes: [], keyResults: [], kpis: [] };
            parts.set(root, part);
        }
        (part[kind] as object[]).push(item);
    });
    // A part is created when its first member is met, so map order is the order of first members.
    return [...parts.values()];
}

function firstMember<S>(part: PlanPart<S>): object {
    return part.teams[0] ?? part.objectives[0] ?? part.processes[0] ?? part.keyResults[0] ?? part.kpis[0];
}

function sameMembers<S>(a: PlanPart<S>, b: PlanPart<S>): boolean {
    const same = (x: object[], y: object[]) => x.length === y.length && x.every((item, i) => item === y[i]);
    return same(a.teams, b.teams) && same(a.objectives, b.objectives) && same(a.processes, b.processes) && same(a.keyResults, b.keyResults) && same(a.kpis, b.kpis);
}

function analysePart<S>(input: PlanInput<S>, part: PlanPart<S>): AnalysedPart<S> {
    const { analysis, settingsFindings } = analyseCounted<S>({ units: input.units, calendar: input.calendar, policy: input.policy, ...part });
    return { part, calendar: input.calendar, policy: input.policy, analysis, findings: analysis.findings.slice(settingsFindings) };
}

/** Puts the parts' figures back in input order, as `analysePlan` returns them. */
function mergeParts<S>(input: PlanInput<S>, settings: PlanAnalysis<S>, parts: AnalysedPart<S>[]): PlanAnalysis<S> {
    const teams = new Map<TeamInput<S>, TeamFigures>();
    const objectives = new Map<ObjectiveInput<S>, ObjectiveFigures>();
    const stages = new Map<ProcessInput<S>, StageFigures[]>();
    const keyResults = new Map<KeyResultInput<S>, PlanAnalysis<S>['keyResults'][number]>();
    const kpis = new Map<KpiInput<S>, KpiFigures>();
    for (const { part, analysis } of parts) {
        part.teams.forEach((team, i) => teams.set(team, analysis.teams[i]));
        part.objectives.forEach((objective, i) => objectives.set(objective, analysis.objectives[i]));
        let stage = 0;
        for (const process of part.processes) {
            stages.set(process, analysis.stages.slice(stage, stage + process.stages.length));
            stage += process.stages.length;
        }
        part.keyResults.forEach((keyResult, i) => keyResults.set(keyResult, analysis.keyResults[i]));
        part.kpis.forEach((kpi, i) => kpis.set(kpi, analysis.kpis[i]));
    }
    return {
        calendar: settings.calendar,
        policy: settings.policy,
        stages: input.processes.flatMap(process => stages.get(process) ?? []),
        kpis: input.kpis.map(kpi => kpis.get(kpi)!),
        keyResults: input.keyResults.map(keyResult => keyResults.get(keyResult)!),
        objectives: (input.objectives ?? []).map(objective => objectives.get(objective)!),
        teams: input.teams.map(team => teams.get(team)!),
        findings: [...settings.findings, ...parts.flatMap(part => part.findings)]
    };
}
