/**
 * The plan of the whole workspace: every document's fragment joined, names resolved, and the
 * engine run once per workspace state, on the parts of the plan an edit changed (the engine's
 * IncrementalAnalysis; unchanged fragments and resolutions keep their identity for it).
 * Validation, hovers, hints and the CLI all read the one analysis cached here, so they never
 * disagree.
 */
import { analysePlan, IncrementalAnalysis, type ActualFigures, type IncrementalStats, type KeyResultFigures, type KpiFigures, type StageFigures, type PlanAnalysis, type PlanInput } from '@okr-plan/engine';
import { AstUtils, DocumentCache, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { OkrServices } from '../okr-module.js';
import { firstLine, type InternalErrors } from '../validation/internal-errors.js';
import { buildPlanFragment, type DeclarationKind, type PlanFragment } from './plan-fragment.js';
import type { PlanFinding } from './plan-findings.js';
import { DeclarationIndex } from './declaration-index.js';
import { ResolvedInputs, type Resolve } from './resolution.js';
import type { Site } from './site.js';
import { scenarioCycleFindings } from './scenario-plan.js';

export interface WorkspacePlan {
    /** What the engine was given (names resolved), for displays that show inputs as written. */
    input: PlanInput<Site>;
    analysis: PlanAnalysis<Site>;
    /** Every finding of the workspace (engine and language) by document URI, in a stable order. */
    findingsByDocument: Map<string, PlanFinding[]>;
    /** Declarations by qualified name. */
    declarations: Map<string, { kind: DeclarationKind; node: AstNode }[]>;
    /** The declaration of each of `analysis.kpis`, index for index. */
    kpiNodes: AstNode[];
    /** Unit labels by unit name, for display (`m2` → `m²`); a unit without a label shows its name. */
    unitLabels: Map<string, string>;
    /** Figures by the declaration (or actual clause) they belong to, for hovers and hints. */
    figuresOf: {
        kpis: Map<AstNode, KpiFigures>;
        stages: Map<AstNode, StageFigures>;
        keyResults: Map<AstNode, KeyResultFigures>;
        actuals: Map<AstNode, ActualFigures>;
    };
}

export class PlanWorkspace {
    private readonly documents: LangiumDocuments;
    private readonly internalErrors: InternalErrors;
    private readonly fragments: DocumentCache<string, PlanFragment>;
    private readonly plan: WorkspaceCache<string, WorkspacePlan>;
    /** What each document's diagnostics last showed of its plan findings, to spot stale ones. */
    private readonly published = new Map<string, PlanFinding[]>();
    private readonly resolved = new ResolvedInputs();
    private readonly declarationIndex = new DeclarationIndex();
    private readonly ownFindingsOf = new WeakMap<PlanFragment, PlanFinding[]>();
    private readonly incremental = new IncrementalAnalysis<Site>();
    private analysisCount = 0;

    constructor(services: OkrServices) {
        this.internalErrors = services.validation.InternalErrors;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fragments = new DocumentCache(services.shared);
        this.plan = new WorkspaceCache(services.shared);
    }

    /**
     * The document's share of the plan. A failure while reading it (a bug) leaves the document
     * out of the plan with one internal-error finding, so the other documents keep theirs.
     */
    fragment(document: LangiumDocument): PlanFragment {
        return this.fragments.get(document.uri, 'fragment', () => {
            try {
                return this.readFragment(document);
            } catch (error) {
                return failedFragment(document, this.internalErrors.record(document.uri.toString(), error).message);
            }
        });
    }

    /** Reads one document's fragment (a seam for tests that inject a failure). */
    protected readFragment(document: LangiumDocument): PlanFragment {
        return buildPlanFragment(document);
    }

    /** Runs the engine on the parts of the plan that changed (a seam for tests that inject a failure). */
    protected analyse(input: PlanInput<Site>): PlanAnalysis<Site> {
        return this.incremental.analyse(input);
    }

    /** How many times the plan was analysed (once per workspace state at most), for tests. */
    get analyses(): number {
        return this.analysisCount;
    }

    /** What the last analysis recomputed, for tests and the benchmark. */
    get lastAnalysis(): IncrementalStats {
        return this.incremental.lastRun;
    }

    /** The analysis of the current workspace state, computed at most once per state. */
    current(): WorkspacePlan {
        return this.plan.get('plan', () => this.compute());
    }

    findingsOf(document: LangiumDocument): PlanFinding[] {
        return this.current().findingsByDocument.get(document.uri.toString()) ?? [];
    }

    /** Remembers the findings a document's diagnostics now show. */
    markPublished(document: LangiumDocument, findings: PlanFinding[]): void {
        this.published.set(document.uri.toString(), findings);
    }

    /**
     * True when the workspace's current findings for a document differ from those it shows.
     * Documents not rebuilt keep their AST nodes, so sites compare by identity: the check costs
     * a few comparisons per finding, not a serialisation.
     */
    hasStaleFindings(document: LangiumDocument): boolean {
        const shown = this.published.get(document.uri.toString()) ?? [];
        const now = this.findingsOf(document);
        return shown.length !== now.length || now.some((finding, index) => !sameFinding(finding, shown[index]));
    }

    /** A fragment's own findings; in a declaration a syntax error broke, only the syntax error speaks. */
    private ownFindings(fragment: PlanFragment): PlanFinding[] {
        let own = this.ownFindingsOf.get(fragment);
        if (!own) {
            const broken = fragment.broken.size > 0 ? [fragment.broken] : [];
            own = fragment.findings.filter(finding => finding.code === 'parse-error' || !insideBroken(finding.site.node, broken));
            this.ownFindingsOf.set(fragment, own);
        }
        return own;
    }

    private compute(): WorkspacePlan {
        this.analysisCount++;
        // Path order decides which calendar and policy win and which blocks are reported.
        const documents = this.documents.all
            .filter(doc => doc.textDocument.languageId === 'okr' || doc.uri.path.endsWith('.okr'))
            .map(doc => ({ doc, uri: uriString(doc) }))
            .toArray()
            .sort((a, b) => compareStrings(a.uri, b.uri))
            .map(({ doc }) => doc);
        const fragments = documents.map(doc => this.fragment(doc));
        const changedNames = this.declarationIndex.update(fragments);
        const declarations = this.declarationIndex.declarations;
        const broken = fragments.filter(fragment => fragment.broken.size > 0).map(fragment => fragment.broken);
        const mentioned = new Set(fragments.filter(fragment => fragment.mentioned.size > 0).flatMap(fragment => [...fragment.mentioned]));
        const findings: PlanFinding[] = fragments.flatMap(fragment => this.ownFindings(fragment));
        for (const name of this.declarationIndex.duplicated) {
            const list = declarations.get(name) ?? [];
            for (const declared of list) {
                const others = list.filter(other => other !== declared).map(other => locationOf(other.node)).join(', ');
                findings.push({ code: 'duplicate-name', severity: 'error', site: { node: declared.node, property: 'name' }, args: { name, count: list.length, others } });
            }
        }
        findings.push(...scenarioCycleFindings(fragments, declarations));
        const calendars = fragments.flatMap(fragment => fragment.calendars);
        const policies = fragments.flatMap(fragment => fragment.policies);
        for (const calendar of calendars.slice(1)) {
            findings.push({ code: 'duplicate-calendar', severity: 'error', site: { node: calendar.node, keyword: 'calendar' }, args: { first: locationOf(calendars[0].node) } });
        }
        for (const policy of policies.slice(1)) {
            findings.push({ code: 'duplicate-policy', severity: 'error', site: { node: policy.node, keyword: 'policy' }, args: { first: locationOf(policies[0].node) } });
        }

        const resolve: Resolve = (name, kind) => {
            if (name === null) return null;
            const found = declarations.get(name);
            return found?.length === 1 && found[0].kind === kind ? name : null;
        };
        const resolved = this.resolved.documents(fragments, changedNames, resolve);
        const input: PlanInput<Site> = {
            units: fragments.flatMap(fragment => fragment.units),
            calendar: calendars[0],
            policy: policies[0],
            teams: fragments.flatMap(fragment => fragment.teams),
            objectives: fragments.flatMap(fragment => fragment.objectives),
            processes: resolved.flatMap(document => document.processes),
            keyResults: resolved.flatMap(document => document.keyResults),
            kpis: resolved.flatMap(document => document.kpis)
        };
        let analysis: PlanAnalysis<Site>;
        try {
            analysis = this.analyse(input);
            findings.push(...analysis.findings.filter(finding => !isEchoOfLanguageFinding(finding, declarations) && !insideBroken(finding.site.node, broken) && !aboutMentioned(finding, mentioned)));
        } catch (error) {
            // A bug in the engine: no figures, and every document says so instead of crashing the server.
            const { message } = this.internalErrors.record('the plan analysis', error);
            analysis = analysePlan<Site>({ units: [], teams: [], processes: [], keyResults: [], kpis: [] });
            findings.push(...documents.map(document => internalErrorFinding(document, message)));
        }
        const unitLabels = new Map(input.units.map(unit => [unit.name, unit.label || unit.name]));
        return {
            input,
            analysis,
            findingsByDocument: groupByDocument(findings),
            declarations,
            kpiNodes: input.kpis.map(kpi => kpi.nameSite.node),
            unitLabels,
            // Only hovers, hints, fixes and the preview need figures by node: built on first use.
            get figuresOf() {
                const figures = figuresByNode(input, analysis);
                Object.defineProperty(this, 'figuresOf', { value: figures });
                return figures;
            }
        };
    }
}

/**
 * The engine returns figures in input order (stages in process order, actuals as written), so
 * each figure is paired with the declaration it came from by position.
 */
function figuresByNode(input: PlanInput<Site>, analysis: PlanAnalysis<Site>): WorkspacePlan['figuresOf'] {
    const kpis = new Map<AstNode, KpiFigures>();
    const stages = new Map<AstNode, StageFigures>();
    const keyResults = new Map<AstNode, KeyResultFigures>();
    const actuals = new Map<AstNode, ActualFigures>();
    const pairActuals = (written: { site: Site }[], derived: ActualFigures[]) => {
        written.forEach((actual, index) => {
            if (derived[index]) actuals.set(actual.site.node, derived[index]);
        });
    };
    input.kpis.forEach((kpi, index) => {
        kpis.set(kpi.nameSite.node, analysis.kpis[index]);
        pairActuals(kpi.actuals, analysis.kpis[index].actuals);
    });
    input.keyResults.forEach((keyResult, index) => {
        keyResults.set(keyResult.nameSite.node, analysis.keyResults[index]);
        pairActuals(keyResult.actuals, analysis.keyResults[index].actuals);
    });
    input.processes.flatMap(process => process.stages).forEach((stage, index) => stages.set(stage.nameSite.node, analysis.stages[index]));
    return { kpis, stages, keyResults, actuals };
}

/** The figures of the stage a name declares once, found through the declaration (no scan of all stages). */
export function stageFiguresNamed(plan: WorkspacePlan, name: string | null): StageFigures | undefined {
    const declared = name === null ? undefined : plan.declarations.get(name);
    return declared?.length === 1 ? plan.figuresOf.stages.get(declared[0].node) : undefined;
}

/**
 * Engine findings that only repeat what the language already reported: a number that is not
 * finite is one the fragment passed as NaN after reporting its shape, and a team or process whose
 * name is declared twice is "unused" or "without key result" only because no reference to it
 * could resolve.
 */
function isEchoOfLanguageFinding(finding: PlanFinding, declarations: Map<string, unknown[]>): boolean {
    if (finding.code === 'invalid-quantity') return finding.args.reason === 'not-finite';
    if (finding.code === 'unused-team') return (declarations.get(String(finding.args.team))?.length ?? 0) > 1;
    // A process declared twice has no key result going via it only because `via` cannot resolve.
    if (finding.code === 'process-without-key-result' || finding.code === 'kpi-without-key-result') {
        return (declarations.get(String(finding.args.process))?.length ?? 0) > 1;
    }
    return false;
}

/** A finding that only says nothing refers to a name, when text an unknown word swallowed does refer to it. */
function aboutMentioned(finding: PlanFinding, mentioned: Set<string>): boolean {
    if (mentioned.size === 0) return false;
    switch (finding.code) {
        case 'process-without-key-result':
        case 'kpi-without-key-result': return mentioned.has(finding.args.process);
        case 'unused-team': return mentioned.has(finding.args.team);
        default: return false;
    }
}

/** Whether a node lies in a declaration a syntax error broke: findings about its numbers would be guesses. */
function insideBroken(node: AstNode, broken: Set<AstNode>[]): boolean {
    if (broken.length === 0) return false;
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (broken.some(set => set.has(current as AstNode))) return true;
    }
    return false;
}

