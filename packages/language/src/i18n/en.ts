/** English messages. Each says what is wrong, with its numbers, and what to do. */
import type { Args, Catalogue, Formatter } from './messages.js';
import { describeToken, type TokenWords } from './syntax-errors.js';

const EN_TOKENS: TokenWords = {
    ID: 'a name',
    NUMBER: 'a number',
    PERCENT: 'a percentage',
    PERIOD: 'a period (2026-01, 2026-W03, 2026-01-15 or 2026-Q1)',
    STRING: 'a text in quotes',
    EOF: 'a new declaration (unit, calendar, policy, team, objective, process or kpi)'
};

/** What each invalid-quantity `what` is called in a sentence. */
const QUANTITY_NAMES: Record<string, string> = {
    headcount: 'Headcount',
    availability: 'Availability',
    share: "A team's share",
    conversion: 'A conversion',
    needs: 'A needs ratio',
    yields: 'A yields ratio',
    workdays: 'The number of working days',
    tolerance: 'The tolerance',
    uncertainty: 'The uncertainty limit',
    'key-result-target': 'A target',
    cadence: 'A cadence',
    capacity: 'A capacity',
    'kpi-target': 'A KPI target',
    actual: 'An actual'
};

const PERIOD_PROBLEMS: Record<string, string> = {
    format: 'write a month (2026-01), an ISO week (2026-W03), a day (2026-01-15) or a quarter (2026-Q1)',
    month: 'months run from 01 to 12',
    day: 'that month has no such day',
    week: 'that year has no such ISO week',
    quarter: 'quarters run from Q1 to Q4'
};

function quantity(a: Args, f: Formatter): string {
    const name = QUANTITY_NAMES[f.str(a, 'what')] ?? 'This number';
    const shown = (key: string) => (f.str(a, 'allowed') === 'fraction' || f.str(a, 'percent') ? f.pct(a, key) : f.num(a, key));
    switch (f.str(a, 'reason')) {
        case 'needs-percent': return `${name} is a percentage: write it with %, e.g. \`80%\`.`;
        case 'needs-number': return `${name} is a plain number: write it without %.`;
        case 'no-range':
        case 'range-not-allowed': return `${name} takes one number, not a range.`;
        case 'mixed-range': return 'Write both ends of a range as percentages, or neither.';
        case 'not-finite': return 'This number is too large to compute with: write a smaller one.';
        case 'workdays-period': return `Working days are set per week or per month, not per ${f.str(a, 'per')}.`;
        case 'reversed': return `The low end of this range (${shown('low')}) exceeds its high end (${shown('high')}): swap them.`;
        case 'not-a-period': return `'${f.str(a, 'period')}' is not a real period: ${PERIOD_PROBLEMS[f.str(a, 'problem')] ?? PERIOD_PROBLEMS.format}.`;
        case 'missing': return `Team '${f.str(a, 'team')}' has no headcount: add \`headcount N\` so per-person figures can be derived.`;
        case 'out-of-range':
            switch (f.str(a, 'allowed')) {
                case 'fraction': return `${name} must be above 0% and at most 100%, not ${f.pct(a, 'value')}.`;
                case 'non-negative': return `${name} must not be negative (${f.num(a, 'value')}).`;
                default: return `${name} must be more than 0, not ${f.num(a, 'value')}.`;
            }
        default: return `${name} is not valid here.`;
    }
}

