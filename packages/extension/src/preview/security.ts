/**
 * The preview's boundary with the webview: what the webview may load (only the extension's
 * media folder, scripts on) and which messages from it are accepted (known types, checked fields).
 */
import type { FromWebviewMessage } from '@okr-plan/preview';
import * as vscode from 'vscode';

export function previewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')]
    };
}

export type RevealMessage = Extract<FromWebviewMessage, { type: 'reveal' }>;

const ALLOWED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote']);

/** The message if it is one the preview sends and its fields are sound; undefined otherwise. */
export function parseWebviewMessage(raw: unknown): FromWebviewMessage | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const message = raw as Record<string, unknown>;
    if (message.type === 'ready') return { type: 'ready' };
    if (message.type !== 'reveal') return undefined;
    const { uri, line, character } = message;
    if (typeof uri !== 'string' || uri.length > 4096) return undefined;
    if (!isLineNumber(line) || !isLineNumber(character)) return undefined;
    let scheme: string;
    try {
        scheme = vscode.Uri.parse(uri, true).scheme;
    } catch {
        return undefined;
    }
    if (!ALLOWED_SCHEMES.has(scheme)) return undefined;
    return { type: 'reveal', uri, line, character };
}

function isLineNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000;
}
