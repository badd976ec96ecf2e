/**
 * The diagram as SVG markup, from a layout. Two uses: inside the webview (classes styled by
 * preview.css from the editor's theme, cards focusable, with screen-reader labels) and as a
 * file (`okr preview --format svg`, "Export KPI Tree as SVG"): self-contained, its own style,
 * no script, no link. Every piece of user text goes through escapeXml. Text cannot be measured
 * without a DOM, so lines are cut by an estimate of their width (the full text is in the title).
 */
import { CARD_HEIGHT, CARD_WIDTH, type DiagramLayout, type PlacedCard, type PlacedEdge } from './layout.js';
import { escapeXml as e } from './security.js';
import { changeText } from './render.js';
import type { Badge, KpiTree, ScenarioChange, Status, TreeWords } from './tree.js';

export interface SvgOptions {
    /** A file: xmlns, size, an embedded light style and a background. Otherwise markup for the webview. */
    standalone: boolean;
    /** Only draw these cards (the webview culls what is off screen); all when absent. */
    only?: ReadonlySet<string>;
    /** The id of the card under the editor's cursor. */
    highlight?: string;
    /** `names`: a zoomed-out view, where only names could be read (and fewer elements keep zooming smooth). */
    detail?: 'full' | 'names';
}

/** A status in shape and word as well as in colour. */
export const STATUS_ICONS: Record<Status, string> = { 'on-track': '✓', 'at-risk': '!', 'off-track': '✖', none: '' };

const PAD = 10;
const LINE = 15;
/** Average advance of a character at 12 px, for cutting lines to the card. */
const CHAR = 6.7;
/** Bold lines run wider. */
const BOLD_CHAR = 7.4;

export function renderDiagramSvg(tree: KpiTree, layout: DiagramLayout, options: SvgOptions): string {
    const w = tree.words;
    const margin = options.standalone ? 24 : 0;
    const width = Math.ceil(layout.width + 2 * margin);
    const height = Math.ceil(layout.height + 2 * margin);
    const shown = (card: PlacedCard) => !options.only || options.only.has(card.item.id);
    const edges = layout.edges.filter(edge => !options.only || options.only.has(edge.from) || options.only.has(edge.to)).map(edge => edgeMarkup(edge, options.detail !== 'names'));
    const cards = layout.cards.filter(shown).map(card => cardMarkup(card, w, options));
    const body = `<g class="okr-edges">${edges.join('')}</g><g class="okr-cards">${cards.join('')}</g>`;
    if (!options.standalone) return body;
    return (
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif" font-size="12">` +
        `<title>${e(w.title)}</title><style>${FILE_STYLE}</style>` +
        `<rect class="okr-svg-background" width="${width}" height="${height}"/>` +
        `<g transform="translate(${margin} ${margin})">${body}</g></svg>`
    );
}

function edgeMarkup(edge: PlacedEdge, withLabel: boolean): string {
    const middle = (edge.x1 + edge.x2) / 2;
    const path = `<path class="okr-edge" d="M${edge.x1} ${edge.y1}C${middle} ${edge.y1} ${middle} ${edge.y2} ${edge.x2} ${edge.y2}"/>`;
    if (!edge.label || !withLabel) return path;
    const label = cut(edge.label, 27);
    return `${path}<text class="okr-edge-label" x="${edge.x2 - 8}" y="${edge.y2 - 5}" text-anchor="end">${e(label)}</text>`;
}

interface Line {
    text: string;
    className: string;
}

/** Under a scenario: the plan's figure and the change, `plan 31.7 m²/person/day · -35.2%`. */
function changeLine(change: ScenarioChange, w: TreeWords): Line {
    return { text: changeText(change, w), className: 'okr-card-change' };
}

