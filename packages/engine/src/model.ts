/**
 * The plan as the engine sees it: plain data, already parsed and linked by whoever calls the
 * engine. Every clause carries an opaque `site` of type `S`; the engine never looks inside a
 * site, it only hands it back in findings so the caller can place a diagnostic. (The language
 * package uses Langium AST nodes as sites; tests use strings.)
 *
 * References are given as the target's name, or `null` when the caller could not resolve the
 * reference uniquely (unresolved or duplicated name). The caller reports those errors itself;
 * the engine only treats every figure that depends on a `null` reference as not derivable.
 */

export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** A number as written: a single value (low === high) or a range `low..high`. Percentages are given as fractions (3% → 0.03). */
export interface QuantityInput<S> {
    low: number;
    high: number;
    /** True when the source wrote a percentage (`3%`); lets messages print it back the same way. */
    percent?: boolean;
    site: S;
}

/** `N unit per timeunit`: a key result target, a cadence or a capacity. */
export interface RateInput<S> {
    amount: QuantityInput<S>;
    /** Unit name, `null` when the unit reference did not resolve. */
    unit: string | null;
    per: TimeUnit;
    /** The whole clause (`target …`, `cadence …`, `capacity …`). */
    site: S;
}

export interface UnitInput<S> {
    name: string;
    label?: string;
    site: S;
}

export interface CalendarInput<S> {
    workdaysPerMonth?: QuantityInput<S>;
    workdaysPerWeek?: QuantityInput<S>;
    /** Non-working days (spec §8): one day, or an inclusive range of days, as written. */
    holidays?: HolidayInput<S>[];
}

/** `holiday 2026-01-01` or `holiday 2026-01-01..2026-01-08`: `to` is absent for one day. */
export interface HolidayInput<S> {
    from: string;
    to?: string;
    site: S;
}

/** A span of dates as written: a period (`2026-Q1`, `2026-01`, `2026-W03`, `2026-01-15`) or a day range `from..to`. */
export interface PeriodSpanInput<S> {
    from: string;
    to?: string;
    site: S;
}

export interface PolicyInput<S> {
    tolerance?: QuantityInput<S>;
    uncertainty?: QuantityInput<S>;
    /** Behind by more than this is off track (spec §8); must exceed the tolerance. */
    offtrack?: QuantityInput<S>;
}

export interface TeamInput<S> {
    name: string;
    label?: string;
    /** Missing when the team declares no headcount. */
    headcount?: QuantityInput<S>;
    availability?: QuantityInput<S>;
    /** Set by the caller when the team has a syntax error: its headcount is not known, so no per-person figure is derived. */
    broken?: boolean;
    nameSite: S;
}

export type FlowInput<S> =
    | {
          kind: 'needs';
          /** N in `needs N <prevUnit> per <thisUnit>`. */
          amount: QuantityInput<S>;
          /** Unit that must equal the previous stage's output. */
          unit: string | null;
          /** Unit that must equal this stage's output. */
          perUnit: string | null;
          site: S;
      }
    | {
          kind: 'yields';
          /** N in `yields N <thisUnit> per <prevUnit>`. */
          amount: QuantityInput<S>;
          /** Unit that must equal this stage's output. */
          unit: string | null;
          /** Unit that must equal the previous stage's output. */
          perUnit: string | null;
          site: S;
      }
    | {
          kind: 'conversion';
          /** P as a fraction (2% → 0.02), possibly a range. */
          rate: QuantityInput<S>;
          site: S;
      };

export interface StageInput<S> {
    /** Qualified name `Process.Stage`. */
    name: string;
    label?: string;
    /** Output unit name; `null` when unresolved, `undefined` when the stage has no `output` clause. */
    output: string | null | undefined;
    outputSite?: S;
    team?: {
        /** Team name, `null` when unresolved. */
        team: string | null;
        /** Explicit share as a fraction (50% → 0.5). */
        share?: QuantityInput<S>;
        site: S;
    };
    flow?: FlowInput<S>;
    cadence?: RateInput<S>;
    capacity?: RateInput<S>;
    nonstandard: boolean;
    /** Set by the caller when the stage has an error of its own the engine cannot see (e.g. two flow clauses); its figures and everything upstream are not derived. */
    broken?: boolean;
    nameSite: S;
}

export interface ProcessInput<S> {
    name: string;
    label?: string;
    nonstandard: boolean;
    /** In declaration order: the first is the top of the funnel, the last gives the process output. */
    stages: StageInput<S>[];
    /** Set by the caller when the process has a syntax error of its own: no stage is derived and its output is unknown. */
    broken?: boolean;
    nameSite: S;
}

export interface ActualInput<S> {
    /** As written: `2026-01`, `2026-W03`, `2026-01-15`, `2026-Q1`. */
    period: string;
    value: number;
    cause?: string;
    site: S;
}

/** A key result's target: a rate (`per` set) or, without `per`, a total over the objective's period (spec §8). */
export interface KeyResultTargetInput<S> {
    amount: QuantityInput<S>;
    unit: string | null;
    /** Null for a cumulative key result (a total over the period). */
    per: TimeUnit | null;
    site: S;
}

/** `milestone 2026-01 8`: the total expected by the end of that period. */
export interface MilestoneInput<S> {
    period: string;
    value: QuantityInput<S>;
    site: S;
}

export interface ObjectiveInput<S> {
    name: string;
    label?: string;
    /** The cycle the objective belongs to (spec §8). */
    period?: PeriodSpanInput<S>;
    nameSite: S;
}

export interface KeyResultInput<S> {
    /** Qualified name `Objective.KeyResult`. */
    name: string;
    label?: string;
    /** The objective it belongs to; when absent, the part of `name` before the dot. */
    objective?: string;
    target?: KeyResultTargetInput<S>;
    milestones?: MilestoneInput<S>[];
    via?: {
        /** Process name, `null` when unresolved. */
        process: string | null;
        site: S;
    };
    actuals: ActualInput<S>[];
    /** Set by the caller when the key result has a syntax error: it gives its process no demand and no findings of its own. */
    broken?: boolean;
    nameSite: S;
}

export interface KpiInput<S> {
    name: string;
    label?: string;
    of?: {
        /** Qualified stage name, `null` when unresolved. */
        stage: string | null;
        site: S;
    };
    /** Normalisation; absent means `per month`, not per person. */
    per?: {
        perPerson: boolean;
        timeUnit: TimeUnit;
        site: S;
    };
    target?: { value: number; site: S };
    actuals: ActualInput<S>[];
    /** Set by the caller when the KPI has a syntax error: its actuals take no part in projections. */
    broken?: boolean;
    nameSite: S;
}

export interface PlanInput<S> {
    units: UnitInput<S>[];
    /** The calendar in force (the first in path order); absent means the defaults. */
    calendar?: CalendarInput<S>;
    /** The policy in force (the first in path order); absent means the defaults. */
    policy?: PolicyInput<S>;
    teams: TeamInput<S>[];
    /** Objectives with their periods; key results of an objective not listed here have no period. */
    objectives?: ObjectiveInput<S>[];
    processes: ProcessInput<S>[];
    keyResults: KeyResultInput<S>[];
    kpis: KpiInput<S>[];
}
