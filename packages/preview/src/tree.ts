/**
 * The KPI tree as the preview draws it: objective → key result → process → stages (from the
 * result back to the top of the funnel) → KPIs. The language server computes it, figures
 * already rounded and labelled in the user's language, so the renderer only lays it out.
 * Plain JSON: it crosses the LSP connection and the webview boundary as is.
 */

/** Where a node is declared, for "reveal in editor" and cursor highlighting (0-based, LSP style). */
export interface TreeLocation {
    uri: string;
    startLine: number;
    startCharacter: number;
    endLine: number;
    endCharacter: number;
}

/** The engine's status of a check-in (spec §8), as the server decided it. */
export type Status = 'on-track' | 'at-risk' | 'off-track' | 'none';

/** A warning or error about a node, drawn as a badge. */
export interface Badge {
    code: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
}

export interface ActualView {
    period: string;
    /** `27`, rounded. */
    value: string;
    /** `-15.6%`, or null when there is no plan to compare with. */
    deviation: string | null;
    status: Status;
    cause?: string;
}

interface NodeBase {
    /** Stable within one tree: kind and qualified name, plus the parent path where a node is repeated. */
    id: string;
    name: string;
    label?: string;
    location?: TreeLocation;
    badges: Badge[];
}

/**
 * Check-ins over time, for a small chart: each actual against what the plan said then (the KPI's
 * plan, a rate key result's target, a total's expected value). The numbers are the engine's,
 * for the chart's geometry only; `caption` says it in words (the chart's title and label).
 */
export interface TrendView {
    points: { period: string; actual: number; plan: number; status: Status }[];
    caption: string;
}

/**
 * Under a scenario (spec §9), on a KPI or stage whose figure it moves: the plan's figure as the
 * node would show it without the scenario, and the change of the value (`-35.2%`), both worded
 * by the server from the engine's comparison (`comparePlans`).
 */
export interface ScenarioChange {
    /** `31.7 m²/person/day`, or null when the plan does not derive it. */
    before: string | null;
    /** `-35.2%`, or null when there is no relative change (a figure that appears or goes). */
    delta: string | null;
}

export interface KpiView extends NodeBase {
    kind: 'kpi';
    /** `31.7`, or null when not derived. */
    figure: string | null;
    /** `m²/person/day`. */
    unit: string | null;
    /** `30–33` when the figure is a range. */
    range: string | null;
    /** "1 article every 2 weeks" for rates below one. */
    every: string | null;
    /** Hand-set target, `32`. */
    target: string | null;
    /** The target a manager would set (the figure rounded up). */
    suggestedTarget: string | null;
    latestActual: ActualView | null;
    status: Status;
    /** Null with fewer than two check-ins. */
    trend: TrendView | null;
    /** Set under a scenario when the scenario moves this KPI's figure. */
    change?: ScenarioChange;
}

export interface StageView extends NodeBase {
    kind: 'stage';
    /** `2000 m²/month`, or null when not derived. */
    requirement: string | null;
    range: string | null;
    /** `31.7 m²/person/day (Plasterers, 3)`. */
    perPerson: string | null;
    /**
     * What flows into this stage's requirement from the next stage: its flow clause as the
     * engine applied it (`needs 1 lead/call`, `conversion 10–14%`), null for the last stage or
     * when nothing was derived. The diagram writes it on the edge to the stage.
     */
    flow: string | null;
    kpis: KpiView[];
    /** The worst status of its KPIs. */
    status: Status;
    /** Set under a scenario when the scenario moves this stage's requirement. */
    change?: ScenarioChange;
}

export interface ProcessView extends NodeBase {
    kind: 'process';
    /** Last stage first: from the result back to the top of the funnel. */
    stages: StageView[];
    /** The worst status of its stages. */
    status: Status;
}

