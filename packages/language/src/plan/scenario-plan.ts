/**
 * The workspace's scenarios (spec §9): their names resolved against the plan's declarations,
 * `extends` chains linked, cycles found, and the plan analysed under one of them. The base
 * plan's analysis is never changed by a scenario: analysing under one is a second engine run
 * on the input `applyScenario` gives (plan-workspace.ts caches the base one).
 */
import { analysePlan, applyScenario, type PlanAnalysis, type PlanInput, type ScenarioInput, type ScenarioStageInput } from '@okr-plan/engine';
import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import type { DeclarationKind, PlanFragment } from './plan-fragment.js';
import type { PlanFinding } from './plan-findings.js';
import type { ScenarioFragment } from './scenario-fragment.js';
import type { Site } from './site.js';

export type Declarations = Map<string, { kind: DeclarationKind; node: AstNode }[]>;

export interface ResolvedScenario {
    name: string;
    fragment: ScenarioFragment;
    /** The engine's scenario, parents linked, every name resolved (unresolved blocks left out). */
    input: ScenarioInput<Site>;
    /** On an `extends` cycle, or extending one: the plan under it has no figures (spec §9). */
    cyclic: boolean;
}

/** The fragments of the workspace's `.okr` documents in path order, as the workspace plan joins them. */
export function workspaceFragments(documents: LangiumDocuments, fragment: (document: LangiumDocument) => PlanFragment): PlanFragment[] {
    return documents.all
        .filter(doc => doc.textDocument.languageId === 'okr' || doc.uri.path.endsWith('.okr'))
        .toArray()
        .sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()))
        .map(document => fragment(document));
}

/** Every declaration of the fragments by name. */
export function declarationsOf(fragments: PlanFragment[]): Declarations {
    const declarations: Declarations = new Map();
    for (const declared of fragments.flatMap(fragment => fragment.declarations)) {
        const list = declarations.get(declared.name);
        if (list) list.push(declared);
        else declarations.set(declared.name, [declared]);
    }
    return declarations;
}

/** The names of the workspace's scenarios, each once, in path order. */
export function scenarioNames(declarations: Declarations): string[] {
    return [...declarations].filter(([, list]) => list.some(declared => declared.kind === 'scenario')).map(([name]) => name);
}

/** The scenarios whose names are declared once, resolved and linked. */
export function resolveScenarios(fragments: PlanFragment[], declarations: Declarations): Map<string, ResolvedScenario> {
    const resolve = (name: string | null, kind: DeclarationKind): string | null => {
        if (name === null) return null;
        const found = declarations.get(name);
        return found?.length === 1 && found[0].kind === kind ? name : null;
    };
    const resolved = new Map<string, ResolvedScenario>();
    for (const fragment of fragments.flatMap(each => each.scenarios ?? [])) {
        if (resolve(fragment.name, 'scenario') === null) continue; // a duplicated name: `duplicate-name` speaks
        resolved.set(fragment.name, { name: fragment.name, fragment, input: resolveChanges(fragment, resolve), cyclic: false });
    }
    for (const scenario of resolved.values()) {
        const parent = scenario.fragment.extends && resolve(scenario.fragment.extends.name, 'scenario');
        if (parent) scenario.input.parent = resolved.get(parent)?.input;
    }
    for (const scenario of resolved.values()) {
        const seen = new Set<ScenarioInput<Site>>();
        for (let current: ScenarioInput<Site> | undefined = scenario.input; current; current = current.parent) {
            if (seen.has(current)) {
                scenario.cyclic = true;
                break;
            }
            seen.add(current);
        }
    }
    return resolved;
}

