/**
 * Folding ranges (spec §7): every `{ … }` block of a declaration (calendar, policy, team,
 * objective, key result, process, stage, KPI) that spans three lines or more folds up to the line
 * before its closing brace; a block comment over two lines or more folds whole; and so does a run
 * of two or more `//` comment lines (a `///` documentation comment, say). Clauses never fold, even
 * when written over several lines.
 */
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

const BLOCK_TYPES: readonly string[] = [
    ast.Calendar.$type, ast.Policy.$type, ast.Team.$type, ast.Objective.$type, ast.KeyResult.$type,
    ast.Process.$type, ast.Stage.$type, ast.Kpi.$type,
    ast.Scenario.$type, ast.ScenarioTeam.$type, ast.ScenarioKeyResult.$type, ast.ScenarioStage.$type, ast.ScenarioKpi.$type, ast.ScenarioProcess.$type
];

export class OkrFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return BLOCK_TYPES.includes(node.$type) && node.$cstNode?.text.trimEnd().endsWith('}') === true;
    }

    protected override shouldProcessContent(node: AstNode): boolean {
        return node.$type === ast.Plan.$type || ast.isObjective(node) || ast.isProcess(node) || ast.isScenario(node);
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const root = node.$cstNode;
        if (!root) return;
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) acceptor(FoldingRange.create(run.start, run.end, undefined, undefined, FoldingRangeKind.Comment));
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            const type = leaf.tokenType.name;
            if (type === 'ML_COMMENT') {
                flush();
                const { start, end } = leaf.range;
                if (end.line > start.line) acceptor(FoldingRange.create(start.line, end.line, undefined, undefined, FoldingRangeKind.Comment));
            } else if (type === 'SL_COMMENT' && this.startsLine(document, leaf.offset)) {
                const line = leaf.range.start.line;
                if (run && run.end === line - 1) run.end = line;
                else {
                    flush();
                    run = { start: line, end: line };
                }
            } else if (!leaf.hidden || type !== 'WS') {
                flush();
            }
        }
        flush();
    }

    /** Whether only whitespace stands between the start of its line and `offset`. */
    private startsLine(document: LangiumDocument, offset: number): boolean {
        const text = document.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return text.slice(lineStart, offset).trim() === '';
    }
}
