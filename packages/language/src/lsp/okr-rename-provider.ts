/**
 * Rename (spec §3, §7). Names are workspace-wide, so a rename edits every file:
 *
 * - a stage: its declaration and the `Stage` segment of every `Process.Stage` reference;
 * - a process: its declaration, every `via` and the `Process` prefix of every qualified
 *   reference to one of its stages;
 * - an objective or key result, a unit, a team, a KPI: the declaration and every use.
 *
 * The per-segment edits come from {@link OkrReferences}. The new name must be a name the grammar
 * reads back as one (the ID terminal, not a keyword) and must not clash with another declaration;
 * otherwise the request fails with a message saying why (in the editor's language).
 */
import { AstUtils, CstUtils, type AstNode, type CstNode, type Grammar, type IndexManager, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type PrepareRenameParams, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import { declarationsAt } from '../references/okr-references.js';
import { ID_PATTERN, grammarKeywords, isNamedDeclaration, ownerOf, qualifiedName, type NamedDeclaration } from '../references/okr-names.js';

const WORDS = {
    en: {
        invalid: (name: string) => `'${name}' is not a valid name: a name starts with a letter or '_' and goes on with letters, digits or '_'.`,
        keyword: (name: string) => `'${name}' is a keyword of the language and cannot be a name.`,
        taken: (name: string) => `'${name}' is already declared; every name must be unique in the workspace.`
    },
    ru: {
        invalid: (name: string) => `«${name}» — недопустимое имя: имя начинается с буквы или «_», дальше идут буквы, цифры или «_».`,
        keyword: (name: string) => `«${name}» — ключевое слово языка, оно не может быть именем.`,
        taken: (name: string) => `«${name}» уже объявлено; каждое имя в рабочей области должно быть уникальным.`
    }
};

export class OkrRenameProvider extends DefaultRenameProvider {
    private readonly keywords: Set<string>;
    private readonly indexManager: IndexManager;
    private readonly messages: Messages;

    constructor(services: OkrServices) {
        super(services);
        this.keywords = grammarKeywords(services.Grammar as Grammar);
        this.indexManager = services.shared.workspace.IndexManager;
        this.messages = services.i18n.Messages;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const found = this.targetAt(document, params.position);
        if (!found) return undefined;
        const { target } = found;
        const newName = params.newName;
        this.checkName(target, newName);
        if (newName === target.name) return { changes: {} };

        const changes: Record<string, TextEdit[]> = {};
        const seen = new Set<string>();
        for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
            const uri = ref.sourceUri.toString();
            const key = `${uri}#${ref.segment.offset}`;
            if (seen.has(key)) continue;
            seen.add(key);
            (changes[uri] ??= []).push({ range: ref.segment.range, newText: newName });
        }
        return { changes };
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        return this.targetAt(document, params.position)?.leaf.range;
    }

    /** The declaration named by the name token at `position`: at its declaration or in a reference. */
    private targetAt(document: LangiumDocument, position: RenameParams['position']): { target: NamedDeclaration; leaf: CstNode } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf || leaf.tokenType.name !== 'ID') return undefined;
        const target = declarationsAt(this.references, leaf)[0];
        return isNamedDeclaration(target) ? { target, leaf } : undefined;
    }

    private checkName(target: NamedDeclaration, newName: string): void {
        const words = WORDS[this.messages.language];
        if (!ID_PATTERN.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, words.invalid(newName));
        if (this.keywords.has(newName)) throw new ResponseError(ErrorCodes.InvalidParams, words.keyword(newName));
        if (newName === target.name) return;
        const owner = ownerOf(target);
        const ownerName = owner && qualifiedName(owner);
        const newQualified = ownerName ? `${ownerName}.${newName}` : newName;
        const clash = this.indexManager.allElements()
            .some(description => description.name === newQualified && isNamedDeclaration(description.node) && description.node !== target);
        if (clash || this.clashesInside(target, newName)) throw new ResponseError(ErrorCodes.InvalidParams, words.taken(newQualified));
    }

    /** A sibling declared under the same owner with that name (covers a document not yet indexed). */
    private clashesInside(target: NamedDeclaration, newName: string): boolean {
        const container: AstNode | undefined = target.$container;
        if (!container) return false;
        return AstUtils.streamContents(container).some(sibling => sibling !== target && isNamedDeclaration(sibling) && sibling.name === newName);
    }
}
