/**
 * Find references and document highlights (spec §7), per name segment: on `Construction` in
 * `of Construction.Plastering` they are those of the process, on `Plastering` those of the stage
 * (see {@link OkrReferences}, which also narrows each reference to the segment that names the target).
 */
import { AstUtils, CstUtils, UriUtils, type LangiumDocument, type LeafCstNode } from 'langium';
import { DefaultDocumentHighlightProvider, DefaultReferencesProvider } from 'langium/lsp';
import { Location, type DocumentHighlight, type DocumentHighlightParams, type ReferenceParams } from 'vscode-languageserver';
import { declarationsAt } from '../references/okr-references.js';

export class OkrReferencesProvider extends DefaultReferencesProvider {
    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams): Location[] {
        const locations: Location[] = [];
        for (const target of declarationsAt(this.references, selectedNode)) {
            this.references.findReferences(target, { includeDeclaration: params.context.includeDeclaration })
                .forEach(reference => locations.push(Location.create(reference.sourceUri.toString(), reference.segment.range)));
        }
        return locations;
    }
}

export class OkrDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    override getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams): DocumentHighlight[] | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const selected = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        if (!selected) return undefined;
        const highlights: DocumentHighlight[] = [];
        for (const target of declarationsAt(this.references, selected)) {
            const includeDeclaration = UriUtils.equals(AstUtils.getDocument(target).uri, document.uri);
            this.references.findReferences(target, { documentUri: document.uri, includeDeclaration })
                .forEach(reference => highlights.push(this.createDocumentHighlight(reference)));
        }
        return highlights;
    }
}
