/** English messages. Each says what is wrong, with its numbers, and what to do. */
import { EN_FINDINGS } from './en-findings.js';
import { formatNumber } from '@okr-plan/engine';
import type { Catalogue } from './messages.js';
import { plural } from './plural.js';

/** `Plasterers'`, `Team's`: the English possessive of a name. */
const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** `1 file`, `2 files`. */
const count = (n: number, one: string, other: string) => `${n} ${plural('en', n, { one, other })}`;
import { describeToken, type ScenarioBlockKind, type TokenWords } from './syntax-errors.js';

const SCENARIO_BLOCK_EN: Record<ScenarioBlockKind, string> = {
    scenario: 'directly (write a block: `team T { … }`, `stage P.S { … }`, …)',
    team: 'of a team',
    keyresult: 'of a key result',
    stage: 'of a stage',
    kpi: 'of a KPI',
    process: 'of a process'
};

const orList = (items: string[]) => {
    const quoted = items.map(item => `\`${item}\``);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0] ?? '';
};

const EN_TOKENS: TokenWords = {
    ID: 'a name',
    NUMBER: 'a number',
    PERCENT: 'a percentage',
    PERIOD: 'a period (2026-01, 2026-W03, 2026-01-15 or 2026-Q1)',
    STRING: 'a text in quotes',
    EOF: 'a new declaration (unit, calendar, policy, team, objective, process or kpi)'
};

