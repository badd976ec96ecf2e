/**
 * The preview's script, in the webview and in the standalone file. Two views of one tree: the
 * Diagram (default, see diagram.ts) and the Outline. It keeps the view's state (view, collapsed
 * nodes, zoom, filter, scroll) through hide/show and reloads via the webview state API,
 * re-renders on `update` messages without flicker, highlights the node under the editor's
 * cursor, asks the editor to reveal a declaration when a node is clicked, and answers exports.
 */
import { headerTexts, renderTree } from '../src/render.js';
import type { ExportFormat, FromWebviewMessage, ToWebviewMessage } from '../src/messages.js';
import type { KpiTree } from '../src/tree.js';
import { DiagramView, type DiagramState } from './diagram.js';
import { svgToPng } from './export.js';
import { renderCompareControl, showChosenRevision, type CompareHost } from './compare-control.js';

type View = 'diagram' | 'outline';

interface ViewState {
    view: View;
    collapsed: string[];
    diagram: DiagramState;
    filter: string;
    scrollY: number;
    /** The git revision the preview compares with (issue 14), `''` when not comparing. */
    compareWith: string;
}

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const root = document.getElementById('okr-root')!;
const diagramBox = document.getElementById('okr-diagram')!;
const filterBox = document.getElementById('okr-filter') as HTMLInputElement;

let state: ViewState = readState();
let lastHighlight: { uri: string; line: number; character: number } | undefined;

function readState(): ViewState {
    const saved = vscode?.getState() as Partial<ViewState> | undefined;
    const diagram = saved?.diagram;
    const transform = diagram?.transform;
    const soundTransform = transform && [transform.x, transform.y, transform.k].every(Number.isFinite) && transform.k > 0 ? transform : null;
    return {
        view: saved?.view === 'outline' ? 'outline' : 'diagram',
        collapsed: strings(saved?.collapsed) ?? [],
        diagram: { collapsed: strings(diagram?.collapsed), transform: soundTransform },
        filter: typeof saved?.filter === 'string' ? saved.filter : '',
        scrollY: typeof saved?.scrollY === 'number' ? saved.scrollY : 0,
        compareWith: typeof saved?.compareWith === 'string' ? saved.compareWith : ''
    };
}

function strings(value: unknown): string[] | null {
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : null;
}

function saveState(): void {
    vscode?.setState(state);
}

function applyCollapsed(): void {
    const collapsed = new Set(state.collapsed);
    for (const node of root.querySelectorAll<HTMLElement>('.okr-node[aria-expanded]')) {
        const isCollapsed = collapsed.has(node.dataset.id ?? '');
        node.classList.toggle('okr-collapsed', isCollapsed);
        node.setAttribute('aria-expanded', String(!isCollapsed));
    }
}

/**
 * Shows nodes whose name or label contains the filter, with their ancestors (opened, even when
 * collapsed, without changing what the user collapsed) and descendants; empty sections hide.
 */
function applyFilter(): void {
    const query = state.filter.trim().toLowerCase();
    const nodes = [...root.querySelectorAll<HTMLElement>('.okr-node')];
    const visible = new Set<HTMLElement>();
    const opened = new Set<HTMLElement>();
    if (query) {
        for (const node of nodes) {
            if (!(node.dataset.search ?? '').includes(query)) continue;
            for (let up = node.parentElement; up && root.contains(up); up = up.parentElement) {
                if (up.classList.contains('okr-node')) {
                    visible.add(up);
                    opened.add(up);
                }
            }
            visible.add(node);
            for (const below of node.querySelectorAll<HTMLElement>('.okr-node')) visible.add(below);
        }
    }
    for (const node of nodes) {
        node.classList.toggle('okr-filtered-out', query !== '' && !visible.has(node));
        node.classList.toggle('okr-filter-open', opened.has(node));
    }
    for (const group of root.querySelectorAll<HTMLElement>('.okr-group')) {
        group.hidden = query !== '' && !group.querySelector('.okr-node:not(.okr-filtered-out)');
    }
}

