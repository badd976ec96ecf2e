// Where the time and memory of `okr check` go, phase by phase (issue 11):
//   node --expose-gc bench/check-phases.mjs DIR
// builds DIR as the CLI does (the same services, no reference index), timing reading, parsing,
// each of Langium's build phases (validation includes the plan's analysis and the wording of its
// findings) and the JSON report, with the heap after each.
import '../packages/language/groupby-shim.mjs';
import { createOkrServices } from '../packages/language/out/index.js';
import { withoutReferenceIndex } from '../packages/cli/out/plan-loader.js';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2];
const rows = [];
let last = performance.now();
const mark = what => {
    global.gc?.();
    const now = performance.now();
    rows.push({ phase: what, ms: Math.round(now - last), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) });
    last = performance.now();
};
const { shared, Okr } = createOkrServices(EmptyFileSystem, withoutReferenceIndex(undefined));
const files = readdirSync(dir).filter(name => name.endsWith('.okr')).sort();
const texts = files.map(name => readFileSync(path.join(dir, name), 'utf8'));
mark('read files');
const documents = files.map((name, i) => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(texts[i], URI.file(path.resolve(dir, name)));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
mark('parse');
const phases = [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated];
for (const state of phases) shared.workspace.DocumentBuilder.onBuildPhase(state, () => mark(DocumentState[state]));
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
const diagnostics = documents.flatMap(document => document.diagnostics ?? []);
const json = JSON.stringify({ diagnostics: diagnostics.map(d => ({ line: d.range.start.line + 1, code: d.code, message: d.message })) });
mark('report (JSON)');
console.log(JSON.stringify({ files: files.length, diagnostics: diagnostics.length, jsonMB: +(json.length / 1e6).toFixed(1), kpis: Okr.plan.PlanWorkspace.current().analysis.kpis.length, rows }));
