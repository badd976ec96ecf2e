/** Command-line parsing: `okr <command> [paths…] [--format F] [-o FILE]`, options before or after the paths. */

export type Command = 'check' | 'kpis' | 'status' | 'preview';

export interface CliArgs {
    command: Command;
    paths: string[];
    format?: string;
    /** The file `preview` writes. */
    output?: string;
    /** Print the stack of an internal error (a bug in okr). */
    debug?: boolean;
}

export type ParsedArgs = { kind: 'run'; args: CliArgs } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const FORMATS: Record<Command, readonly string[]> = {
    check: ['text', 'json', 'sarif'],
    kpis: ['text', 'json', 'csv', 'markdown'],
    status: ['text', 'json', 'markdown'],
    preview: ['html']
};

export function parseArgs(argv: string[]): ParsedArgs {
    const [command, ...rest] = argv;
    if (command === undefined) return { kind: 'usage-error', message: 'no command given' };
    if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
    if (command === '--version' || command === '-v') return { kind: 'version' };
    if (!(command in FORMATS)) return { kind: 'usage-error', message: `unknown command '${command}' (expected check, kpis, status or preview)` };
    const args: CliArgs = { command: command as Command, paths: [] };
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        if (flag === '--help' || flag === '-h') return { kind: 'help' };
        if (flag === '--debug') {
            args.debug = true;
            continue;
        }
        if (flag === '--format' || flag === '-f' || flag === '--output' || flag === '-o') {
            const value = inline ?? rest[++i];
            if (value === undefined || value === '') return { kind: 'usage-error', message: `${flag} needs a value` };
            if (flag === '--format' || flag === '-f') args.format = value;
            else args.output = value;
        } else if (arg === '--') {
            args.paths.push(...rest.slice(i + 1));
            break;
        } else if (arg.startsWith('-') && arg !== '-') {
            return { kind: 'usage-error', message: `unknown option '${arg}'` };
        } else {
            args.paths.push(arg);
        }
    }
    if (args.format !== undefined && !FORMATS[args.command].includes(args.format)) {
        return { kind: 'usage-error', message: `'${args.format}' is not a format of '${args.command}' (use ${FORMATS[args.command].join(', ')})` };
    }
    if (args.command === 'preview' && !args.output) return { kind: 'usage-error', message: 'preview needs an output file: okr preview <paths…> -o tree.html' };
    if (args.command !== 'preview' && args.output) return { kind: 'usage-error', message: "-o is only for 'okr preview'" };
    return { kind: 'run', args };
}

export const USAGE = `Usage: okr <command> [paths…] [options]

Commands:
  check [paths…]   parse and validate every .okr file under the paths (default: .)
  kpis [paths…]    print the KPIs and stage requirements derived from the plan
  status [paths…]  the check-in review: objectives, key results against the plan, KPIs behind
  preview [paths…] -o FILE.html
                   write the KPI tree as one self-contained HTML file

Options:
  --format, -f     check: text (default), json, sarif
                   kpis:  text (default), json, csv, markdown
                   status: text (default), json, markdown
  --output, -o     the file 'preview' writes
  --debug          show the stack of an internal error (to report a bug)
  --help, -h       show this help
  --version, -v    show the version

Exit status: 0 no errors, 1 the plan has errors, 2 usage or I/O error.
Messages are in Russian when LC_ALL, LC_MESSAGES or LANG says ru.`;
