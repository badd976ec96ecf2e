/**
 * The browser client's side of the `okr/workspace/…` requests: the language server in a web
 * worker has no file system, so it asks the editor, which reads through `vscode.workspace.fs`
 * (a GitHub repository on github.dev, the remote folder in code-server, a local folder on
 * vscode.dev). Reads are limited to the workspace folders.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    WorkspaceReadDirectoryRequest,
    WorkspaceReadFileRequest,
    WorkspaceStatRequest,
    type WorkspaceEntry
} from '@okr-plan/language/workspace-files-protocol';

/** Registers the handlers; call before the client starts, as the server loads the workspace on start. */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable {
    const decoder = new TextDecoder('utf-8');
    const handlers = [
        client.onRequest(WorkspaceStatRequest, async ({ uri }) => {
            const target = workspaceUri(uri);
            return entry(target, (await vscode.workspace.fs.stat(target)).type);
        }),
        client.onRequest(WorkspaceReadDirectoryRequest, async ({ uri }) => {
            const folder = workspaceUri(uri);
            const entries = await vscode.workspace.fs.readDirectory(folder);
            return entries.map(([name, type]) => entry(vscode.Uri.joinPath(folder, name), type));
        }),
        client.onRequest(WorkspaceReadFileRequest, async ({ uri }) => decoder.decode(await vscode.workspace.fs.readFile(workspaceUri(uri))))
    ];
    return vscode.Disposable.from(...handlers);
}

/** The URI if it lies in a workspace folder; the server has no business elsewhere. */
function workspaceUri(text: string): vscode.Uri {
    const uri = vscode.Uri.parse(text, true);
    if (!vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`${uri.toString(true)} is not in a workspace folder`);
    return uri;
}

function entry(uri: vscode.Uri, type: vscode.FileType): WorkspaceEntry {
    // A symbolic link carries the type of its target with the SymbolicLink bit added.
    return { uri: uri.toString(), isFile: (type & vscode.FileType.File) !== 0, isDirectory: (type & vscode.FileType.Directory) !== 0 };
}
