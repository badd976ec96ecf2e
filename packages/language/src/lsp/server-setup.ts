/** What the server does beyond Langium's defaults when a client connects. */
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { languageOf } from '../i18n/locale.js';
import type { CancellationToken } from 'vscode-languageserver';
import { KpiTreeRequest, PlanChangedNotification, type KpiTreeParams } from './kpi-tree-protocol.js';
import { answerOnFailure, guardRequests } from './request-guard.js';
import type { OkrServices } from '../okr-module.js';
import { kpiTreeWithScenarios } from '../plan/kpi-tree-scenario.js';
import { ScenarioPlanWorkspace } from '../plan/scenario-workspace.js';
import { compareControl, markComparedWith, type RevisionPlans } from '../plan/kpi-tree-compare.js';
import { registerCheckinRequests } from './checkin-requests.js';
import { reportInitialBuildProgress } from '../workspace/initial-build-progress.js';

type PlanWorkspaceLike = OkrServices['plan']['PlanWorkspace'];

/** `revisionPlans`: how to read the plan at a git revision, for the preview's "compare with" (Node only; absent in the browser). */
export function configureServer(shared: LangiumSharedServices, okr: OkrServices, revisionPlans?: RevisionPlans): void {
    let canRefreshInlayHints = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        // An explicit override from the client (a setting) wins over the editor's display language.
        const options = params.initializationOptions as { locale?: unknown } | undefined;
        const override = typeof options?.locale === 'string' && options.locale !== 'auto' ? options.locale : undefined;
        okr.i18n.Messages.language = languageOf(override ?? params.locale);
    });
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const internalErrors = okr.validation.InternalErrors;
    guardRequests(connection, internalErrors);
    // The plan under each scenario the preview asked for: one cached workspace plan per name.
    const scenarioWorkspaces = new Map<string, ScenarioPlanWorkspace>();
    connection.onRequest(KpiTreeRequest, answerOnFailure(async (params: KpiTreeParams, cancelToken: CancellationToken) => {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, cancelToken);
        const messages = okr.i18n.Messages;
        const compareWith = revisionOf(params?.compareWith);
        // One question at a time: comparing with a revision wins over a scenario.
        const name = compareWith === undefined && typeof params?.scenario === 'string' && params.scenario !== '' ? params.scenario : undefined;
        const base = okr.plan.PlanWorkspace.current();
        let scenario: { name: string; plan: ReturnType<PlanWorkspaceLike['current']> } | undefined;
        if (name !== undefined && base.declarations.get(name)?.some(declared => declared.kind === 'scenario')) {
            if (!scenarioWorkspaces.has(name)) scenarioWorkspaces.set(name, new ScenarioPlanWorkspace(okr, name));
            scenario = { name, plan: scenarioWorkspaces.get(name)!.current() };
        }
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        const tree = kpiTreeWithScenarios(base, messages, documents, scenario);
        const folders = (shared.workspace.WorkspaceManager.workspaceFolders ?? []).map(folder => URI.parse(folder.uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
        const control = compareControl(messages, revisionPlans !== undefined, revisionPlans ? await revisionPlans.suggestions(folders) : []);
        if (compareWith === undefined) {
            tree.compare = control;
            return tree;
        }
        const outcome = revisionPlans ? await revisionPlans.planAt(compareWith, folders, messages.compare) : { revision: compareWith, failure: messages.compare.needsDesktop };
        return markComparedWith(tree, base, messages, outcome, control);
    }, KpiTreeRequest.method, null, internalErrors));
    registerCheckinRequests(connection, shared, okr);
    reportInitialBuildProgress(shared, connection, () => okr.i18n.Messages.language);
    // Turning a kind of inlay hint on or off should show at once, not at the next edit.
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'okr' && canRefreshInlayHints) void connection.languages.inlayHint.refresh();
    });
    // Tell the preview after every build; it asks for the tree when it is visible.
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        void connection.sendNotification(PlanChangedNotification);
    });
}

/** A revision as the user typed it, trimmed; undefined for none. Git reads it as a revision only (never as an option). */
function revisionOf(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    const revision = value.trim();
    return revision === '' || revision.length > 256 ? undefined : revision;
}
