/**
 * Keeps diagnostics of unchanged documents true. A change in one file can change figures and
 * warnings in another that has no reference to it (a key result's target moves the KPIs of its
 * process wherever they are written). After each update Langium has rebuilt the changed documents
 * and those linking to them; this builder then re-validates only the other documents whose plan
 * findings actually changed, so a keystroke costs in proportion to its effect.
 */
import { Cancellation, DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { OkrServices } from '../okr-module.js';

export class OkrDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        const stale = this.langiumDocuments.all
            .filter(document => document.state === DocumentState.Validated && this.hasStaleFindings(document))
            .toArray();
        if (stale.length === 0) return;
        for (const document of stale) this.resetToState(document, DocumentState.IndexedReferences);
        await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
    }

    /** A failure while comparing (a bug) re-validates the document, whose validator then reports it. */
    private hasStaleFindings(document: LangiumDocument): boolean {
        const services = this.serviceRegistry.getServices(document.uri) as Partial<OkrServices>;
        try {
            return services.plan?.PlanWorkspace.hasStaleFindings(document) ?? false;
        } catch {
            return true;
        }
    }
}
