/**
 * Documentation comments (spec §2): the `///` lines, or the one block comment, directly before a
 * declaration, with nothing but whitespace between them and the declaration.
 */
import { AstUtils, type AstNode, type DocumentationProvider } from 'langium';

export class OkrDocumentationProvider implements DocumentationProvider {
    getDocumentation(node: AstNode): string | undefined {
        const start = node.$cstNode?.offset;
        if (start === undefined) return undefined;
        return documentationBefore(AstUtils.getDocument(node).textDocument.getText(), start);
    }
}

/** The documentation comment that ends right before `offset` in `text`, without its comment markers. */
export function documentationBefore(text: string, offset: number): string | undefined {
    let end = offset;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    if (text.endsWith('*/', end) ) {
        const open = text.lastIndexOf('/*', end - 2);
        if (open < 0) return undefined;
        const body = text.slice(open + 2, end - 2).replace(/^\*/, '');
        const lines = body.split(/\r?\n/).map(line => line.replace(/^\s*\*? ?/, '').trimEnd());
        return trimBlankLines(lines).join('\n') || undefined;
    }
    const lines: string[] = [];
    let lineEnd = end;
    while (lineEnd > 0) {
        const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
        const line = text.slice(lineStart, lineEnd).trim();
        if (!line.startsWith('///')) break;
        lines.unshift(line.slice(3).replace(/^ /, ''));
        lineEnd = lineStart - 1;
        if (lineEnd > 0 && text[lineEnd - 1] === '\r') lineEnd--;
    }
    return trimBlankLines(lines).join('\n') || undefined;
}

function trimBlankLines(lines: string[]): string[] {
    let first = 0;
    let last = lines.length;
    while (first < last && !lines[first].trim()) first++;
    while (last > first && !lines[last - 1].trim()) last--;
    return lines.slice(first, last);
}
