/**
 * The KPI tree as HTML. Pure string building, no DOM: the same function renders the tree into
 * the standalone file (`okr preview`) and, bundled into the webview script, into the editor's
 * preview on every update. Every piece of user text goes through escapeHtml.
 */
import { escapeHtml as e } from './security.js';
import type { TrendView, ActualView, Badge, KeyResultView, KpiTree, KpiView, ObjectiveView, ProcessView, ScenarioChange, StageView, Status, TreeLocation, TreeNode, TreeWords } from './tree.js';

/** The tree part of the page: everything inside the scrolling container. */
export function renderTree(tree: KpiTree): string {
    const w = tree.words;
    const sections: string[] = [];
    if (tree.objectives.length > 0) sections.push(`<section class="okr-group">${list(tree.objectives.map(node => objective(node, w)))}</section>`);
    if (tree.unlinkedProcesses.length > 0) sections.push(section(w.unlinkedProcesses, tree.unlinkedProcesses.map(node => process(node, w))));
    if (tree.kpisWithoutProcess.length > 0) sections.push(section(w.kpisWithoutProcess, tree.kpisWithoutProcess.map(node => kpi(node, w))));
    if (tree.planFindings.length > 0) sections.push(findingsSection(w.planFindings, tree.planFindings));
    if (sections.length === 0) return `<p class="okr-empty">${e(w.empty)}</p>`;
    return sections.join('\n');
}

/** The texts of the page's header, which change with the plan and its language. */
export interface HeaderTexts {
    title: string;
    counts: string;
    filterPlaceholder: string;
    collapseAll: string;
    expandAll: string;
    diagram: string;
    outline: string;
    fitToView: string;
    zoomIn: string;
    zoomOut: string;
}

export function headerTexts(tree: KpiTree): HeaderTexts {
    const w = tree.words;
    return {
        title: w.title,
        counts: `${tree.counts.kpis} ${w.kpiCount[new Intl.PluralRules(tree.language).select(tree.counts.kpis)] ?? w.kpiCount.other} · ${tree.counts.errors} ✖ · ${tree.counts.warnings} ⚠`,
        filterPlaceholder: w.filterPlaceholder,
        collapseAll: w.collapseAll,
        expandAll: w.expandAll,
        diagram: w.diagram,
        outline: w.outline,
        fitToView: w.fitToView,
        zoomIn: w.zoomIn,
        zoomOut: w.zoomOut
    };
}

function section(title: string, items: string[]): string {
    return `<section class="okr-group"><h2 class="okr-section">${e(title)}</h2>\n${list(items)}</section>`;
}

/** Diagnostics of no node: a plain list of messages with their badges. */
function findingsSection(title: string, findings: Badge[]): string {
    const items = findings.map(finding => `<li class="okr-plan-finding">${badges([finding])} <span class="okr-finding-message">${e(finding.message)}</span></li>`);
    return `<section class="okr-group"><h2 class="okr-section">${e(title)}</h2>\n<ul class="okr-findings">${items.join('')}</ul></section>`;
}

function list(items: string[]): string {
    return `<ul class="okr-tree" role="tree">${items.join('')}</ul>`;
}

function objective(node: ObjectiveView, w: TreeWords): string {
    return item(node, w, (node.period ? fact('okr-period', node.period) : '') + statusFact(node.status, w), node.keyResults.map(child => keyResult(child, w)), node.status);
}

function keyResult(node: KeyResultView, w: TreeWords): string {
    const facts = [
        node.target ? fact('okr-figure', node.target) : '',
        node.demandShare ? fact('okr-share', node.demandShare) : '',
        actual(node.latestActual, w),
        node.progress ? fact('okr-progress', node.progress) : '',
        node.projection ? fact('okr-projection', node.projection) : '',
        trendChart(node.trend)
    ].join('');
    return item(node, w, facts, node.processes.map(child => process(child, w)), node.status);
}

function process(node: ProcessView, w: TreeWords): string {
    return item(node, w, statusFact(node.status, w), node.stages.map(child => stage(child, w)), node.status);
}

function stage(node: StageView, w: TreeWords): string {
    const facts = [
        node.requirement ? fact('okr-figure', node.requirement) : fact('okr-muted', w.notDerived),
        changeFact(node.change, w),
        node.range ? fact('okr-range', node.range) : '',
        node.perPerson ? fact('okr-per-person', node.perPerson) : '',
        statusFact(node.status, w)
    ].join('');
    return item(node, w, facts, node.kpis.map(child => kpi(child, w)), node.status);
}

/** Under a scenario: the plan's figure and the change, `plan 31.7 m²/person/day · -35.2%`. */
export function changeText(change: ScenarioChange, w: TreeWords): string {
    const before = `${w.planFigure ?? ''} ${change.before ?? w.notDerived}`.trim();
    return change.delta ? `${before} · ${change.delta}` : before;
}

