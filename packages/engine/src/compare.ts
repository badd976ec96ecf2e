/**
 * Comparing two plans (spec §10): what a change does to the figures. Declarations are matched by
 * name (KPIs, teams) or qualified name (stages, key results), never by file, so moving one to
 * another file changes nothing. Pure: two analyses in, the changed, added and removed entries out.
 */
import type { KeyResultFigures, KpiFigures, PlanAnalysis, StageFigures, TeamFigures } from './analysis.js';

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface KpiSnapshot {
    value: number | null;
    low: number | null;
    high: number | null;
    target: number | null;
    /** `<output>[/person]/<timeunit>`, as `okr kpis` JSON writes it. */
    unit: string | null;
}

export interface StageSnapshot {
    /** Per month. */
    value: number | null;
    low: number | null;
    high: number | null;
    /** `<output>/month`. */
    unit: string | null;
}

export interface KeyResultSnapshot {
    target: number | null;
    /** `<unit>/<timeunit>` for a rate, `<unit>` for a total, null for a qualitative key result. */
    unit: string | null;
}

export interface TeamSnapshot {
    headcount: number | null;
    /** A fraction (0.8). */
    availability: number | null;
}

export interface Compared<T> {
    name: string;
    change: ChangeKind;
    /** null when added. */
    before: T | null;
    /** null when removed. */
    after: T | null;
}

/** KPIs, stages and key results carry the relative change of their value (a key result's: of its target). */
export interface ComparedFigure<T> extends Compared<T> {
    /** (after − before) / before; null when either is null, before is 0, or the entry was added or removed. */
    delta: number | null;
}

export interface PlanComparison {
    /** Only changed, added and removed entries: the new side's order, then the removed ones in the old side's order. */
    kpis: ComparedFigure<KpiSnapshot>[];
    stages: ComparedFigure<StageSnapshot>[];
    keyResults: ComparedFigure<KeyResultSnapshot>[];
    teams: Compared<TeamSnapshot>[];
    /** Entries present on both sides and not changed. */
    unchanged: { kpis: number; stages: number; keyResults: number; teams: number };
}

/** Two numbers differ when they are more than one part in 10⁹ apart, relative to the larger magnitude; null differs from any number. */
export function figuresDiffer(a: number | null, b: number | null): boolean {
    if (a === null || b === null) return a !== b;
    if (a === b) return false;
    return Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** (after − before) / before, or null when either is null, before is 0, or the result is not finite. */
export function relativeChange(before: number | null, after: number | null): number | null {
    if (before === null || after === null || before === 0) return null;
    const delta = (after - before) / before;
    return Number.isFinite(delta) ? delta : null;
}

export function kpiSnapshot(kpi: KpiFigures): KpiSnapshot {
    return { value: kpi.figure?.value ?? null, low: kpi.figure?.low ?? null, high: kpi.figure?.high ?? null, target: kpi.target, unit: kpi.unit };
}

export function stageSnapshot(stage: StageFigures): StageSnapshot {
    return { value: stage.perMonth?.value ?? null, low: stage.perMonth?.low ?? null, high: stage.perMonth?.high ?? null, unit: stage.unit === null ? null : `${stage.unit}/month` };
}

export function keyResultSnapshot(keyResult: KeyResultFigures): KeyResultSnapshot {
    const unit = keyResult.kind === 'qualitative' || keyResult.unit === null ? null : keyResult.per ? `${keyResult.unit}/${keyResult.per}` : keyResult.unit;
    return { target: keyResult.target?.value ?? null, unit };
}

export function teamSnapshot(team: TeamFigures): TeamSnapshot {
    return { headcount: team.headcount, availability: team.availability };
}

interface Kind<F, T> {
    snapshot(figures: F): T;
    /** The numbers compared one by one. */
    numbers(snapshot: T): (number | null)[];
    unit(snapshot: T): string | null;
    /** The number whose relative change is the delta; undefined for entries without one (teams). */
    deltaOf?(snapshot: T): number | null;
}

const KPIS: Kind<KpiFigures, KpiSnapshot> = { snapshot: kpiSnapshot, numbers: s => [s.value, s.low, s.high, s.target], unit: s => s.unit, deltaOf: s => s.value };
const STAGES: Kind<StageFigures, StageSnapshot> = { snapshot: stageSnapshot, numbers: s => [s.value, s.low, s.high], unit: s => s.unit, deltaOf: s => s.value };
const KEY_RESULTS: Kind<KeyResultFigures, KeyResultSnapshot> = { snapshot: keyResultSnapshot, numbers: s => [s.target], unit: s => s.unit, deltaOf: s => s.target };
const TEAMS: Kind<TeamFigures, TeamSnapshot> = { snapshot: teamSnapshot, numbers: s => [s.headcount, s.availability], unit: () => null };

export function comparePlans(before: PlanAnalysis<unknown>, after: PlanAnalysis<unknown>): PlanComparison {
    const kpis = compareEntries(before.kpis, after.kpis, KPIS);
    const stages = compareEntries(before.stages, after.stages, STAGES);
    const keyResults = compareEntries(before.keyResults, after.keyResults, KEY_RESULTS);
    const teams = compareEntries(before.teams ?? [], after.teams ?? [], TEAMS);
    return {
        kpis: kpis.entries as ComparedFigure<KpiSnapshot>[],
        stages: stages.entries as ComparedFigure<StageSnapshot>[],
        keyResults: keyResults.entries as ComparedFigure<KeyResultSnapshot>[],
        teams: teams.entries.map(({ name, change, before: old, after: now }) => ({ name, change, before: old, after: now })),
        unchanged: { kpis: kpis.unchanged, stages: stages.unchanged, keyResults: keyResults.unchanged, teams: teams.unchanged }
    };
}

function compareEntries<F extends { name: string }, T>(before: F[], after: F[], kind: Kind<F, T>): { entries: ComparedFigure<T>[]; unchanged: number } {
    // A name declared twice counts once (the first): the duplicate is an error on that side already.
    const byName = (list: F[]) => {
        const map = new Map<string, T>();
        for (const figures of list) if (!map.has(figures.name)) map.set(figures.name, kind.snapshot(figures));
        return map;
    };
    const old = byName(before);
    const now = byName(after);
    const entries: ComparedFigure<T>[] = [];
    let unchanged = 0;
    for (const [name, snapshot] of now) {
        const previous = old.get(name);
        if (previous === undefined) {
            entries.push({ name, change: 'added', before: null, after: snapshot, delta: null });
        } else if (snapshotsDiffer(previous, snapshot, kind)) {
            const delta = kind.deltaOf ? relativeChange(kind.deltaOf(previous), kind.deltaOf(snapshot)) : null;
            entries.push({ name, change: 'changed', before: previous, after: snapshot, delta });
        } else {
            unchanged++;
        }
    }
    for (const [name, snapshot] of old) {
        if (!now.has(name)) entries.push({ name, change: 'removed', before: snapshot, after: null, delta: null });
    }
    return { entries, unchanged };
}

function snapshotsDiffer<F, T>(a: T, b: T, kind: Kind<F, T>): boolean {
    if (kind.unit(a) !== kind.unit(b)) return true;
    const left = kind.numbers(a);
    const right = kind.numbers(b);
    return left.some((number, index) => figuresDiffer(number, right[index]));
}
