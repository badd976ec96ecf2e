/**
 * The editor's side of a property-based case, in process: the text becomes the content of an
 * open document (rebuilt incrementally, as on a keystroke, next to an unchanged second file),
 * then every request an editor makes is asked — diagnostics, hovers, completion, inlay hints,
 * code actions for every diagnostic, formatting, symbols, folding, semantic tokens, the KPI
 * tree and its HTML. Returns everything a user could see, as text, for the caller to check.
 */
import { buildKpiTree, createOkrServices, type OkrServices } from '@okr-plan/language';
import { renderTree } from '@okr-plan/preview';
import { EmptyFileSystemProvider, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';

const EDITED = URI.parse('file:///fuzz/edited.okr');
const NEIGHBOUR = URI.parse('file:///fuzz/neighbour.okr');
const NEIGHBOUR_TEXT = 'unit house "houses"\nteam Neighbours { headcount 2 }\nobjective Far { keyresult Houses { target 3 house per month via Construction } }\n';

class MemoryFileSystem extends EmptyFileSystemProvider {
    constructor(private readonly texts: Map<string, string>) {
        super();
    }
    override async readFile(uri: URI): Promise<string> {
        return this.texts.get(uri.toString()) ?? '';
    }
}

export class FuzzEditor {
    private readonly texts = new Map<string, string>();
    private readonly shared: LangiumSharedCoreServices;
    private readonly okr: OkrServices;
    private started = false;

    constructor() {
        const { shared, Okr } = createOkrServices({ fileSystemProvider: () => new MemoryFileSystem(this.texts) });
        this.shared = shared;
        this.okr = Okr;
    }

    /** Replaces the edited document's text and answers every request on it. */
    async visit(text: string, fractions: number[]): Promise<string[]> {
        this.texts.set(EDITED.toString(), text);
        if (!this.started) {
            this.texts.set(NEIGHBOUR.toString(), NEIGHBOUR_TEXT);
            const documents = [EDITED, NEIGHBOUR].map(uri => {
                const document = this.shared.workspace.LangiumDocumentFactory.fromString(this.texts.get(uri.toString()) ?? '', uri);
                this.shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            await this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            this.started = true;
        } else {
            await this.shared.workspace.DocumentBuilder.update([EDITED], []);
        }
        const document = this.shared.workspace.LangiumDocuments.getDocument(EDITED) as LangiumDocument;
        return this.requests(document, fractions);
    }

    private async requests(document: LangiumDocument, fractions: number[]): Promise<string[]> {
        const lsp = this.okr.lsp;
        const textDocument = { uri: document.uri.toString() };
        const text = document.textDocument.getText();
        const diagnostics = document.diagnostics ?? [];
        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
        const seen: unknown[] = [diagnostics];
        for (const fraction of fractions) {
            const position = document.textDocument.positionAt(Math.floor(fraction * text.length));
            seen.push(await lsp.HoverProvider?.getHoverContent(document, { textDocument, position }));
            seen.push(await lsp.CompletionProvider?.getCompletion(document, { textDocument, position }));
        }
        seen.push(await lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole }));
        seen.push(await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: whole, context: { diagnostics } }));
        seen.push(await lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } }));
        seen.push(await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
        seen.push(await lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
        seen.push(await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
        const tree = buildKpiTree(this.okr.plan.PlanWorkspace.current(), this.okr.i18n.Messages, this.shared.workspace.LangiumDocuments.all);
        seen.push(tree, renderTree(tree));
        return seen.map(value => (typeof value === 'string' ? value : JSON.stringify(value ?? null)));
    }
}
