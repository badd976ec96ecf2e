/** English messages of every finding. Each says what is wrong, with its numbers, and what to do. */
import type { PlanFindingArgs } from '../plan/plan-findings.js';
import type { FindingMessages, Formatter } from './messages.js';
import { plural } from './plural.js';

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
    actual: 'An actual',
    offtrack: 'The off-track threshold',
    milestone: 'A milestone'
};

const PERIOD_PROBLEMS: Record<string, string> = {
    format: 'write a month (2026-01), an ISO week (2026-W03), a day (2026-01-15) or a quarter (2026-Q1)',
    month: 'months run from 01 to 12',
    day: 'that month has no such day',
    week: 'that year has no such ISO week',
    quarter: 'quarters run from Q1 to Q4',
    'range-ends': 'a range of dates runs from one day to another (2026-01-12..2026-03-31)',
    reversed: 'the first day of the range is after the last: swap them',
    'not-days': 'a holiday is one day (2026-02-23) or a range of days (2026-01-01..2026-01-08)'
};

function invalidQuantity(a: PlanFindingArgs['invalid-quantity'], f: Formatter): string {
    const name = QUANTITY_NAMES[a.what] ?? 'This number';
    switch (a.reason) {
        case 'needs-percent': return `${name} is a percentage: write it with %, e.g. \`80%\`.`;
        case 'needs-number': return `${name} is a plain number: write it without %.`;
        case 'no-range':
        case 'range-not-allowed': return `${name} takes one number, not a range.`;
        case 'mixed-range': return 'Write both ends of a range as percentages, or neither.';
        case 'not-finite': return 'This number is too large to compute with: write a smaller one.';
        case 'workdays-period': return `Working days are set per week or per month, not per ${a.per}.`;
        case 'reversed': return `The low end of this range (${f.quantity(a.low, a.percent)}) exceeds its high end (${f.quantity(a.high, a.percent)}): swap them.`;
        case 'not-a-period': return `'${a.period}' is not a real period: ${PERIOD_PROBLEMS[a.problem] ?? PERIOD_PROBLEMS.format}.`;
        case 'no-working-day': return `Period ${a.period} has no working day in the calendar (weekdays and holidays): totals cannot be spread over it. Widen the period, or check the holidays.`;
        case 'not-whole-week': return `Dated periods need whole working days a week: write a whole number from 1 to 7 (Monday..Friday is 5), not ${f.num(a.value)}.`;
        case 'not-above-tolerance': return `The off-track threshold (${f.pct(a.value)}) must be above the tolerance (${f.pct(a.tolerance)}): raise it, or statuses cannot be decided.`;
        case 'on-rate': return `Milestones are for totals: '${a.keyResult}' has a rate target. Remove the milestone, or drop \`per\` from the target.`;
        case 'no-target': return `Milestones are for totals: '${a.keyResult}' has no target. Add \`target N <unit>\`, or remove the milestone.`;
        case 'outside-period': return `Milestone ${a.period} lies outside the objective's period ${a.objectivePeriod ?? ''}: move it inside.`;
        case 'decreasing': return `Milestone ${a.period} (${f.num(a.value)}) is below an earlier milestone (${f.num(a.previous)}): totals do not go down. Raise it, or fix the earlier one.`;
        case 'above-target': return `Milestone ${a.period} (${f.num(a.value)}) exceeds the target (${f.num(a.target)}): lower it, or raise the target.`;
        case 'end-not-target': return `Milestone ${a.period} ends with the period, so it must equal the target (${f.num(a.target)}), not ${f.num(a.value)}.`;
        case 'missing': return `Team '${a.team}' has no headcount: add \`headcount N\` so per-person figures can be derived.`;
        case 'out-of-range':
            switch (a.allowed) {
                case 'fraction': return `${name} must be above 0% and at most 100%, not ${f.pct(a.value)}.`;
                case 'non-negative': return `${name} must not be negative (${f.quantity(a.value, a.percent)}).`;
                default: return `${name} must be more than 0, not ${f.quantity(a.value, a.percent)}.`;
            }
    }
}