/** Groups findings by document, in the order given. */
function groupByDocument(findings: PlanFinding[]): Map<string, PlanFinding[]> {
    const byDocument = new Map<string, PlanFinding[]>();
    for (const finding of findings) {
        const uri = uriString(AstUtils.getDocument(finding.site.node));
        const list = byDocument.get(uri);
        if (list) list.push(finding);
        else byDocument.set(uri, [finding]);
    }
    return byDocument;
}

function sameFinding(a: PlanFinding, b: PlanFinding): boolean {
    // Unchanged parts of the plan hand back the very same finding objects.
    if (a === b) return true;
    if (a.code !== b.code || a.severity !== b.severity || a.site.node !== b.site.node || a.site.property !== b.site.property || a.site.keyword !== b.site.keyword) return false;
    const [x, y] = [a.args as Record<string, unknown>, b.args as Record<string, unknown>];
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every(key => x[key] === y[key]);
}

function locationOf(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    return `${document.uri.path.split('/').pop()}:${line}`;
}

const uriStrings = new WeakMap<LangiumDocument, string>();

/** A document's URI as a string, formatted once per document. */
function uriString(document: LangiumDocument): string {
    let uri = uriStrings.get(document);
    if (uri === undefined) {
        uri = document.uri.toString();
        uriStrings.set(document, uri);
    }
    return uri;
}

function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** An internal-error finding on the first line of a document. */
export function internalErrorFinding(document: LangiumDocument, detail: string): PlanFinding {
    const node = document.parseResult.value;
    return { code: 'internal-error', severity: 'error', site: { node, range: firstLine(document.textDocument.getText()) }, args: { detail } };
}

function failedFragment(document: LangiumDocument, detail: string): PlanFragment {
    return {
        uri: document.uri.toString(),
        declarations: [],
        units: [],
        calendars: [],
        policies: [],
        teams: [],
        objectives: [],
        processes: [],
        keyResults: [],
        kpis: [],
        findings: [internalErrorFinding(document, detail)],
        broken: new Set(),
        mentioned: new Set()
    };
}
