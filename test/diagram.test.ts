/**
 * The KPI tree as a diagram: the tidy-tree layout (no overlapping cards, parents left of their
 * children, siblings in the plan's order, the same layout every time), collapsing, the filter,
 * the large-plan default, what flows on an edge, and the SVG file (self-contained, hostile
 * labels inert) through `okr preview --format svg`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildKpiTree } from '../packages/language/src/plan/kpi-tree.js';
import {
    CARD_HEIGHT,
    CARD_WIDTH,
    defaultCollapsed,
    diagramItems,
    itemAt,
    layoutDiagram,
    renderDiagramSvg,
    renderDocument,
    type DiagramLayout,
    type KpiTree
} from '../packages/preview/src/index.js';
import { buildWorkspace } from '../packages/language/test/workspace.js';
import { runOkr } from '../packages/cli/test/run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const example = (name: string) => readFileSync(path.join(ROOT, 'examples', name), 'utf8');

async function treeOf(files: Record<string, string>): Promise<KpiTree> {
    const workspace = await buildWorkspace(files);
    return buildKpiTree(workspace.services.plan.PlanWorkspace.current(), workspace.services.i18n.Messages);
}

const allExamples = () => ({
    'plastering.okr': example('plastering/plastering.okr'),
    'blog.okr': example('blog/blog.okr'),
    'anti.okr': example('anti-patterns/anti-patterns.okr')
});

/** A plan like bench/generate-plan.mjs writes: `processes` funnels of four stages, `kpis` KPIs per stage. */
function companyPlan(processes: number, kpis: number): Record<string, string> {
    const files: Record<string, string> = { 'units.okr': 'unit lead\nunit call\nunit meeting\nunit deal\n' };
    for (let p = 0; p < processes; p++) {
        let text = `team T${p} { headcount 3 }\nobjective Goal${p} { keyresult Deals { target ${5 + p} deal per month via Sales${p} } }\n`;
        text += `process Sales${p} {\n  stage Leads { output lead team T${p} }\n  stage Calls { output call team T${p} needs 1 lead per call }\n`;
        text += `  stage Meetings { output meeting team T${p} conversion 10%..14% }\n  stage Deals { output deal team T${p} conversion 20%..30% }\n}\n`;
        for (const stage of ['Leads', 'Calls', 'Meetings', 'Deals']) for (let k = 0; k < kpis; k++) text += `kpi ${stage}${p}x${k} { of Sales${p}.${stage} per person per day }\n`;
        files[`u${p}.okr`] = text;
    }
    return files;
}

function expectNoOverlap(layout: DiagramLayout): void {
    const byColumn = new Map<number, { y: number; id: string }[]>();
    for (const card of layout.cards) {
        const column = byColumn.get(card.x) ?? [];
        column.push({ y: card.y, id: card.item.id });
        byColumn.set(card.x, column);
    }
    // Cards share a size, so columns never meet; in a column, each card starts below the one above.
    const columns = [...byColumn.keys()].sort((a, b) => a - b);
    for (let i = 1; i < columns.length; i++) expect(columns[i] - columns[i - 1]).toBeGreaterThanOrEqual(CARD_WIDTH);
    for (const column of byColumn.values()) {
        const ys = column.map(card => card.y).sort((a, b) => a - b);
        for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(CARD_HEIGHT);
    }
}