function unitMismatch(a: PlanFindingArgs['unit-mismatch'], f: Formatter): string {
    const expected = f.unit(a.expected);
    const found = f.unit(a.found);
    switch (a.what) {
        case 'key-result-target': return `The target is in ${found}, but process '${a.process ?? ''}' produces ${expected}: state the target in ${expected}, or change the output of its last stage.`;
        case 'needs':
        case 'yields':
            return a.position === (a.what === 'needs' ? 'unit' : 'per-unit')
                ? `The stage before, '${a.previousStage}', produces ${expected}, not ${found}: write ${expected} here.`
                : `This stage produces ${expected}, not ${found}: write ${expected} here.`;
        case 'cadence': return `The cadence is in ${found}, but the stage produces ${expected}: state it in ${expected}.`;
        case 'capacity': return `The capacity is in ${found}, but the stage produces ${expected}: state it in ${expected}.`;
    }
}

/** Where an unknown word stands, in a phrase: "in a process". */
const IN_BLOCK: Record<PlanFindingArgs['parse-error']['block'], string> = {
    plan: 'at the top level of a plan',
    calendar: 'in a calendar',
    policy: 'in a policy',
    team: 'in a team',
    objective: 'in an objective',
    keyresult: 'in a key result',
    process: 'in a process',
    stage: 'in a stage',
    kpi: 'in a KPI',
    scenario: 'in a scenario',
    'scenario-team': "in a scenario's team block",
    'scenario-keyresult': "in a scenario's key result block",
    'scenario-stage': "in a scenario's stage block",
    'scenario-kpi': "in a scenario's KPI block",
    'scenario-process': "in a scenario's process block"
};

function orList(items: string[]): string {
    const quoted = items.map(item => `\`${item}\``);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0] ?? '';
}

const times = (n: number) => plural('en', n, { one: 'once', other: `${n} times` });

