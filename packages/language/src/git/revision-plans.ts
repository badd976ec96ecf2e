/**
 * The workspace's plan at a git revision, for the preview's "compare with" (issue 14): read with
 * `revisionPlan` from every workspace folder and analysed in a throw-away set of services of its
 * own (the workspace's documents are never touched), cached by revision and the commits it named,
 * so switching back and forth is fast and a new commit on a branch is read again. Node only.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { CompareWords } from '../i18n/compare-words.js';
import { createOkrServices } from '../okr-module.js';
import type { RevisionOutcome, RevisionPlans } from '../plan/kpi-tree-compare.js';
import type { WorkspacePlan } from '../plan/plan-workspace.js';
import { GitRevisionError, recentBranches, resolveRevision, revisionPlan } from './git-revision.js';


/** Analysed revisions kept; each holds a whole plan's documents. */
const CACHED_REVISIONS = 4;
/** Branches change rarely; listing them on every build would be a git call per keystroke pause. */
const SUGGESTIONS_TTL_MS = 30_000;

interface AnalysedRevision {
    plan: WorkspacePlan;
    documents: LangiumDocument[];
}

export class GitRevisionPlans implements RevisionPlans {
    private readonly analysed = new Map<string, Promise<AnalysedRevision>>();
    private branches: { key: string; at: number; names: Promise<string[]> } | undefined;

    async planAt(revision: string, folders: string[], words: CompareWords): Promise<RevisionOutcome> {
        try {
            if (folders.length === 0) throw new GitRevisionError('not-repository', words.git.notRepository('.'));
            // Resolving first (cheap) keys the cache: the same name on a new commit is read again.
            const commits = await Promise.all(folders.map(folder => resolveRevision(revision, folder, words.git)));
            const key = JSON.stringify([revision, ...commits.map(resolved => resolved.commit)]);
            let analysis = this.analysed.get(key);
            if (!analysis) {
                analysis = analyse(folders.map((folder, index) => ({ folder, commit: commits[index].commit })), words);
                this.analysed.set(key, analysis);
                analysis.catch(() => this.analysed.delete(key));
                while (this.analysed.size > CACHED_REVISIONS) this.analysed.delete(this.analysed.keys().next().value!);
            } else {
                // Most recently used last, so the oldest is dropped first.
                this.analysed.delete(key);
                this.analysed.set(key, analysis);
            }
            const { plan, documents } = await analysis;
            return { revision, commit: commits[0].commit.slice(0, 7), plan, documents };
        } catch (error) {
            if (error instanceof GitRevisionError) return { revision, failure: error.message };
            throw error;
        }
    }

    suggestions(folders: string[]): Promise<string[]> {
        const key = folders.join('\0');
        if (!this.branches || this.branches.key !== key || Date.now() - this.branches.at > SUGGESTIONS_TTL_MS) {
            const names = folders.length === 0 ? Promise.resolve([]) : recentBranches(folders[0]);
            this.branches = { key, at: Date.now(), names: names.then(branches => ['HEAD', 'HEAD~1', ...branches.filter(name => name !== 'HEAD')]) };
        }
        return this.branches.names;
    }
}

/** Each folder is read at the commit its name resolved to, so what is cached under a commit is that commit's plan. */
async function analyse(folders: { folder: string; commit: string }[], words: CompareWords): Promise<AnalysedRevision> {
    const sources = (await Promise.all(folders.map(({ folder, commit }) => revisionPlan(commit, [], folder, words.git)))).flatMap(read => read.sources);
    const { shared, Okr } = createOkrServices(EmptyFileSystem);
    const documents: LangiumDocument[] = [];
    const seen = new Set<string>();
    for (const source of sources) {
        if (seen.has(source.absolute)) continue;
        seen.add(source.absolute);
        const text = decodeText(await source.read());
        // A file that is not text at the revision is left out: its figures were not derived then either.
        if (text === undefined) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(source.absolute));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { plan: Okr.plan.PlanWorkspace.current(), documents };
}

function decodeText(bytes: Uint8Array): string | undefined {
    if (bytes.includes(0)) return undefined;
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        return undefined;
    }
}
