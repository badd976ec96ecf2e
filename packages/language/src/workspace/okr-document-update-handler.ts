/** Tells the document builder when the editor changes a document, so bursts of typing are coalesced (typing-pause.ts). */
import type { TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { OkrDocumentBuilder } from './okr-document-builder.js';

export class OkrDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly builder: OkrDocumentBuilder;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.builder = services.workspace.DocumentBuilder as OkrDocumentBuilder;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        this.builder.typing.changed();
        super.didChangeContent(change);
    }
}
