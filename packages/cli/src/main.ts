/** The `okr` command line (spec §6). Returns the exit status instead of exiting, so tests can call it. */
import { languageFromEnvironment, type OkrServicesOverride } from '@okr-plan/language';
import { readFileSync } from 'node:fs';
import { parseArgs, type CliArgs } from './args.js';
import { usageWords } from './usage-words.js';
import { checkJson, checkSarif, checkText } from './check-report.js';
import { kpiRows, kpisCsv, kpisJson, kpisMarkdown, kpisText, stageBlockers } from './kpi-report.js';
import { loadPlan, NoPlanFoundError, UnreadablePathError } from './plan-loader.js';
import { keyResultJson, keyResultRows, objectivesJson, statusJson, statusMarkdown, statusText } from './status-report.js';
import { useColour } from './terminal.js';
import { progressLine, showsProgress, type ProgressOptions } from './progress.js';
import { writePreview } from './preview-file.js';
import { runCheckin, runImport } from './checkin-command.js';
import { runDiff } from './diff-command.js';
import { GitRevisionError } from './git-plan.js';
import * as path from 'node:path';
import { requireScenario, scenarioOverride, UnknownScenarioError, withScenarioKey } from './scenario-option.js';

export interface Output {
    write(text: string): unknown;
    isTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_PLAN_ERRORS = 1;
export const EXIT_USAGE = 2;

/** `override` replaces language services (tests inject failures with it); `progress` tunes the progress line. */
export async function main(argv: string[], env: Record<string, string | undefined>, stdout: Output, stderr: Output, cwd = process.cwd(), override?: OkrServicesOverride, progress?: ProgressOptions): Promise<number> {
    const language = languageFromEnvironment(env);
    const words = usageWords(language);
    const parsed = parseArgs(argv, language);
    switch (parsed.kind) {
        case 'help':
            stdout.write(words.usage + '\n');
            return EXIT_OK;
        case 'version':
            stdout.write(version() + '\n');
            return EXIT_OK;
        case 'usage-error':
            stderr.write(`okr: ${parsed.message}\n\n${words.usage}\n`);
            return EXIT_USAGE;
    }
    const debug = parsed.args.debug === true || !!env.OKR_DEBUG;
    try {
        const { command } = parsed.args;
        if (command === 'checkin' || command === 'import') {
            return await (command === 'checkin' ? runCheckin : runImport)(parsed.args, env, stdout, stderr, cwd, language);
        }
        if (command === 'diff') return await runDiff(parsed.args, stdout, cwd, language, override);
        return await run(parsed.args, env, stdout, stderr, cwd, debug, override, progress);
    } catch (error) {
        if (error instanceof UnreadablePathError) {
            stderr.write(`okr: ${words.cannot(error.action, error.path, error.code, error.reason)}\n`);
            return EXIT_USAGE;
        }
        if (error instanceof GitRevisionError) {
            stderr.write(`okr: ${error.message}\n`);
            return EXIT_USAGE;
        }
        if (error instanceof UnknownScenarioError) {
            stderr.write(`okr: ${error.message}\n`);
            return EXIT_USAGE;
        }
        if (error instanceof NoPlanFoundError) {
            stderr.write(`okr: ${error.message}\n`);
            return EXIT_USAGE;
        }
        // Anything else is a bug in okr, not in the plan or the command: say so briefly, the trace only on request.
        stderr.write(`okr: ${words.internalError((error as Error).message)}\n`);
        if (debug) stderr.write(`${(error as Error).stack}\n`);
        return EXIT_PLAN_ERRORS;
    }
}

/** Formats a program reads rather than a person: no progress line next to them. */
const MACHINE_READABLE = new Set(['json', 'sarif', 'csv']);

async function run(args: CliArgs, env: Record<string, string | undefined>, stdout: Output, stderr: Output, cwd: string, debug: boolean, override?: OkrServicesOverride, progress?: ProgressOptions): Promise<number> {
    const language = languageFromEnvironment(env);
    const line = showsProgress(stderr, env, MACHINE_READABLE.has(args.format ?? 'text')) ? progressLine(stderr, language, progress) : undefined;
    const { scenario } = args;
    const words = usageWords(language);
    const loaded = await loadPlan(args.paths, cwd, language, scenario === undefined ? override : scenarioOverride(override, scenario), line);
    // Text and Markdown say which scenario they show; JSON carries `"scenario"` (spec §9).
    const heading = scenario === undefined ? '' : `${words.underScenario(scenario, requireScenario(loaded, scenario, language).label)}\n\n`;
    const json = (text: string) => withScenarioKey(text, scenario);
    // Internal errors are diagnostics like any other (exit 1); their stacks only on request.
    if (debug) for (const failure of loaded.services.validation.InternalErrors.recorded) stderr.write(`okr: internal error in ${failure.where}:\n${failure.stack}\n`);
    const messages = loaded.services.i18n.Messages;
    const status = loaded.diagnostics.some(d => d.severity === 'error') ? EXIT_PLAN_ERRORS : EXIT_OK;
    const colour = useColour(stdout, env);
    if (args.command === 'check') {
        const format = args.format ?? 'text';
        if (format === 'json') stdout.write(json(checkJson(loaded.diagnostics)));
        else if (format === 'sarif') stdout.write(checkSarif(loaded.diagnostics, version(), code => messages.ruleDescription(code)));
        else stdout.write(heading + checkText(loaded.diagnostics, loaded.files.length, colour, messages.checkWords()));
        return status;
    }
    if (args.command === 'preview') {
        // Under a scenario the plan itself is loaded too, for the plan's figures beside the moved ones.
        const base = scenario === undefined ? undefined : { name: scenario, base: await loadPlan(args.paths, cwd, language, override) };
        await writePreview(loaded, path.resolve(cwd, args.output!), args.format === 'svg' ? 'svg' : 'html', base);
        return status;
    }
    if (args.command === 'status') {
        const format = args.format ?? 'text';
        if (format === 'json') stdout.write(json(statusJson(loaded)));
        else if (format === 'markdown') stdout.write(heading + statusMarkdown(loaded, messages));
        else stdout.write(heading + statusText(loaded, messages, colour));
        return status;
    }
    const rows = kpiRows(loaded);
    const blocked = stageBlockers(loaded);
    const { stages } = loaded.plan.analysis;
    const labels = loaded.plan.unitLabels;
    switch (args.format ?? 'text') {
        case 'json': stdout.write(json(kpisJson(rows, stages, blocked, { keyResults: keyResultRows(loaded).map(keyResultJson), objectives: objectivesJson(loaded.plan.analysis.objectives) }))); break;
        case 'csv': stdout.write(kpisCsv(rows)); break;
        case 'markdown': stdout.write(heading + kpisMarkdown(rows, stages, messages, labels, blocked, loaded.plan.analysis.calendar)); break;
        default: stdout.write(heading + kpisText(rows, stages, messages, labels, colour, blocked, loaded.plan.analysis.calendar));
    }
    return status;
}

function version(): string {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return manifest.version;
}
