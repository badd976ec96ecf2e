/**
 * Every sentence the tool says, in English and Russian. Findings carry numbers and names; the
 * catalogues below turn them into messages that say what is wrong, with which number, and what
 * to do. Numbers are rounded for people (three significant digits); the figures themselves stay
 * exact in JSON.
 */
import { everyInterval, formatNumber, formatPercent, type ResolvedCalendar, type TimeUnit } from '@okr-plan/engine';
import type { TreeWords } from '@okr-plan/preview';
import type { PlanFinding, PlanFindingArgs, PlanFindingCode, Severity } from '../plan/plan-findings.js';
import type { Language } from './locale.js';
import { readSyntaxError, type SyntaxProblem } from './syntax-errors.js';
import { EN } from './en.js';
import { RU } from './ru.js';
import { COMPARE_WORDS, type CompareWords } from './compare-words.js';

/**
 * The label of a unit for a count of exactly one. Labels are written as plurals ("houses"); when a
 * label is its unit's name plus `s` or `es`, the name is the singular ("1 house"). Any other label
 * (`m²`, "дома") is used as it is.
 */
export function labelForCount(name: string, label: string, count: number): string {
    return count === 1 && (label === `${name}s` || label === `${name}es`) ? name : label;
}

/** Helpers a catalogue uses to print finding arguments; each prints '' for a value that is absent. */
export interface Formatter {
    /** A number rounded for display: 31.746 → 31.7. */
    num(x: number | undefined): string;
    /** A fraction as a percentage: 0.1 → 10%. */
    pct(fraction: number | undefined): string;
    /** A signed deviation: −0.067 → -6.7%. */
    dev(fraction: number | undefined): string;
    /** A unit shown by its label: m2 → m²; with a count of one, its singular ("1 house"). */
    unit(name: string | undefined, count?: number): string;
    /** A number as it was written: as a percentage when it was one. */
    quantity(x: number | undefined, percent: boolean): string;
}

/** One message per code, each reading that code's own arguments. */
export type FindingMessages = { [C in PlanFindingCode]: (args: PlanFindingArgs[C], f: Formatter, severity: Severity) => string };

export interface Catalogue {
    findings: FindingMessages;
    /** One line per code, for SARIF rule descriptions and docs. */
    rules: Record<PlanFindingCode | 'parse-error' | 'linking-error', string>;
    syntax(problem: SyntaxProblem): string;
    undecodable(reason: 'nul' | 'encoding'): string;
    /** `nearest`: declared names close to the one written, nearest first (may be empty). */
    unresolved(kind: string, name: string, nearest: string[]): string;
    referenceKinds: Record<string, string>;
    timeUnits: Record<TimeUnit, string>;
    /** "1 article every 2 weeks"; `shown` is `n` formatted for display, `unit` the unit's name. */
    every(unit: string, shown: string, n: number, timeUnit: TimeUnit): string;
    person: string;
    check: {
        noProblems(files: number): string;
        summary(counts: Record<'error' | 'warning' | 'info' | 'hint', number>, files: number): string;
        severity: Record<'error' | 'warning' | 'info' | 'hint', string>;
    };
    report: ReportWords;
    status: StatusWords;
    explain: ExplainWords;
    hover: HoverWords;
    fixes: FixWords;
    tree: TreeWords;
}

/** Words of a derivation, step by step (hovers, hint tooltips). */
export interface ExplainWords {
    keyResults(count: number): string;
    total: string;
    needsOf(stage: string): string;
    yieldsOf(stage: string): string;
    conversionTo(stage: string): string;
    cadenceSets(cadence: string, result: string): string;
    cadenceRaises(cadence: string, before: string, result: string): string;
    people(count: string): string;
    headcount(count: string): string;
    availability(percent: string): string;
    share(percent: string): string;
    workingDays(count: string): string;
    weekOfMonth(week: string, month: string): string;
    setTarget(target: string): string;
}