export const EN_FINDINGS: FindingMessages = {
    'kpi-without-key-result': a =>
        `No key result goes via process '${a.process}': this KPI serves no stated result. Add a key result with \`via ${a.process}\`, or drop the KPI.`,
    'kpi-without-process': () => 'This KPI measures no process stage: no process, no KPI. Add `of Process.Stage`.',
    'kpi-on-uncertain-work': (a, f) =>
        a.reason === 'spread'
            ? `The derived value is too uncertain for a KPI: its range spreads ${f.pct(a.spread)} of the value (policy limit ${f.pct(a.limit)}). Steer this work with key results, or pin the uncertain rates down.`
            : `This KPI measures work marked nonstandard (its ${a.nonstandard}): one-off or uncertain work is steered with key results, not KPIs.`,
    'kpi-target-below-plan': (a, f) => {
        // The rule compares with the lowest value the plan's ranges give; the fix sets the derived value, rounded up.
        const plan = a.low === a.value ? `the derived plan (${f.num(a.value)})` : `the lowest value the derived plan's ranges give (${f.num(a.low)}; derived ${f.num(a.value)})`;
        const fix = a.suggested === undefined ? '' : ` Set the target to at least ${f.num(a.suggested)} (the derived value, rounded up).`;
        return `Target ${f.num(a.target)} is below ${plan}: the key result would be missed by ${f.pct(a.shortfall)}.${fix}`;
    },
    'kpi-behind-plan': (a, f, severity) =>
        `${a.period}: actual ${f.num(a.actual)} is ${f.dev(a.deviation)} against the plan of ${f.num(a.plan)} (tolerance ${f.pct(a.tolerance)}).` +
        (severity === 'info' ? ' The cause is recorded.' : ' Add people to the stage, adjust the plan, or record the cause.'),
    'cadence-below-plan': (a, f) =>
        `The cadence (${f.num(a.cadence)} ${f.unit(a.unit, a.cadence)} per ${a.per}) is below what the key results need (${f.num(a.required)} per ${a.per}): raise the cadence, or it will not carry the results.`,
    'process-without-key-result': a => `No key result goes via process '${a.process}': say which result it serves with \`via ${a.process}\` in a key result.`,
    'unused-team': a => `Team '${a.team}' works on no stage: name it in a stage with \`team ${a.team}\`, or remove it.`,
    'unit-mismatch': unitMismatch,
    'missing-flow': a => {
        const [unit, previous] = [a.unit ?? '<unit>', a.previousUnit ?? '<previous unit>'];
        return `Stage '${a.stage}' does not say how it follows from '${a.previousStage}': add \`needs N ${previous} per ${unit}\`, \`yields N ${unit} per ${previous}\` or \`conversion P%\`.`;
    },
    'missing-output': a => `Stage '${a.stage}' has no output: add \`output <unit>\`.`,
    'flow-on-first-stage': () => 'The first stage of a process has no stage before it: this flow clause is ignored. Remove it, or move the stage down.',
    'missing-target': a => `Key result '${a.keyResult}' goes via a process but has no target: add \`target N <unit> per <time unit>\`.`,
    'invalid-quantity': invalidQuantity,
    'kpi-needs-team': a => `'per person' needs a team on stage '${a.stage}': add \`team <Team>\` to the stage, or drop 'person'.`,
    'over-capacity': (a, f) =>
        `Each person would need ${f.num(a.perPerson)} ${f.unit(a.unit)} per ${a.per}, over the capacity of ${f.num(a.capacity)}` +
        (a.neededHeadcount === undefined ? '.' : `: the stage needs ${f.num(a.neededHeadcount)} ${plural('en', a.neededHeadcount, { one: 'person', other: 'people' })} (now ${f.num(a.headcount)}).`),
    'team-over-allocated': (a, f) => `Team '${a.team}' is given ${f.pct(a.totalShare)} of its time across stages: lower the shares to 100% in all.`,
    'key-result-behind-plan': (a, f, severity) =>
        `${a.period}: actual ${f.num(a.actual)} ${f.unit(a.unit)} is ${f.dev(a.deviation)} against the ${a.kind === 'total' ? 'expected total' : 'target'} of ${f.num(a.expected)} (tolerance ${f.pct(a.tolerance)}).` +
        (severity === 'info' ? ' The cause is recorded.' : ' Add people to the limiting stage, lower the target, or record the cause.'),
    'missing-period': a => `This target has no \`per\`, so it is a total over the objective's period, but objective '${a.objective}' has none: add \`period 2026-Q1\` (a month, week, quarter, day or day range) to it, or write \`per <time unit>\`.`,
    'actual-outside-period': a => `Check-in ${a.period} (by ${a.day}) lies outside the objective's period ${a.objectivePeriod}: it is not judged against the plan. Fix its date, or the period.`,
    'key-result-projected-short': (a, f) => {
        const unit = a.per ? `${f.unit(a.unit)}/${a.per}` : `${f.unit(a.unit)}${a.period ? ` in ${a.period}` : ''}`;
        return `At the latest KPI actuals, ${a.stage} limits the output to ${f.num(a.projected)} ${unit} against a target of ${f.num(a.target)} (${f.dev(a.deviation)}). Add people to that stage, or lower the target.`;
    },
    'duplicate-actual': a => `A later check-in of '${a.name}' is for the same period ${a.period}: only the last one counts. Remove this one, or fix its period.`,
    'duplicate-name': a => `'${a.name}' is declared ${times(a.count)} (also at ${a.others}): names are shared by every .okr file of the workspace. Rename all but one.`,
    'duplicate-calendar': a => `A second calendar: only the first one (${a.first}) is used. Merge them into one.`,
    'duplicate-policy': a => `A second policy: only the first one (${a.first}) is used. Merge them into one.`,
    'duplicate-clause': a => a.scenario !== undefined
        ? `Scenario '${a.scenario}' changes \`${a.clause}\` in an earlier block already; only the first block counts. Merge the two blocks.`
        : a.clause === 'flow'
        ? 'A stage takes one flow clause (needs, yields or conversion): this second one makes its link to the stage before ambiguous. Remove one.'
        : `'${a.clause}' is given twice here; only the first counts. Remove one.`,
    'parse-error': a => a.suggestion
        ? `Syntax error: \`${a.word}\` is not a keyword ${IN_BLOCK[a.block]} — did you mean \`${a.suggestion}\`?`
        : `Syntax error: \`${a.word}\` has no meaning ${IN_BLOCK[a.block]}: write ${orList(a.keywords.split(', '))}.`,
    'scenario-cycle': a => `Scenario '${a.scenario}' extends itself (${a.cycle}): a scenario applies the one it extends first, so the chain must end. Remove one \`extends\` on the cycle.`,
    'internal-error': a => `OKR Plan could not analyse this file (${a.detail}). This is a bug in OKR Plan, not in the plan: please report it with the file. The other files are still checked.`
};