describe('the diagram layout', () => {
    it('places every card without overlap, each parent left of its children, siblings in plan order', async () => {
        const tree = await treeOf(allExamples());
        const layout = layoutDiagram(diagramItems(tree));
        expect(layout.cards.length).toBeGreaterThan(15);
        expectNoOverlap(layout);
        const byId = new Map(layout.cards.map(card => [card.item.id, card]));
        for (const card of layout.cards) {
            if (card.parentId === null) continue;
            const parent = byId.get(card.parentId)!;
            expect(parent.x + CARD_WIDTH).toBeLessThan(card.x);
        }
        const construction = tree.objectives.find(objective => objective.name === 'Deliver')!.keyResults[0].processes[0];
        const [handover, plastering] = construction.stages.map(stage => byId.get(stage.id)!);
        expect(handover.y).toBeLessThan(plastering.y);
        // Objectives in the first column, KPIs in the last, top to bottom in the plan's order.
        const objectives = layout.cards.filter(card => card.item.kind === 'objective');
        expect(objectives.map(card => card.x)).toEqual(objectives.map(() => 0));
        expect(objectives.map(card => card.item.id)).toEqual([...objectives].sort((a, b) => a.y - b.y).map(card => card.item.id));
        expect(byId.get(plastering.item.children[0].id)!.depth).toBe(4);
        expect(layout.width).toBe(Math.max(...layout.cards.map(card => card.x)) + CARD_WIDTH);
    });

    it('is the same layout every time for the same tree', async () => {
        const first = layoutDiagram(diagramItems(await treeOf(allExamples())));
        const second = layoutDiagram(diagramItems(await treeOf(allExamples())));
        expect(second.cards.map(card => [card.item.id, card.x, card.y])).toEqual(first.cards.map(card => [card.item.id, card.x, card.y]));
    });

    it('hides the children of a collapsed node and shows sections for the orphans', async () => {
        const tree = await treeOf(allExamples());
        const items = diagramItems(tree);
        const process = tree.objectives[0].keyResults[0].processes[0];
        const layout = layoutDiagram(items, { collapsed: new Set([process.id]) });
        const ids = new Set(layout.cards.map(card => card.item.id));
        expect(ids.has(process.id)).toBe(true);
        expect(ids.has(process.stages[0].id)).toBe(false);
        expect(layout.cards.find(card => card.item.id === process.id)).toMatchObject({ expandable: true, collapsed: true });
        expect(items.map(item => item.kind)).toContain('section');
        // …unless the node is opened for the editor's cursor.
        const opened = layoutDiagram(items, { collapsed: new Set([process.id]), open: new Set([process.id]) });
        expect(opened.cards.some(card => card.item.id === process.stages[0].id)).toBe(true);
    });

    it('finds the innermost declaration under the cursor (the KPI, not its file-level neighbours)', async () => {
        const tree = await treeOf(allExamples());
        const items = diagramItems(tree);
        const kpi = tree.objectives.find(objective => objective.name === 'Deliver')!.keyResults[0].processes[0].stages[1].kpis[0];
        const at = kpi.location!;
        expect(itemAt(items, { uri: at.uri, line: at.startLine + 1, character: 2 })).toBe(kpi.id);
        expect(itemAt(items, { uri: at.uri, line: 0, character: 0 })).toBeUndefined();
        expect(itemAt(items, { uri: 'file:///elsewhere.okr', line: at.startLine, character: at.startCharacter })).toBeUndefined();
    });

    it('filters to the matches, their ancestors (opened) and their descendants', async () => {
        const tree = await treeOf(allExamples());
        const items = diagramItems(tree);
        const houses = tree.objectives[0].keyResults[0];
        const layout = layoutDiagram(items, { filter: 'plasterrate', collapsed: new Set([houses.id]) });
        expect(layout.cards.map(card => card.item.node?.name)).toEqual(['Deliver', 'Deliver.Houses', 'Construction', 'Construction.Plastering', 'PlasterRate']);
        expect(layoutDiagram(items, { filter: 'no such name' }).cards).toEqual([]);
    });

    it('writes what flows on the edges into stages (the flow clause as the engine applied it)', async () => {
        const tree = await treeOf(companyPlan(1, 1));
        const stages = tree.objectives[0].keyResults[0].processes[0].stages;
        expect(stages.map(stage => [stage.name, stage.flow])).toEqual([
            ['Sales0.Deals', null],
            ['Sales0.Meetings', 'conversion 20–30%'],
            ['Sales0.Calls', 'conversion 10–14%'],
            ['Sales0.Leads', 'needs 1 lead/call']
        ]);
        const layout = layoutDiagram(diagramItems(tree));
        expect(layout.edges.find(edge => edge.to === stages[3].id)?.label).toBe('needs 1 lead/call');
        const plastering = (await treeOf({ 'p.okr': example('plastering/plastering.okr') })).objectives[0].keyResults[0].processes[0].stages[1];
        expect(plastering.flow).toBe('needs 200 m²/house');
    });

    it('opens a large plan collapsed to key results, and stays tidy when expanded', async () => {
        const tree = await treeOf(companyPlan(20, 3));
        const items = diagramItems(tree);
        const collapsed = defaultCollapsed(items);
        expect(collapsed).toHaveLength(20);
        const closed = layoutDiagram(items, { collapsed: new Set(collapsed) });
        expect(new Set(closed.cards.map(card => card.item.kind))).toEqual(new Set(['objective', 'keyresult']));
        const open = layoutDiagram(items);
        expect(open.cards).toHaveLength(20 * (3 + 4 * 4));
        expectNoOverlap(open);
        expect(defaultCollapsed(diagramItems(await treeOf(allExamples())))).toEqual([]);
    });
});

