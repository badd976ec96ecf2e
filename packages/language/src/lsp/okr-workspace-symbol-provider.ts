/**
 * Workspace symbols (spec §7): every declaration of every file by its workspace-wide name, so a
 * stage is found as `Construction.Plastering` and a key result as `Deliver.Houses`. The query is
 * matched with {@link OkrFuzzyMatcher}, where a word also starts after the `.`: `plas` finds
 * `Construction.Plastering`. Only declarations are listed (the index also holds the `owner "…"`
 * clauses of objectives and processes, which are not symbols).
 */
import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { NAMED_DECLARATION_TYPES } from '../references/okr-names.js';

export class OkrWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        if (!NAMED_DECLARATION_TYPES.includes(description.type)) return undefined;
        return super.getWorkspaceSymbol(description);
    }
}