/** The rows a user can see, in order: what the arrow keys move through. */
function visibleRows(): HTMLElement[] {
    return [...root.querySelectorAll<HTMLElement>('.okr-row')].filter(row => row.offsetParent !== null);
}

/** One tab stop for the whole tree: the current row has tabindex 0, the others -1. */
function setCurrentRow(row: HTMLElement | undefined, focus = false): void {
    for (const other of root.querySelectorAll<HTMLElement>('.okr-row[tabindex="0"]')) other.tabIndex = -1;
    const current = row ?? visibleRows()[0];
    if (!current) return;
    current.tabIndex = 0;
    if (focus) current.focus();
}

function applyHighlight(): void {
    for (const node of root.querySelectorAll('.okr-highlight')) node.classList.remove('okr-highlight');
    if (!lastHighlight) return;
    const { uri, line, character } = lastHighlight;
    let best: HTMLElement | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    for (const row of root.querySelectorAll<HTMLElement>('.okr-row[data-uri]')) {
        if (row.dataset.uri !== uri) continue;
        const [startLine, startCharacter] = (row.dataset.start ?? '').split(':').map(Number);
        const [endLine, endCharacter] = (row.dataset.end ?? '').split(':').map(Number);
        const afterStart = line > startLine || (line === startLine && character >= startCharacter);
        const beforeEnd = line < endLine || (line === endLine && character <= endCharacter);
        const size = (endLine - startLine) * 10_000 + (endCharacter - startCharacter);
        if (afterStart && beforeEnd && size < bestSize) {
            best = row.parentElement ?? undefined;
            bestSize = size;
        }
    }
    if (!best) return;
    best.classList.add('okr-highlight');
    const rect = best.getBoundingClientRect();
    if (rect.top < 48 || rect.bottom > window.innerHeight) best.scrollIntoView({ block: 'center' });
}

function render(tree: KpiTree): void {
    const texts = headerTexts(tree);
    document.documentElement.lang = tree.language;
    document.getElementById('okr-title')!.textContent = texts.title;
    document.getElementById('okr-counts')!.textContent = texts.counts;
    document.getElementById('okr-collapse-all')!.textContent = texts.collapseAll;
    document.getElementById('okr-expand-all')!.textContent = texts.expandAll;
    document.getElementById('okr-view-diagram')!.textContent = texts.diagram;
    document.getElementById('okr-view-outline')!.textContent = texts.outline;
    document.getElementById('okr-fit')!.textContent = texts.fitToView;
    for (const [id, text] of [['okr-zoom-in', texts.zoomIn], ['okr-zoom-out', texts.zoomOut]]) {
        document.getElementById(id)!.title = text;
        document.getElementById(id)!.setAttribute('aria-label', text);
    }
    diagramBox.setAttribute('aria-label', texts.diagram);
    document.getElementById('okr-diagram-svg')!.setAttribute('aria-label', texts.title);
    filterBox.placeholder = texts.filterPlaceholder;
    filterBox.setAttribute('aria-label', texts.filterPlaceholder);
    renderScenarioPicker(tree);
    renderCompareControl(tree, compareHost);
    currentTree = tree;
    outlineDrawn = false;
    diagram.setTree(tree);
    // The cursor may have moved before this tree came (or onto a node it did not have yet).
    diagram.highlight(lastHighlight && lastHighlight.uri !== '' ? lastHighlight : undefined);
    if (state.view === 'outline') renderOutline();
}

/**
 * The scenario picker (spec §9): the plan and each of its scenarios, in the header, only in the
 * editor (a file cannot ask the server for another tree) and only when the plan has scenarios.
 * Choosing one asks the extension for the tree under it.
 */
