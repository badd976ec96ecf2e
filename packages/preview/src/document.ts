/**
 * A whole preview page around the rendered tree, under a strict Content-Security-Policy:
 * nothing loads by default, styles and the script run only with this render's nonce, and no
 * remote origin is allowed. The tree travels as an inert JSON block; the script draws the
 * diagram from it, and the outline when it is first shown. Two modes: the webview (script and style from the extension's media
 * folder) and a standalone file (both inlined, so the file works anywhere, offline).
 */
import { countItems, defaultCollapsed, diagramItems, layoutDiagram } from './layout.js';
import { headerTexts } from './render.js';
import { renderDiagramSvg } from './svg.js';
import { createNonce, escapeHtml as e } from './security.js';
import type { KpiTree } from './tree.js';

export type DocumentMode =
    | {
          kind: 'webview';
          /** The webview's `cspSource` (its resource origin). */
          cspSource: string;
          scriptUri: string;
          styleUri: string;
      }
    | {
          kind: 'standalone';
          /** The preview script and style, inlined. */
          script: string;
          style: string;
      };

export interface RenderedDocument {
    html: string;
    nonce: string;
}

export function renderDocument(tree: KpiTree, mode: DocumentMode, nonce = createNonce()): RenderedDocument {
    const w = headerTexts(tree);
    const csp = mode.kind === 'webview'
        ? `default-src 'none'; style-src ${mode.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${mode.cspSource} data:; font-src ${mode.cspSource}; base-uri 'none'; form-action 'none'`
        : `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
    const style = mode.kind === 'webview'
        ? `<link rel="stylesheet" nonce="${nonce}" href="${e(mode.styleUri)}">`
        : `<style nonce="${nonce}">${mode.style.replace(/<\/style/gi, '<\\/style')}</style>`;
    const script = mode.kind === 'webview'
        ? `<script nonce="${nonce}" src="${e(mode.scriptUri)}"></script>`
        : `<script nonce="${nonce}">${mode.script.replace(/<\/script/gi, '<\\/script')}</script>`;
    const html = `<!DOCTYPE html>
<html lang="${tree.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.title)}</title>
${style}
</head>
<body class="okr-${mode.kind}">
<header class="okr-header">
<h1 id="okr-title">${e(w.title)}</h1>
<span id="okr-counts" class="okr-counts">${e(w.counts)}</span>
<input id="okr-filter" class="okr-filter" type="search" placeholder="${e(w.filterPlaceholder)}" aria-label="${e(w.filterPlaceholder)}">
<button id="okr-collapse-all" type="button" class="okr-button" data-action="collapse-all">${e(w.collapseAll)}</button>
<button id="okr-expand-all" type="button" class="okr-button" data-action="expand-all">${e(w.expandAll)}</button>
<span class="okr-diagram-only okr-zoom">
<button id="okr-zoom-out" type="button" class="okr-button" data-action="zoom-out" title="${e(w.zoomOut)}" aria-label="${e(w.zoomOut)}">−</button>
<button id="okr-zoom-in" type="button" class="okr-button" data-action="zoom-in" title="${e(w.zoomIn)}" aria-label="${e(w.zoomIn)}">+</button>
<button id="okr-fit" type="button" class="okr-button" data-action="fit">${e(w.fitToView)}</button>
</span>
<span class="okr-views" role="group">
<button id="okr-view-diagram" type="button" class="okr-button okr-view" data-view="diagram" aria-pressed="true">${e(w.diagram)}</button>
<button id="okr-view-outline" type="button" class="okr-button okr-view" data-view="outline" aria-pressed="false">${e(w.outline)}</button>
</span>
</header>
<div id="okr-diagram" class="okr-diagram" tabindex="0" aria-label="${e(w.diagram)}">
<svg id="okr-diagram-svg" class="okr-diagram-svg" role="tree" aria-label="${e(w.title)}"><g id="okr-viewport" transform="translate(16 16) scale(0.8)">${firstDrawing(tree)}</g></svg>
</div>
<main id="okr-root" class="okr-outline" hidden></main>
<script type="application/json" id="okr-tree-data" nonce="${nonce}">${treeData(tree)}</script>
${script}
</body>
</html>
`;
    return { html, nonce };
}

/** Cards in the page itself, so a small plan shows before the script runs (a webview's script can take seconds on a cold start); the script then draws its own view. */
const FIRST_DRAWING_UP_TO = 300;

function firstDrawing(tree: KpiTree): string {
    const items = diagramItems(tree);
    if (countItems(items) > FIRST_DRAWING_UP_TO) return '';
    return renderDiagramSvg(tree, layoutDiagram(items, { collapsed: new Set(defaultCollapsed(items)) }), { standalone: false });
}

/**
 * The tree as JSON for the diagram's first paint, inert: a data block is never run, and with
 * every `<`, `>`, `&` and `'` written as a JSON escape nothing in a label can close it.
 */
function treeData(tree: KpiTree): string {
    return JSON.stringify(tree).replace(/[<>&'\u2028\u2029]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
