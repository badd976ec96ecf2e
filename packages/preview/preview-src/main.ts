/**
 * The preview's script, in the webview and in the standalone file. It keeps the view's state
 * (collapsed nodes, filter, scroll) through hide/show and reloads via the webview state API,
 * re-renders on `update` messages without flicker, highlights the node under the editor's
 * cursor, and asks the editor to reveal a declaration when a row is clicked.
 */
import { headerTexts, renderTree } from '../src/render.js';
import type { FromWebviewMessage, ToWebviewMessage } from '../src/messages.js';
import type { KpiTree } from '../src/tree.js';

interface ViewState {
    collapsed: string[];
    filter: string;
    scrollY: number;
}

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const root = document.getElementById('okr-root')!;
const filterBox = document.getElementById('okr-filter') as HTMLInputElement;

let state: ViewState = readState();
let lastHighlight: { uri: string; line: number; character: number } | undefined;

function readState(): ViewState {
    const saved = vscode?.getState() as Partial<ViewState> | undefined;
    return {
        collapsed: Array.isArray(saved?.collapsed) ? saved.collapsed.filter(id => typeof id === 'string') : [],
        filter: typeof saved?.filter === 'string' ? saved.filter : '',
        scrollY: typeof saved?.scrollY === 'number' ? saved.scrollY : 0
    };
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
    const scrollY = window.scrollY;
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.okr-node')?.dataset.id;
    root.innerHTML = renderTree(tree);
    const texts = headerTexts(tree);
    document.documentElement.lang = tree.language;
    document.getElementById('okr-title')!.textContent = texts.title;
    document.getElementById('okr-counts')!.textContent = texts.counts;
    document.getElementById('okr-collapse-all')!.textContent = texts.collapseAll;
    document.getElementById('okr-expand-all')!.textContent = texts.expandAll;
    filterBox.placeholder = texts.filterPlaceholder;
    filterBox.setAttribute('aria-label', texts.filterPlaceholder);
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
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'collapse-all') {
        state = { ...state, collapsed: [...root.querySelectorAll<HTMLElement>('.okr-node[aria-expanded]')].map(node => node.dataset.id ?? '') };
    } else if (action === 'expand-all') {
        state = { ...state, collapsed: [] };
    } else {
        return;
    }
    saveState();
    applyCollapsed();
});

filterBox.value = state.filter;
filterBox.addEventListener('input', () => {
    state = { ...state, filter: filterBox.value };
    saveState();
    applyFilter();
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
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
    }
});

root.addEventListener('focusin', event => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.okr-row');
    if (row) setCurrentRow(row);
});

applyCollapsed();
applyFilter();
setCurrentRow(undefined);
window.scrollTo(0, state.scrollY);
vscode?.postMessage({ type: 'ready' });
