/**
 * What the engine computes from a plan: figures for every stage and KPI, and findings
 * (diagnostics without text: a code, a severity, a site and the numbers a message needs).
 */
import type { Finding } from './findings.js';
import type { TimeUnit } from './model.js';

/** A derived figure. `value` is computed from the midpoints of every input range; exact inputs give low = value = high. */
export interface Figure {
    low: number;
    value: number;
    high: number;
}

/** One step of a stage requirement's derivation, for hovers and explanations. All rates per working day. */
export type DerivationStep =
    | {
          /** The process demand: the sum of the key results going `via` the process. */
          kind: 'demand';
          /** per: the target's time unit, null for a total over `period` (its `workdays` working days). */
          keyResults: { name: string; amount: Figure; per: TimeUnit | null; period?: string; workdays?: number; unit: string; perDay: Figure }[];
          result: Figure;
      }
    | {
          /** Requirement carried back from the next stage through its flow clause. */
          kind: 'flow';
          fromStage: string;
          fromUnit: string;
          flow: 'needs' | 'yields' | 'conversion';
          /** The clause's number (N, or P as a fraction). */
          factor: Figure;
          result: Figure;
      }
    | {
          /** The stage's cadence raised (or set) the requirement. */
          kind: 'cadence';
          amount: Figure;
          per: TimeUnit;
          perDay: Figure;
          /** Requirement before the floor, null when there was none. */
          before: Figure | null;
          result: Figure;
      };

export interface StageFigures {
    /** Qualified name `Process.Stage`. */
    name: string;
    process: string;
    /** Output unit name, null when the stage has none (or it did not resolve). */
    unit: string | null;
    /** Effective requirement per working day, null when not derivable. */
    perDay: Figure | null;
    /** The same per month (per day × workdays per month), as the CLI's JSON prints it. */
    perMonth: Figure | null;
    /** Team working on the stage, if any. */
    team: string | null;
    /** headcount × availability × share, null without a (valid) team or share. */
    effectiveHeadcount: number | null;
    /** The share of the team's time the stage gets (explicit, or the implicit equal split). */
    share: number | null;
    /** perDay / effectiveHeadcount. */
    perPersonPerDay: Figure | null;
    /** How perDay came about, in order; empty when it was not derived. */
    steps: DerivationStep[];
}

/**
 * Where a check-in stands against plan (spec §8): on track while at most `tolerance` behind,
 * at risk down to `offtrack` behind, off track beyond; none without a deviation.
 */
export type Status = 'on-track' | 'at-risk' | 'off-track' | 'none';

export interface ActualFigures {
    period: string;
    value: number;
    /** (actual − plan) / plan; null when the plan is null or 0. */
    deviation: number | null;
    /** Decided here, once, with the policy's strict noise-tolerant comparisons; every view reads it. */
    status: Status;
    cause?: string;
    /** (Key results) what the plan expected: E(d) for a total, the target for a rate; null when unknown. */
    expected?: number | null;
    /** The period's last day (`YYYY-MM-DD`), by which the check-in is dated; absent for a bad period. */
    day?: string;
    /** (Key results) dated outside the objective's period: no deviation, status none. */
    outsidePeriod?: boolean;
    /** A later check-in of the same declaration has the same period: this one is not the latest. */
    duplicate?: boolean;
}

export interface KpiFigures {
    name: string;
    /** Qualified stage name, null when the KPI has no (resolvable) `of`. */
    stage: string | null;
    /** `<output>[/person]/<timeunit>`, null without a stage output. */
    unit: string | null;
    outputUnit: string | null;
    perPerson: boolean;
    timeUnit: TimeUnit;
    figure: Figure | null;
    /** Hand-set target, null when none. */
    target: number | null;
    /** target if set, else the derived value. */
    plan: number | null;
    /** (high − low) / value; null without a figure or when value is 0. */
    spread: number | null;
    /** The derived value rounded up to two significant digits: the target a manager would set. */
    suggestedTarget: number | null;
    /** In the order written. */
    actuals: ActualFigures[];
    /** The actual with the latest period (the last written on a tie); null when none. */
    latestActual: ActualFigures | null;
    /** The latest actual's status; none without actuals. */
    status: Status;
}

/** Where the pace of the check-ins leads (spec §8); members are null where a projection does not apply. */
export interface Projection {
    /** Cumulative: latest × W(period) / W(start..d). */
    pace: number | null;
    /** Bottleneck: the key result's share of the process output at the latest KPI actuals, in its target's unit (per its time unit, or over the period). */
    value: number | null;
    /** The stage that limits the output (`Process.Stage`). */
    limitedBy: string | null;
    /** (value − target) / target. */
    deviation: number | null;
}

export type KeyResultKind = 'total' | 'rate' | 'qualitative';

export interface MilestoneFigures {
    period: string;
    value: number;
    /** W(start..end of the milestone's period). */
    workdays: number;
}

export interface KeyResultFigures {
    name: string;
    objective: string;
    process: string | null;
    kind: KeyResultKind;
    unit: string | null;
    /** The target's time unit; null for a total or a qualitative key result. */
    per: TimeUnit | null;
    /** The target as written (in its own time unit, or the total), null for a qualitative key result or an invalid target. */
    target: Figure | null;
    /** The objective's period as written, null without one. */
    period: string | null;
    /** W(period) for a total; null otherwise. */
    workdays: number | null;
    /** The valid milestones (a total with any invalid milestone has none and no expected totals). */
    milestones: MilestoneFigures[];
    /** Total: latest actual / target; null otherwise or without check-ins. */
    progress: number | null;
    /** Total: E(d) / target at the latest check-in's day. */
    expected: number | null;
    actuals: ActualFigures[];
    latestActual: ActualFigures | null;
    status: Status;
    projection: Projection;
}

export interface ObjectiveFigures {
    name: string;
    period: string | null;
    /** W(period), null without a (valid) period. */
    workdays: number | null;
    /** The worst status of its key results (none ignored). */
    status: Status;
    /** Its key results, qualified, in input order. */
    keyResults: string[];
    /** KPIs on a stage of a process one of its key results goes via. */
    kpis: string[];
}

/** A team as the plan sets it (spec §10 compares these). */
export interface TeamFigures {
    name: string;
    /** null when missing or invalid. */
    headcount: number | null;
    /** A fraction (80% → 0.8); 1 when not written, null when invalid. */
    availability: number | null;
}

export interface ResolvedCalendar {
    workdaysPerMonth: number;
    workdaysPerWeek: number;
    /** Valid holidays as written (`2026-01-01..2026-01-08`, `2026-02-23`). */
    holidays: string[];
}

export interface ResolvedPolicy {
    /** Fractions: 10% → 0.1. */
    tolerance: number;
    uncertainty: number;
    /** Behind by more than this is off track; default 25 %, or twice the tolerance when that is larger. */
    offtrack: number;
}

export interface PlanAnalysis<S> {
    calendar: ResolvedCalendar;
    policy: ResolvedPolicy;
    /** Every stage of every process, processes in input order, stages in declaration order. */
    stages: StageFigures[];
    kpis: KpiFigures[];
    keyResults: KeyResultFigures[];
    /** Objectives of `PlanInput.objectives`, in input order. */
    objectives: ObjectiveFigures[];
    /** Every team of `PlanInput.teams`, in input order. */
    teams: TeamFigures[];
    findings: Finding<S>[];
}
