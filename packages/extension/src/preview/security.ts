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
    if (message.type === 'ready') return isRevision(message.compareWith) && message.compareWith !== '' ? { type: 'ready', compareWith: message.compareWith } : { type: 'ready' };
    if (message.type === 'compareWith') return isRevision(message.revision) ? { type: 'compareWith', revision: message.revision } : undefined;
    if (message.type === 'exported') return parseExported(message);
    if (message.type === 'scenario') {
        const { name } = message;
        return typeof name === 'string' && name.length <= 1000 ? { type: 'scenario', name } : undefined;
    }
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

/** A git revision as typed: short, one line, no control characters (git reads it as a revision only). */
function isRevision(value: unknown): value is string {
    return typeof value === 'string' && value.length <= 256 && !/[\u0000-\u001f\u007f]/.test(value);
}

function isLineNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000;
}

export type ExportedMessage = Extract<FromWebviewMessage, { type: 'exported' }>;

/** Exports larger than this are refused (a 3,600-KPI plan fully expanded is far below it). */
export const MAX_EXPORT_LENGTH = 256 * 1024 * 1024;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]*={0,2}$/;

/** An export answer: an SVG document, or a PNG data URL; an empty answer means the webview could not draw it. */
function parseExported(message: Record<string, unknown>): ExportedMessage | undefined {
    const { format, data } = message;
    if ((format !== 'svg' && format !== 'png') || typeof data !== 'string' || data.length > MAX_EXPORT_LENGTH) return undefined;
    if (data === '') return { type: 'exported', format, data };
    if (format === 'svg' && !data.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')) return undefined;
    if (format === 'png' && !PNG_DATA_URL.test(data)) return undefined;
    return { type: 'exported', format, data };
}

/** The bytes of a file for an export answer. */
export function exportedBytes(message: ExportedMessage): Uint8Array {
    if (message.format === 'svg') return new TextEncoder().encode(message.data);
    // atob, not Buffer: this runs in the web worker extension host too, which has no Node globals.
    const binary = atob(message.data.slice(message.data.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
