/**
 * The KPI tree as a diagram: a tidy tree (d3-hierarchy, Reingold–Tilford) laid out left to
 * right, objectives in the first column and KPIs in the last. Pure: no DOM, so the webview,
 * the SVG export and `okr preview --format svg` all place every card the same way. Cards have
 * one size, so the tidy tree's spacing alone keeps them from overlapping.
 */
import { hierarchy, tree as tidyTree, type HierarchyPointNode } from 'd3-hierarchy';
import type { KpiTree, TreeNode } from './tree.js';

export const CARD_WIDTH = 260;
export const CARD_HEIGHT = 128;
/** Room between columns, for the edge and what flows along it. */
export const COLUMN_GAP = 170;
export const ROW_GAP = 14;
/** Above this many nodes the diagram opens with key results collapsed. */
export const LARGE_TREE = 300;

/** A node of the diagram: a node of the KPI tree, or a section heading (unlinked processes, KPIs without a process). */
export interface DiagramItem {
    id: string;
    kind: TreeNode['kind'] | 'section';
    /** The tree node the card shows; null for a section heading. */
    node: TreeNode | null;
    /** The heading of a section. */
    title?: string;
    children: DiagramItem[];
    /** Lower-case name and label, what the filter matches. */
    search: string;
}

export interface PlacedCard {
    item: DiagramItem;
    x: number;
    y: number;
    /** Column, 0 for objectives and sections. */
    depth: number;
    parentId: string | null;
    /** The item has children, shown or not. */
    expandable: boolean;
    collapsed: boolean;
    /** For screen readers: position among the siblings drawn. */
    position: number;
    siblings: number;
}

export interface PlacedEdge {
    from: string;
    to: string;
    /** What flows along the edge (a stage's flow clause), if anything. */
    label: string | null;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
}

export interface DiagramLayout {
    cards: PlacedCard[];
    edges: PlacedEdge[];
    width: number;
    height: number;
}

export interface LayoutOptions {
    /** Ids whose children are hidden. */
    collapsed?: ReadonlySet<string>;
    /** Show only nodes whose name or label contains this (with their ancestors, opened, and descendants). */
    filter?: string;
    /** Ids opened regardless of `collapsed` (the ancestors of the node under the editor's cursor). */
    open?: ReadonlySet<string>;
}

/** The diagram's items: the KPI tree's objectives, then a section for each group of orphans. */
export function diagramItems(tree: KpiTree): DiagramItem[] {
    const items = tree.objectives.map(toItem);
    if (tree.unlinkedProcesses.length > 0) items.push(section('section:unlinked-processes', tree.words.unlinkedProcesses, tree.unlinkedProcesses.map(toItem)));
    if (tree.kpisWithoutProcess.length > 0) items.push(section('section:kpis-without-process', tree.words.kpisWithoutProcess, tree.kpisWithoutProcess.map(toItem)));
    return items;
}

function section(id: string, title: string, children: DiagramItem[]): DiagramItem {
    return { id, kind: 'section', node: null, title, children, search: title.toLowerCase() };
}

function toItem(node: TreeNode): DiagramItem {
    const children: TreeNode[] =
        node.kind === 'objective' ? node.keyResults : node.kind === 'keyresult' ? node.processes : node.kind === 'process' ? node.stages : node.kind === 'stage' ? node.kpis : [];
    return { id: node.id, kind: node.kind, node, children: children.map(toItem), search: `${node.name} ${node.label ?? ''}`.toLowerCase() };
}

export function countItems(items: DiagramItem[]): number {
    let count = 0;
    for (const item of items) count += 1 + countItems(item.children);
    return count;
}

/** What a diagram opens with: nothing collapsed, or, for a large plan, every key result (and section) with children. */
export function defaultCollapsed(items: DiagramItem[]): string[] {
    if (countItems(items) <= LARGE_TREE) return [];
    const ids: string[] = [];
    const visit = (item: DiagramItem) => {
        if ((item.kind === 'keyresult' || item.kind === 'section') && item.children.length > 0) ids.push(item.id);
        else item.children.forEach(visit);
    };
    items.forEach(visit);
    return ids;
}

/** Every id with children: what "collapse all" collapses. */
export function expandableIds(items: DiagramItem[]): string[] {
    const ids: string[] = [];
    const visit = (item: DiagramItem) => {
        if (item.children.length === 0) return;
        ids.push(item.id);
        item.children.forEach(visit);
    };
    items.forEach(visit);
    return ids;
}

