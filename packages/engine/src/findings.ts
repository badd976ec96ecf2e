/**
 * Findings: diagnostics before they have words. Each code has its own typed arguments, so a
 * message catalogue or a quick fix that reads an argument the engine does not set, or a code
 * without a message, is a compile error. Numbers are unrounded and always finite; optional
 * arguments are left out when they do not apply (never undefined, NaN or Infinity).
 * Rates are in the time unit named next to them (`per`), not per day, unless the name says so.
 */
import type { TimeUnit } from './model.js';
import type { PeriodProblem } from './period.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Which number an invalid-quantity is about. */
export type QuantityWhat =
    | 'headcount' | 'availability' | 'share' | 'conversion' | 'needs' | 'yields' | 'workdays'
    | 'tolerance' | 'uncertainty' | 'key-result-target' | 'cadence' | 'capacity' | 'kpi-target' | 'actual'
    | 'offtrack' | 'milestone';

/** 'positive' (> 0), 'fraction' (> 0 and ≤ 1, i.e. (0%, 100%]), 'non-negative' (≥ 0). */
export type Allowed = 'positive' | 'fraction' | 'non-negative';

interface QuantityArgs {
    what: QuantityWhat;
    /** True when the number was written as a percentage: messages print it back as one. */
    percent: boolean;
    /** (what 'workdays') which of the two counts. */
    per?: 'month' | 'week';
}

export type InvalidQuantityArgs =
    /** The number is outside `allowed`; `value` as the engine got it (fractions for percentages). */
    | (QuantityArgs & { reason: 'out-of-range'; allowed: Allowed; value: number })
    /** NaN or ±Infinity (the language passes NaN for a badly written number it reports itself). */
    | (QuantityArgs & { reason: 'not-finite'; allowed: Allowed })
    /** A range whose low end exceeds its high end. */
    | (QuantityArgs & { reason: 'reversed'; low: number; high: number })
    /** A range where one number is needed. */
    | (QuantityArgs & { reason: 'range-not-allowed'; low: number; high: number })
    /** An actual's period that is not a real period. */
    | { what: 'period'; reason: 'not-a-period'; period: string; problem: PeriodProblem }
    /** The team declares no headcount. */
    | { what: 'missing-headcount'; reason: 'missing'; team: string }
    /** An objective's period or a holiday that is not a real period (a holiday must be a day or a range of days). */
    | { what: 'objective-period' | 'holiday'; reason: 'not-a-period'; period: string; problem: PeriodProblem | 'not-days' }
    /** An objective's period without a working day. */
    | { what: 'objective-period'; reason: 'no-working-day'; period: string }
    /** `workdays N per week` that is not a whole number from 1 to 7 in a plan with periods. */
    | { what: 'workdays'; reason: 'not-whole-week'; per: 'week'; value: number; percent: boolean }
    /** A written `offtrack` not above the tolerance (both fractions). */
    | { what: 'offtrack'; reason: 'not-above-tolerance'; value: number; tolerance: number; percent: boolean }
    /**
     * A milestone breaking a rule of §8: on a rate key result, outside the objective's period,
     * below an earlier milestone (`previous`), above the target, or on the period's last day
     * but not equal to the target. `period` is the milestone's, `objectivePeriod` the objective's.
     */
    | { what: 'milestone'; reason: 'on-rate' | 'no-target' | 'outside-period' | 'decreasing' | 'above-target' | 'end-not-target'; keyResult: string; period: string; value: number; target?: number; previous?: number; objectivePeriod?: string; percent: boolean };

export type UnitMismatchArgs =
    /** A key result's target vs the process output (`expected`). */
    | { what: 'key-result-target'; found: string; expected: string; keyResult: string; process?: string }
    /** A needs/yields clause: `position` says which unit; one wrong on both units gives two findings. */
    | { what: 'needs' | 'yields'; found: string; expected: string; stage: string; position: 'unit' | 'per-unit'; previousStage: string }
    | { what: 'cadence' | 'capacity'; found: string; expected: string; stage: string };

export type UncertainWorkArgs =
    | { kpi: string; stage: string; reason: 'nonstandard'; nonstandard: 'stage' | 'process' }
    /** spread = (high − low) / value, over the policy's `limit`; `unit` the KPI's unit when known. */
    | { kpi: string; stage: string; reason: 'spread'; spread: number; limit: number; low: number; value: number; high: number; unit?: string };

