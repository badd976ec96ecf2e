/**
 * All names live in one workspace-wide namespace (spec §3): top-level declarations by their
 * name, stages as `Process.Stage` and key results as `Objective.KeyResult`. Nothing is scoped
 * locally, so there are no local symbols to compute.
 */
import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { memberName as qualify } from './okr-names.js';
import { isKeyResult, isObjective, isProcess, isStage, type Plan } from '../generated/ast.js';

export class OkrScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const exported: AstNodeDescription[] = [];
        const plan = document.parseResult.value as Plan;
        for (const declaration of plan.declarations ?? []) {
            const name = this.nameProvider.getName(declaration);
            if (!name) continue;
            exported.push(this.descriptions.createDescription(declaration, name, document));
            if (isProcess(declaration) || isObjective(declaration)) {
                for (const member of declaration.clauses as AstNode[]) {
                    // Owners have a `name` too (the owner's text); only stages and key results are declarations.
                    if (!isStage(member) && !isKeyResult(member)) continue;
                    const memberName = this.nameProvider.getName(member);
                    if (memberName) exported.push(this.descriptions.createDescription(member, qualify(name, memberName), document));
                }
            }
        }
        return exported;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}
