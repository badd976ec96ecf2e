/**
 * Incremental analysis (issue 11): after any sequence of edits, the analysis the workspace keeps
 * (parts of the plan re-analysed only when their inputs changed) equals a fresh full analysis of
 * the same plan, figure for figure and finding for finding, and the diagnostics of every file
 * equal those of a workspace built from scratch on the final texts. An edit inside one process
 * re-analyses that process's part only.
 */
import { analysePlan, type PlanAnalysis } from '@okr-plan/engine';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the bench, without types
import { generatePlan } from '../../../bench/generate-plan.mjs';
import { memoryWorkspace } from './memory-workspace.js';
import type { PlanFinding } from '../src/plan/plan-findings.js';

const SEED = Number(process.env.OKR_FUZZ_SEED ?? 20261201);
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

async function open(texts: Map<string, string>) {
    const { Okr, documents, edit } = await memoryWorkspace(texts);
    const diagnostics = () =>
        [...documents].map(([name, document]) => [name, (document.diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort()]);
    return { plan: Okr.plan.PlanWorkspace, edit, diagnostics };
}

/** A finding as a comparable line: its code, severity, place and arguments. */
function findingKey(finding: PlanFinding): string {
    const { node, property, keyword, range } = finding.site;
    const where = `${node.$cstNode?.offset ?? -1}:${node.$type}:${property ?? ''}:${keyword ?? ''}:${range ? JSON.stringify(range) : ''}`;
    return `${finding.code} ${finding.severity} ${where} ${JSON.stringify(finding.args)}`;
}

function comparable(analysis: PlanAnalysis<PlanFinding['site']>) {
    const { findings, ...figures } = analysis;
    return { ...figures, findings: findings.map(finding => findingKey(finding as PlanFinding)).sort() };
}

function generatedPlan(processes: number): Map<string, string> {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'okr-incremental-')), 'plan');
    generatePlan(dir, { processes, kpisPerStage: 1, crossFile: true });
    return new Map(readdirSync(dir).sort().map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

function examplePlan(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const folder of ['plastering', 'sales-funnel', 'quarter-ru']) {
        for (const name of readdirSync(path.join(EXAMPLES, folder)).filter(file => file.endsWith('.okr'))) {
            texts.set(`${folder}-${name}`, readFileSync(path.join(EXAMPLES, folder, name), 'utf8'));
        }
    }
    return texts;
}

/** One edit an editor could make to one file: a number changed, a name swapped, a line removed or doubled, the file restored. */
const edit = fc.record({
    file: fc.nat(),
    kind: fc.constantFrom('number', 'name', 'delete-line', 'double-line', 'restore'),
    at: fc.nat(),
    value: fc.constantFrom('0', '1', '3', '7', '12.5', '250', '2..9', ''),
    name: fc.nat()
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, original: string, change: Edit, names: string[]): string {
    const replaceNth = (pattern: RegExp, replacement: string) => {
        const matches = [...text.matchAll(pattern)];
        if (matches.length === 0) return text;
        const match = matches[change.at % matches.length];
        return text.slice(0, match.index) + replacement + text.slice(match.index! + match[0].length);
    };
    const lines = text.split('\n');
    const line = change.at % lines.length;
    switch (change.kind) {
        case 'number': return replaceNth(/\d+(\.\d+)?/g, change.value);
        case 'name': return replaceNth(/\b[A-Z][A-Za-z0-9]*\b/g, names[change.name % names.length]);
        case 'delete-line': return lines.filter((_, i) => i !== line).join('\n');
        case 'double-line': return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
        case 'restore': return original;
    }
}

async function editsKeepTheAnalysisTrue(start: Map<string, string>, runs: number) {
    const files = [...start.keys()];
    const names = [...new Set([...start.values()].flatMap(text => text.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? []))].sort();
    await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async edits => {
            const texts = new Map(start);
            const ws = await open(texts);
            for (const change of edits) {
                const file = files[change.file % files.length];
                await ws.edit(file, applyEdit(texts.get(file)!, start.get(file)!, change, names));
                const kept = ws.plan.current();
                expect(comparable(kept.analysis)).toEqual(comparable(analysePlan(kept.input)));
                expect(ws.plan.lastAnalysis.analysed).toBeLessThanOrEqual(ws.plan.lastAnalysis.parts);
            }
            const fresh = await open(new Map(texts));
            expect(ws.diagnostics()).toEqual(fresh.diagnostics());
        }),
        { seed: SEED, numRuns: runs, endOnFailure: true }
    );
}

describe('incremental analysis equals a fresh full analysis', () => {
    it('after random edits of a plan whose teams and key results live in other files than their processes', async () => {
        await editsKeepTheAnalysisTrue(generatedPlan(12), 40);
    }, 300_000);

    it('after random edits of the examples, opened together', async () => {
        await editsKeepTheAnalysisTrue(examplePlan(), 40);
    }, 300_000);
});

describe('an edit costs the part it changes', () => {
    it('re-analyses only the part of the process whose number changed, and everything after a calendar change', async () => {
        const texts = generatedPlan(30);
        const ws = await open(texts);
        // Ten processes share an objective and five share a team: 30 processes are three parts.
        expect(ws.plan.lastAnalysis).toEqual({ parts: 3, analysed: 3 });
        const file = [...texts.keys()].find(name => texts.get(name)!.includes('process Sales5 '))!;
        await ws.edit(file, texts.get(file)!.replace('needs 1 lead per call', 'needs 2 lead per call'));
        expect(ws.plan.lastAnalysis).toEqual({ parts: 3, analysed: 1 });
        // A comment re-reads the file, whose findings must point into its new syntax tree: its part only.
        await ws.edit(file, `${texts.get(file)!}// reviewed\n`);
        expect(ws.plan.lastAnalysis).toEqual({ parts: 3, analysed: 1 });
        await ws.edit('units.okr', `${texts.get('units.okr')!}calendar { workdays 20 per month }\n`);
        expect(ws.plan.lastAnalysis).toEqual({ parts: 3, analysed: 3 });
    }, 60_000);
});