/** Words of hovers and hints. */
export interface HoverWords {
    kinds: Record<'kpi' | 'stage' | 'keyresult' | 'team' | 'unit' | 'objective' | 'process', string>;
    derivation: string;
    range: string;
    setTarget(target: string): string;
    handSetTarget(target: string): string;
    latestActual(period: string, value: string): string;
    againstPlan(deviation: string, plan: string): string;
    againstTarget(deviation: string, target: string): string;
    cause(cause: string): string;
    notDerived: string;
    /** `31.7 m²/person/day (Operators: 6 people, 5.4 effective)`; the effective count only when it differs. */
    perPerson(rate: string, team: string, headcount: number | null, effective: number): string;
    headcount(count: string): string;
    availability(percent: string): string;
    worksOn: string;
    effective(people: string): string;
    outputOf: string;
    via(process: string): string;
    demand(stageCount: number): string;
    qualitative: string;
    /** `6 of 10 houses/month (60%)`: a key result's share of a process demand it shares. */
    shareOfDemand(own: string, total: string, percent: string): string;
    /** A total over a period: "30 houses in 2026-Q1 (57 working days)". */
    total(amount: string, period: string, workdays: string): string;
    checkIns: string;
    /** "Trend, actual · plan". */
    trend: string;
}

/** Titles of quick fixes. */
export interface FixWords {
    setTarget(target: string): string;
    raiseHeadcountForPace(team: string, headcount: string): string;
    raiseHeadcountForCapacity(team: string, headcount: string): string;
    /** Appended to raiseHeadcountForPace when the KPI's hand-set target moves too. */
    andTarget(target: string): string;
    lowerKeyResult(keyResult: string, target: string): string;
    addCause: string;
    insertClause(clause: string): string;
    declareUnit(unit: string): string;
    /** Replace an unresolved name with a declared one. */
    changeTo(name: string): string;
    removeClause(clause: string): string;
}

/** Words of `okr status` (spec §8) and of statuses wherever they are written out. */
export interface StatusWords {
    objective: string;
    keyResult: string;
    target: string;
    latestActual: string;
    expected: string;
    progress: string;
    deviation: string;
    status: string;
    projection: string;
    kpisBehind: string;
    noObjectives: string;
    statuses: Record<'on-track' | 'at-risk' | 'off-track' | 'none', string>;
    /** "24.1 at this pace". */
    pace(value: string): string;
    /** "8.5 houses/month, limited by Construction.Plastering". */
    limitedBy(value: string, stage: string): string;
    /** "36.7% (expected 44.2%)". */
    progressOf(progress: string, expected: string | null): string;
    /** "in 2026-Q1" after a total. */
    inPeriod(period: string): string;
}

export interface ReportWords {
    kpis: string;
    stages: string;
    kpi: string;
    stage: string;
    derived: string;
    range: string;
    target: string;
    latestActual: string;
    deviation: string;
    perMonth: string;
    perPersonPerDay: string;
    /** Explains a target in parentheses. */
    suggestedNote: string;
    /** Why a figure shows —: the errors that block it (`unit-mismatch plan.okr:17`). */
    blockedBy(what: string): string;
}

const CATALOGUES: Record<Language, Catalogue> = { en: EN, ru: RU };

/** Which property of which node kind holds which kind of reference, for "unknown X" messages. */
const REFERENCE_KIND: Record<string, string> = {
    'Via.process': 'process',
    'KpiOf.stage': 'stage',
    'StageTeam.team': 'team',
    'Output.unit': 'unit',
    'Rate.unit': 'unit',
    'Needs.unit': 'unit',
    'Needs.perUnit': 'unit',
    'Yields.unit': 'unit',
    'Yields.perUnit': 'unit',
    'ScenarioTeam.team': 'team',
    'ScenarioStage.stage': 'stage',
    'ScenarioProcess.process': 'process',
    'ScenarioKeyResult.keyResult': 'keyresult',
    'ScenarioKpi.kpi': 'kpi',
    'ScenarioExtends.scenario': 'scenario'
};