function renderScenarioPicker(tree: KpiTree): void {
    let picker = document.getElementById('okr-scenario') as HTMLSelectElement | null;
    const scenarios = tree.scenarios ?? [];
    if (!vscode || scenarios.length === 0 || !tree.scenarioWords) {
        picker?.remove();
        return;
    }
    if (!picker) {
        picker = document.createElement('select');
        picker.id = 'okr-scenario';
        picker.className = 'okr-scenario';
        picker.addEventListener('change', () => {
            // One question at a time: a scenario stops comparing with a revision (the extension does the same).
            if (picker!.value !== '' && state.compareWith !== '') setCompareWith('');
            vscode?.postMessage({ type: 'scenario', name: picker!.value });
        });
        document.getElementById('okr-counts')!.after(picker);
    }
    picker.setAttribute('aria-label', tree.scenarioWords.picker);
    picker.title = tree.scenarioWords.picker;
    const options = [{ value: '', text: tree.scenarioWords.plan }, ...scenarios.map(s => ({ value: s.name, text: s.label ? `${s.name} — ${s.label}` : s.name }))];
    picker.replaceChildren(...options.map(({ value, text }) => {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = text;
        return option;
    }));
    picker.value = tree.scenario ?? '';
    document.body.classList.toggle('okr-under-scenario', Boolean(tree.scenario));
}

const compareHost: CompareHost | undefined = vscode && {
    revision: () => state.compareWith,
    choose(revision) {
        if (revision === state.compareWith) return; // a suggestion picked, then Enter: one request
        setCompareWith(revision);
        vscode.postMessage({ type: 'compareWith', revision });
    }
};

function setCompareWith(revision: string): void {
    state = { ...state, compareWith: revision };
    saveState();
    showChosenRevision(revision);
}

/**
 * The outline is drawn when it is shown, not before: at company size its thousands of rows
 * would cost the diagram's first paint a second.
 */
function renderOutline(): void {
    if (!currentTree || outlineDrawn) return;
    outlineDrawn = true;
    const scrollY = window.scrollY;
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.okr-node')?.dataset.id;
    root.innerHTML = renderTree(currentTree);
    applyCollapsed();
    applyFilter();
    applyHighlight();
    // Keep the keyboard where it was: the same node, if it is still there.
    const again = focused ? [...root.querySelectorAll<HTMLElement>('.okr-node')].find(node => node.dataset.id === focused) : undefined;
    setCurrentRow(again?.querySelector<HTMLElement>(':scope > .okr-row') ?? undefined, again !== undefined);
    window.scrollTo(0, scrollY);
}

root.addEventListener('click', event => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('.okr-row');
    if (!row) return;
    const node = row.parentElement!;
    if (target.classList.contains('okr-toggle')) {
        toggle(node);
        return;
    }
    reveal(row);
});

root.addEventListener('keydown', event => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.okr-row');
    if (!row) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Home' || event.key === 'End') {
        const rows = visibleRows();
        const index = rows.indexOf(row);
        const next = event.key === 'Home' ? rows[0] : event.key === 'End' ? rows.at(-1) : rows[index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (next) setCurrentRow(next, true);
        event.preventDefault();
        return;
    }
    if (event.key === 'Enter') reveal(row);
    if (event.key === ' ' || event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        const node = row.parentElement!;
        const collapsed = node.classList.contains('okr-collapsed');
        if (event.key === ' ' || (event.key === 'ArrowLeft') !== collapsed) toggle(node);
        event.preventDefault();
    }
});

function toggle(node: HTMLElement): void {
    if (!node.hasAttribute('aria-expanded')) return;
    const id = node.dataset.id ?? '';
    const collapsed = new Set(state.collapsed);
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    state = { ...state, collapsed: [...collapsed] };
    saveState();
    applyCollapsed();
}

function reveal(row: HTMLElement): void {
    if (!vscode || !row.dataset.uri || !row.dataset.start) return;
    const [line, character] = row.dataset.start.split(':').map(Number);
    vscode.postMessage({ type: 'reveal', uri: row.dataset.uri, line, character });
}

