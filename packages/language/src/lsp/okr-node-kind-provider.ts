/**
 * The kind of each declaration, for outlines, workspace symbols and completion items. The choice
 * (documented in the language reference):
 *
 * | declaration | SymbolKind     | CompletionItemKind | why |
 * | ----------- | -------------- | ------------------ | --- |
 * | objective   | Module         | Module             | groups key results, as a module groups members |
 * | key result  | Property       | Property           | a measurable property of its objective |
 * | process     | Class          | Class              | a blueprint made of stages |
 * | stage       | Method         | Method             | a step that does work, named `Process.Stage` |
 * | kpi         | Variable       | Variable           | a value tracked over time |
 * | team        | Struct         | Struct             | plain data: headcount, availability |
 * | unit        | TypeParameter  | Unit               | it types the quantities it measures |
 * | calendar, policy | Object    | Value              | unnamed settings blocks |
 * | scenario    | Interface      | Interface          | another face of the same plan (spec §9) |
 */
import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

const KINDS: Record<string, [SymbolKind, CompletionItemKind]> = {
    [ast.Objective.$type]: [SymbolKind.Module, CompletionItemKind.Module],
    [ast.KeyResult.$type]: [SymbolKind.Property, CompletionItemKind.Property],
    [ast.Process.$type]: [SymbolKind.Class, CompletionItemKind.Class],
    [ast.Stage.$type]: [SymbolKind.Method, CompletionItemKind.Method],
    [ast.Kpi.$type]: [SymbolKind.Variable, CompletionItemKind.Variable],
    [ast.Team.$type]: [SymbolKind.Struct, CompletionItemKind.Struct],
    [ast.UnitDeclaration.$type]: [SymbolKind.TypeParameter, CompletionItemKind.Unit],
    [ast.Calendar.$type]: [SymbolKind.Object, CompletionItemKind.Value],
    [ast.Policy.$type]: [SymbolKind.Object, CompletionItemKind.Value],
    [ast.Scenario.$type]: [SymbolKind.Interface, CompletionItemKind.Interface]
};

export class OkrNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
