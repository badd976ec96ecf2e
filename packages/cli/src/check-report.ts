/** `okr check` output: a readable list for people, JSON for scripts (spec §6), SARIF for code scanning. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlanDiagnostic, Severity } from './plan-loader.js';
import { paint, type Palette } from './terminal.js';

export function checkJson(diagnostics: PlanDiagnostic[]): string {
    return JSON.stringify({ diagnostics: diagnostics.map(d => ({ file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: d.message })) }, null, 2) + '\n';
}

const SEVERITY_COLOUR: Record<Severity, keyof Palette> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

export function checkText(diagnostics: PlanDiagnostic[], fileCount: number, colour: boolean, words: { noProblems: (files: number) => string; summary: (counts: Record<Severity, number>, files: number) => string; severity: Record<Severity, string> }): string {
    const lines: string[] = [];
    const locationWidth = Math.max(0, ...diagnostics.map(d => `${d.file}:${d.line}:${d.column}`.length));
    const severityWidth = Math.max(0, ...diagnostics.map(d => words.severity[d.severity].length));
    for (const d of diagnostics) {
        const location = `${d.file}:${d.line}:${d.column}`.padEnd(locationWidth);
        const severity = paint(colour, SEVERITY_COLOUR[d.severity], words.severity[d.severity].padEnd(severityWidth));
        lines.push(`${paint(colour, 'bold', location)}  ${severity}  ${d.message}  ${paint(colour, 'dim', `[${d.code}]`)}`);
    }
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const d of diagnostics) counts[d.severity]++;
    if (lines.length > 0) lines.push('');
    lines.push(diagnostics.length === 0 ? words.noProblems(fileCount) : words.summary(counts, fileCount));
    return lines.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 as GitHub code scanning takes it: one run, a rule per code, paths relative to the checkout. */
export function checkSarif(diagnostics: PlanDiagnostic[], version: string, ruleDescription: (code: string) => string): string {
    const codes = [...new Set(diagnostics.map(d => d.code))].sort();
    const ruleIndex = new Map(codes.map((code, index) => [code, index]));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'okr',
                        version,
                        semanticVersion: version,
                        rules: codes.map(code => ({
                            id: code,
                            name: code.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
                            shortDescription: { text: ruleDescription(code) },
                            defaultConfiguration: { level: SARIF_LEVEL[diagnostics.find(d => d.code === code)!.severity] }
                        }))
                    }
                },
                results: diagnostics.map(d => ({
                    ruleId: d.code,
                    ruleIndex: ruleIndex.get(d.code),
                    level: SARIF_LEVEL[d.severity],
                    message: { text: d.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: artifactLocation(d),
                                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column : 1) }
                            }
                        }
                    ]
                })),
                columnKind: 'utf16CodeUnits'
            }
        ]
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * Where a result is, as code scanning maps it: relative to the checkout (`%SRCROOT%`) for a file
 * below the current folder, an absolute `file:` URI for one outside it (a `../` path maps to nothing).
 */
function artifactLocation(d: PlanDiagnostic): { uri: string; uriBaseId?: string } {
    if (d.file === '..' || d.file.startsWith('../') || path.isAbsolute(d.file)) return { uri: pathToFileURL(d.absolute).href };
    return { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' };
}