export const EN: Catalogue = {
    findings: EN_FINDINGS,
    rules: {
        'kpi-without-key-result': 'A KPI on a process that no key result goes via',
        'kpi-without-process': 'A KPI that measures no process stage',
        'kpi-on-uncertain-work': 'A KPI on non-standard or highly uncertain work',
        'kpi-target-below-plan': 'A hand-set KPI target below the derived plan',
        'kpi-behind-plan': 'An actual behind plan by more than the tolerance',
        'cadence-below-plan': 'A cadence below what the key results need',
        'process-without-key-result': 'A process that no key result goes via',
        'unused-team': 'A team that works on no stage',
        'unit-mismatch': 'Units that do not match',
        'missing-flow': 'A stage that does not say how it follows from the one before',
        'missing-output': 'A stage without an output unit',
        'flow-on-first-stage': 'A flow clause on the first stage of a process',
        'missing-target': 'A key result with via but no target',
        'invalid-quantity': 'A number outside what it may be',
        'kpi-needs-team': "'per person' on a stage without a team",
        'over-capacity': 'A per-person requirement above the stage capacity',
        'team-over-allocated': 'Team shares adding up to more than 100%',
        'key-result-behind-plan': "A key result's check-in behind what the plan expected by more than the tolerance",
        'missing-period': "A total target whose objective has no period",
        'actual-outside-period': "A key result's check-in dated outside its objective's period",
        'key-result-projected-short': 'A key result the latest KPI actuals project short of its target',
        'duplicate-actual': 'A check-in for the same period as a later one',
        'duplicate-name': 'A name declared more than once',
        'duplicate-calendar': 'More than one calendar block',
        'duplicate-policy': 'More than one policy block',
        'duplicate-clause': 'A clause given twice in one block, or a declaration named twice in one scenario',
        'scenario-cycle': 'A scenario that extends itself through others',
        'parse-error': 'Text that does not follow the .okr grammar',
        'internal-error': 'An analysis that failed inside OKR Plan (a bug to report)',
        'linking-error': 'A name that refers to nothing'
    },
    syntax: problem => {
        switch (problem.kind) {
            case 'expected': {
                const expected = problem.expected.map(token => describeToken(token, EN_TOKENS));
                const list = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}` : expected[0];
                const found = problem.found === '' ? 'the end of the file' : `\`${problem.found}\``;
                return problem.suggestion
                    ? `Syntax error: expected ${list}, found ${found} — did you mean \`${problem.suggestion}\`?`
                    : `Syntax error: expected ${list}, found ${found}.`;
            }
            case 'not-in-scenario':
                return `Syntax error: a scenario cannot change \`${problem.keyword}\` ${SCENARIO_BLOCK_EN[problem.block]}; it takes ${orList(problem.keywords)}.`;
            case 'glued-unit':
                return `Syntax error: a number and its unit are two words: write \`${problem.number} ${problem.unit}\` with a space.`;
            case 'decimal-comma':
                return `Syntax error: decimals are written with a point: write \`${problem.number}\`.`;
            case 'spaced-percent':
                return `Syntax error: a percentage is written without a space: write \`${problem.number}%\`.`;
            case 'character':
                return problem.character === '"'
                    ? 'Syntax error: a text in quotes must end on the same line with `"` (write `\\"` for a quote inside it).'
                    : `Syntax error: the character \`${problem.character}\` has no meaning here; remove it.`;
            default:
                return `Syntax error: ${problem.text}`;
        }
    },
    undecodable: reason =>
        reason === 'nul'
            ? 'This file contains NUL bytes, so it is not a text file: save it as UTF-8 text.'
            : 'This file is not valid UTF-8 text: save it as UTF-8.',
    unresolved: (kind, name, nearest) => {
        const meant = nearest.length > 0 ? ` — did you mean ${nearest.map(candidate => `\`${candidate}\``).join(' or ')}?` : '';
        const or = meant ? ' Or' : ':';
        switch (kind) {
            case 'unit': return `Unknown unit '${name}'${meant}${or} declare it with \`unit ${name}\`${meant ? '.' : ', or fix the name.'}`;
            case 'process': return `Unknown process '${name}'${meant}${or} declare \`process ${name} { … }\`${meant ? '.' : ', or fix the name.'}`;
            case 'stage': return `Unknown stage '${name}'${meant || ': name a stage of the plan as Process.Stage.'}`;
            case 'team': return `Unknown team '${name}'${meant}${or} declare \`team ${name} { headcount N }\`${meant ? '.' : ', or fix the name.'}`;
            case 'keyresult': return `Unknown key result '${name}'${meant || ': name a key result of the plan as Objective.KeyResult.'}`;
            case 'kpi': return `Unknown KPI '${name}'${meant || ': name a KPI of the plan.'}`;
            case 'scenario': return `Unknown scenario '${name}'${meant}${or} declare \`scenario ${name} { … }\`${meant ? '.' : ', or fix the name.'}`;
            default: return `'${name}' refers to nothing declared in the workspace.${meant}`;
        }
    },

    referenceKinds: { unit: 'unit', process: 'process', stage: 'stage', team: 'team' },
    timeUnits: { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    person: 'person',
    every: (unit, shown, n, timeUnit) => `1${unit ? ` ${unit}` : ''} every ${shown} ${n === 1 ? timeUnit : `${timeUnit}s`}`,
    check: {
        noProblems: files => `No problems in ${count(files, 'file', 'files')}.`,
        summary: (counts, files) =>
            `${count(counts.error, 'error', 'errors')}, ${count(counts.warning, 'warning', 'warnings')}, ${counts.info} info, ${count(counts.hint, 'hint', 'hints')} in ${count(files, 'file', 'files')}.`,
        severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' }
    },

    tree: {
        title: 'KPI tree',
        filterPlaceholder: 'Filter by name or label',
        empty: 'No objectives, processes or KPIs yet.',
        unlinkedProcesses: 'Processes no key result goes via',
        kpisWithoutProcess: 'KPIs without a process',
        planFindings: 'Other problems of the plan',
        kpiCount: { one: 'KPI', other: 'KPIs' },
        target: 'target',
        suggestedTarget: 'set',
        latestActual: 'actual',
        notDerived: 'not derived',
        collapseAll: 'Collapse all',
        expandAll: 'Expand all',
        diagram: 'Diagram',
        outline: 'Outline',
        fitToView: 'Fit',
        zoomIn: 'Zoom in',
        zoomOut: 'Zoom out',
        statuses: { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', none: 'no plan to compare with' },
        kinds: { objective: 'Objective', keyresult: 'Key result', process: 'Process', stage: 'Stage', kpi: 'KPI' }
    },
    fixes: {
        setTarget: target => `Set the target to ${target} (the derived plan, rounded up)`,
        raiseHeadcountForPace: (team, headcount) => `Add people: raise ${possessive(team)} headcount to ${headcount} (what the actual pace needs)`,
        andTarget: target => `, and the KPI target to ${target}`,
        raiseHeadcountForCapacity: (team, headcount) => `Raise ${possessive(team)} headcount to ${headcount} (what the capacity allows)`,
        lowerKeyResult: (keyResult, target) => `Adjust the plan: lower ${possessive(keyResult)} target to ${target} (what the actual pace gives)`,
        addCause: 'Analyse the causes: record why with cause ""',
        insertClause: clause => `Insert \`${clause}\``,
        removeClause: clause => `Remove \`${clause}\` (the first stage has no stage before it)`,
        declareUnit: unit => `Declare unit ${unit}`,
        changeTo: name => `Change to ${name}`
    },
    hover: {
        kinds: { kpi: 'KPI', stage: 'Stage', keyresult: 'Key result', team: 'Team', unit: 'Unit', objective: 'Objective', process: 'Process' },
        derivation: 'Derivation',
        range: 'range',
        setTarget: target => `a manager would set **${target}**`,
        handSetTarget: target => `target ${target}`,
        latestActual: (period, value) => `Latest actual ${period}: ${value}`,
        againstPlan: (deviation, plan) => `${deviation} against the plan of ${plan}`,
        againstTarget: (deviation, target) => `${deviation} against the target of ${target}`,
        cause: cause => `cause: ${cause}`,
        notDerived: 'No derived figure: no key result or cadence drives this stage, or an error on its path stops the derivation (see Problems).',
        perPerson: (rate, team, headcount, effective) => {
            const people = (n: number) => `${formatNumber(n)} ${plural('en', n, { one: 'person', other: 'people' })}`;
            const shown = headcount === null || headcount === effective ? people(effective) : `${people(headcount)}, ${formatNumber(effective)} effective`;
            return `${rate} (${team}: ${shown})`;
        },
        headcount: count => `headcount ${count}`,
        availability: percent => `availability ${percent}%`,
        worksOn: 'Works on',
        effective: people => `${people} effective`,
        outputOf: 'Output of',
        via: process => `via ${process}`,
        demand: count => `drives ${count} stage(s)`,
        qualitative: 'Qualitative key result: no target, no KPI.',
        shareOfDemand: (own, total, percent) => `${own} of ${total} (${percent}) of the process`,
        total: (amount, period, workdays) => `${amount} in ${period} (${workdays} working days)`,
        checkIns: 'Latest check-ins',
        trend: 'Trend, actual · plan'
    },
    explain: {
        keyResults: count => plural('en', count, { one: 'key result', other: 'key results' }),
        total: 'in all',
        needsOf: stage => `${stage} needs`,
        yieldsOf: stage => `${stage} yields`,
        conversionTo: stage => `converted to ${stage}`,
        cadenceSets: (cadence, result) => `cadence ${cadence} = ${result}`,
        cadenceRaises: (cadence, before, result) => `cadence ${cadence} raises ${before} to ${result}`,
        people: count => `${count} ${count === '1' ? 'person' : 'people'}`,
        headcount: count => `headcount ${count}`,
        availability: percent => `availability ${percent}%`,
        share: percent => `share ${percent}%`,
        workingDays: count => `${count} working days`,
        weekOfMonth: (week, month) => `${week}/${month} (a week of ${week} working days)`,
        setTarget: target => `set ${target}`
    },
    status: {
        objective: 'Objective',
        keyResult: 'Key result',
        target: 'Target',
        latestActual: 'Latest actual',
        expected: 'Expected',
        progress: 'Progress',
        deviation: 'Deviation',
        status: 'Status',
        projection: 'Projection',
        kpisBehind: 'KPIs behind plan',
        noObjectives: 'No objectives in the plan.',
        statuses: { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', none: 'no check-in' },
        pace: value => `${value} at this pace`,
        limitedBy: (value, stage) => `${value}, limited by ${stage}`,
        progressOf: (progress, expected) => (expected === null ? progress : `${progress} (expected ${expected})`),
        inPeriod: period => `in ${period}`
    },
    report: {
        kpis: 'KPIs',
        stages: 'Stages',
        kpi: 'KPI',
        stage: 'Stage',
        derived: 'Derived',
        range: 'Range',
        target: 'Target',
        latestActual: 'Latest actual',
        deviation: 'Deviation',
        perMonth: 'Requirement',
        perPersonPerDay: 'Per person',
        suggestedNote: '(n): no target set; n is the derived value rounded up, the target a manager would set.',
        blockedBy: what => `blocked by ${what}`
    }
};
