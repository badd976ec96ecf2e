/**
 * Findings of the whole language: the engine's codes plus those only the language can see
 * (names, blocks, syntax shapes, analysis failures), each with its typed arguments. Message
 * catalogues are keyed by these codes, so a code without a message is a compile error.
 */
import type { EngineFindingArgs, FindingOf, InvalidQuantityArgs, QuantityWhat, Severity, TimeUnit } from '@okr-plan/engine';
import type { Site } from './site.js';

/** A number written in a shape its clause does not take (the fragment reports these itself). */
export type ShapeArgs =
    | { what: QuantityWhat; reason: 'needs-percent' | 'needs-number' | 'no-range' | 'mixed-range' | 'not-finite' }
    /** `workdays N per day` and the like: only weeks and months have working days. */
    | { what: 'workdays'; reason: 'workdays-period'; per: TimeUnit };

/** Where an unknown word stands: at the top of a file, or in a block of this kind. */
export type UnknownWordBlock = 'plan' | 'calendar' | 'policy' | 'team' | 'objective' | 'keyresult' | 'process' | 'stage' | 'kpi'
    | 'scenario' | 'scenario-team' | 'scenario-keyresult' | 'scenario-stage' | 'scenario-kpi' | 'scenario-process';

export interface LanguageFindingArgs {
    /**
     * A word where a keyword belongs (`stag`); `keywords`: those the block takes, comma-separated;
     * `suggestion`: the nearest of them, when one is close. (Other syntax errors come from the
     * parser and are worded by the document validator.)
     */
    'parse-error': { word: string; block: UnknownWordBlock; keywords: string; suggestion?: string };
    /** count: how many declarations share the name; others: `file.okr:LINE` of the other declarations. */
    'duplicate-name': { name: string; count: number; others: string };
    /** first: `file.okr:LINE` of the block in force. */
    'duplicate-calendar': { first: string };
    'duplicate-policy': { first: string };
    /**
     * clause: the keyword of the repeated clause, or 'flow' for a second flow clause; in a
     * scenario, the block that names a declaration again (`team Plasterers`), with `scenario` set.
     */
    'duplicate-clause': { clause: string; scenario?: string };
    /** A scenario that extends itself through others; cycle: the names around it (`A → B → A`). */
    'scenario-cycle': { scenario: string; cycle: string };
    /** OKR Plan could not analyse the file: a bug, reported with the exception's message. */
    'internal-error': { detail: string };
}

export type PlanFindingArgs = Omit<EngineFindingArgs, 'invalid-quantity'> & LanguageFindingArgs & {
    'invalid-quantity': InvalidQuantityArgs | ShapeArgs;
};

export type PlanFindingCode = keyof PlanFindingArgs;

/** A diagnostic before it has words: code, severity, where, and the numbers and names a message needs. */
export type PlanFinding<C extends PlanFindingCode = PlanFindingCode> = FindingOf<Site, PlanFindingArgs, C>;

export type { Severity };
