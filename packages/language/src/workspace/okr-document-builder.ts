/**
 * Keeps diagnostics of unchanged documents true, and typing cheap.
 *
 * A change in one file can change figures and warnings in another that has no reference to it (a
 * key result's target moves the KPIs of its process wherever they are written). After each update
 * Langium has rebuilt the changed documents and those linking to them; this builder then
 * re-validates only the other documents whose plan findings actually changed, so a keystroke costs
 * in proportion to its effect.
 *
 * Validation (where the plan is analysed) waits while the editor's changes come in a burst
 * (typing-pause.ts). A newer change cancels the update; Langium then publishes nothing of it, so a
 * document validated in a cancelled update may show older diagnostics than it has: it is
 * validated, and so published, again in the next update.
 */
import { Cancellation, DefaultDocumentBuilder, DocumentState, isOperationCancelled, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { OkrServices } from '../okr-module.js';
import { TypingPause } from './typing-pause.js';

export class OkrDocumentBuilder extends DefaultDocumentBuilder {
    readonly typing = new TypingPause();
    /** Documents validated during the running update. */
    private validatedNow = new Set<LangiumDocument>();
    /** Documents validated in a cancelled update: their diagnostics may never have been sent. */
    private unsent = new Set<LangiumDocument>();
    private updating = false;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Validated, document => {
            if (this.updating) this.validatedNow.add(document);
        });
        // The hook runs before validation, in update builds only (the initial build has no typing to wait for).
        this.onBuildPhase(DocumentState.IndexedReferences, async (_documents, cancelToken) => {
            if (this.updating) await this.typing.paused(cancelToken);
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.updating = true;
        this.validatedNow = new Set();
        try {
            await super.update(changed, deleted, cancelToken);
            const stale = this.langiumDocuments.all
                .filter(document => document.state === DocumentState.Validated && (this.unsent.has(document) || this.hasStaleFindings(document)))
                .toArray();
            this.unsent.clear();
            if (stale.length === 0) return;
            for (const document of stale) this.resetToState(document, DocumentState.IndexedReferences);
            await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) for (const document of this.validatedNow) this.unsent.add(document);
            throw error;
        } finally {
            this.updating = false;
        }
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
