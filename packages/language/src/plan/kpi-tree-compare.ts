/**
 * The preview's tree compared with a git revision (issue 14): the workspace's tree, each KPI and
 * stage whose figure moved since the revision marked with the figure there and the change — the
 * comparison `okr diff REV` makes (`comparePlans`). Reading the revision is not done here (the
 * browser's server has no git): the caller passes the plan read there, or why it could not be read.
 */
import { comparePlans } from '@okr-plan/engine';
import type { CompareView, KpiTree } from '@okr-plan/preview';
import type { LangiumDocument } from 'langium';
import type { Messages } from '../i18n/messages.js';
import { buildKpiTree } from './kpi-tree.js';
import { markChanges } from './kpi-tree-scenario.js';
import type { WorkspacePlan } from './plan-workspace.js';

/** The plan at a revision as read (`commit`: the short hash), or the worded reason it could not be. */
export type RevisionOutcome =
    | { revision: string; commit: string; plan: WorkspacePlan; documents: LangiumDocument[] }
    | { revision: string; failure: string };

/** The control's state without a comparison: offered where git runs, with its suggestions. */
export function compareControl(messages: Messages, available: boolean, suggestions: string[]): CompareView {
    const { label, placeholder, clear } = messages.compare;
    return { available, revision: null, commit: null, note: null, failed: false, suggestions, words: { label, placeholder, clear } };
}

/** What the server needs of git (`GitRevisionPlans` on Node); the browser's server has none. */
export interface RevisionPlans {
    planAt(revision: string, folders: string[], words: Messages['compare']): Promise<RevisionOutcome>;
    suggestions(folders: string[]): Promise<string[]>;
}

/**
 * Marks `tree` (the workspace's tree of `current`) against the plan at the revision; `compare`
 * says with what and what moved, or why it could not be compared.
 */
export function markComparedWith(tree: KpiTree, current: WorkspacePlan, messages: Messages, outcome: RevisionOutcome, control: CompareView): KpiTree {
    if ('failure' in outcome) {
        tree.compare = { ...control, revision: outcome.revision, note: outcome.failure, failed: true };
        return tree;
    }
    const words = messages.compare;
    const comparison = comparePlans(outcome.plan.analysis, current.analysis);
    markChanges(tree, buildKpiTree(outcome.plan, messages, outcome.documents), comparison);
    tree.words = { ...tree.words, planFigure: words.atRevision(outcome.revision) };
    const moved = (entries: { change: string }[]) => entries.filter(entry => entry.change === 'changed').length;
    const all = [...comparison.kpis, ...comparison.stages];
    const note = words.comparedWith(outcome.revision, outcome.commit, {
        kpis: moved(comparison.kpis),
        stages: moved(comparison.stages),
        added: all.filter(entry => entry.change === 'added').length,
        removed: all.filter(entry => entry.change === 'removed').length
    });
    tree.compare = { ...control, revision: outcome.revision, commit: outcome.commit, note, failed: false };
    return tree;
}
