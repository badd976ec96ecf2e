/**
 * The OKR Plan extension on the desktop (and in code-server's Node host): a thin client. It
 * starts the bundled language server over IPC (diagnostics, hovers, hints, fixes, formatting…
 * all live there) and shows the KPI-tree preview, whose data the server computes.
 * The web entry is extension-browser.ts; both share activation.ts.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivateClient } from './activation.js';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    await activateWith(context, options => new LanguageClient('okr', 'OKR Plan', serverOptions, options));
}

export const deactivate = deactivateClient;
