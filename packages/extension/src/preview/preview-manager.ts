/**
 * The KPI-tree preview: one panel that follows the active `.okr` editor, the way Markdown's
 * preview follows Markdown. The tree comes from the language server (so it never disagrees with
 * the diagnostics); the panel re-asks after each build, debounced, and highlights the node under
 * the cursor. Its view state survives hide/show and window reloads (webview state + serializer),
 * without retainContextWhenHidden.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { KpiTreeRequest, PlanChangedNotification } from '@okr-plan/language/protocol';
import { renderDocument, type ExportFormat, type KpiTree, type ToWebviewMessage } from '@okr-plan/preview';
import { saveExport } from './export-file.js';
import { parseWebviewMessage, previewOptions, type ExportedMessage, type RevealMessage } from './security.js';

export const PREVIEW_VIEW_TYPE = 'okr.preview';

export class KpiPreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private panelDisposables: vscode.Disposable[] = [];
    private readonly disposables: vscode.Disposable[] = [];
    private updateTimer: ReturnType<typeof setTimeout> | undefined;
    private tree: KpiTree | undefined;
    /** The scenario the preview's picker shows (spec §9); undefined for the plan. */
    private scenario: string | undefined;
    /** The git revision the preview compares with (issue 14); undefined when not comparing. Wins over `scenario`. */
    private compareWith: string | undefined;
    /** The editor the preview follows: the last active `.okr` editor. */
    private sourceEditor: vscode.TextEditor | undefined;
    /** Resolves once the language client runs; a preview restored at start-up waits for it. */
    private readonly clientReady: Promise<void>;
    private markClientReady: () => void = () => undefined;
    private clientIsReady = false;
    /** Set while the webview's script runs (after its `ready`), cleared when the panel goes. */
    private webviewReady: Promise<void> | undefined;
    private markWebviewReady: () => void = () => undefined;
    private pendingExport: { format: ExportFormat; resolve: (message: ExportedMessage | undefined) => void } | undefined;

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: BaseLanguageClient) {
        this.clientReady = new Promise(resolve => (this.markClientReady = resolve));
        this.sourceEditor = isPlanEditor(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : undefined;
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (!isPlanEditor(editor)) return;
                this.sourceEditor = editor;
                this.highlight(editor);
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (isPlanEditor(event.textEditor)) this.highlight(event.textEditor);
            })
        );
    }

    /** Called once the client runs: listen for finished builds. */
    connect(): void {
        this.disposables.push(this.client.onNotification(PlanChangedNotification, () => this.scheduleUpdate()));
        this.clientIsReady = true;
        this.markClientReady();
        this.scheduleUpdate(0);
    }

    async show(column: vscode.ViewColumn): Promise<void> {
        if (this.panel) {
            // "To the side" moves a preview that shares the editor's group out of its way.
            const editorColumn = vscode.window.activeTextEditor?.viewColumn;
            const sharesGroup = editorColumn !== undefined && this.panel.viewColumn === editorColumn;
            if (column === vscode.ViewColumn.Beside) this.panel.reveal(sharesGroup ? vscode.ViewColumn.Beside : this.panel.viewColumn, true);
            else this.panel.reveal(column);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('KPI tree'), { viewColumn: column, preserveFocus: column === vscode.ViewColumn.Beside }, previewOptions(this.context.extensionUri));
        await this.attach(panel);
    }

    /** Restores a preview after a window reload; its webview state (collapsed nodes, filter, scroll) comes back with it. */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
        panel.webview.options = previewOptions(this.context.extensionUri);
        await this.attach(panel);
    }

    private async attach(panel: vscode.WebviewPanel): Promise<void> {
        this.panel = panel;
        this.webviewReady = new Promise(resolve => (this.markWebviewReady = resolve));
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'file-icon.svg');
        this.panelDisposables.push(
            panel.onDidDispose(() => this.detach()),
            panel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            panel.onDidChangeViewState(event => {
                if (event.webviewPanel.visible) this.scheduleUpdate(0);
            })
        );
        // The first paint carries the tree itself (the webview's script may take a moment to load);
        // a preview restored before the server runs shows a waiting note and gets the tree later.
        if (this.clientIsReady) this.tree = (await this.fetchTree()) ?? this.tree;
        panel.webview.html = this.html(panel.webview);
        if (this.tree) panel.title = this.tree.words.title;
        if (!this.clientIsReady) this.scheduleUpdate(0);
    }

    private detach(): void {
        for (const disposable of this.panelDisposables) disposable.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.webviewReady = undefined;
        this.pendingExport?.resolve(undefined);
        this.pendingExport = undefined;
    }

    /**
     * "Export KPI Tree as SVG/PNG": the webview draws the diagram as shown (PNG on its canvas),
     * the extension asks where to save it and writes it. Opens the preview first if needed.
     */
    async exportDiagram(format: ExportFormat): Promise<void> {
        if (!this.panel) await this.show(vscode.ViewColumn.Beside);
        else if (!this.panel.visible) {
            // A hidden webview has no script running: show it and wait for it to load again.
            this.webviewReady = new Promise(resolve => (this.markWebviewReady = resolve));
            this.panel.reveal(undefined, true);
        }
        await Promise.race([this.webviewReady, new Promise(resolve => setTimeout(resolve, 15_000))]);
        this.pendingExport?.resolve(undefined);
        const answer = await new Promise<ExportedMessage | undefined>(resolve => {
            const timer = setTimeout(() => resolve(undefined), 60_000);
            this.pendingExport = {
                format,
                resolve: message => {
                    clearTimeout(timer);
                    resolve(message);
                }
            };
            void this.post({ type: 'export', format });
        });
        this.pendingExport = undefined;
        if (!answer || answer.data === '') {
            void vscode.window.showErrorMessage(vscode.l10n.t('The KPI tree could not be exported as {0}: the preview did not draw it. Open the preview and try again.', format.toUpperCase()));
            return;
        }
        await saveExport(answer, this.sourceEditor?.document.uri);
    }

    private html(webview: vscode.Webview): string {
        const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file)).toString();
        const tree = this.tree ?? emptyTree();
        return renderDocument(tree, { kind: 'webview', cspSource: webview.cspSource, scriptUri: media('preview.js'), styleUri: media('preview.css') }).html;
    }

    private scheduleUpdate(delay = vscode.workspace.getConfiguration('okr').get<number>('preview.updateDelay', 300)): void {
        if (!this.panel) return;
        clearTimeout(this.updateTimer);
        this.updateTimer = setTimeout(() => void this.update(), Math.max(0, delay));
    }

    /** Fetches the tree and sends it to the webview; skipped while the panel is hidden unless `always`. */
    private async update(always = false): Promise<void> {
        if (!this.panel || (!always && !this.panel.visible)) return;
        const tree = await this.fetchTree();
        if (!tree || !this.panel) return;
        this.tree = tree;
        this.panel.title = tree.words.title;
        await this.post({ type: 'update', tree });
    }

    private async fetchTree(): Promise<KpiTree | undefined> {
        await this.clientReady;
        try {
            // The git revision to compare with, or the scenario the picker chose (spec §9); the plan itself without either.
            const params = this.compareWith ? { compareWith: this.compareWith } : this.scenario ? { scenario: this.scenario } : {};
            return (await this.client.sendRequest(KpiTreeRequest, params)) ?? undefined;
        } catch (error) {
            this.client.warn(`Could not compute the KPI tree: ${(error as Error).message}`);
            return undefined;
        }
    }

    private highlight(editor: vscode.TextEditor): void {
        if (!this.panel) return;
        if (!vscode.workspace.getConfiguration('okr').get<boolean>('preview.highlightCursor', true)) {
            // Turned off: clear what is highlighted (an empty URI matches no node).
            void this.post({ type: 'highlight', uri: '', line: 0, character: 0 });
            return;
        }
        const position = editor.selection.active;
        void this.post({ type: 'highlight', uri: editor.document.uri.toString(), line: position.line, character: position.character });
    }

    private post(message: ToWebviewMessage): Thenable<boolean> | undefined {
        return this.panel?.webview.postMessage(message);
    }

    private async onMessage(raw: unknown): Promise<void> {
        const message = parseWebviewMessage(raw);
        if (!message) return;
        if (message.type === 'ready') {
            // The webview (re)loaded: give it the current tree (still compared as its saved state says), then the cursor to highlight.
            if (message.compareWith !== undefined) this.compareWith = message.compareWith.trim() || undefined;
            await this.update(true);
            if (this.sourceEditor) this.highlight(this.sourceEditor);
            this.markWebviewReady();
        } else if (message.type === 'exported') {
            if (this.pendingExport?.format === message.format) this.pendingExport.resolve(message);
        } else if (message.type === 'scenario') {
            // One question at a time: choosing a scenario stops comparing with a revision, and the reverse.
            this.scenario = message.name || undefined;
            if (this.scenario) this.compareWith = undefined;
            await this.update(true);
        } else if (message.type === 'compareWith') {
            this.compareWith = message.revision.trim() || undefined;
            if (this.compareWith) this.scenario = undefined;
            await this.update(true);
        } else {
            await this.reveal(message);
        }
    }

    /** Opens the declaration a node stands for; only files of the workspace or already open. */
    private async reveal(message: RevealMessage): Promise<void> {
        const uri = vscode.Uri.parse(message.uri, true);
        const known = vscode.workspace.getWorkspaceFolder(uri) !== undefined || vscode.workspace.textDocuments.some(doc => doc.uri.toString() === uri.toString());
        if (!known) return;
        const position = new vscode.Position(message.line, message.character);
        const column = this.sourceEditor?.viewColumn ?? vscode.ViewColumn.One;
        const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position), preserveFocus: false });
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    dispose(): void {
        clearTimeout(this.updateTimer);
        this.panel?.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }
}

function isPlanEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
    return editor?.document.languageId === 'okr';
}

/** What the panel shows before the server has answered. */
function emptyTree(): KpiTree {
    const t = vscode.l10n.t;
    return {
        language: vscode.env.language.startsWith('ru') ? 'ru' : 'en',
        words: {
            title: t('KPI tree'),
            filterPlaceholder: t('Filter by name or label'),
            empty: t('Waiting for the language server…'),
            unlinkedProcesses: '',
            kpisWithoutProcess: '',
            planFindings: '',
            kpiCount: { other: 'KPI' },
            target: '',
            suggestedTarget: '',
            latestActual: '',
            notDerived: '',
            collapseAll: t('Collapse all'),
            expandAll: t('Expand all'),
            diagram: t('Diagram'),
            outline: t('Outline'),
            fitToView: t('Fit'),
            zoomIn: t('Zoom in'),
            zoomOut: t('Zoom out'),
            statuses: { 'on-track': '', 'at-risk': '', 'off-track': '', none: '' },
            kinds: { objective: '', keyresult: '', process: '', stage: '', kpi: 'KPI' }
        },
        objectives: [],
        unlinkedProcesses: [],
        kpisWithoutProcess: [],
        planFindings: [],
        counts: { kpis: 0, errors: 0, warnings: 0 }
    };
}
