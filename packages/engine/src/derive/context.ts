/**
 * What every pass of the analysis shares: the input, the findings so far, the settings in force
 * and what earlier passes learnt (teams, shares, processes, key results by process, stages).
 * Passes run in a fixed order (see derive.ts); each reads what the ones before it stored here.
 */
import type { Figure, KpiFigures, StageFigures, Status } from '../analysis.js';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, workingDays, type WorkingCalendar } from '../calendar.js';
import type { Allowed, EngineFindingArgs, Finding, FindingCode, QuantityWhat, Severity } from '../findings.js';
import { fromRange } from '../interval.js';
import type { KeyResultInput, PlanInput, ProcessInput, QuantityInput, StageInput, TeamInput, TimeUnit } from '../model.js';
import { exceeds, type Rate, type Requirement } from './rates.js';

export interface TeamState<S> {
    input: TeamInput<S>;
    headcount: number | null;
    availability: number | null;
    explicitShareTotal: number;
    explicitShareStages: number;
    implicitShareStages: number;
    named: boolean;
}

/** An objective's period as concrete dates: first day, last day (epoch days), W(period). */
export interface ObjectivePeriod {
    text: string;
    first: number;
    last: number;
    workdays: number;
}

export interface KeyResultState<S> {
    input: KeyResultInput<S>;
    objective: string;
    /** The valid target as written, null when missing or invalid. */
    target: Figure | null;
    /** Its contribution to the process demand, null when it cannot contribute (missing target, wrong unit, missing period, …). */
    rate: Rate | null;
    /** The objective's period when valid (null: none, or invalid). */
    period: ObjectivePeriod | null;
    /** Points (W(start..end of each milestone), value) of a valid total, without (0, 0) and the end; null when any milestone is invalid. */
    milestones: { period: string; workdays: number; value: number }[] | null;
}

export interface StageState<S> {
    input: StageInput<S>;
    process: ProcessInput<S>;
    requirement: Requirement;
    figures: StageFigures;
    team: TeamState<S> | null;
}

/** Arguments as a pass has them at hand: optional ones may be null or undefined and are then left out. */
type Loose<T> = T extends unknown ? { [K in keyof T]: undefined extends T[K] ? T[K] | null : T[K] } : never;

export class AnalysisContext<S> {
    readonly findings: Finding<S>[] = [];
    /** Settings in force; null when the plan's own value is invalid (the figures using it are then not derived). */
    workdaysPerMonth: number | null = DEFAULT_CALENDAR.workdaysPerMonth;
    workdaysPerWeek: number | null = DEFAULT_CALENDAR.workdaysPerWeek;
    tolerance: number | null = DEFAULT_POLICY.tolerance;
    uncertainty: number | null = DEFAULT_POLICY.uncertainty;
    offtrack: number | null = DEFAULT_POLICY.offtrack;
    readonly teams = new Map<string, TeamState<S>>();
    /** Share of its team's time for every stage naming a known team (null: invalid share). */
    readonly stageShares = new Map<StageInput<S>, number | null>();
    /** Processes by name (a duplicated name resolves to none). */
    readonly processes = new Map<string, ProcessInput<S>>();
    /** Key results whose `via` names each process, in input order. */
    readonly keyResultsVia = new Map<string, KeyResultState<S>[]>();
    readonly stages = new Map<string, StageState<S>>();
    readonly kpis: KpiFigures[] = [];
    /** Concrete dates; null when `workdays per week` is not a whole number from 1 to 7 (or invalid). */
    workingCalendar: WorkingCalendar | null = null;
    /** Objective periods by objective name: null for an objective without a (valid) period. */
    readonly objectivePeriods = new Map<string, ObjectivePeriod | null>();
    readonly keyResultStates: KeyResultState<S>[] = [];
    private kpisOnStage: Map<string, KpiFigures[]> | null = null;

    constructor(readonly input: PlanInput<S>) {}

