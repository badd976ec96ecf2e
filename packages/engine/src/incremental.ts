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
import type { PlanAnalysis, StageFigures } from './analysis.js';
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
        const split = splitPlan(input);
        for (const part of split.parts) {
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
        return mergeParts(input, settings.analysis, split, analysed);
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

/** The plan's independent parts, and where each input object went. */
export interface PlanSplit<S> {
    /** In the order of their first member (teams, objectives, processes, key results, KPIs). */
    parts: PlanPart<S>[];
    /** For each object of the input, in input order (teams, then objectives, processes, key results, KPIs): its part and its index there. */
    partOf: Int32Array;
    indexInPart: Int32Array;
}

export function splitPlan<S>(input: PlanInput<S>): PlanSplit<S> {
    const objectives = input.objectives ?? [];
    const total = input.teams.length + objectives.length + input.processes.length + input.keyResults.length + input.kpis.length;
    const parent = new Int32Array(total);
    for (let i = 0; i < total; i++) parent[i] = i;
    const find = (i: number): number => {
        while (parent[i] !== i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    };
    // One map per kind of name: the first object that named it. Objects naming the same thing share a part.
    const join = (names: Map<string, number>, i: number, name: string | null | undefined) => {
        if (!name) return;
        const other = names.get(name);
        if (other === undefined) names.set(name, i);
        else parent[find(i)] = find(other);
    };
    const teams = new Map<string, number>();
    const objectiveNames = new Map<string, number>();
    const processes = new Map<string, number>();
    const stages = new Map<string, number>();
    let i = 0;
    for (const team of input.teams) join(teams, i++, team.name);
    for (const objective of objectives) join(objectiveNames, i++, objective.name);
    for (const process of input.processes) {
        join(processes, i, process.name);
        for (const stage of process.stages) {
            join(stages, i, stage.name);
            join(teams, i, stage.team?.team);
        }
        i++;
    }
    for (const keyResult of input.keyResults) {
        join(objectiveNames, i, objectiveOf(keyResult));
        join(processes, i, keyResult.via?.process);
        i++;
    }
    for (const kpi of input.kpis) join(stages, i++, kpi.of?.stage);

    // A part is created when its first object is met, so parts come in the order of their first objects.
    const partOfRoot = new Map<number, number>();
    const parts: PlanPart<S>[] = [];
    const partOf = new Int32Array(total);
    const indexInPart = new Int32Array(total);
    i = 0;
    const place = <K extends keyof PlanPart<S>>(kind: K, items: readonly PlanPart<S>[K][number][]) => {
        for (const item of items) {
            const root = find(i);
            let part = partOfRoot.get(root);
            if (part === undefined) {
                part = parts.length;
                partOfRoot.set(root, part);
                parts.push({ teams: [], objectives: [], processes: [], keyResults: [], kpis: [] });
            }
            const list = parts[part][kind] as PlanPart<S>[K][number][];
            partOf[i] = part;
            indexInPart[i] = list.length;
            list.push(item);
            i++;
        }
    };
    place('teams', input.teams);
    place('objectives', objectives);
    place('processes', input.processes);
    place('keyResults', input.keyResults);
    place('kpis', input.kpis);
    return { parts, partOf, indexInPart };
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
function mergeParts<S>(input: PlanInput<S>, settings: PlanAnalysis<S>, split: PlanSplit<S>, parts: AnalysedPart<S>[]): PlanAnalysis<S> {
    const { partOf, indexInPart } = split;
    let i = 0;
    const pick = <T>(items: readonly unknown[], figures: (analysis: PlanAnalysis<S>) => T[]): T[] =>
        items.map(() => {
            const figure = figures(parts[partOf[i]].analysis)[indexInPart[i]];
            i++;
            return figure;
        });
    const teams = pick(input.teams, analysis => analysis.teams);
    const objectives = pick(input.objectives ?? [], analysis => analysis.objectives);
    // A process's stages sit in its part's stage list after those of the part's earlier processes.
    const stageStart = parts.map(({ part }) => {
        let offset = 0;
        return part.processes.map(process => {
            const start = offset;
            offset += process.stages.length;
            return start;
        });
    });
    const stages: StageFigures[] = [];
    for (const process of input.processes) {
        const part = partOf[i];
        const start = stageStart[part][indexInPart[i]];
        stages.push(...parts[part].analysis.stages.slice(start, start + process.stages.length));
        i++;
    }
    const keyResults = pick(input.keyResults, analysis => analysis.keyResults);
    const kpis = pick(input.kpis, analysis => analysis.kpis);
    return {
        calendar: settings.calendar,
        policy: settings.policy,
        stages,
        kpis,
        keyResults,
        objectives,
        teams,
        findings: [...settings.findings, ...parts.flatMap(part => part.findings)]
    };
}