/** What kind of declaration a reference written in `containerType.property` names: 'unit', 'stage', …, or 'declaration'. */
export function referenceKind(containerType: string, property: string): string {
    return REFERENCE_KIND[`${containerType}.${property}`] ?? 'declaration';
}

export class Messages {
    language: Language = 'en';

    private get catalogue(): Catalogue {
        return CATALOGUES[this.language];
    }

    finding(finding: PlanFinding, unitLabels: ReadonlyMap<string, string> = new Map()): string {
        // The catalogue's type pairs each code with its arguments; TypeScript cannot follow that through a union.
        const render = this.catalogue.findings[finding.code] as (args: PlanFinding['args'], f: Formatter, severity: Severity) => string;
        return render(finding.args, formatter(unitLabels), finding.severity);
    }

    ruleDescription(code: string): string {
        return (this.catalogue.rules as Record<string, string>)[code] ?? code;
    }

    /** A parser error in plain words: what was expected, what was found, what to write. */
    syntax(detail: string | SyntaxProblem): string {
        return this.catalogue.syntax(typeof detail === 'string' ? readSyntaxError(detail) : detail);
    }

    undecodable(reason: 'nul' | 'encoding'): string {
        return this.catalogue.undecodable(reason);
    }

    /** The preview's "compare with" a git revision. */
    get compare(): CompareWords {
        return COMPARE_WORDS[this.language];
    }

    /** The message of a reference that names nothing (Langium's linking error), by where it was written. */
    unresolved(containerType: string, property: string, name: string, nearest: string[] = []): string {
        return this.catalogue.unresolved(referenceKind(containerType, property), name, nearest);
    }

    /** `m²/person/day`, `м²/чел./день`. */
    rateUnit(unitLabel: string, perPerson: boolean, timeUnit: TimeUnit): string {
        const c = this.catalogue;
        return `${unitLabel}${perPerson ? `/${c.person}` : ''}/${c.timeUnits[timeUnit]}`;
    }

    /**
     * A rate below one per time unit read the other way round: 0.5 article per week → "1 article
     * every 2 weeks". The unit is named by its name (`article`), which reads as one of it.
     */
    every(ratePerTimeUnit: number, timeUnit: TimeUnit, unit: string | null, unitLabels: ReadonlyMap<string, string> = new Map(), calendar?: ResolvedCalendar): string | undefined {
        const interval = everyInterval(ratePerTimeUnit, timeUnit, calendar);
        // "1 article": the unit's label for one of it (the name when the label is its plural, else the label: `1 m²`).
        const one = unit === null ? '' : labelForCount(unit, unitLabels.get(unit) ?? unit, 1);
        return interval === null ? undefined : this.catalogue.every(one, formatNumber(interval.n), interval.n, interval.unit);
    }

    checkWords(): Catalogue['check'] {
        return this.catalogue.check;
    }

    reportWords(): ReportWords {
        return this.catalogue.report;
    }

    statusWords(): StatusWords {
        return this.catalogue.status;
    }

    treeWords(): TreeWords {
        return this.catalogue.tree;
    }

    fixWords(): FixWords {
        return this.catalogue.fixes;
    }

    hoverWords(): HoverWords {
        return this.catalogue.hover;
    }

    explainWords(): ExplainWords {
        return this.catalogue.explain;
    }
}

function formatter(unitLabels: ReadonlyMap<string, string>): Formatter {
    const shown = (x: number | undefined, show: (x: number) => string) => (x === undefined ? '' : show(x));
    return {
        num: x => shown(x, formatNumber),
        pct: x => shown(x, value => `${formatNumber(value * 100)}%`),
        dev: x => shown(x, formatPercent),
        unit: (name, count) => (name === undefined ? '' : labelForCount(name, unitLabels.get(name) ?? name, count ?? 0)),
        quantity: (x, percent) => shown(x, value => (percent ? `${formatNumber(value * 100)}%` : formatNumber(value)))
    };
}