export interface KeyResultView extends NodeBase {
    kind: 'keyresult';
    /** `10 houses/month`, `30 houses in 2026-Q1`, or null for a qualitative key result. */
    target: string | null;
    /**
     * When several key results go via one process: this one's share of the process demand the
     * subtree below shows in full, `6 of 10 houses/month (60%)`; null otherwise.
     */
    demandShare: string | null;
    /** Null with fewer than two check-ins. */
    trend: TrendView | null;
    latestActual: ActualView | null;
    status: Status;
    /** Totals (spec §8): `36.7% (expected 44.2%)`; null otherwise or without check-ins. */
    progress: string | null;
    /** `24.1 at this pace; 8.5 houses/month, limited by Construction.Plastering`, or null. */
    projection: string | null;
    processes: ProcessView[];
}

export interface ObjectiveView extends NodeBase {
    kind: 'objective';
    /** `2026-Q1`, or null without a period. */
    period: string | null;
    /** The engine's roll-up: the worst status of its key results. */
    status: Status;
    keyResults: KeyResultView[];
}

export type TreeNode = ObjectiveView | KeyResultView | ProcessView | StageView | KpiView;

/** Words the renderer needs, in the tree's language. */
export interface TreeWords {
    title: string;
    filterPlaceholder: string;
    empty: string;
    unlinkedProcesses: string;
    kpisWithoutProcess: string;
    planFindings: string;
    /** "1 KPI", "5 KPIs": the header's count, by CLDR plural category (`other` at least). */
    kpiCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
    target: string;
    suggestedTarget: string;
    latestActual: string;
    notDerived: string;
    collapseAll: string;
    expandAll: string;
    /** The two views of the preview and the diagram's controls. */
    diagram: string;
    outline: string;
    fitToView: string;
    zoomIn: string;
    zoomOut: string;
    statuses: Record<Status, string>;
    kinds: Record<TreeNode['kind'], string>;
    /** Under a scenario: what precedes the plan's figure on a node the scenario moves ("plan"). */
    planFigure?: string;
}

export interface KpiTree {
    language: 'en' | 'ru';
    words: TreeWords;
    objectives: ObjectiveView[];
    /** Processes no key result goes via (their KPIs still show, with their warnings). */
    unlinkedProcesses: ProcessView[];
    /** KPIs with no `of` stage. */
    kpisWithoutProcess: KpiView[];
    /**
     * Diagnostics that belong to no node of the tree (teams, the calendar, the policy, syntax
     * errors outside any declaration): shown in a section of their own, so every error and
     * warning the header counts can be seen.
     */
    planFindings: Badge[];
    /** Counts for the header. */
    counts: { kpis: number; errors: number; warnings: number };
    /** The plan's scenarios (spec §9), for the preview's picker; absent or empty when it has none. */
    scenarios?: { name: string; label?: string }[];
    /** The scenario this tree is drawn under, null (or absent) for the plan itself. */
    scenario?: string | null;
    /** The picker's words: its label and the plan's entry. */
    scenarioWords?: { picker: string; plan: string };
    /** "Compare with" a git revision (issue 14): the control's state, as the server decided it. */
    compare?: CompareView;
}

/**
 * The preview's "compare with" a git revision: the server read the plan at that revision and
 * compared it with the workspace's, as `okr diff REV` does; moved nodes carry `change`, worded
 * with the revision (`at HEAD~1 31.7 m²/person/day · -35.2%`).
 */
export interface CompareView {
    /** Whether this server can run git (false in the browser's web worker server). */
    available: boolean;
    /** The revision the tree is compared with, as asked (`HEAD~1`); null when not comparing. */
    revision: string | null;
    /** The short hash it named; null when not comparing or when it could not be read. */
    commit: string | null;
    /** What it was compared with and what moved, or why it could not be; null when not comparing. */
    note: string | null;
    /** The note says why the comparison could not be made. */
    failed: boolean;
    /** Revisions to offer in the control: `HEAD`, `HEAD~1`, the repository's recent branches. */
    suggestions: string[];
    words: { label: string; placeholder: string; clear: string };
}
