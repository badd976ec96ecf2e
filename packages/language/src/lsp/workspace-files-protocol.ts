/**
 * The custom requests a language server in a web worker uses to read the workspace through the
 * editor (`okr/workspace/…`): a worker has no file system of its own, so the browser client
 * answers them with `vscode.workspace.fs`, and the server loads every `.okr` file of the plan,
 * open or not, as the Node server does from disk. URIs travel as strings.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface WorkspaceUriParams {
    uri: string;
}

export interface WorkspaceEntry {
    uri: string;
    isFile: boolean;
    isDirectory: boolean;
}

/** Request `okr/workspace/stat`: what is at a URI (an error when nothing is). */
export const WorkspaceStatRequest = new RequestType<WorkspaceUriParams, WorkspaceEntry, void>('okr/workspace/stat');

/** Request `okr/workspace/readDirectory`: the entries of a folder. */
export const WorkspaceReadDirectoryRequest = new RequestType<WorkspaceUriParams, WorkspaceEntry[], void>('okr/workspace/readDirectory');

/** Request `okr/workspace/readFile`: a file's text, decoded as UTF-8. */
export const WorkspaceReadFileRequest = new RequestType<WorkspaceUriParams, string, void>('okr/workspace/readFile');
