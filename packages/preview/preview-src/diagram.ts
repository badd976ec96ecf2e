/**
 * The Diagram view in the webview: draws the shared layout as SVG, and handles collapse and
 * expand, pan and zoom (wheel, drag, keys), fit to view, the card under the editor's cursor,
 * and keyboard navigation between cards (one tab stop, arrows move). A large diagram only
 * draws the cards near the screen, and draws again when the view moves far enough.
 */
import { CARD_HEIGHT, CARD_WIDTH, defaultCollapsed, diagramItems, expandableIds, itemAt, layoutDiagram, pathTo, type DiagramItem, type DiagramLayout, type PlacedCard } from '../src/layout.js';
import { renderDiagramSvg } from '../src/svg.js';
import type { KpiTree, TreeLocation } from '../src/tree.js';

export interface Transform {
    x: number;
    y: number;
    k: number;
}

export interface DiagramState {
    /** null until the diagram first opens, when the size of the plan decides. */
    collapsed: string[] | null;
    transform: Transform | null;
}

export interface DiagramHost {
    save(state: DiagramState): void;
    reveal(location: TreeLocation): void;
}

/** Above this many cards, only those near the screen are drawn. */
const CULL_ABOVE = 300;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 3;
const PAN_STEP = 80;
/** Below this zoom, cards show only their names (and status icon). */
const NAMES_ONLY_BELOW = 0.45;

export class DiagramView {
    private tree: KpiTree | undefined;
    private items: DiagramItem[] = [];
    private layout: DiagramLayout = { cards: [], edges: [], width: 0, height: 0 };
    private cards = new Map<string, PlacedCard>();
    private collapsed: Set<string> | null;
    private transform: Transform | null;
    private filter = '';
    private highlightId: string | undefined;
    private currentId: string | undefined;
    /** The part of the layout drawn last (layout coordinates), when culling. */
    private drawn: { left: number; top: number; right: number; bottom: number } | null = null;
    private drawnDetail: 'full' | 'names' | undefined;
    private drag: { x: number; y: number; moved: boolean; pointer: number } | null = null;
    private suppressClick = false;
    private saveTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(
        private readonly container: HTMLElement,
        private readonly svg: SVGSVGElement,
        private readonly viewport: SVGGElement,
        private readonly host: DiagramHost,
        state: DiagramState
    ) {
        this.collapsed = state.collapsed ? new Set(state.collapsed) : null;
        this.transform = state.transform;
        container.addEventListener('wheel', event => this.onWheel(event), { passive: false });
        container.addEventListener('pointerdown', event => this.onPointerDown(event));
        container.addEventListener('pointermove', event => this.onPointerMove(event));
        container.addEventListener('pointerup', event => this.onPointerUp(event));
        container.addEventListener('pointercancel', event => this.onPointerUp(event));
        container.addEventListener('click', event => this.onClick(event));
        container.addEventListener('keydown', event => this.onKeyDown(event));
        container.addEventListener('focusin', event => {
            const id = cardOf(event.target)?.dataset.id;
            if (id) this.setCurrent(id);
        });
        window.addEventListener('resize', () => this.draw(false));
    }

    get visible(): boolean {
        return !this.container.hidden;
    }

    setTree(tree: KpiTree): void {
        this.tree = tree;
        this.items = diagramItems(tree);
        if (this.collapsed === null) {
            this.collapsed = new Set(defaultCollapsed(this.items));
            this.save();
        }
        this.relayout();
        if (!this.transform) this.initialView();
        this.draw(true);
    }

    setFilter(filter: string): void {
        this.filter = filter;
        this.relayout();
        this.draw(true);
    }

    collapseAll(): void {
        this.collapsed = new Set(expandableIds(this.items));
        this.changed();
    }

    expandAll(): void {
        this.collapsed = new Set();
        this.changed();
    }

