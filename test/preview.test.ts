/**
 * The KPI-tree renderer shared by the editor preview and `okr preview`: the tree's shape and
 * figures for the examples, status colours, hostile labels rendered as text, and the page's
 * Content-Security-Policy with no remote origin.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildKpiTree } from '../packages/language/src/plan/kpi-tree.js';
import { renderDocument, renderTree, type KpiTree } from '../packages/preview/src/index.js';
import { diagramItems, layoutDiagram } from '../packages/preview/src/layout.js';
import { renderDiagramSvg } from '../packages/preview/src/svg.js';
import { kpiTreeWithScenarios } from '../packages/language/src/plan/kpi-tree-scenario.js';
import { ScenarioPlanWorkspace } from '../packages/language/src/plan/scenario-workspace.js';
import { buildWorkspace } from '../packages/language/test/workspace.js';
import { folderWith, runOkr } from '../packages/cli/test/run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const example = (name: string) => readFileSync(path.join(ROOT, 'examples', name), 'utf8');

async function treeOf(files: Record<string, string>, language: 'en' | 'ru' = 'en'): Promise<KpiTree> {
    const workspace = await buildWorkspace(files, language);
    return buildKpiTree(workspace.services.plan.PlanWorkspace.current(), workspace.services.i18n.Messages);
}

describe('the KPI tree of the plastering example', () => {
    it('goes objective → key result → process → stages from the result back → KPIs, with figures', async () => {
        const tree = await treeOf({ 'plastering.okr': example('plastering/plastering.okr') });
        const [deliver] = tree.objectives;
        expect(deliver.name).toBe('Deliver');
        const [houses, brand] = deliver.keyResults;
        expect(houses).toMatchObject({ name: 'Deliver.Houses', target: '10 houses/month' });
        expect(brand).toMatchObject({ name: 'Deliver.Brand', target: null, processes: [] });
        const [construction] = houses.processes;
        expect(construction.stages.map(stage => stage.name)).toEqual(['Construction.Handover', 'Construction.Plastering']);
        const plastering = construction.stages[1];
        expect(plastering.requirement).toBe('2000 m²/month');
        expect(plastering.perPerson).toBe('31.7 m²/person/day (Plasterers: 3 people)');
        const [kpi] = plastering.kpis;
        expect(kpi).toMatchObject({ name: 'PlasterRate', figure: '31.7', unit: 'm²/person/day', target: '32', suggestedTarget: '32', status: 'at-risk' });
        expect(kpi.latestActual).toMatchObject({ period: '2026-02', value: '27', deviation: '-15.6%', status: 'at-risk', cause: 'two plasterers on sick leave' });
        expect(kpi.badges.map(badge => badge.code)).toEqual(['kpi-behind-plan']);
        expect(kpi.location).toMatchObject({ startLine: 36 });
        expect(houses.latestActual).toMatchObject({ deviation: '-10%', status: 'on-track' });
        // Spec §8: the KPI's pace 27 × 3 / 200 × 21 projects 8.51 houses a month, short of 10.
        expect(houses.projection).toBe('Projection: 8.51 houses/month, limited by Construction.Plastering');
        expect(houses.badges.map(badge => badge.code)).toEqual(['key-result-projected-short']);
        expect(tree.counts).toEqual({ kpis: 1, errors: 0, warnings: 1 });
        // Statuses on every node, rolled up to the objective.
        expect(plastering.status).toBe('at-risk');
        expect(construction.status).toBe('at-risk');
        expect(houses.status).toBe('on-track');
        expect(deliver).toMatchObject({ status: 'on-track', period: null });
    });

    it('shows a total key result with its period, progress, projection and the objective status (spec §8)', async () => {
        const tree = await treeOf({ 'quarter.okr': example('quarter-ru/квартал.okr') });
        const [quarter, sales, team] = tree.objectives;
        expect(quarter).toMatchObject({ name: 'Квартал', period: '2026-Q1', status: 'at-risk' });
        expect(sales.status).toBe('off-track');
        expect(team).toMatchObject({ period: '2026-01-12..2026-03-31', status: 'none' });
        const [handed] = quarter.keyResults;
        expect(handed).toMatchObject({ target: '60 квартир in 2026-Q1', progress: '28.3% (expected 37.5%)', status: 'at-risk' });
        expect(handed.projection).toBe('Projection: 36.6 квартир at this pace; 50.4 квартир, limited by Ремонт.Укладка');
        const html = renderTree(tree);
        expect(html).toContain('okr-objective okr-status-at-risk');
        expect(html).toContain('28.3% (expected 37.5%)');
        expect(html).toContain('<span class="okr-node-status okr-status-off-track">off track</span>');
    });

    it('shows "1 article every 2 weeks" for the blog and anti-pattern badges where they belong', async () => {
        const tree = await treeOf({ 'blog.okr': example('blog/blog.okr'), 'anti.okr': example('anti-patterns/anti-patterns.okr') });
        const blog = tree.objectives.find(objective => objective.name === 'Inbound')!;
        const writing = blog.keyResults[0].processes[0].stages.find(stage => stage.name === 'Blog.Writing')!;
        expect(writing.kpis[0]).toMatchObject({ figure: '0.5', every: '1 article every 2 weeks' });
        expect(tree.unlinkedProcesses.map(process => process.name)).toEqual(['SupportDesk']);
        expect(tree.unlinkedProcesses[0].badges.map(badge => badge.code)).toEqual(['process-without-key-result']);
        expect(tree.unlinkedProcesses[0].stages[0].kpis[0].badges.map(badge => badge.code)).toEqual(['kpi-without-key-result']);
        expect(tree.kpisWithoutProcess.map(kpi => [kpi.name, kpi.badges.map(badge => badge.code)])).toEqual([['ReportsPerMonth', ['kpi-without-process']]]);
        const research = tree.objectives.find(objective => objective.name === 'Innovation')!;
        const prototypes = research.keyResults[0].processes[0].stages[0].kpis[0];
        expect(prototypes.badges.map(badge => badge.code)).toEqual(['kpi-on-uncertain-work']);
    });

    it('is in Russian for a Russian user', async () => {
        const tree = await treeOf({ 'стройка.okr': example('russian/стройка.okr') }, 'ru');
        expect(tree.words.title).toBe('Дерево КПЭ');
        const kpi = tree.objectives[0].keyResults[0].processes[0].stages[1].kpis[0];
        expect(kpi).toMatchObject({ name: 'НормаШтукатура', figure: '28.6', unit: 'м²/чел./день' });
    });
});

describe('badges and counts from every diagnostic', () => {
    it('badges a KPI with its unresolved stage and counts errors as the Problems panel does', async () => {
        const workspace = await buildWorkspace({ 'p.okr': example('plastering/plastering.okr').replace('of Construction.Plastering', 'of Construction.Plasterin') });
        const plan = workspace.services.plan.PlanWorkspace.current();
        const tree = buildKpiTree(plan, workspace.services.i18n.Messages, workspace.documents.values());
        const [kpi] = tree.kpisWithoutProcess;
        expect(kpi.badges.map(badge => badge.code)).toContain('linking-error');
        expect(tree.counts.errors).toBe(1);
    });
});

describe('the trend of check-ins', () => {
    it('gives a KPI with two check-ins a small chart of actual against plan, with its words', async () => {
        const tree = await treeOf({ 'p.okr': example('plastering/plastering.okr') });
        const kpi = tree.objectives[0].keyResults[0].processes[0].stages[1].kpis[0];
        expect(kpi.trend?.points.map(point => [point.period, point.actual, point.plan, point.status])).toEqual([['2026-01', 30.5, 32, 'on-track'], ['2026-02', 27, 32, 'at-risk']]);
        expect(kpi.trend?.caption).toBe('Trend, actual · plan: 2026-01 30.5 · 32, 2026-02 27 · 32');
        const html = renderTree(tree);
        expect(html).toContain('<svg class="okr-trend" role="img" aria-label="Trend, actual · plan: 2026-01 30.5 · 32, 2026-02 27 · 32"');
        expect(html).toContain('okr-trend-dot okr-status-at-risk');
        // One check-in is no trend.
        expect(tree.objectives[0].keyResults[0].trend).toBeNull();
    });
});

describe('status colours', () => {
    it('agrees with the diagnostics at exactly the tolerance (7 against 6.3 is -10 %: on track, no warning)', async () => {
        const text = example('plastering/plastering.okr').replace('target 32', 'target 7').replace(/  actual 2026-01 30\.5\n  actual 2026-02 27 cause "two plasterers on sick leave"\n/, '  actual 2026-03 6.3\n');
        const tree = await treeOf({ 'p.okr': text });
        const kpi = tree.objectives[0].keyResults[0].processes[0].stages[1].kpis[0];
        expect(kpi.latestActual).toMatchObject({ deviation: '-10%', status: 'on-track' });
        expect(kpi.badges.map(badge => badge.code)).not.toContain('kpi-behind-plan');
    });

    const plan = (actual: string) => example('plastering/plastering.okr').replace(/  actual 2026-01 30\.5\n  actual 2026-02 27 cause "two plasterers on sick leave"\n/, `  actual 2026-03 ${actual}\n`);
    for (const [actual, status] of [['33', 'on-track'], ['30', 'on-track'], ['28', 'at-risk'], ['20', 'off-track']] as const) {
        it(`marks an actual of ${actual} against 32 as ${status}`, async () => {
            const tree = await treeOf({ 'p.okr': plan(actual) });
            const kpi = tree.objectives[0].keyResults[0].processes[0].stages[1].kpis[0];
            expect(kpi.status).toBe(status);
            expect(renderTree(tree)).toContain(`okr-actual okr-status-${status}`);
        });
    }
});

describe('hostile text', () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</style><script>alert(2)</script>', "' onmouseover='alert(3)"];
    it('renders every label, cause and owner as text', async () => {
        const text = `unit m2 "${hostile[0]}"\nteam T "${hostile[1].replace(/"/g, '\\"')}" { headcount 2 }\nobjective O "${hostile[2]}" {\n  keyresult K "${hostile[3]}" { target 10 m2 per month via P }\n}\nprocess P "${hostile[1].replace(/"/g, '\\"')}" {\n  stage S "${hostile[0]}" { output m2 team T }\n}\nkpi X "${hostile[2]}" { of P.S per person per day actual 2026-01 0.1 cause "${hostile[0]}" }\n`;
        const tree = await treeOf({ 'h.okr': text });
        const { html } = renderDocument(tree, { kind: 'standalone', script: 'void 0;', style: 'body{}' });
        // The page carries the tree as inert JSON; the outline is drawn from it by the same renderTree.
        const markup = html + renderTree(tree);
        expect(html).toContain('\\u003cscript\\u003ealert(1)');
        expect(markup).not.toMatch(/<img/i);
        expect(markup).not.toContain('<script>alert');
        expect(markup).not.toMatch(/<\/style><script/i);
        expect(markup).not.toContain("' onmouseover='");
        expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        // exactly the page's own script, and the tree's inert data block
        expect(html.match(/<script/g)).toHaveLength(2);
        expect(html.match(/<script type="application\/json"/g)).toHaveLength(1);
    });
});

describe('the page', () => {
    it('has a strict CSP with a fresh nonce and no remote origin (okr preview)', () => {
        const out = path.join(mkdtempSync(path.join(tmpdir(), 'okr-preview-')), 'tree.html');
        const run = runOkr(['preview', 'examples', '-o', out], ROOT);
        expect(run.status).toBe(0);
        const html = readFileSync(out, 'utf8');
        const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
        expect(csp).toContain("default-src 'none'");
        const nonce = csp.match(/script-src 'nonce-([0-9a-f]+)'/)![1];
        expect(nonce.length).toBeGreaterThanOrEqual(32);
        // Every script and style element carries the nonce (the script's own text may hold markup as strings).
        const outsideScripts = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
        for (const tag of outsideScripts.match(/<(script|style)[^>]*>/g)!) expect(tag).toContain(`nonce="${nonce}"`);
        expect(html).not.toMatch(/(src|href)="https?:/);
        // The SVG namespace is a name, not a fetch.
        expect(html).not.toMatch(/https?:\/\/(?!json\.schemastore|www\.w3\.org\/2000\/svg")/);
        expect(html).toContain('31.7');
        expect(html).toContain('m²/person/day');
        const again = path.join(path.dirname(out), 'again.html');
        runOkr(['preview', 'examples', '-o', again], ROOT);
        expect(readFileSync(again, 'utf8').match(/'nonce-([0-9a-f]+)'/)![1]).not.toBe(nonce);
    });

    it('allows the webview only its own resource origin', async () => {
        const tree = await treeOf({ 'p.okr': example('plastering/plastering.okr') });
        const { html, nonce } = renderDocument(tree, { kind: 'webview', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css' });
        expect(html).toContain(`script-src 'nonce-${nonce}'`);
        expect(html).toContain(`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js"></script>`);
        expect(html).not.toContain("'unsafe-inline'");
    });

    it('exits 2 with a usage message without -o', () => {
        const run = runOkr(['preview', '.'], folderWith({ 'a.okr': 'unit a\n' }));
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('okr preview <paths…> -o tree.html');
    });
});

describe('the tree under a scenario (spec §9)', () => {
    const files = { 'plastering.okr': example('plastering/plastering.okr'), 'scenarios.okr': example('plastering/scenarios.okr') };

    async function scenarioTree(name: string | undefined, language: 'en' | 'ru' = 'en'): Promise<KpiTree> {
        const workspace = await buildWorkspace(files, language);
        const base = workspace.services.plan.PlanWorkspace.current();
        const scenario = name === undefined ? undefined : { name, plan: new ScenarioPlanWorkspace(workspace.services, name).current() };
        return kpiTreeWithScenarios(base, workspace.services.i18n.Messages, [...workspace.documents.values()], scenario);
    }

    it('lists the scenarios for the picker and, under one, puts the plan\'s figure and the change on each node it moves', async () => {
        const plan = await scenarioTree(undefined);
        expect(plan.scenarios).toEqual([{ name: 'Hire', label: 'Hire two plasterers' }]);
        expect(plan.scenario).toBeNull();
        expect(JSON.stringify(plan)).not.toContain('"change"');
        const tree = await scenarioTree('Hire');
        expect(tree.scenario).toBe('Hire');
        const [handover, plastering] = tree.objectives[0].keyResults[0].processes[0].stages;
        expect(handover).toMatchObject({ requirement: '12 houses/month', change: { before: '10 houses/month', delta: '+20%' } });
        expect(plastering.kpis[0]).toMatchObject({ figure: '20.6', change: { before: '31.7 m²/person/day', delta: '-35.2%' } });
        const html = renderTree(tree);
        expect(html).toContain('<span class="okr-change">plan 31.7 m²/person/day · -35.2%</span>');
        expect(html).toMatch(/<li class="okr-node okr-kpi okr-status-[a-z-]+ okr-changed"/);
        const svg = renderDiagramSvg(tree, layoutDiagram(diagramItems(tree)), { standalone: true });
        expect(svg).toContain('plan 31.7 m²/person/day · -35.2%');
        expect(svg).toContain('okr-card okr-card-kpi okr-changed');
    });

    it('words the picker and the plan\'s figure in Russian', async () => {
        const tree = await scenarioTree('Hire', 'ru');
        expect(tree.scenarioWords).toEqual({ picker: 'Сценарий', plan: 'План' });
        expect(renderTree(tree)).toContain('<span class="okr-change">по плану 31.7 m²/чел./день · -35.2%</span>');
    });
});