function changeFact(change: ScenarioChange | undefined, w: TreeWords): string {
    return change ? fact('okr-change', changeText(change, w)) : '';
}

function kpi(node: KpiView, w: TreeWords): string {
    const figure = node.figure === null ? fact('okr-muted', w.notDerived) : fact('okr-figure', `${node.figure}${node.unit ? ` ${node.unit}` : ''}`);
    const facts = [
        figure,
        changeFact(node.change, w),
        node.range ? fact('okr-range', node.range) : '',
        node.every ? fact('okr-every', node.every) : '',
        node.target ? fact('okr-target', `${w.target} ${node.target}`) : node.suggestedTarget ? fact('okr-target okr-suggested', `${w.suggestedTarget} ${node.suggestedTarget}`) : '',
        actual(node.latestActual, w),
        trendChart(node.trend)
    ].join('');
    return item(node, w, facts, [], node.status);
}

/**
 * A small chart of check-ins: actuals as a line with a dot per check-in (coloured by status, and
 * titled, so status is not colour alone), the plan as a dashed line, on one scale. Inline SVG:
 * no script, every text escaped.
 */
function trendChart(trend: TrendView | null): string {
    if (!trend || trend.points.length < 2) return '';
    const [width, height, pad] = [96, 24, 3];
    const top = Math.max(...trend.points.flatMap(point => [point.actual, point.plan])) || 1;
    const x = (index: number) => pad + (index * (width - 2 * pad)) / (trend.points.length - 1);
    const y = (value: number) => height - pad - (Math.max(0, value) / top) * (height - 2 * pad);
    const line = (values: number[]) => values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    const dots = trend.points.map((point, index) => `<circle class="okr-trend-dot okr-status-${point.status}" cx="${x(index).toFixed(1)}" cy="${y(point.actual).toFixed(1)}" r="2"><title>${e(point.period)}</title></circle>`).join('');
    return `<svg class="okr-trend" role="img" aria-label="${e(trend.caption)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${e(trend.caption)}</title>` +
        `<polyline class="okr-trend-plan" points="${line(trend.points.map(point => point.plan))}"/><polyline class="okr-trend-actual" points="${line(trend.points.map(point => point.actual))}"/>${dots}</svg>`;
}

function actual(view: ActualView | null, w: TreeWords): string {
    if (!view) return '';
    const deviation = view.deviation ? ` (${view.deviation})` : '';
    const cause = view.cause ? ` — ${view.cause}` : '';
    return `<span class="okr-actual okr-status-${view.status}" title="${e(w.statuses[view.status])}">${e(`${w.latestActual} ${view.period}: ${view.value}${deviation}${cause}`)}</span>`;
}

function fact(className: string, text: string): string {
    return `<span class="${className}">${e(text)}</span>`;
}

function badges(list: Badge[]): string {
    return list.map(badge => `<span class="okr-badge okr-badge-${badge.severity}" title="${e(badge.message)}">${e(badge.code)}</span>`).join('');
}

/** One tree item: a row (toggle, kind, name, label, facts, badges) and its children. */
/** The status the server rolled up to a node without a check-in of its own (spec §8). */
function statusFact(status: Status, w: TreeWords): string {
    return status === 'none' ? '' : fact(`okr-node-status okr-status-${status}`, w.statuses[status]);
}

function item(node: TreeNode, w: TreeWords, facts: string, children: string[], status: Status = 'none'): string {
    const search = [node.name, node.label ?? ''].join(' ').toLowerCase();
    const hasChildren = children.length > 0;
    const toggle = hasChildren ? '<button class="okr-toggle" type="button" aria-hidden="true" tabindex="-1"></button>' : '<span class="okr-toggle-space"></span>';
    const label = node.label ? `<span class="okr-label">${e(node.label)}</span>` : '';
    // Rows are reached with the arrow keys (one tab stop for the tree: see the preview script).
    const row =
        `<div class="okr-row" tabindex="-1"${location(node.location)}>${toggle}<span class="okr-content">` +
        `<span class="okr-kind">${e(w.kinds[node.kind])}</span>` +
        `<span class="okr-name">${e(node.name)}</span>${label}${facts}${badges(node.badges)}</span></div>`;
    const group = hasChildren ? `<ul role="group">${children.join('')}</ul>` : '';
    return (
        `<li class="okr-node okr-${node.kind} okr-status-${status}${(node.kind === 'kpi' || node.kind === 'stage') && node.change ? ' okr-changed' : ''}" role="treeitem"${hasChildren ? ' aria-expanded="true"' : ''} ` +
        `data-id="${e(node.id)}" data-search="${e(search)}">${row}${group}</li>`
    );
}

function location(at: TreeLocation | undefined): string {
    if (!at) return '';
    return ` data-uri="${e(at.uri)}" data-start="${at.startLine}:${at.startCharacter}" data-end="${at.endLine}:${at.endCharacter}"`;
}
