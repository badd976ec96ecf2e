/** The `okr` command line (spec §6). Returns the exit status instead of exiting, so tests can call it. */
import { languageFromEnvironment, type OkrServicesOverride } from '@okr-plan/language';
import { readFileSync } from 'node:fs';
import { parseArgs, USAGE, type CliArgs } from './args.js';
import { checkJson, checkSarif, checkText } from './check-report.js';
import { kpiRows, kpisCsv, kpisJson, kpisMarkdown, kpisText } from './kpi-report.js';
import { loadPlan, UnreadablePathError } from './plan-loader.js';
import { keyResultJson, keyResultRows, objectivesJson, statusJson, statusMarkdown, statusText } from './status-report.js';
import { useColour } from './terminal.js';
import { writePreview } from './preview-file.js';
import * as path from 'node:path';

export interface Output {
    write(text: string): unknown;
    isTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_PLAN_ERRORS = 1;
export const EXIT_USAGE = 2;

/** `override` replaces language services (tests inject failures with it). */
export async function main(argv: string[], env: Record<string, string | undefined>, stdout: Output, stderr: Output, cwd = process.cwd(), override?: OkrServicesOverride): Promise<number> {
    const parsed = parseArgs(argv);
    switch (parsed.kind) {
        case 'help':
            stdout.write(USAGE + '\n');
            return EXIT_OK;
        case 'version':
            stdout.write(version() + '\n');
            return EXIT_OK;
        case 'usage-error':
            stderr.write(`okr: ${parsed.message}\n\n${USAGE}\n`);
            return EXIT_USAGE;
    }
    const debug = parsed.args.debug === true || !!env.OKR_DEBUG;
    try {
        return await run(parsed.args, env, stdout, stderr, cwd, debug, override);
    } catch (error) {
        if (error instanceof UnreadablePathError) {
            stderr.write(`okr: ${error.message}\n`);
            return EXIT_USAGE;
        }
        // Anything else is a bug in okr, not in the plan or the command: say so briefly, the trace only on request.
        stderr.write(`okr: internal error: ${(error as Error).message}\nPlease report this with the plan that caused it (run with --debug for the details).\n`);
        if (debug) stderr.write(`${(error as Error).stack}\n`);
        return EXIT_PLAN_ERRORS;
    }
}

async function run(args: CliArgs, env: Record<string, string | undefined>, stdout: Output, stderr: Output, cwd: string, debug: boolean, override?: OkrServicesOverride): Promise<number> {
    const language = languageFromEnvironment(env);
    const loaded = await loadPlan(args.paths, cwd, language, override);
    // Internal errors are diagnostics like any other (exit 1); their stacks only on request.
    if (debug) for (const failure of loaded.services.validation.InternalErrors.recorded) stderr.write(`okr: internal error in ${failure.where}:\n${failure.stack}\n`);
    const messages = loaded.services.i18n.Messages;
    const status = loaded.diagnostics.some(d => d.severity === 'error') ? EXIT_PLAN_ERRORS : EXIT_OK;
    const colour = useColour(stdout, env);
    if (args.command === 'check') {
        const format = args.format ?? 'text';
        if (format === 'json') stdout.write(checkJson(loaded.diagnostics));
        else if (format === 'sarif') stdout.write(checkSarif(loaded.diagnostics, version(), code => messages.ruleDescription(code)));
        else stdout.write(checkText(loaded.diagnostics, loaded.files.length, colour, messages.checkWords()));
        return status;
    }
    if (args.command === 'preview') {
        await writePreview(loaded, path.resolve(cwd, args.output!));
        return status;
    }
    if (args.command === 'status') {
        const format = args.format ?? 'text';
        if (format === 'json') stdout.write(statusJson(loaded));
        else if (format === 'markdown') stdout.write(statusMarkdown(loaded, messages));
        else stdout.write(statusText(loaded, messages, colour));
        return status;
    }
    const rows = kpiRows(loaded);
    const { stages } = loaded.plan.analysis;
    const labels = loaded.plan.unitLabels;
    switch (args.format ?? 'text') {
        case 'json': stdout.write(kpisJson(rows, stages, { keyResults: keyResultRows(loaded).map(keyResultJson), objectives: objectivesJson(loaded.plan.analysis.objectives) })); break;
        case 'csv': stdout.write(kpisCsv(rows)); break;
        case 'markdown': stdout.write(kpisMarkdown(rows, stages, messages, labels)); break;
        default: stdout.write(kpisText(rows, stages, messages, labels, colour));
    }
    return status;
}

function version(): string {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return manifest.version;
}
