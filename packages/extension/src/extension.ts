/**
 * The OKR Plan extension: a thin client. It starts the bundled language server (diagnostics,
 * hovers, hints, fixes, formatting… all live there) and shows the KPI-tree preview, whose data
 * the server computes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { KpiPreviewManager, PREVIEW_VIEW_TYPE } from './preview/preview-manager.js';
import { recordCheckin, type RecordCheckinArgs } from './record-checkin.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = startLanguageClient(context);
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
    await client.start();
    previews.connect();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** The server takes its language when it starts: offer to restart it by reloading the window. */
async function offerReload(): Promise<void> {
    const reload = vscode.l10n.t('Reload Window');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('OKR Plan speaks the new language after the window reloads.'), reload);
    if (choice === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
}

function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const locale = vscode.workspace.getConfiguration('okr').get<string>('locale', 'auto');
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'okr' }],
        initializationOptions: { locale },
        synchronize: {
            // The plan spans every .okr file of the workspace, open or not.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.okr')
        }
    };
    return new LanguageClient('okr', 'OKR Plan', serverOptions, clientOptions);
}