export const EN: Catalogue = {
    findings: {
        'kpi-without-key-result': (a, f) =>
            `No key result goes via process '${f.str(a, 'process')}': this KPI serves no stated result. Add a key result with \`via ${f.str(a, 'process')}\`, or drop the KPI.`,
        'kpi-without-process': () => 'This KPI measures no process stage: no process, no KPI. Add `of Process.Stage`.',
        'kpi-on-uncertain-work': (a, f) =>
            f.str(a, 'reason') === 'spread'
                ? `The derived value is too uncertain for a KPI: its range spreads ${f.pct(a, 'spread')} of the value (policy limit ${f.pct(a, 'limit')}). Steer this work with key results, or pin the uncertain rates down.`
                : `This KPI measures work marked nonstandard (its ${f.str(a, 'nonstandard') === 'process' ? 'process' : 'stage'}): one-off or uncertain work is steered with key results, not KPIs.`,
        'kpi-target-below-plan': (a, f) =>
            `Target ${f.num(a, 'target')} is below the derived plan (${f.num(a, 'low')}): the key result would be missed by ${f.pct(a, 'shortfall')}. Set the target to at least ${f.num(a, 'suggested')}.`,
        'kpi-behind-plan': (a, f) =>
            `${f.str(a, 'period')}: actual ${f.num(a, 'actual')} is ${f.dev(a, 'deviation')} against the plan of ${f.num(a, 'plan')} (tolerance ${f.pct(a, 'tolerance')}).` +
            (f.str(a, '$severity') === 'info' ? ' The cause is recorded.' : ' Add people to the stage, adjust the plan, or record the cause.'),
        'cadence-below-plan': (a, f) =>
            `The cadence (${f.num(a, 'cadence')} ${f.unit(a, 'unit')} per ${f.str(a, 'per')}) is below what the key results need (${f.num(a, 'required')} per ${f.str(a, 'per')}): raise the cadence, or it will not carry the results.`,
        'process-without-key-result': (a, f) => `No key result goes via process '${f.str(a, 'process')}': say which result it serves with \`via ${f.str(a, 'process')}\` in a key result.`,
        'unused-team': (a, f) => `Team '${f.str(a, 'team')}' works on no stage: name it in a stage with \`team ${f.str(a, 'team')}\`, or remove it.`,
        'unit-mismatch': (a, f) => unitMismatch(a, f),
        'missing-flow': (a, f) => {
            const [unit, previous] = [f.str(a, 'unit') || '<unit>', f.str(a, 'previousUnit') || '<previous unit>'];
            return `Stage '${f.str(a, 'stage')}' does not say how it follows from '${f.str(a, 'previousStage')}': add \`needs N ${previous} per ${unit}\`, \`yields N ${unit} per ${previous}\` or \`conversion P%\`.`;
        },
        'missing-output': (a, f) => `Stage '${f.str(a, 'stage')}' has no output: add \`output <unit>\`.`,
        'flow-on-first-stage': () => 'The first stage of a process has no stage before it: this flow clause is ignored. Remove it, or move the stage down.',
        'missing-target': (a, f) => `Key result '${f.str(a, 'keyResult')}' goes via a process but has no target: add \`target N <unit> per <time unit>\`.`,
        'invalid-quantity': quantity,
        'kpi-needs-team': (a, f) => `'per person' needs a team on stage '${f.str(a, 'stage')}': add \`team <Team>\` to the stage, or drop 'person'.`,
        'over-capacity': (a, f) =>
            `Each person would need ${f.num(a, 'perPerson')} ${f.unit(a, 'unit')} per ${f.str(a, 'per')}, over the capacity of ${f.num(a, 'capacity')}` +
            (f.has(a, 'neededHeadcount') ? `: the stage needs ${f.num(a, 'neededHeadcount')} people (now ${f.num(a, 'headcount')}).` : '.'),
        'team-over-allocated': (a, f) => `Team '${f.str(a, 'team')}' is given ${f.pct(a, 'totalShare')} of its time across stages: lower the shares to 100% in all.`,
        'duplicate-name': (a, f) => `'${f.str(a, 'name')}' is declared ${f.num(a, 'count')} times: names are shared by every .okr file of the workspace. Rename all but one.`,
        'duplicate-calendar': (a, f) => `A second calendar: only the first one (${f.str(a, 'first')}) is used. Merge them into one.`,
        'duplicate-policy': (a, f) => `A second policy: only the first one (${f.str(a, 'first')}) is used. Merge them into one.`,
        'duplicate-clause': (a, f) => f.str(a, 'clause') === 'flow'
            ? 'A stage takes one flow clause (needs, yields or conversion): this second one makes its link to the stage before ambiguous. Remove one.'
            : `'${f.str(a, 'clause')}' is given twice here; only the first counts. Remove one.`
    },
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
        'duplicate-name': 'A name declared more than once',
        'duplicate-calendar': 'More than one calendar block',
        'duplicate-policy': 'More than one policy block',
        'duplicate-clause': 'A clause given twice in one block',
        'parse-error': 'Text that does not follow the .okr grammar',
        'linking-error': 'A name that refers to nothing'
    },
    syntax: problem => {
        switch (problem.kind) {
            case 'expected': {
                const expected = problem.expected.map(token => describeToken(token, EN_TOKENS));
                const list = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}` : expected[0];
                return `Syntax error: expected ${list}, found ${problem.found === '' ? 'the end of the file' : `\`${problem.found}\``}.`;
            }
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
    unresolved: (kind, name) => {
        switch (kind) {
            case 'unit': return `Unknown unit '${name}': declare it with \`unit ${name}\`, or fix the name.`;
            case 'process': return `Unknown process '${name}': declare \`process ${name} { … }\`, or fix the name.`;
            case 'stage': return `Unknown stage '${name}': name it as Process.Stage, e.g. \`of Construction.Plastering\`.`;
            case 'team': return `Unknown team '${name}': declare \`team ${name} { headcount N }\`, or fix the name.`;
            default: return `'${name}' refers to nothing declared in the workspace.`;
        }
    },
    referenceKinds: { unit: 'unit', process: 'process', stage: 'stage', team: 'team' },
    timeUnits: { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    person: 'person',
    every: (unit, shown, n, timeUnit) => `1${unit ? ` ${unit}` : ''} every ${shown} ${n === 1 ? timeUnit : `${timeUnit}s`}`,
    check: {
        noProblems: 'No problems in {files} file(s).',
        summary: (counts, files) =>
            `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${counts.hint} hint(s) in ${files} file(s).`,
        severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' }
    },
    tree: {
        title: 'KPI tree',
        filterPlaceholder: 'Filter by name or label',
        empty: 'No objectives, processes or KPIs yet.',
        unlinkedProcesses: 'Processes no key result goes via',
        kpisWithoutProcess: 'KPIs without a process',
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
        raiseHeadcountForPace: (team, headcount) => `Add people: raise ${team}'s headcount to ${headcount} (what the actual pace needs)`,
        andTarget: target => `, and the KPI target to ${target}`,
        raiseHeadcountForCapacity: (team, headcount) => `Raise ${team}'s headcount to ${headcount} (what the capacity allows)`,
        lowerKeyResult: (keyResult, target) => `Adjust the plan: lower ${keyResult}'s target to ${target} (what the actual pace gives)`,
        addCause: 'Analyse the causes: record why with cause ""',
        insertClause: clause => `Insert \`${clause}\``,
        removeClause: clause => `Remove \`${clause}\` (the first stage has no stage before it)`,
        declareUnit: unit => `Declare unit ${unit}`
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
        perPerson: (rate, team, people) => `${rate} (${team}: ${people} ${people === '1' ? 'person' : 'people'})`,
        headcount: count => `headcount ${count}`,
        availability: percent => `availability ${percent}%`,
        worksOn: 'Works on',
        effective: people => `${people} effective`,
        outputOf: 'Output of',
        via: process => `via ${process}`,
        demand: count => `drives ${count} stage(s)`,
        qualitative: 'Qualitative key result: no target, no KPI.'
    },
    explain: {
        keyResults: 'key results',
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
        suggestedNote: '(n): no target set; n is the derived value rounded up, the target a manager would set.'
    }
};

function unitMismatch(a: Args, f: Formatter): string {
    const expected = f.unit(a, 'expected');
    const found = f.unit(a, 'found');
    switch (f.str(a, 'what')) {
        case 'key-result-target': return `The target is in ${found}, but process '${f.str(a, 'process')}' produces ${expected}: state the target in ${expected}, or change the output of its last stage.`;
        case 'needs':
        case 'yields':
            return f.str(a, 'position') === (f.str(a, 'what') === 'needs' ? 'unit' : 'per-unit')
                ? `The stage before, '${f.str(a, 'previousStage')}', produces ${expected}, not ${found}: write ${expected} here.`
                : `This stage produces ${expected}, not ${found}: write ${expected} here.`;
        case 'cadence': return `The cadence is in ${found}, but the stage produces ${expected}: state it in ${expected}.`;
        case 'capacity': return `The capacity is in ${found}, but the stage produces ${expected}: state it in ${expected}.`;
        default: return `${found} does not match ${expected}: write ${expected}.`;
    }
}
