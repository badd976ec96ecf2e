/**
 * Go to definition (spec §7). Which declaration a name token leads to is decided per segment by
 * {@link OkrReferences} (`Construction` in `of Construction.Plastering` opens the process,
 * `Plastering` the stage), and the link starts at that segment only, so the editor underlines the
 * part of the name that the jump follows.
 */
import { AstUtils, type CstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';
import { isNameToken, nameSegments, referenceAt } from '../references/okr-names.js';
import { declarationsAt } from '../references/okr-references.js';

export class OkrDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: CstNode): GoToLink[] {
        const found = referenceAt(source);
        if (!found || !isNameToken(source) || nameSegments(found.reference.$refNode).length <= 1) return super.findLinks(source);
        const links: GoToLink[] = [];
        for (const target of declarationsAt(this.references, source)) {
            const nameNode = this.nameProvider.getNameNode(target) ?? target.$cstNode;
            if (nameNode) links.push({ source, target: nameNode, targetDocument: AstUtils.getDocument(target) });
        }
        return links;
    }
}