function cardMarkup(card: PlacedCard, w: TreeWords, options: SvgOptions): string {
    const { item } = card;
    const node = item.node;
    const status: Status = node && (node.kind === 'kpi' || node.kind === 'keyresult') ? node.status : 'none';
    const kind = node ? w.kinds[node.kind] : '';
    const lines: Line[] = [];
    const facts: string[] = [];
    if (node) {
        lines.push({ text: node.name, className: 'okr-card-name' });
        if (node.label) lines.push({ text: node.label, className: 'okr-card-label' });
    } else {
        lines.push({ text: item.title ?? '', className: 'okr-card-name' });
    }
    if (node?.kind === 'kpi') {
        lines.push(node.figure === null ? { text: w.notDerived, className: 'okr-card-muted' } : { text: `${node.figure}${node.unit ? ` ${node.unit}` : ''}${node.range ? ` (${node.range})` : ''}`, className: 'okr-card-figure' });
        if (node.change) lines.push(changeLine(node.change, w));
        if (node.target) lines.push({ text: `${w.target} ${node.target}`, className: 'okr-card-muted' });
        else if (node.suggestedTarget) lines.push({ text: `${w.suggestedTarget} ${node.suggestedTarget}`, className: 'okr-card-muted' });
    } else if (node?.kind === 'stage') {
        lines.push(node.requirement === null ? { text: w.notDerived, className: 'okr-card-muted' } : { text: `${node.requirement}${node.range ? ` (${node.range})` : ''}`, className: 'okr-card-figure' });
        if (node.change) lines.push(changeLine(node.change, w));
        if (node.perPerson) lines.push({ text: node.perPerson, className: 'okr-card-muted' });
    } else if (node?.kind === 'keyresult' && node.target) {
        lines.push({ text: `${w.target} ${node.target}`, className: 'okr-card-figure' });
        if (node.demandShare) lines.push({ text: node.demandShare, className: 'okr-card-muted' });
    }
    const latest = node && (node.kind === 'kpi' || node.kind === 'keyresult') ? node.latestActual : null;
    if (latest) {
        const deviation = latest.deviation ? ` (${latest.deviation})` : '';
        lines.push({ text: `${STATUS_ICONS[latest.status]} ${w.latestActual} ${latest.period}: ${latest.value}${deviation}`.trim(), className: `okr-card-actual okr-status-${latest.status}` });
        facts.push(`${w.latestActual} ${latest.period}: ${latest.value}${deviation}, ${w.statuses[latest.status]}${latest.cause ? ` — ${latest.cause}` : ''}`);
    }
    // "1 article every 2 weeks" comes last: the first line to go when a card is full.
    if (node?.kind === 'kpi' && node.every) lines.push({ text: node.every, className: 'okr-card-muted' });
    const badges = node?.badges ?? [];
    const full = options.detail !== 'names';
    // Room for the kind line, the badge row and the padding: the lines in between are what fits.
    const room = Math.floor((CARD_HEIGHT - 2 * PAD - LINE - (badges.length > 0 ? 18 : 0)) / LINE);
    const maxChars = Math.floor((CARD_WIDTH - 2 * PAD) / CHAR);
    const maxBold = Math.floor((CARD_WIDTH - 2 * PAD) / BOLD_CHAR);

    // A card is as tall as what it shows (centred in its slot of the layout, which fits the tallest).
    const shown = Math.min(lines.length, room);
    const height = full ? Math.min(CARD_HEIGHT, Math.max(60, 2 * PAD + 14 + LINE * shown + (badges.length > 0 ? 22 : 0))) : CARD_HEIGHT;
    const x = card.x;
    const y = card.y + (CARD_HEIGHT - height) / 2;
    const parts: string[] = [];
    parts.push(`<rect class="okr-card-box" width="${CARD_WIDTH}" height="${height}" rx="6"/>`);
    parts.push(`<rect class="okr-card-stripe okr-status-${status}" width="5" height="${height}" rx="2"/>`);
    if (!full) {
        parts.push(`<text class="okr-card-name okr-card-big" x="${PAD + 4}" y="${CARD_HEIGHT / 2 + 8}">${e(cut(`${STATUS_ICONS[status]} ${lines[0].text}`.trim(), Math.floor(maxBold / 2)))}</text>`);
    } else {
        parts.push(`<text class="okr-card-kind" x="${PAD + 4}" y="${PAD + 10}">${e(cut(kind.toUpperCase(), maxChars - 8))}</text>`);
    }
    if (status !== 'none' && full) {
        parts.push(`<text class="okr-card-status okr-status-${status}" x="${CARD_WIDTH - PAD}" y="${PAD + 10}" text-anchor="end">${e(`${STATUS_ICONS[status]} ${w.statuses[status]}`)}</text>`);
    }
    lines.slice(0, full ? room : 0).forEach((line, index) => {
        parts.push(`<text class="${line.className}" x="${PAD + 4}" y="${PAD + 10 + LINE * (index + 1)}">${e(cut(line.text, line.className === 'okr-card-name' || line.className === 'okr-card-figure' ? maxBold : maxChars))}</text>`);
    });
    if (full && badges.length > 0) parts.push(badgeRow(badges, maxChars, height));
    // In a file a toggle cannot be pressed: it only marks, with +, where children are hidden.
    if (card.expandable && (!options.standalone || card.collapsed)) {
        parts.push(
            `<g class="okr-card-toggle"${options.standalone ? '' : ` data-toggle="${e(item.id)}"`} transform="translate(${CARD_WIDTH} ${height / 2})">` +
                `<circle r="9"/><text text-anchor="middle" y="4">${card.collapsed ? '+' : '−'}</text></g>`
        );
    }
    const description = [kind, node?.name ?? item.title ?? '', node?.label ?? '', ...lines.slice(node?.label ? 2 : 1).filter(line => !line.className.includes('actual')).map(line => line.text), ...facts, ...badges.map(badge => `${badge.code}: ${badge.message}`)]
        .filter(text => text !== '')
        .join('; ');
    const changed = node && (node.kind === 'kpi' || node.kind === 'stage') && node.change ? ' okr-changed' : '';
    const classes = `okr-card okr-card-${item.kind}${changed}${card.collapsed ? ' okr-collapsed' : ''}${options.highlight === item.id ? ' okr-highlight' : ''}`;
    const interactive = options.standalone
        ? ''
        : ` data-id="${e(item.id)}" tabindex="-1" role="treeitem" aria-level="${card.depth + 1}" aria-posinset="${card.position}" aria-setsize="${card.siblings}"` +
          `${card.expandable ? ` aria-expanded="${!card.collapsed}"` : ''} aria-label="${e(description)}"${locationAttributes(card)}`;
    return `<g class="${classes}" transform="translate(${x} ${y})"${interactive}><title>${e(description)}</title>${parts.join('')}</g>`;
}

