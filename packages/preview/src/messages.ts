/**
 * The one message contract between the extension and the preview's webview, both directions.
 * Both sides import these types; the extension still validates every message it receives
 * (a webview is untrusted), and the webview ignores anything it does not know.
 */
import type { KpiTree } from './tree.js';

/** A position in a plan file, 0-based as in LSP. */
export interface PlanPosition {
    uri: string;
    line: number;
    character: number;
}

/** Extension → webview. */
export type ToWebviewMessage =
    /** A new tree to draw (after each build, or when the panel becomes visible). */
    | { type: 'update'; tree: KpiTree }
    /** The editor's cursor moved: highlight the node declared there (an empty uri clears it). */
    | ({ type: 'highlight' } & PlanPosition)
    /** "Export KPI Tree as SVG/PNG": draw the diagram as it is shown (collapsed nodes, filter) into a file's content. */
    | { type: 'export'; format: ExportFormat };

export type ExportFormat = 'svg' | 'png';

/** Webview → extension. */
export type FromWebviewMessage =
    /**
     * The webview's script loaded (first time or after a reload) and wants the tree; `compareWith`:
     * the git revision its saved state compares with, so a reload keeps comparing.
     */
    | { type: 'ready'; compareWith?: string }
    /** The user clicked a node: open its declaration. */
    | ({ type: 'reveal' } & PlanPosition)
    /** The scenario picker (spec §9): draw the plan under this scenario; `''` for the plan itself. */
    | { type: 'scenario'; name: string }
    /** "Compare with" (issue 14): mark what moved since this git revision; `''` stops comparing. */
    | { type: 'compareWith'; revision: string }
    /** The answer to `export`: the SVG text, or the PNG as a `data:image/png;base64,` URL; `data` is empty when it failed. */
    | { type: 'exported'; format: ExportFormat; data: string };