/** What the three fixes of kpi-behind-plan need, where they apply. */
export interface BehindPlanArgs {
    kpi: string;
    period: string;
    actual: number;
    plan: number;
    /** (actual − plan) / plan, negative. */
    deviation: number;
    tolerance: number;
    unit?: string;
    /** When the KPI's stage resolved. */
    stage?: string;
    /** Key results going via the stage's process. */
    keyResultCount?: number;
    team?: string;
    headcount?: number;
    /** Per-person KPIs with a valid headcount and actual > 0: headcount × plan / actual, unrounded. */
    neededHeadcount?: number;
    /** Exactly one key result goes via the process, its target is valid and the KPI is derived. */
    keyResult?: string;
    /** The key result's target × actual / plan, in keyResultUnit per keyResultPer. */
    achievableTarget?: number;
    keyResultUnit?: string;
    keyResultPer?: TimeUnit;
}

/** key-result-behind-plan: a key result's check-in below what the plan expected, and what the three fixes need. */
export interface KeyResultBehindArgs {
    keyResult: string;
    kind: 'total' | 'rate';
    period: string;
    actual: number;
    /** E(d) for a total, the target for a rate. */
    expected: number;
    /** (actual − expected) / expected, negative. */
    deviation: number;
    tolerance: number;
    unit?: string;
    /** The rate key result's time unit. */
    per?: TimeUnit;
    /** The target and what the actual pace gives instead (target × actual / expected), for "lower the target". */
    target?: number;
    achievableTarget?: number;
    /** The stage to staff up: the one limiting the projection, else the via process's last stage with a team. */
    stage?: string;
    team?: string;
    headcount?: number;
    /** headcount × expected / actual (actual > 0). */
    neededHeadcount?: number;
}

/** The arguments of every code the engine reports. */
export interface EngineFindingArgs {
    'kpi-without-key-result': { kpi: string; stage: string; process: string };
    'kpi-without-process': { kpi: string };
    'kpi-on-uncertain-work': UncertainWorkArgs;
    /** shortfall = (low − target) / low; suggested = value rounded up to two significant digits. */
    'kpi-target-below-plan': { kpi: string; target: number; low: number; value: number; shortfall: number; suggested?: number; unit?: string };
    'kpi-behind-plan': BehindPlanArgs;
    /** required: what the key results give the stage before the floor, per the cadence's `per`. */
    'cadence-below-plan': { stage: string; unit?: string; cadence: number; required: number; per: TimeUnit };
    'process-without-key-result': { process: string };
    'unused-team': { team: string };
    'unit-mismatch': UnitMismatchArgs;
    /** unit and previousUnit: the two outputs when known (for the fix `needs 1 <previousUnit> per <unit>`). */
    'missing-flow': { stage: string; previousStage: string; unit?: string; previousUnit?: string };
    'missing-output': { stage: string };
    'flow-on-first-stage': { stage: string; flow: 'needs' | 'yields' | 'conversion' };
    'missing-target': { keyResult: string; process?: string };
    'invalid-quantity': InvalidQuantityArgs;
    'kpi-needs-team': { kpi: string; stage: string };
    /**
     * perPerson: the per-person requirement per `per`; neededHeadcount: whole people the team
     * would need at that capacity, availability and share (left out when capacity is 0).
     */
    'over-capacity': { stage: string; team: string; unit?: string; perPerson: number; capacity: number; per: TimeUnit; headcount?: number; neededHeadcount?: number };
    /** totalShare: a fraction above 1; stageCount: stages with an explicit share. */
    'team-over-allocated': { team: string; totalShare: number; stageCount: number };
    'key-result-behind-plan': KeyResultBehindArgs;
    'missing-period': { keyResult: string; objective: string };
    /** objectivePeriod as written; day: the check-in's date (its period's last day). */
    'actual-outside-period': { name: string; period: string; objectivePeriod: string; day: string };
    /**
     * The bottleneck projection short of the target by more than the tolerance. per: the rate key
     * result's time unit; absent for a total (then `period` is the objective's period).
     */
    'key-result-projected-short': { keyResult: string; stage: string; projected: number; target: number; deviation: number; tolerance: number; unit?: string; per?: TimeUnit; period?: string };
    /** A later check-in of the same declaration (`name`) has the same period: this one is not counted. */
    'duplicate-actual': { name: string; period: string };
}

export type FindingCode = keyof EngineFindingArgs;

/** One finding of one code, with that code's arguments; `Finding<S>` is the union over every code. */
export type FindingOf<S, Args, C extends keyof Args> = C extends keyof Args ? { code: C; severity: Severity; site: S; args: Args[C] } : never;

export type Finding<S, C extends FindingCode = FindingCode> = FindingOf<S, EngineFindingArgs, C>;