function badgeRow(badges: Badge[], maxChars: number, height: number): string {
    let used = 0;
    const pills: string[] = [];
    let left = PAD + 4;
    const top = height - PAD - 14;
    for (const [index, badge] of badges.entries()) {
        const rest = badges.length - index;
        const text = cut(badge.code, maxChars);
        if (used + text.length + 3 > maxChars && index > 0) {
            pills.push(`<text class="okr-badge-more" x="${left}" y="${top + 11}">+${rest}</text>`);
            break;
        }
        const width = Math.ceil(text.length * 5.8 + 10);
        pills.push(
            `<g class="okr-card-badge okr-badge-${badge.severity}" transform="translate(${left} ${top})"><rect width="${width}" height="15" rx="7"/>` +
                `<text x="5" y="11">${e(text)}</text></g>`
        );
        left += width + 4;
        used += text.length + 3;
    }
    return pills.join('');
}

function locationAttributes(card: PlacedCard): string {
    const at = card.item.node?.location;
    if (!at) return '';
    return ` data-uri="${e(at.uri)}" data-start="${at.startLine}:${at.startCharacter}" data-end="${at.endLine}:${at.endCharacter}"`;
}

/** A line cut to `max` characters, with an ellipsis when it was longer. */
function cut(text: string, max: number): string {
    const characters = [...text];
    return characters.length <= max ? text : `${characters.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** The style of an exported file: light, for slides and documents; status also in icon and word. */
const FILE_STYLE = [
    '.okr-svg-background{fill:#ffffff}',
    '.okr-edge{fill:none;stroke:#8c959f;stroke-width:1.2}',
    '.okr-edge-label{fill:#57606a;font-size:11px;font-style:italic}',
    '.okr-card-box{fill:#ffffff;stroke:#d0d7de}',
    '.okr-card-objective .okr-card-box,.okr-card-section .okr-card-box{fill:#f6f8fa}',
    '.okr-card-stripe{fill:#d0d7de}',
    '.okr-card-kind{fill:#656d76;font-size:10px;letter-spacing:.04em}',
    '.okr-card-name{fill:#1f2328;font-weight:600}',
    '.okr-card-label,.okr-card-muted{fill:#656d76}',
    '.okr-card-figure{fill:#1f2328;font-weight:600}',
    '.okr-card-change{fill:#8250df}.okr-changed .okr-card-box{stroke:#8250df;stroke-width:2}',
    '.okr-card-actual,.okr-card-status{fill:#1f2328}',
    '.okr-card-status{font-size:10px}',
    '.okr-status-on-track.okr-card-stripe{fill:#1a7f37}.okr-status-at-risk.okr-card-stripe{fill:#bf8700}.okr-status-off-track.okr-card-stripe{fill:#cf222e}',
    'text.okr-status-on-track{fill:#1a7f37}text.okr-status-at-risk{fill:#9a6700}text.okr-status-off-track{fill:#cf222e}',
    '.okr-card-badge rect{fill:none;stroke:currentColor}.okr-card-badge text{fill:currentColor;font-size:10px}',
    '.okr-badge-error{color:#cf222e}.okr-badge-warning{color:#9a6700}.okr-badge-info,.okr-badge-hint{color:#0969da}.okr-badge-more{fill:#656d76;font-size:10px}',
    '.okr-card-toggle circle{fill:#ffffff;stroke:#8c959f}.okr-card-toggle text{fill:#57606a;font-weight:600}'
].join('');