/** `scenario-cycle` on the `extends` of every scenario on a cycle (not on those that only extend one). */
export function scenarioCycleFindings(fragments: PlanFragment[], declarations: Declarations): PlanFinding[] {
    const findings: PlanFinding[] = [];
    for (const scenario of resolveScenarios(fragments, declarations).values()) {
        const names = [scenario.name];
        let onCycle = false;
        for (let current = scenario.input.parent; current; current = current.parent) {
            if (current === scenario.input) {
                onCycle = true;
                break;
            }
            if (names.includes(current.name)) break; // a cycle further up, which this scenario is not on
            names.push(current.name);
        }
        const extendsNode = scenario.fragment.extends?.node;
        if (onCycle && extendsNode) {
            findings.push({ code: 'scenario-cycle', severity: 'error', site: { node: extendsNode }, args: { scenario: scenario.name, cycle: [...names, scenario.name].join(' → ') } });
        }
    }
    return findings;
}

/**
 * The plan input under a scenario. Under a scenario on (or extending) a cycle nothing is
 * derived: every declaration is treated as broken, so its figures are null and no finding is
 * computed from them.
 */
export function inputUnderScenario(input: PlanInput<Site>, scenario: ResolvedScenario): PlanInput<Site> {
    if (!scenario.cyclic) return applyScenario(input, scenario.input);
    return {
        ...input,
        teams: input.teams.map(team => ({ ...team, broken: true })),
        processes: input.processes.map(process => ({ ...process, broken: true, stages: process.stages.map(stage => ({ ...stage, broken: true })) })),
        keyResults: input.keyResults.map(keyResult => ({ ...keyResult, broken: true })),
        kpis: input.kpis.map(kpi => ({ ...kpi, broken: true }))
    };
}

/** The analysis of a plan input under a scenario (for hovers: the before → after table). */
export function analyseUnderScenario(input: PlanInput<Site>, scenario: ResolvedScenario): { input: PlanInput<Site>; analysis: PlanAnalysis<Site> } {
    const under = inputUnderScenario(input, scenario);
    return { input: under, analysis: analysePlan(under) };
}

type Resolve = (name: string | null, kind: DeclarationKind) => string | null;

function resolveChanges(fragment: ScenarioFragment, resolve: Resolve): ScenarioInput<Site> {
    const { changes } = fragment;
    const named = <T extends { name: string }>(entries: T[] | undefined, kind: DeclarationKind) => (entries ?? []).filter(entry => resolve(entry.name, kind) !== null);
    const unit = (name: string | null) => resolve(name, 'unit');
    return {
        name: fragment.name,
        teams: named(changes.teams, 'team'),
        keyResults: named(changes.keyResults, 'keyresult').map(keyResult => ({
            ...keyResult,
            target: keyResult.target && { ...keyResult.target, unit: unit(keyResult.target.unit) },
            via: keyResult.via && { ...keyResult.via, process: resolve(keyResult.via.process, 'process') }
        })),
        stages: named(changes.stages, 'stage').map(stage => resolveStage(stage, resolve)),
        processes: named(changes.processes, 'process'),
        kpis: named(changes.kpis, 'kpi'),
        calendar: fragment.calendar && { workdaysPerMonth: fragment.calendar.workdaysPerMonth, workdaysPerWeek: fragment.calendar.workdaysPerWeek, holidays: fragment.calendar.holidays },
        policy: fragment.policy && { tolerance: fragment.policy.tolerance, uncertainty: fragment.policy.uncertainty, offtrack: fragment.policy.offtrack }
    };
}

function resolveStage(stage: ScenarioStageInput<Site>, resolve: Resolve): ScenarioStageInput<Site> {
    const unit = (name: string | null) => resolve(name, 'unit');
    const flow = stage.flow && stage.flow.kind !== 'conversion' ? { ...stage.flow, unit: unit(stage.flow.unit), perUnit: unit(stage.flow.perUnit) } : stage.flow;
    return {
        ...stage,
        team: stage.team && { ...stage.team, team: resolve(stage.team.team, 'team') },
        flow,
        cadence: stage.cadence && { ...stage.cadence, unit: unit(stage.cadence.unit) },
        capacity: stage.capacity && { ...stage.capacity, unit: unit(stage.capacity.unit) }
    };
}

function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
