import type { Language } from '@okr-plan/language';
import { usageWords } from './usage-words.js';
/** Command-line parsing: `okr <command> [paths…] [--format F] [-o FILE]`, options before or after the paths. */

export type Command = 'check' | 'kpis' | 'status' | 'preview' | 'diff' | 'checkin' | 'import';

export interface CliArgs {
    command: Command;
    paths: string[];
    format?: string;
    /** The file `preview` writes. */
    output?: string;
    /** Print the stack of an internal error (a bug in okr). */
    debug?: boolean;
    /** `checkin`: `--cause TEXT` (may be empty). */
    cause?: string;
    /** `import`: `--dry-run`. */
    dryRun?: boolean;
    /** `diff --from DIR`: the folder of the old plan. */
    from?: string;
    /** `--scenario NAME` (check, kpis, status, preview, diff): the plan under that scenario (spec §9). */
    scenario?: string;
    /** `diff --fail-on errors|warnings|N%`, each as typed, in order. */
    failOn?: string[];
    /** `checkin NAME PERIOD VALUE`, `import FILE.csv`, `diff REV`: the words before the paths. */
    operands: string[];
}

export type ParsedArgs = { kind: 'run'; args: CliArgs } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const FORMATS: Record<Command, readonly string[]> = {
    check: ['text', 'json', 'sarif'],
    kpis: ['text', 'json', 'csv', 'markdown'],
    status: ['text', 'json', 'markdown'],
    preview: ['html', 'svg'],
    diff: ['text', 'json', 'markdown'],
    checkin: [],
    import: []
};

/** The commands that take `--scenario NAME` (spec §10). */
const SCENARIO_COMMANDS = new Set<Command>(['check', 'kpis', 'status', 'preview', 'diff']);

/** How many words before the paths a command takes. */
const OPERANDS: Partial<Record<Command, { count: number; usage: string }>> = {
    checkin: { count: 3, usage: 'okr checkin NAME PERIOD VALUE [--cause TEXT] [paths…]' },
    import: { count: 1, usage: 'okr import FILE.csv [paths…] [--dry-run]' }
};

/** Parses the command line; usage errors are worded in `language`. */
export function parseArgs(argv: string[], language: Language = 'en'): ParsedArgs {
    const say = usageWords(language);
    const [command, ...rest] = argv;
    if (command === undefined) return { kind: 'usage-error', message: say.noCommand };
    if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
    if (command === '--version' || command === '-v') return { kind: 'version' };
    if (!(command in FORMATS)) return { kind: 'usage-error', message: say.unknownCommand(command, Object.keys(FORMATS).join(', ')) };
    const args: CliArgs = { command: command as Command, paths: [], operands: [] };
    const words: string[] = [];
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        if (flag === '--help' || flag === '-h') return { kind: 'help' };
        if (flag === '--debug') {
            args.debug = true;
        } else if (flag === '--cause' && args.command === 'checkin') {
            const value = inline ?? rest[++i];
            if (value === undefined) return { kind: 'usage-error', message: say.causeNeedsText };
            args.cause = value;
        } else if ((flag === '--from' || flag === '--fail-on') && args.command === 'diff') {
            const value = inline ?? rest[++i];
            if (value === undefined || value === '') return { kind: 'usage-error', message: say.needsValue(flag) };
            if (flag === '--from') args.from = value;
            else if (!/^(errors|warnings|[0-9]+(\.[0-9]+)?%)$/.test(value)) return { kind: 'usage-error', message: say.badFailOn(value) };
            else (args.failOn ??= []).push(value);
        } else if (flag === '--scenario' && SCENARIO_COMMANDS.has(args.command)) {
            const value = inline ?? rest[++i];
            if (value === undefined || value === '') return { kind: 'usage-error', message: say.needsValue(flag) };
            args.scenario = value;
        } else if (flag === '--dry-run' && args.command === 'import') {
            args.dryRun = true;
        } else if (flag === '--format' || flag === '-f' || flag === '--output' || flag === '-o') {
            const value = inline ?? rest[++i];
            if (value === undefined || value === '') return { kind: 'usage-error', message: say.needsValue(flag) };
            if (flag === '--format' || flag === '-f') args.format = value;
            else args.output = value;
        } else if (arg === '--') {
            words.push(...rest.slice(i + 1));
            break;
        } else if (arg.startsWith('-') && arg !== '-' && !/^-[0-9.]/.test(arg)) { // `-5` is a (bad) value, not an option
            return { kind: 'usage-error', message: say.unknownOption(arg) };
        } else {
            words.push(arg);
        }
    }
    const operands = OPERANDS[args.command];
    if (operands) {
        if (words.length < operands.count) return { kind: 'usage-error', message: say.needsOperands(args.command, operands.count === 1, operands.usage) };
        args.operands = words.slice(0, operands.count);
        if (args.format !== undefined) return { kind: 'usage-error', message: say.noFormatOption(args.command) };
    }
    if (args.command === 'diff' && args.scenario !== undefined && args.from !== undefined) {
        return { kind: 'usage-error', message: say.scenarioWithRevision };
    }
    if (args.command === 'diff' && args.from === undefined && args.scenario === undefined) {
        if (words.length === 0) return { kind: 'usage-error', message: say.diffNeedsRevision };
        args.operands = words.slice(0, 1);
        words.shift();
    }
    args.paths = words.slice(operands?.count ?? 0);
    if (args.format !== undefined && !FORMATS[args.command].includes(args.format)) {
        return { kind: 'usage-error', message: say.notAFormat(args.format, args.command, FORMATS[args.command].join(', ')) };
    }
    if (args.command === 'preview' && !args.output) return { kind: 'usage-error', message: say.previewNeedsOutput };
    // `-o tree.svg` says the format as well as --format svg does.
    if (args.command === 'preview' && args.format === undefined) args.format = /\.svg$/i.test(args.output!) ? 'svg' : 'html';
    if (args.command !== 'preview' && args.output) return { kind: 'usage-error', message: say.outputOnlyForPreview };
    return { kind: 'run', args };
}

/** The help text (`okr --help`), in English. */
export const USAGE = usageWords('en').usage;
