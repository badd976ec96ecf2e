/**
 * What the desktop and the web extension share: the client's options, the commands, the
 * preview and the reload offer. Each entry (extension.ts for Node, extension-browser.ts for a
 * web worker) only says how the server is started. No Node API here: the browser bundle uses it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { KpiPreviewManager, PREVIEW_VIEW_TYPE } from './preview/preview-manager.js';
import { recordCheckin, type RecordCheckinArgs } from './record-checkin.js';

let client: BaseLanguageClient | undefined;

/** Starts the client the entry creates from these options, then the preview on top of it. */
export async function activateWith(context: vscode.ExtensionContext, createClient: (options: LanguageClientOptions) => BaseLanguageClient): Promise<BaseLanguageClient> {
    client = createClient(clientOptions());
    const previews = new KpiPreviewManager(context, client);
    context.subscriptions.push(
        previews,
        vscode.commands.registerCommand('okr.showPreview', () => previews.show(vscode.ViewColumn.Active)),
        vscode.commands.registerCommand('okr.showPreviewToSide', () => previews.show(vscode.ViewColumn.Beside)),
        vscode.commands.registerCommand('okr.exportSvg', () => previews.exportDiagram('svg')),
        vscode.commands.registerCommand('okr.exportPng', () => previews.exportDiagram('png')),
        vscode.commands.registerCommand('okr.recordCheckin', (args?: RecordCheckinArgs) => recordCheckin(client!, args)),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
        vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('okr.locale')) void offerReload();
        })
    );
    const started = Date.now();
    await client.start();
    // How long the server took to answer its first request (initialize); the e2e suite reads it.
    const answeredMs = Date.now() - started;
    client.info(`OKR Plan language server answered in ${answeredMs} ms`);
    console.info(`[okr-plan] language server answered in ${answeredMs} ms`);
    previews.connect();
    return client;
}

export async function deactivateClient(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function clientOptions(): LanguageClientOptions {
    const locale = vscode.workspace.getConfiguration('okr').get<string>('locale', 'auto');
    return {
        documentSelector: [{ language: 'okr' }],
        initializationOptions: { locale },
        synchronize: {
            // The plan spans every .okr file of the workspace, open or not.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.okr')
        }
    };
}

/** The server takes its language when it starts: offer to restart it by reloading the window. */
async function offerReload(): Promise<void> {
    const reload = vscode.l10n.t('Reload Window');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('OKR Plan speaks the new language after the window reloads.'), reload);
    if (choice === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
}
