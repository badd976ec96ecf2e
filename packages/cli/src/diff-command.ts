/**
 * `okr diff REV [paths…]` and `okr diff --from DIR [paths…]` (spec §10): load the old and the new
 * plan, compare their figures with the engine, match their diagnostics, print, and decide the exit
 * status from `--fail-on`.
 */
import { comparePlans } from '@okr-plan/engine';
import type { Language, OkrServicesOverride } from '@okr-plan/language';
import * as path from 'node:path';
import type { CliArgs } from './args.js';
import { diffJson, diffMarkdown, diffText, unmatchedDiagnostics, type PlanDiff } from './diff-report.js';
import { diffWords } from './diff-words.js';
import { revisionPlan } from './git-plan.js';
import { collectOkrFiles, loadPlan, loadPlanSources, UnreadablePathError, type LoadedPlan } from './plan-loader.js';
import type { Output } from './main.js';
import { promises as fs } from 'node:fs';

export async function runDiff(args: CliArgs, stdout: Output, cwd: string, language: Language, override?: OkrServicesOverride): Promise<number> {
    const { old, base, head } = await oldSide(args, cwd, language, override);
    const now = await loadPlan(args.paths, cwd, language, override);
    const diff: PlanDiff = {
        base,
        head,
        comparison: comparePlans(old.plan.analysis, now.plan.analysis),
        added: unmatchedDiagnostics(now.diagnostics, old.diagnostics),
        removed: unmatchedDiagnostics(old.diagnostics, now.diagnostics)
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

async function oldSide(args: CliArgs, cwd: string, language: Language, override?: OkrServicesOverride): Promise<{ old: LoadedPlan; base: string; head: string }> {
    const head = args.paths.length > 0 ? args.paths.join(' ') : '.';
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
    return { old: await loadPlanSources(sources, root, language, override), base: revision, head: 'working tree' };
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