describe('the diagram as SVG', () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]><svg onload=alert(2)>', "' onmouseover='alert(3)"];
    const hostilePlan = () =>
        `unit m2 "${hostile[0]}"\nteam T "x" { headcount 2 }\nobjective O "${hostile[2]}" {\n  keyresult K "${hostile[3]}" { target 10 m2 per month via P }\n}\n` +
        `process P "${hostile[1].replace(/"/g, '\\"')}" {\n  stage S "${hostile[0]}" { output m2 team T }\n}\nkpi X "${hostile[2]}\u0001" { of P.S per person per day actual 2026-01 0.1 cause "${hostile[0]}" }\n`;

    it('keeps hostile labels inert: escaped text, no script, no handler, valid XML characters', async () => {
        const tree = await treeOf({ 'h.okr': hostilePlan() });
        const svg = renderDiagramSvg(tree, layoutDiagram(diagramItems(tree)), { standalone: true });
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg).not.toMatch(/<script|<img|<svg onload|<foreignObject|href=/i);
        // No tag the renderer wrote has a handler (label text is escaped, so `<` only opens real tags).
        for (const tag of svg.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son\w+\s*=/i);
        expect(svg).not.toContain("' onmouseover='");
        expect(svg).toContain('&lt;svg onload=alert(2)&gt;');
        expect(svg).not.toMatch(/[\u0000-\u0008]/);
        // Every tag the renderer opens, it closes (nothing in a label opened one).
        const opened = (svg.match(/<(g|text|title|style|svg)[\s>]/g) ?? []).length;
        const closed = (svg.match(/<\/(g|text|title|style|svg)>/g) ?? []).length;
        expect(opened).toBe(closed);
    });

    it('keeps hostile labels inert in the page too (diagram data and outline)', async () => {
        const tree = await treeOf({ 'h.okr': hostilePlan() });
        const { html } = renderDocument(tree, { kind: 'standalone', script: 'void 0;', style: 'body{}' });
        expect(html).not.toMatch(/<img|<script>alert|<svg onload/i);
        expect(html).not.toMatch(/<\/script>(?![\s\S]*<\/body>)/);
        // The data block cannot be closed from inside: no `<` in it at all.
        const data = html.match(/<script type="application\/json" id="okr-tree-data"[^>]*>([\s\S]*?)<\/script>/)![1];
        expect(data).not.toContain('<');
        expect(JSON.parse(data).objectives[0].label).toBe(hostile[2]);
    });

    it('is written by okr preview --format svg: a self-contained file with the derived figures', () => {
        const out = path.join(mkdtempSync(path.join(tmpdir(), 'okr-svg-')), 'tree.svg');
        const run = runOkr(['preview', 'examples', '--format', 'svg', '-o', out], ROOT);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const svg = readFileSync(out, 'utf8');
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg).toContain('31.7 m²/person/day');
        expect(svg).toContain('needs 200 m²/house');
        expect(svg).toContain('✓');
        expect(svg).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    });

    it('is the picture in the README (docs/kpi-tree.svg is what okr preview writes for the plastering example)', () => {
        const out = path.join(mkdtempSync(path.join(tmpdir(), 'okr-svg-')), 'kpi-tree.svg');
        expect(runOkr(['preview', 'examples/plastering', '-o', out], ROOT).status).toBe(0);
        // If this fails after a change to the diagram: node packages/cli/bin/okr.js preview examples/plastering -o docs/kpi-tree.svg
        expect(readFileSync(path.join(ROOT, 'docs/kpi-tree.svg'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    });

    it('takes the format from the file name (tree.svg) and says so for an unknown one', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'okr-svg-'));
        expect(runOkr(['preview', 'examples/plastering', '-o', path.join(dir, 'a.svg')], ROOT).status).toBe(0);
        expect(readFileSync(path.join(dir, 'a.svg'), 'utf8')).toMatch(/^<svg /);
        const bad = runOkr(['preview', 'examples', '--format', 'png', '-o', path.join(dir, 'a.png')], ROOT);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain("'png' is not a format of 'preview' (use html, svg)");
    });
});