    report<C extends FindingCode>(code: C, severity: Severity, site: S, args: Loose<EngineFindingArgs[C]>): void {
        const clean: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
            if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) clean[key] = value;
        }
        this.findings.push({ code, severity, site, args: clean } as Finding<S>);
    }

    /** The quantity as a figure, or null (reported as invalid-quantity) when it is not allowed. */
    quantity(q: QuantityInput<S>, what: QuantityWhat, allowed: Allowed, options: { single?: boolean; per?: 'month' | 'week' } = {}): Figure | null {
        const { low, high } = q;
        const common = { what, percent: q.percent ?? false, per: options.per };
        if (!Number.isFinite(low) || !Number.isFinite(high)) {
            this.report('invalid-quantity', 'error', q.site, { ...common, reason: 'not-finite', allowed });
        } else if (low > high) {
            this.report('invalid-quantity', 'error', q.site, { ...common, reason: 'reversed', low, high });
        } else if (options.single && low !== high) {
            this.report('invalid-quantity', 'error', q.site, { ...common, reason: 'range-not-allowed', low, high });
        } else {
            const outside = [low, high].find(x => !isAllowed(x, allowed));
            if (outside === undefined) return fromRange(low, high);
            this.report('invalid-quantity', 'error', q.site, { ...common, reason: 'out-of-range', allowed, value: outside });
        }
        return null;
    }

    singleQuantity(q: QuantityInput<S>, what: QuantityWhat, allowed: Allowed, per?: 'month' | 'week'): number | null {
        return this.quantity(q, what, allowed, { single: true, per })?.value ?? null;
    }

    /** Working days of a time unit, null when the calendar number it needs is invalid. */
    days(unit: TimeUnit): number | null {
        if (unit === 'day') return 1;
        if (unit === 'week') return this.workdaysPerWeek === null ? null : workingDays(unit, { workdaysPerWeek: this.workdaysPerWeek });
        return this.workdaysPerMonth === null ? null : workingDays(unit, { workdaysPerMonth: this.workdaysPerMonth });
    }

    /** KPI figures by their stage, once the KPIs are analysed. */
    kpisByStage(stage: string): KpiFigures[] {
        if (!this.kpisOnStage) {
            this.kpisOnStage = new Map();
            for (const [index, kpi] of this.kpis.entries()) {
                // A KPI with a syntax error inside it is half read: its actuals tell nothing about its stage.
                if (kpi.stage === null || this.input.kpis[index]?.broken) continue;
                const list = this.kpisOnStage.get(kpi.stage);
                if (list) list.push(kpi);
                else this.kpisOnStage.set(kpi.stage, [kpi]);
            }
        }
        return this.kpisOnStage.get(stage) ?? [];
    }

    teamOf(stage: StageInput<S>): TeamState<S> | null {
        const name = stage.team?.team;
        return (name && this.teams.get(name)) || null;
    }

    /** headcount × availability × share; null when any of them is invalid, or the share is 0. */
    effectiveHeadcount(stage: StageInput<S>, team: TeamState<S> | null): number | null {
        const share = this.stageShares.get(stage) ?? null;
        if (!team || team.headcount === null || team.availability === null || share === null || share === 0) return null;
        const effective = team.headcount * team.availability * share;
        return Number.isFinite(effective) && effective > 0 ? effective : null;
    }

    /** Spec §8 statuses, with the same strict, noise-tolerant comparisons as kpi-behind-plan. */
    statusOf(deviation: number | null): Status {
        if (deviation === null || this.tolerance === null || this.offtrack === null) return 'none';
        if (!exceeds(-deviation, this.tolerance)) return 'on-track';
        return exceeds(-deviation, this.offtrack) ? 'off-track' : 'at-risk';
    }
}

function isAllowed(x: number, allowed: Allowed): boolean {
    switch (allowed) {
        case 'positive': return x > 0;
        case 'fraction': return x > 0 && x <= 1;
        case 'non-negative': return x >= 0;
    }
}

export function duplicatedNames(items: { name: string }[]): Set<string> {
    const seen = new Set<string>();
    const duplicated = new Set<string>();
    for (const { name } of items) {
        if (seen.has(name)) duplicated.add(name);
        seen.add(name);
    }
    return duplicated;
}
