/** The shapes of a document's share of the plan (plan-fragment.ts builds them). */
import type { HolidayInput, KeyResultInput, KpiInput, ObjectiveInput, ProcessInput, QuantityInput, TeamInput, UnitInput } from '@okr-plan/engine';
import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import type { PlanFinding } from './plan-findings.js';
import type { ScenarioFragment } from './scenario-fragment.js';
import type { Site } from './site.js';

export type DeclarationKind = 'unit' | 'team' | 'objective' | 'keyresult' | 'process' | 'stage' | 'kpi' | 'scenario';

export interface DeclaredName {
    /** Qualified for stages (`Process.Stage`) and key results (`Objective.KeyResult`). */
    name: string;
    kind: DeclarationKind;
    node: AstNode;
}

export interface CalendarFragment {
    node: ast.Calendar;
    workdaysPerMonth?: QuantityInput<Site>;
    workdaysPerWeek?: QuantityInput<Site>;
    holidays: HolidayInput<Site>[];
}

export interface PolicyFragment {
    node: ast.Policy;
    tolerance?: QuantityInput<Site>;
    uncertainty?: QuantityInput<Site>;
    offtrack?: QuantityInput<Site>;
}

/** Engine inputs whose reference fields still hold the names as written. */
export interface PlanFragment {
    uri: string;
    declarations: DeclaredName[];
    units: UnitInput<Site>[];
    calendars: CalendarFragment[];
    policies: PolicyFragment[];
    teams: TeamInput<Site>[];
    objectives: ObjectiveInput<Site>[];
    processes: ProcessInput<Site>[];
    keyResults: KeyResultInput<Site>[];
    kpis: KpiInput<Site>[];
    /** Scenarios (spec §9), names as written; absent in a fragment that has none. */
    scenarios?: ScenarioFragment[];
    /** Problems visible from this document alone: badly shaped numbers, repeated clauses, unknown words. */
    findings: PlanFinding[];
    /**
     * Declarations with a syntax error of their own (inside them, not inside a stage or key result
     * they hold): nothing is derived from them and no finding about their numbers is shown, so a
     * typo is one error, not a cascade.
     */
    broken: Set<AstNode>;
    /**
     * Names written inside what unknown words swallowed (`keyresul Houses { via Construction }`):
     * findings that only say nothing refers to one of them are left out, since something did.
     */
    mentioned: Set<string>;
}
