/** Small builders for engine inputs in tests. Sites are strings naming the clause. */
import type {
    ActualInput,
    FlowInput,
    KeyResultInput,
    KpiInput,
    PlanAnalysis,
    PlanInput,
    ProcessInput,
    QuantityInput,
    RateInput,
    StageInput,
    TeamInput,
    TimeUnit
} from '../src/index.js';

export type Site = string;

export function q(low: number, high: number = low, site: Site = `quantity ${low}`): QuantityInput<Site> {
    return { low, high, site };
}

export function rate(amount: number | [number, number], unit: string | null, per: TimeUnit, site: Site): RateInput<Site> {
    const [low, high] = typeof amount === 'number' ? [amount, amount] : amount;
    return { amount: q(low, high, `${site} amount`), unit, per, site };
}

export function team(name: string, headcount: number | undefined, extra: Partial<TeamInput<Site>> = {}): TeamInput<Site> {
    return { name, headcount: headcount === undefined ? undefined : q(headcount, headcount, `${name} headcount`), nameSite: `team ${name}`, ...extra };
}

export function stage(name: string, output: string | null | undefined, extra: Partial<StageInput<Site>> = {}): StageInput<Site> {
    return { name, output, nonstandard: false, nameSite: `stage ${name}`, ...extra };
}

export function needs(n: number | [number, number], unit: string | null, perUnit: string | null, site = 'needs'): FlowInput<Site> {
    const [low, high] = typeof n === 'number' ? [n, n] : n;
    return { kind: 'needs', amount: q(low, high, `${site} amount`), unit, perUnit, site };
}

export function yields(n: number | [number, number], unit: string | null, perUnit: string | null, site = 'yields'): FlowInput<Site> {
    const [low, high] = typeof n === 'number' ? [n, n] : n;
    return { kind: 'yields', amount: q(low, high, `${site} amount`), unit, perUnit, site };
}

export function conversion(low: number, high: number = low, site = 'conversion'): FlowInput<Site> {
    return { kind: 'conversion', rate: q(low, high, `${site} rate`), site };
}

export function process(name: string, stages: StageInput<Site>[], extra: Partial<ProcessInput<Site>> = {}): ProcessInput<Site> {
    return { name, nonstandard: false, stages, nameSite: `process ${name}`, ...extra };
}

export function keyResult(name: string, target: RateInput<Site> | undefined, via: string | null | undefined, extra: Partial<KeyResultInput<Site>> = {}): KeyResultInput<Site> {
    return {
        name,
        target,
        via: via === undefined ? undefined : { process: via, site: `${name} via` },
        actuals: [],
        nameSite: `keyresult ${name}`,
        ...extra
    };
}

export function actual(period: string, value: number, cause?: string): ActualInput<Site> {
    return { period, value, cause, site: `actual ${period}` };
}

export function kpi(name: string, of: string | null | undefined, extra: Partial<KpiInput<Site>> = {}): KpiInput<Site> {
    return {
        name,
        of: of === undefined ? undefined : { stage: of, site: `${name} of` },
        actuals: [],
        nameSite: `kpi ${name}`,
        ...extra
    };
}

export function per(perPerson: boolean, timeUnit: TimeUnit, site = 'per'): KpiInput<Site>['per'] {
    return { perPerson, timeUnit, site };
}

export function plan(parts: Partial<PlanInput<Site>>): PlanInput<Site> {
    return { units: [], teams: [], processes: [], keyResults: [], kpis: [], ...parts };
}

/** Spec §1/§4: 10 houses a month, 200 m² of wall per house, three plasterers, KPI target 30, January actual 28. */
export function plasteringPlan(): PlanInput<Site> {
    return plan({
        units: [{ name: 'house', label: 'houses', site: 'unit house' }, { name: 'm2', label: 'm²', site: 'unit m2' }],
        teams: [team('Plasterers', 3)],
        processes: [
            process('Construction', [
                stage('Construction.Plastering', 'm2', { team: { team: 'Plasterers', site: 'Plastering team' } }),
                stage('Construction.Handover', 'house', { flow: needs(200, 'm2', 'house', 'Handover needs') })
            ])
        ],
        keyResults: [keyResult('Deliver.Houses', rate(10, 'house', 'month', 'Houses target'), 'Construction')],
        kpis: [
            kpi('PlasterRate', 'Construction.Plastering', {
                per: per(true, 'day', 'PlasterRate per'),
                target: { value: 30, site: 'PlasterRate target' },
                actuals: [actual('2026-01', 28)]
            })
        ]
    });
}

/** Domain example: the blog needs one article a week, written by two experts. */
export function blogPlan(): PlanInput<Site> {
    return plan({
        teams: [team('Experts', 2)],
        processes: [
            process('Blog', [
                stage('Blog.Writing', 'article', {
                    team: { team: 'Experts', site: 'Writing team' },
                    cadence: rate(1, 'article', 'week', 'Writing cadence')
                })
            ])
        ],
        kpis: [kpi('ArticlesPerExpert', 'Blog.Writing', { per: per(true, 'week') })]
    });
}

export function codes(analysis: PlanAnalysis<Site>): string[] {
    return analysis.findings.map(finding => finding.code);
}

export function findingsOf(analysis: PlanAnalysis<Site>, code: string) {
    return analysis.findings.filter(finding => finding.code === code);
}

export function stageOf(analysis: PlanAnalysis<Site>, name: string) {
    const found = analysis.stages.find(s => s.name === name);
    if (!found) throw new Error(`no stage ${name}`);
    return found;
}

export function kpiOf(analysis: PlanAnalysis<Site>, name: string) {
    const found = analysis.kpis.find(k => k.name === name);
    if (!found) throw new Error(`no kpi ${name}`);
    return found;
}

/** Every number in the analysis is finite and no value is undefined. Returns the paths that are not. */
export function unclean(value: unknown, path = '$'): string[] {
    if (value === undefined) return [path];
    if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}=${value}`];
    if (Array.isArray(value)) return value.flatMap((item, index) => unclean(item, `${path}[${index}]`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => unclean(item, `${path}.${key}`));
    return [];
}
