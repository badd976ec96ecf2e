/**
 * Semantic tokens (spec §7). The legend is LSP's standard one (Langium's `AllSemanticTokenTypes`
 * and `AllSemanticTokenModifiers`), so every theme colours the tokens without extra contributions.
 * What each token of a plan is given (documented in the language reference):
 *
 * | what                                   | token type   | modifiers |
 * | -------------------------------------- | ------------ | --------- |
 * | unit name (`unit m2`, `output m2`, rates, `needs`/`yields`) | `type` | |
 * | team name                              | `struct`     | |
 * | objective name                         | `class`      | |
 * | key result name                        | `property`   | |
 * | process name, and the `Process` segment of `Process.Stage` | `namespace` | |
 * | stage name, and the `Stage` segment    | `method`     | |
 * | KPI name                               | `variable`   | |
 * | scenario name (`scenario Hire`, `extends Hire`) | `interface` | |
 * | number, percentage (`10`, `1_000`, `2.5%`, each end of a range) | `number` | |
 * | period of an actual (`2026-01`, `2026-W03`, `2026-Q1`) | `number` | |
 * | time unit (`day` … `year`)             | `enumMember` | `defaultLibrary` |
 *
 * A name where it is declared carries the `declaration` modifier; where it is referred to, none.
 * A reference is coloured by what it refers to even while it does not resolve, so typing does not
 * flicker. Keywords, strings and comments are left to the TextMate grammar.
 */
import { AstUtils, isReference, type AstNode, type AstReflection, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { OkrServices } from '../okr-module.js';
import { isNamedDeclaration, nameSegments, segmentTargets } from '../references/okr-names.js';

/** The token type of each kind of declaration, wherever its name is written. */
export const DECLARATION_TOKEN_TYPES: Record<string, string> = {
    [ast.UnitDeclaration.$type]: SemanticTokenTypes.type,
    [ast.Team.$type]: SemanticTokenTypes.struct,
    [ast.Objective.$type]: SemanticTokenTypes.class,
    [ast.KeyResult.$type]: SemanticTokenTypes.property,
    [ast.Process.$type]: SemanticTokenTypes.namespace,
    [ast.Stage.$type]: SemanticTokenTypes.method,
    [ast.Kpi.$type]: SemanticTokenTypes.variable,
    [ast.Scenario.$type]: SemanticTokenTypes.interface
};

/** The declaration type a member's qualified name starts with. */
const OWNER_TYPES: Record<string, string> = {
    [ast.Stage.$type]: ast.Process.$type,
    [ast.KeyResult.$type]: ast.Objective.$type
};

export class OkrSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: OkrServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isNamedDeclaration(node) && node.name) {
            acceptor({ node, property: 'name', type: DECLARATION_TOKEN_TYPES[node.$type], modifier: SemanticTokenModifiers.declaration });
        }
        for (const { reference, property } of AstUtils.streamReferences(node)) {
            if (isReference(reference)) this.highlightReference(node, property, reference, acceptor);
        }
        if (ast.isNumberLiteral(node)) {
            acceptor({ node, property: 'text', type: SemanticTokenTypes.number });
        } else if ((ast.isActual(node) || ast.isMilestone(node)) && node.period) {
            acceptor({ node, property: 'period', type: SemanticTokenTypes.number });
        } else if (ast.isHoliday(node) || ast.isObjectivePeriod(node)) {
            // Dates of the plan over time (spec §8) read like the periods of check-ins.
            if (node.from) acceptor({ node, property: 'from', type: SemanticTokenTypes.number });
            if (node.to) acceptor({ node, property: 'to', type: SemanticTokenTypes.number });
        } else if ((ast.isRate(node) || ast.isWorkdays(node)) && node.per) {
            acceptor({ node, property: 'per', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.defaultLibrary });
        } else if (ast.isKpiPer(node) && node.timeUnit) {
            acceptor({ node, property: 'timeUnit', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.defaultLibrary });
        }
    }

    /** Each name segment of a reference by what it names: `Construction` namespace, `Plastering` method. */
    private highlightReference(container: AstNode, property: string, reference: Reference, acceptor: SemanticTokenAcceptor): void {
        const segments = nameSegments(reference.$refNode);
        if (segments.length === 0) return;
        const types: Array<string | undefined> = reference.ref
            ? segmentTargets(reference.ref, segments.length).map(target => target?.$type)
            : this.expectedTypes(container, property, reference, segments.length);
        segments.forEach((segment, index) => {
            const type = DECLARATION_TOKEN_TYPES[types[index] ?? ''];
            if (type) acceptor({ cst: segment, type });
        });
    }

    /** For an unresolved reference: the declaration types its segments are meant to name. */
    private expectedTypes(container: AstNode, property: string, reference: Reference, count: number): Array<string | undefined> {
        const types: Array<string | undefined> = new Array(count).fill(undefined);
        let type: string | undefined = this.reflection.getReferenceType({ container, property, reference });
        for (let index = count - 1; index >= 0 && type; index--) {
            types[index] = type;
            type = OWNER_TYPES[type];
        }
        return types;
    }
}
