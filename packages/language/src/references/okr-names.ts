/**
 * Names as the editor features see them (spec §3): every declaration lives in one workspace-wide
 * namespace, stages as `Process.Stage` and key results as `Objective.KeyResult`. A reference such
 * as `of Construction.Plastering` is one cross-reference whose text has several name segments;
 * navigation, rename and highlighting work on the segment under the cursor.
 */
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, isReference, type AstNode, type CstNode, type Grammar, type LeafCstNode, type Reference } from 'langium';
import * as ast from '../generated/ast.js';

/** The ID terminal of the grammar, anchored: what a new name must look like. */
export const ID_PATTERN = /^[_\p{L}][_\p{L}\p{M}\p{N}]*$/u;

/** The declarations that carry a name of their own (an `owner "…"` clause has a `name` too, but is no declaration). */
export type NamedDeclaration = ast.UnitDeclaration | ast.Team | ast.Objective | ast.KeyResult | ast.Process | ast.Stage | ast.Kpi | ast.Scenario;

export const NAMED_DECLARATION_TYPES: readonly string[] = [
    ast.UnitDeclaration.$type, ast.Team.$type, ast.Objective.$type, ast.KeyResult.$type,
    ast.Process.$type, ast.Stage.$type, ast.Kpi.$type, ast.Scenario.$type
];

export function isNamedDeclaration(node: AstNode | undefined): node is NamedDeclaration {
    return node !== undefined && NAMED_DECLARATION_TYPES.includes(node.$type);
}

/** The workspace-wide name of a member declared inside another: `Construction.Plastering`, `Deliver.Houses`. */
export function memberName(ownerName: string, name: string): string {
    return `${ownerName}.${name}`;
}

/** A declaration's workspace-wide name: `Plasterers`, `Construction.Plastering`, `Deliver.Houses`. */
export function qualifiedName(node: NamedDeclaration): string | undefined {
    if (!node.name) return undefined;
    if (ast.isStage(node) || ast.isKeyResult(node)) {
        const owner = node.$container;
        return owner?.name ? memberName(owner.name, node.name) : undefined;
    }
    return node.name;
}

/** The declaration a member belongs to: a stage's process, a key result's objective. */
export function ownerOf(node: AstNode): NamedDeclaration | undefined {
    if (ast.isStage(node) || ast.isKeyResult(node)) return node.$container;
    return undefined;
}

/** Whether a CST node is one name token (the ID terminal). */
export function isNameToken(node: CstNode | undefined): node is LeafCstNode {
    return node !== undefined && isLeafCstNode(node) && node.tokenType.name === 'ID';
}

/** The ID tokens written in a reference, in order: `Construction`, `Plastering` for `Construction.Plastering`. */
export function nameSegments(refNode: CstNode | undefined): LeafCstNode[] {
    if (!refNode) return [];
    return CstUtils.flattenCst(refNode).filter(leaf => !leaf.hidden && isNameToken(leaf)).toArray();
}

/** The reference whose text contains `leaf`, with the AST node holding it, if `leaf` is part of a reference. */
export function referenceAt(leaf: CstNode): { container: AstNode; reference: Reference } | undefined {
    const container = leaf.astNode;
    for (const { reference } of AstUtils.streamReferences(container)) {
        if (!isReference(reference)) continue;
        const refNode = reference.$refNode;
        if (refNode && refNode.offset <= leaf.offset && leaf.end <= refNode.end) return { container, reference };
    }
    return undefined;
}

/**
 * What each segment of a qualified reference names, given the declaration the whole reference
 * resolves to: the last segment names the target, the one before it the target's owner.
 */
export function segmentTargets(target: AstNode, segmentCount: number): Array<AstNode | undefined> {
    const targets: Array<AstNode | undefined> = new Array(segmentCount).fill(undefined);
    let current: AstNode | undefined = target;
    for (let index = segmentCount - 1; index >= 0 && current; index--) {
        targets[index] = current;
        current = ownerOf(current);
    }
    return targets;
}

/** Every keyword of the grammar: none of them can be a name. */
export function grammarKeywords(grammar: Grammar): Set<string> {
    return new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
}
