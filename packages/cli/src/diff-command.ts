/**
 * `okr diff REV [paths…]` and `okr diff --from DIR [paths…]` (spec §10): load the old and the new
 * plan, compare their figures with the engine, match their diagnostics, print, and decide the exit
 * status from `--fail-on`.
 */
import { comparePlans } from '@okr-plan/engine';
import type { Language, OkrServicesOverride } from '@okr-plan/language';
import * as path from 'node:path';
import type { CliArgs } from './args.js';
import { diffJson, diffMarkdown, diffText, unmatchedDiagnostics, type PlanDiff, type SideFile } from './diff-report.js';
import { diffWords } from './diff-words.js';
import { revisionPlan } from './git-plan.js';
import { collectOkrFiles, loadPlan, loadPlanSources, UnreadablePathError, type LoadedPlan } from './plan-loader.js';
import type { Output } from './main.js';
import { requireScenario, scenarioOverride } from './scenario-option.js';
import { promises as fs, realpathSync } from 'node:fs';

export async function runDiff(args: CliArgs, stdout: Output, cwd: string, language: Language, override?: OkrServicesOverride): Promise<number> {
    const { old, base, head, root } = await oldSide(args, cwd, language, override);
    const now = await loadPlan(args.paths, cwd, language, args.scenario === undefined ? override : scenarioOverride(override, args.scenario));
    if (args.scenario !== undefined) requireScenario(now, args.scenario, language);
    // A diagnostic outside any declaration is matched by file: each side's file relative to the folder that plays the old side's root.
    const newRoot = root ?? await singleFolder(args.paths, cwd);
    const newFile: SideFile = d => args.scenario !== undefined ? d.file : toPosix(path.relative(realpathOr(newRoot), realpathOr(d.absolute)));
    const oldFile: SideFile = d => root === undefined ? d.file : toPosix(path.relative(realpathOr(root), realpathOr(d.absolute)));
    const diff: PlanDiff = {
        base,
        head,
        comparison: comparePlans(old.plan.analysis, now.plan.analysis),
        added: unmatchedDiagnostics(now.diagnostics, old.diagnostics, newFile, oldFile),
        removed: unmatchedDiagnostics(old.diagnostics, now.diagnostics, oldFile, newFile)
    };
    const words = diffWords(language);
    const labels = new Map([...old.plan.unitLabels, ...now.plan.unitLabels]);
    switch (args.format ?? 'text') {
        case 'json': stdout.write(diffJson(diff)); break;
        case 'markdown': stdout.write(diffMarkdown(diff, words, now.services.i18n.Messages, labels)); break;
        default: stdout.write(diffText(diff, words, now.services.i18n.Messages, labels));
    }
    return failOnMet(diff, args.failOn ?? []) ? 1 : 0;
}

/** The one folder named (or the current folder): what a `--from` folder's files are compared against. */
async function singleFolder(paths: string[], cwd: string): Promise<string> {
    if (paths.length === 1) {
        const folder = path.resolve(cwd, paths[0]);
        if ((await fs.stat(folder).catch(() => undefined))?.isDirectory()) return folder;
    }
    return cwd;
}

function realpathOr(file: string): string {
    try {
        return realpathSync(file);
    } catch {
        // A file at a revision need not exist on disk: resolve its folder instead.
        const folder = path.dirname(file);
        return folder === file ? file : path.join(realpathOr(folder), path.basename(file));
    }
}

function toPosix(file: string): string {
    return file.split(path.sep).join('/');
}

/** `root`: the repository's top folder for a revision (both sides' files are compared relative to it); undefined for `--from`. */
async function oldSide(args: CliArgs, cwd: string, language: Language, override?: OkrServicesOverride): Promise<{ old: LoadedPlan; base: string; head: string; root?: string }> {
    const head = args.paths.length > 0 ? args.paths.join(' ') : '.';
    if (args.scenario !== undefined) {
        // The old side is the same plan without the scenario (spec §10): both sides' files are the current folder's.
        return { old: await loadPlan(args.paths, cwd, language, override), base: 'plan', head: `scenario ${args.scenario}` };
    }
    if (args.from !== undefined) {
        // The old plan is every .okr file in DIR, its diagnostics relative to DIR; an empty folder is an empty plan.
        const root = path.resolve(cwd, args.from);
        const files = await collectOkrFiles(['.'], root).catch((error: unknown) => {
            if (error instanceof UnreadablePathError) throw new UnreadablePathError(args.from!, error.reason, 'read');
            throw error;
        });
        const old = await loadPlanSources(files.map(file => ({ absolute: file, read: () => fs.readFile(file).catch(error => { throw new UnreadablePathError(file, (error as Error).message, 'read', error); }) })), root, language, override);
        return { old, base: args.from, head };
    }
    const revision = args.operands[0];
    const { root, sources } = await revisionPlan(revision, args.paths, cwd, language);
    return { old: await loadPlanSources(sources, root, language, override), base: revision, head: 'working tree', root };
}

/** `--fail-on errors|warnings|N%`: any one met fails the run. */
export function failOnMet(diff: PlanDiff, conditions: string[]): boolean {
    return conditions.some(condition => {
        if (condition === 'errors') return diff.added.some(d => d.severity === 'error');
        if (condition === 'warnings') return diff.added.some(d => d.severity === 'error' || d.severity === 'warning');
        const limit = Number(condition.slice(0, -1)) / 100;
        // Strictly more than N %; a move within float noise of N % (30 → 33 for 10%) is not more.
        const moved = [...diff.comparison.kpis, ...diff.comparison.stages].filter(entry => entry.change === 'changed' && entry.delta !== null);
        return moved.some(entry => Math.abs(entry.delta!) - limit > 1e-9 * Math.max(limit, Math.abs(entry.delta!)));
    });
}