/** The ids from the top down to the item with `id` (itself included), or [] when absent. */
export function pathTo(items: DiagramItem[], id: string): string[] {
    for (const item of items) {
        if (item.id === id) return [id];
        const below = pathTo(item.children, id);
        if (below.length > 0) return [item.id, ...below];
    }
    return [];
}

interface Shown {
    item: DiagramItem;
    children: Shown[];
    expandable: boolean;
    collapsed: boolean;
}

/** Places the cards of the items shown under the options. */
export function layoutDiagram(items: DiagramItem[], options: LayoutOptions = {}): DiagramLayout {
    const collapsed = options.collapsed ?? new Set<string>();
    const open = options.open ?? new Set<string>();
    const query = (options.filter ?? '').trim().toLowerCase();

    const show = (item: DiagramItem, forced: boolean): Shown | null => {
        // Under a match everything shows; above one, only the paths that lead to a match.
        const matches = query === '' || forced || item.search.includes(query);
        const isCollapsed = collapsed.has(item.id) && !open.has(item.id);
        // Without a filter nothing below a collapsed node can show: do not walk it (large plans open collapsed).
        if (isCollapsed && query === '') return { item, children: [], expandable: item.children.length > 0, collapsed: true };
        const candidates = item.children.map(child => show(child, matches && query !== '')).filter((child): child is Shown => child !== null);
        if (!matches && candidates.length === 0) return null;
        // A collapsed node opens while the filter finds something below it.
        const openForFilter = query !== '' && !matches && candidates.length > 0;
        const children = isCollapsed && !openForFilter ? [] : candidates;
        return { item, children, expandable: item.children.length > 0, collapsed: isCollapsed && !openForFilter };
    };
    const top = items.map(item => show(item, false)).filter((item): item is Shown => item !== null);
    if (top.length === 0) return { cards: [], edges: [], width: 0, height: 0 };

    const root = hierarchy<Shown | null>(null, shown => (shown === null ? top : shown.children));
    const laidOut = tidyTree<Shown | null>()
        .nodeSize([CARD_HEIGHT + ROW_GAP, CARD_WIDTH + COLUMN_GAP])
        .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);

    const nodes = laidOut.descendants().filter(node => node.data !== null) as HierarchyPointNode<Shown>[];
    let minTop = Number.POSITIVE_INFINITY;
    for (const node of nodes) minTop = Math.min(minTop, node.x);
    const placeX = (node: { depth: number }) => (node.depth - 1) * (CARD_WIDTH + COLUMN_GAP);
    const placeY = (node: { x: number }) => node.x - minTop;

    const cards: PlacedCard[] = [];
    const edges: PlacedEdge[] = [];
    let width = 0;
    let height = 0;
    for (const node of nodes) {
        const x = placeX(node);
        const y = placeY(node);
        const parent = node.parent && node.parent.data !== null ? node.parent : null;
        const siblings = node.parent?.children ?? [node];
        cards.push({
            item: node.data.item,
            x,
            y,
            depth: node.depth - 1,
            parentId: parent ? (parent.data as Shown).item.id : null,
            expandable: node.data.expandable,
            collapsed: node.data.collapsed,
            position: siblings.indexOf(node) + 1,
            siblings: siblings.length
        });
        width = Math.max(width, x + CARD_WIDTH);
        height = Math.max(height, y + CARD_HEIGHT);
        if (parent) {
            const item = node.data.item;
            edges.push({
                from: (parent.data as Shown).item.id,
                to: item.id,
                label: item.node?.kind === 'stage' ? item.node.flow : null,
                x1: placeX(parent) + CARD_WIDTH,
                y1: placeY(parent) + CARD_HEIGHT / 2,
                x2: x,
                y2: y + CARD_HEIGHT / 2
            });
        }
    }
    return { cards, edges, width, height };
}

/** The id of the item whose declaration is the smallest containing the position (the editor's cursor), if any. */
export function itemAt(items: DiagramItem[], at: { uri: string; line: number; character: number }): string | undefined {
    let best: string | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    const visit = (item: DiagramItem) => {
        const range = item.node?.location;
        if (range && range.uri === at.uri) {
            const afterStart = at.line > range.startLine || (at.line === range.startLine && at.character >= range.startCharacter);
            const beforeEnd = at.line < range.endLine || (at.line === range.endLine && at.character <= range.endCharacter);
            const size = (range.endLine - range.startLine) * 10_000 + (range.endCharacter - range.startCharacter);
            if (afterStart && beforeEnd && size < bestSize) {
                best = item.id;
                bestSize = size;
            }
        }
        item.children.forEach(visit);
    };
    items.forEach(visit);
    return best;
}