    toggle(id: string): void {
        const collapsed = this.collapsed ?? new Set<string>();
        if (collapsed.has(id)) collapsed.delete(id);
        else collapsed.add(id);
        this.collapsed = collapsed;
        // Keep the toggled card where it was on screen, so the tree grows around it.
        const before = this.cards.get(id);
        this.relayout();
        const after = this.cards.get(id);
        if (before && after && this.transform) {
            this.transform = { ...this.transform, x: this.transform.x - (after.x - before.x) * this.transform.k, y: this.transform.y - (after.y - before.y) * this.transform.k };
        }
        this.save();
        this.draw(true);
    }

    /** Highlights the innermost card declared at the position and brings it into view (opening its ancestors); undefined clears. */
    highlight(at: { uri: string; line: number; character: number } | undefined): void {
        const id = at ? itemAt(this.items, at) : undefined;
        if (id === this.highlightId) return;
        this.highlightId = id;
        this.relayout();
        if (id) this.bringIntoView(id);
        this.draw(true);
    }

    fit(): void {
        const { width, height } = this.size();
        if (this.layout.cards.length === 0 || width === 0) return;
        const k = clamp(Math.min(width / (this.layout.width + 48), height / (this.layout.height + 48), 1));
        this.transform = { k, x: (width - this.layout.width * k) / 2, y: (height - this.layout.height * k) / 2 };
        this.moved();
    }

    zoomBy(factor: number, around?: { x: number; y: number }): void {
        const t = this.transform ?? { x: 0, y: 0, k: 1 };
        const { width, height } = this.size();
        const center = around ?? { x: width / 2, y: height / 2 };
        const k = clamp(t.k * factor);
        this.transform = { k, x: center.x - ((center.x - t.x) * k) / t.k, y: center.y - ((center.y - t.y) * k) / t.k };
        this.moved();
    }

    /** The diagram as shown (collapsed nodes, filter), as a self-contained SVG file. */
    exportSvg(): { svg: string; width: number; height: number } {
        if (!this.tree) return { svg: '', width: 0, height: 0 };
        const svg = renderDiagramSvg(this.tree, this.layout, { standalone: true });
        return { svg, width: Math.ceil(this.layout.width + 48), height: Math.ceil(this.layout.height + 48) };
    }

    /** Called when the view becomes visible: its size is known only then. */
    shown(): void {
        if (!this.transform) this.initialView();
        this.draw(true);
    }

    private changed(): void {
        this.relayout();
        this.save();
        this.draw(true);
    }

    private relayout(): void {
        const open = new Set(this.highlightId ? pathTo(this.items, this.highlightId).slice(0, -1) : []);
        this.layout = layoutDiagram(this.items, { collapsed: this.collapsed ?? new Set(), filter: this.filter, open });
        this.cards = new Map(this.layout.cards.map(card => [card.item.id, card]));
        if (this.currentId && !this.cards.has(this.currentId)) this.currentId = undefined;
    }

    /** A small diagram fits the screen; a large one starts at its top left, readable. */
    private initialView(): void {
        const { width, height } = this.size();
        if (width === 0) return;
        const k = Math.min(width / (this.layout.width + 48), height / (this.layout.height + 48), 1);
        if (k >= 0.5) this.fit();
        else this.transform = { x: 16, y: 16, k: 0.8 };
    }

    private size(): { width: number; height: number } {
        return { width: this.container.clientWidth, height: this.container.clientHeight };
    }

    private moved(): void {
        this.applyTransform();
        this.draw(false);
        this.save();
    }

    private applyTransform(): void {
        const t = this.transform ?? { x: 0, y: 0, k: 1 };
        this.viewport.setAttribute('transform', `translate(${t.x} ${t.y}) scale(${t.k})`);
    }

    /** The layout rectangle on screen, in layout coordinates. */
    private onScreen(): { left: number; top: number; right: number; bottom: number } {
        const t = this.transform ?? { x: 0, y: 0, k: 1 };
        const { width, height } = this.size();
        return { left: -t.x / t.k, top: -t.y / t.k, right: (width - t.x) / t.k, bottom: (height - t.y) / t.k };
    }

