// What drawing the KPI-tree diagram costs on a company-sized plan: the tree the server sends,
// then the shared layout and SVG (in Node: what the webview computes and what `okr preview
// --format svg` writes), and, when Chromium is there, the preview page itself: first paint,
// "Expand all", one key result expanded, one zoom step (each until the next frame).
// Usage: node bench/diagram.mjs DIR   (DIR from: node bench/generate-plan.mjs DIR 300 3)
import '../packages/language/groupby-shim.mjs';
import { buildKpiTree, createOkrServices } from '../packages/language/out/index.js';
import { defaultCollapsed, diagramItems, layoutDiagram, renderDiagramSvg, renderDocument } from '../packages/preview/out/index.js';
import { EmptyFileSystemProvider, URI } from 'langium';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2];
if (!dir) {
    console.error('usage: node bench/diagram.mjs DIR');
    process.exit(2);
}
const files = readdirSync(dir).filter(name => name.endsWith('.okr')).sort();
const texts = new Map(files.map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
class MemoryFileSystem extends EmptyFileSystemProvider {
    async readFile(uri) {
        return texts.get(path.basename(uri.path));
    }
}
const services = createOkrServices({ fileSystemProvider: () => new MemoryFileSystem() });
const { shared, Okr } = services;
const documents = files.map(name => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(texts.get(name), URI.file(path.resolve(dir, name)));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
await shared.workspace.DocumentBuilder.build(documents, { validation: true });

const median = run => {
    const times = [];
    let result;
    for (let i = 0; i < 7; i++) {
        const start = performance.now();
        result = run();
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { ms: times[3], result };
};

const tree = median(() => buildKpiTree(Okr.plan.PlanWorkspace.current(), Okr.i18n.Messages, shared.workspace.LangiumDocuments.all));
const items = diagramItems(tree.result);
const collapsed = new Set(defaultCollapsed(items));
const opened = median(() => layoutDiagram(items, { collapsed }));
const full = median(() => layoutDiagram(items));
const svgOpened = median(() => renderDiagramSvg(tree.result, opened.result, { standalone: false }));
const svgFull = median(() => renderDiagramSvg(tree.result, full.result, { standalone: true }));
console.log(`${files.length} files, ${tree.result.counts.kpis} KPIs, ${full.result.cards.length} nodes`);
console.log(`tree for the preview (server): median ${tree.ms.toFixed(0)} ms`);
console.log(`layout, opened (key results collapsed, ${opened.result.cards.length} cards): ${opened.ms.toFixed(1)} ms; its SVG ${svgOpened.ms.toFixed(1)} ms`);
console.log(`layout, all expanded (${full.result.cards.length} cards): ${full.ms.toFixed(1)} ms; SVG file ${svgFull.ms.toFixed(0)} ms, ${(svgFull.result.length / 1e6).toFixed(1)} MB`);

const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
    console.log(`(no Chromium at ${chromium}: the page itself is not measured)`);
    process.exit(0);
}
const { chromium: playwright } = await import('playwright-core');
const media = file => readFileSync(new URL(`../packages/preview/media/${file}`, import.meta.url), 'utf8');
const page = path.join(mkdtempSync(path.join(tmpdir(), 'okr-bench-')), 'tree.html');
writeFileSync(page, renderDocument(tree.result, { kind: 'standalone', script: media('preview.js'), style: media('preview.css') }).html);
const browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await tab.goto(`file://${page}`);
    await tab.waitForSelector('.okr-card');
    // From the start of navigation to the first cards drawn, as the page's own clock says.
    const firstPaint = await tab.evaluate(`performance.getEntriesByName('okr-diagram-drawn')[0].startTime`);
    const frame = 'new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))';
    const timed = action => tab.evaluate(`(async () => { const start = performance.now(); ${action}; await ${frame}; return performance.now() - start; })()`);
    const expandAll = await timed(`document.querySelector('[data-action="expand-all"]').click()`);
    const drawnExpanded = await tab.locator('.okr-card').count();
    await timed(`document.querySelector('[data-action="collapse-all"]').click()`);
    await timed(`document.querySelector('[data-action="fit"]').click()`);
    // Open the first objective again, so its key result (collapsed) can be expanded.
    await timed(`document.querySelector('.okr-card-objective [data-toggle]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`);
    const expandOne = await timed(`document.querySelector('.okr-card-keyresult [data-toggle]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`);
    const zoom = await timed(`document.getElementById('okr-diagram').dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: 400, clientY: 300, bubbles: true, cancelable: true }))`);
    console.log(`page (${(readFileSync(page).length / 1e6).toFixed(1)} MB): first paint of the diagram ${firstPaint.toFixed(0)} ms (load, parse, layout, draw)`);
    console.log(`page: expand all ${expandAll.toFixed(0)} ms (${drawnExpanded} cards drawn near the screen); expand one key result ${expandOne.toFixed(0)} ms; zoom step ${zoom.toFixed(0)} ms`);
} finally {
    await browser.close();
}
