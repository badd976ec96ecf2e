/**
 * Names in the fragments resolved against the workspace's declarations. A resolved input keeps
 * its identity while neither its fragment nor the resolution of any name it mentions changed:
 * the engine's incremental analysis recognises unchanged parts of the plan by that identity.
 */
import type { KeyResultInput, KpiInput, ProcessInput, StageInput } from '@okr-plan/engine';
import type { DeclarationKind } from './plan-fragment.js';
import type { Site } from './site.js';

/** The declared name when it is declared once and of that kind, else null (the language reports why). */
export type Resolve = (name: string | null, kind: DeclarationKind) => string | null;

interface Resolved {
    value: object;
    /** Every lookup the resolution made, with its answer then. */
    lookups: { name: string; kind: DeclarationKind; result: string | null }[];
}

export class ResolvedInputs {
    private memo = new WeakMap<object, Resolved>();

    process(process: ProcessInput<Site>, resolve: Resolve): ProcessInput<Site> {
        return this.remembered(process, resolve, recording => ({ ...process, stages: process.stages.map(stage => resolveStage(stage, recording)) }));
    }

    keyResult(keyResult: KeyResultInput<Site>, resolve: Resolve): KeyResultInput<Site> {
        return this.remembered(keyResult, resolve, recording => ({
            ...keyResult,
            target: keyResult.target && { ...keyResult.target, unit: recording(keyResult.target.unit, 'unit') },
            via: keyResult.via && { ...keyResult.via, process: recording(keyResult.via.process, 'process') }
        }));
    }

    kpi(kpi: KpiInput<Site>, resolve: Resolve): KpiInput<Site> {
        return this.remembered(kpi, resolve, recording => ({ ...kpi, of: kpi.of && { ...kpi.of, stage: recording(kpi.of.stage, 'stage') } }));
    }

    private remembered<T extends object>(raw: T, resolve: Resolve, build: (recording: Resolve) => T): T {
        const known = this.memo.get(raw);
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
