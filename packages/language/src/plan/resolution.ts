/**
 * Names in the fragments resolved against the workspace's declarations. A resolved input keeps
 * its identity while neither its fragment nor the resolution of any name it mentions changed:
 * the engine's incremental analysis recognises unchanged parts of the plan by that identity.
 */
import type { KeyResultInput, KpiInput, ProcessInput, StageInput } from '@okr-plan/engine';
import type { DeclarationKind, PlanFragment } from './plan-fragment.js';
import type { Site } from './site.js';

/** The declared name when it is declared once and of that kind, else null (the language reports why). */
export type Resolve = (name: string | null, kind: DeclarationKind) => string | null;

interface Resolved {
    value: object;
    /** Every lookup the resolution made, with its answer then. */
    lookups: { name: string; kind: DeclarationKind; result: string | null }[];
}

/** A document's processes, key results and KPIs with their names resolved. */
export interface ResolvedDocument {
    processes: ProcessInput<Site>[];
    keyResults: KeyResultInput<Site>[];
    kpis: KpiInput<Site>[];
}

interface KnownDocument extends ResolvedDocument {
    fragment: PlanFragment;
    /** Every name its resolution looked up. */
    names: Set<string>;
}

export class ResolvedInputs {
    private memo = new WeakMap<object, Resolved>();
    private byDocument = new Map<string, KnownDocument>();

    /**
     * Each document's inputs resolved. A document whose fragment is unchanged and that looked up
     * none of the `changed` names (whose declarations changed) keeps its resolved inputs as they were.
     */
    documents(fragments: readonly PlanFragment[], changed: ReadonlySet<string>, resolve: Resolve): ResolvedDocument[] {
        const next = new Map<string, KnownDocument>();
        const resolved = fragments.map(fragment => {
            const known = this.byDocument.get(fragment.uri);
            const kept = known && known.fragment === fragment && !looksUpAny(known.names, changed) ? known : this.resolveDocument(fragment, resolve);
            next.set(fragment.uri, kept);
            return kept;
        });
        this.byDocument = next;
        return resolved;
    }

    private resolveDocument(fragment: PlanFragment, resolve: Resolve): KnownDocument {
        const names = new Set<string>();
        const recording: Resolve = (name, kind) => {
            if (name !== null) names.add(name);
            return resolve(name, kind);
        };
        return {
            fragment,
            names,
            processes: fragment.processes.map(process => this.process(process, recording)),
            keyResults: fragment.keyResults.map(keyResult => this.keyResult(keyResult, recording)),
            kpis: fragment.kpis.map(kpi => this.kpi(kpi, recording))
        };
    }

    private process(process: ProcessInput<Site>, resolve: Resolve): ProcessInput<Site> {
        return this.remembered(process, resolve, recording => ({ ...process, stages: process.stages.map(stage => resolveStage(stage, recording)) }));
    }

    private keyResult(keyResult: KeyResultInput<Site>, resolve: Resolve): KeyResultInput<Site> {
        return this.remembered(keyResult, resolve, recording => ({
            ...keyResult,
            target: keyResult.target && { ...keyResult.target, unit: recording(keyResult.target.unit, 'unit') },
            via: keyResult.via && { ...keyResult.via, process: recording(keyResult.via.process, 'process') }
        }));
    }

    private kpi(kpi: KpiInput<Site>, resolve: Resolve): KpiInput<Site> {
        return this.remembered(kpi, resolve, recording => ({ ...kpi, of: kpi.of && { ...kpi.of, stage: recording(kpi.of.stage, 'stage') } }));
    }

    private remembered<T extends object>(raw: T, resolve: Resolve, build: (recording: Resolve) => T): T {
        const known = this.memo.get(raw);
        // every() asks each lookup again when all still hold, so a recording resolver hears them all.
        if (known && known.lookups.every(lookup => resolve(lookup.name, lookup.kind) === lookup.result)) return known.value as T;
        const lookups: Resolved['lookups'] = [];
        const value = build((name, kind) => {
            const result = resolve(name, kind);
            if (name !== null) lookups.push({ name, kind, result });
            return result;
        });
        this.memo.set(raw, { value, lookups });
        return value;
    }
}

function looksUpAny(names: ReadonlySet<string>, changed: ReadonlySet<string>): boolean {
    if (changed.size === 0) return false;
    const [small, large] = names.size < changed.size ? [names, changed] : [changed, names];
    for (const name of small) if (large.has(name)) return true;
    return false;
}

function resolveStage(stage: StageInput<Site>, resolve: Resolve): StageInput<Site> {
    const flow = stage.flow && stage.flow.kind !== 'conversion'
        ? { ...stage.flow, unit: resolve(stage.flow.unit, 'unit'), perUnit: resolve(stage.flow.perUnit, 'unit') }
        : stage.flow;
    return {
        ...stage,
        output: stage.output === undefined ? undefined : resolve(stage.output, 'unit'),
        team: stage.team && { ...stage.team, team: resolve(stage.team.team, 'team') },
        flow,
        cadence: stage.cadence && { ...stage.cadence, unit: resolve(stage.cadence.unit, 'unit') },
        capacity: stage.capacity && { ...stage.capacity, unit: resolve(stage.capacity.unit, 'unit') }
    };
}