document.addEventListener('click', event => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action], [data-view]');
    if (target?.dataset.view) {
        showView(target.dataset.view === 'outline' ? 'outline' : 'diagram');
        return;
    }
    const action = target?.dataset.action;
    const inDiagram = state.view === 'diagram';
    if (action === 'zoom-in') diagram.zoomBy(1.25);
    else if (action === 'zoom-out') diagram.zoomBy(0.8);
    else if (action === 'fit') diagram.fit();
    else if (action === 'collapse-all' && inDiagram) diagram.collapseAll();
    else if (action === 'expand-all' && inDiagram) diagram.expandAll();
    else if (action === 'collapse-all' || action === 'expand-all') {
        const collapsed = action === 'collapse-all' ? [...root.querySelectorAll<HTMLElement>('.okr-node[aria-expanded]')].map(node => node.dataset.id ?? '') : [];
        state = { ...state, collapsed };
        saveState();
        applyCollapsed();
    }
});

function showView(view: View): void {
    state = { ...state, view };
    saveState();
    root.hidden = view !== 'outline';
    diagramBox.hidden = view !== 'diagram';
    document.body.classList.toggle('okr-view-diagram', view === 'diagram');
    document.body.classList.toggle('okr-view-outline', view === 'outline');
    for (const button of document.querySelectorAll<HTMLElement>('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === view));
    if (view === 'diagram') diagram.shown();
    else {
        renderOutline();
        window.scrollTo(0, state.scrollY);
    }
}

filterBox.value = state.filter;
filterBox.addEventListener('input', () => {
    state = { ...state, filter: filterBox.value };
    saveState();
    applyFilter();
    diagram.setFilter(state.filter);
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
    if (state.view !== 'outline') return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
        state = { ...state, scrollY: window.scrollY };
        saveState();
    }, 100);
});

window.addEventListener('message', event => {
    const message = event.data as ToWebviewMessage;
    if (message?.type === 'update' && message.tree && Array.isArray(message.tree.objectives) && message.tree.words) {
        render(message.tree);
    } else if (message?.type === 'highlight' && typeof message.uri === 'string' && Number.isInteger(message.line) && Number.isInteger(message.character)) {
        lastHighlight = { uri: message.uri, line: message.line, character: message.character };
        applyHighlight();
        diagram.highlight(message.uri === '' ? undefined : lastHighlight);
    } else if (message?.type === 'export' && (message.format === 'svg' || message.format === 'png')) {
        void exportDiagram(message.format);
    }
});

/** Answers an export with the diagram as shown; an empty answer when it could not be drawn. */
async function exportDiagram(format: ExportFormat): Promise<void> {
    const { svg, width, height } = diagram.exportSvg();
    let data = '';
    try {
        data = format === 'svg' ? svg : svg ? await svgToPng(svg, width, height) : '';
    } catch {
        data = '';
    }
    vscode?.postMessage({ type: 'exported', format, data });
}

root.addEventListener('focusin', event => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.okr-row');
    if (row) setCurrentRow(row);
});

let currentTree: KpiTree | undefined = readInitialTree();
let outlineDrawn = false;
const diagram = new DiagramView(diagramBox, document.getElementById('okr-diagram-svg') as unknown as SVGSVGElement, document.getElementById('okr-viewport') as unknown as SVGGElement, {
    save(diagramState) {
        state = { ...state, diagram: diagramState };
        saveState();
    },
    reveal(at) {
        vscode?.postMessage({ type: 'reveal', uri: at.uri, line: at.startLine, character: at.startCharacter });
    }
}, state.diagram);

/** The tree the page was written with (the first paint), from its inert JSON block. */
function readInitialTree(): KpiTree | undefined {
    try {
        const tree = JSON.parse(document.getElementById('okr-tree-data')?.textContent ?? 'null') as KpiTree | null;
        return tree && Array.isArray(tree.objectives) && tree.words ? tree : undefined;
    } catch {
        return undefined;
    }
}

showView(state.view);
diagram.setFilter(state.filter);
if (currentTree) diagram.setTree(currentTree);
vscode?.postMessage(state.compareWith ? { type: 'ready', compareWith: state.compareWith } : { type: 'ready' });
