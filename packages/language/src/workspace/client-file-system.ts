/**
 * Langium's file system for a server in a web worker: every read goes to the editor over the
 * `okr/workspace/…` requests (see lsp/workspace-files-protocol.ts), which the browser client
 * answers from `vscode.workspace.fs`. Langium reads files only asynchronously while it loads a
 * workspace; the synchronous variants cannot cross a message channel and say so.
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { RequestType } from 'vscode-languageserver-protocol';
import {
    WorkspaceReadDirectoryRequest,
    WorkspaceReadFileRequest,
    WorkspaceStatRequest,
    type WorkspaceEntry,
    type WorkspaceUriParams
} from '../lsp/workspace-files-protocol.js';

/** What the file system needs of the LSP connection: sending a request to the client by its method. */
export type SendRequest = (method: string, params: WorkspaceUriParams) => Promise<unknown>;

export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly send: SendRequest) {}

    /** The answer's type is the request's: the client implements the same typed protocol. */
    private async request<R>(type: RequestType<WorkspaceUriParams, R, void>, uri: URI): Promise<R> {
        return (await this.send(type.method, { uri: uri.toString() })) as R;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return toNode(await this.request(WorkspaceStatRequest, uri));
    }

    async exists(uri: URI): Promise<boolean> {
        try {
            await this.stat(uri);
            return true;
        } catch {
            return false;
        }
    }

    async readFile(uri: URI): Promise<string> {
        return this.request(WorkspaceReadFileRequest, uri);
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.request(WorkspaceReadDirectoryRequest, uri);
        return entries.map(toNode);
    }

    statSync(uri: URI): FileSystemNode {
        throw synchronousRead(uri);
    }

    existsSync(uri: URI): boolean {
        throw synchronousRead(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        throw synchronousRead(uri);
    }

    readFileSync(uri: URI): string {
        throw synchronousRead(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        throw synchronousRead(uri);
    }
}

function toNode(entry: WorkspaceEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}

function synchronousRead(uri: URI): Error {
    return new Error(`Cannot read ${uri.toString()} synchronously: in the browser the workspace is read through the editor.`);
}