    /** Draws the cards; with culling, only when forced or when the screen left the part drawn. */
    private draw(force: boolean): void {
        if (!this.tree || !this.visible) return;
        this.applyTransform();
        const cull = this.layout.cards.length > CULL_ABOVE;
        const screen = this.onScreen();
        const detail = (this.transform?.k ?? 1) < NAMES_ONLY_BELOW ? 'names' : 'full';
        if (detail !== this.drawnDetail) force = true;
        if (!force && (!cull || (this.drawn && screen.left >= this.drawn.left && screen.right <= this.drawn.right && screen.top >= this.drawn.top && screen.bottom <= this.drawn.bottom))) return;
        let only: Set<string> | undefined;
        if (cull) {
            // Draw a screen's worth around what is on screen, so panning redraws rarely.
            const spanX = screen.right - screen.left;
            const spanY = screen.bottom - screen.top;
            this.drawn = { left: screen.left - spanX, right: screen.right + spanX, top: screen.top - spanY, bottom: screen.bottom + spanY };
            const area = this.drawn;
            only = new Set(this.layout.cards.filter(card => card.x + CARD_WIDTH >= area.left && card.x <= area.right && card.y + CARD_HEIGHT >= area.top && card.y <= area.bottom).map(card => card.item.id));
            if (this.currentId) only.add(this.currentId);
        } else {
            this.drawn = null;
        }
        const focused = cardOf(document.activeElement)?.dataset.id;
        this.viewport.innerHTML = renderDiagramSvg(this.tree, this.layout, { standalone: false, only, highlight: this.highlightId, detail });
        this.drawnDetail = detail;
        // For bench/diagram.mjs: when the first cards are on screen.
        if (performance.getEntriesByName('okr-diagram-drawn').length === 0 && this.layout.cards.length > 0) performance.mark('okr-diagram-drawn');
        this.svg.setAttribute('aria-busy', 'false');
        this.container.classList.toggle('okr-diagram-empty', this.layout.cards.length === 0);
        this.setCurrent(this.currentId ?? this.layout.cards[0]?.item.id, focused !== undefined && focused === this.currentId);
    }

    /** One tab stop: the current card has tabindex 0. */
    private setCurrent(id: string | undefined, focus = false): void {
        if (id !== undefined && !this.cards.has(id)) id = undefined;
        this.currentId = id;
        for (const other of this.viewport.querySelectorAll<SVGGElement>('.okr-card[tabindex="0"]')) other.setAttribute('tabindex', '-1');
        const element = id ? this.element(id) : undefined;
        element?.setAttribute('tabindex', '0');
        if (focus) element?.focus({ preventScroll: true });
    }

    private element(id: string): SVGGElement | undefined {
        for (const card of this.viewport.querySelectorAll<SVGGElement>('.okr-card')) if (card.dataset.id === id) return card;
        return undefined;
    }

    /** Pans the least needed to show the card whole (centring it when it is far off). */
    private bringIntoView(id: string): void {
        const card = this.cards.get(id);
        const t = this.transform;
        if (!card || !t) return;
        const { width, height } = this.size();
        const left = card.x * t.k + t.x;
        const top = card.y * t.k + t.y;
        const right = left + CARD_WIDTH * t.k;
        const bottom = top + CARD_HEIGHT * t.k;
        if (left >= 0 && top >= 0 && right <= width && bottom <= height) return;
        this.transform = { k: t.k, x: width / 2 - (card.x + CARD_WIDTH / 2) * t.k, y: height / 2 - (card.y + CARD_HEIGHT / 2) * t.k };
        this.save();
    }

    private focusCard(id: string): void {
        this.currentId = id;
        this.bringIntoView(id);
        this.draw(true);
        this.setCurrent(id, true);
    }

