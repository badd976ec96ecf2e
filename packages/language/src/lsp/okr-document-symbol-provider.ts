/**
 * The outline of a file (spec §7): every declaration, with objectives holding their key results
 * and processes their stages. A symbol's name is the declared name (a stage nests under its
 * process, so `Plastering`, not `Construction.Plastering`), its detail the label string, its kind
 * the one {@link OkrNodeKindProvider} gives. The unnamed `calendar` and `policy` blocks are listed
 * under their keyword. Clauses (owners included, though an `owner "…"` has a `name`) are not symbols.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { OkrServices } from '../okr-module.js';
import { isNamedDeclaration } from '../references/okr-names.js';

export class OkrDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly nodeKindProvider: NodeKindProvider;

    constructor(services: OkrServices) {
        this.nodeKindProvider = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const plan = document.parseResult.value as ast.Plan;
        return (plan.declarations ?? []).flatMap(declaration => this.symbolOf(declaration) ?? []);
    }

    private symbolOf(node: AstNode): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        if (ast.isCalendar(node) || ast.isPolicy(node)) {
            const keyword = GrammarUtils.findNodeForKeyword(cst, ast.isCalendar(node) ? 'calendar' : 'policy');
            if (!keyword) return undefined;
            return { name: keyword.text, kind: this.nodeKindProvider.getSymbolKind(node), range: cst.range, selectionRange: keyword.range };
        }
        if (!isNamedDeclaration(node) || !node.name) return undefined;
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
        if (!nameNode) return undefined;
        const symbol: DocumentSymbol = {
            name: node.name,
            kind: this.nodeKindProvider.getSymbolKind(node),
            range: cst.range,
            selectionRange: nameNode.range
        };
        if (node.label) symbol.detail = node.label;
        if (ast.isObjective(node) || ast.isProcess(node)) {
            const members = (node.clauses as AstNode[]).flatMap(clause => (ast.isKeyResult(clause) || ast.isStage(clause) ? this.symbolOf(clause) ?? [] : []));
            if (members.length > 0) symbol.children = members;
        }
        return symbol;
    }
}