    private save(): void {
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => this.host.save({ collapsed: this.collapsed ? [...this.collapsed] : null, transform: this.transform }), 100);
    }

    private onWheel(event: WheelEvent): void {
        event.preventDefault();
        const box = this.container.getBoundingClientRect();
        this.zoomBy(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), { x: event.clientX - box.left, y: event.clientY - box.top });
    }

    private onPointerDown(event: PointerEvent): void {
        if (event.button !== 0 || (event.target as Element).closest('[data-toggle]')) return;
        this.drag = { x: event.clientX, y: event.clientY, moved: false, pointer: event.pointerId };
    }

    private onPointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.pointer !== event.pointerId) return;
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (!drag.moved && Math.hypot(dx, dy) < 4) return;
        if (!drag.moved) {
            drag.moved = true;
            this.container.setPointerCapture(event.pointerId);
            this.container.classList.add('okr-dragging');
        }
        const t = this.transform ?? { x: 0, y: 0, k: 1 };
        this.transform = { ...t, x: t.x + dx, y: t.y + dy };
        drag.x = event.clientX;
        drag.y = event.clientY;
        this.moved();
    }

    private onPointerUp(event: PointerEvent): void {
        if (!this.drag || this.drag.pointer !== event.pointerId) return;
        this.suppressClick = this.drag.moved;
        this.drag = null;
        this.container.classList.remove('okr-dragging');
    }

    private onClick(event: MouseEvent): void {
        if (this.suppressClick) {
            this.suppressClick = false;
            return;
        }
        const target = event.target as Element;
        const toggle = target.closest<SVGGElement>('[data-toggle]');
        if (toggle?.dataset.toggle) {
            this.toggle(toggle.dataset.toggle);
            return;
        }
        const id = cardOf(target)?.dataset.id;
        if (!id) return;
        this.setCurrent(id, true);
        this.revealCard(id);
    }

    private revealCard(id: string): void {
        const at = this.cards.get(id)?.item.node?.location;
        if (at) this.host.reveal(at);
    }

    private onKeyDown(event: KeyboardEvent): void {
        const key = event.key;
        const onCard = cardOf(event.target)?.dataset.id;
        if (key === '+' || key === '=') this.zoomBy(1.25);
        else if (key === '-' || key === '_') this.zoomBy(0.8);
        else if (key === '0') this.fit();
        else if (onCard) {
            if (!this.onCardKey(key, onCard)) return;
        } else if (key.startsWith('Arrow')) {
            const t = this.transform ?? { x: 0, y: 0, k: 1 };
            const dx = key === 'ArrowLeft' ? PAN_STEP : key === 'ArrowRight' ? -PAN_STEP : 0;
            const dy = key === 'ArrowUp' ? PAN_STEP : key === 'ArrowDown' ? -PAN_STEP : 0;
            this.transform = { ...t, x: t.x + dx, y: t.y + dy };
            this.moved();
        } else {
            return;
        }
        event.preventDefault();
    }

    /** Tree keys on a card; false when the key is not one of them. */
    private onCardKey(key: string, id: string): boolean {
        const card = this.cards.get(id);
        if (!card) return false;
        if (key === 'Enter') this.revealCard(id);
        else if (key === ' ') this.toggleAndFocus(id);
        else if (key === 'ArrowLeft') {
            if (card.expandable && !card.collapsed) this.toggleAndFocus(id);
            else if (card.parentId) this.focusCard(card.parentId);
        } else if (key === 'ArrowRight') {
            const child = this.layout.cards.find(other => other.parentId === id);
            if (card.collapsed) this.toggleAndFocus(id);
            else if (child) this.focusCard(child.item.id);
        } else if (key === 'ArrowUp' || key === 'ArrowDown') {
            const column = this.layout.cards.filter(other => other.x === card.x && (key === 'ArrowUp' ? other.y < card.y : other.y > card.y));
            const next = column.sort((a, b) => (key === 'ArrowUp' ? b.y - a.y : a.y - b.y))[0];
            if (next) this.focusCard(next.item.id);
        } else if (key === 'Home' || key === 'End') {
            const next = key === 'Home' ? this.layout.cards[0] : this.layout.cards.at(-1);
            if (next) this.focusCard(next.item.id);
        } else return false;
        return true;
    }

    private toggleAndFocus(id: string): void {
        this.toggle(id);
        this.setCurrent(id, true);
    }
}

function cardOf(target: EventTarget | null): SVGGElement | null {
    return target instanceof Element ? target.closest<SVGGElement>('.okr-card[data-id]') : null;
}

function clamp(k: number): number {
    return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}
