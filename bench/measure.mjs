// One side of `npm run bench`, in a process of its own (so the heap is its own):
//   node --expose-gc bench/measure.mjs bare|okr DIR EDITS
// builds the plan in DIR with validation, then edits one key result target and times each
// DocumentBuilder.update to fresh diagnostics, a hover on a KPI and inlay hints for 100 lines;
// prints one JSON line. `bare` is the generated grammar with Langium's default services only.
import '../packages/language/groupby-shim.mjs';
import { createOkrServices } from '../packages/language/out/index.js';
import { OkrGeneratedModule, OkrGeneratedSharedModule } from '../packages/language/out/generated/module.js';
import { EmptyFileSystemProvider, inject, URI } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const [kind, dir, editsArg = '1000'] = process.argv.slice(2);
const edits = Math.max(20, Number(editsArg));

const files = readdirSync(dir).filter(name => name.endsWith('.okr')).sort();
const texts = new Map(files.map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
/** The files as an editor holds them: an edit changes the text here, then the document is updated. */
class MemoryFileSystem extends EmptyFileSystemProvider {
    async readFile(uri) {
        return texts.get(path.basename(uri.path));
    }
}
const fileSystem = { fileSystemProvider: () => new MemoryFileSystem() };

function bareServices() {
    const shared = inject(createDefaultSharedModule(fileSystem), OkrGeneratedSharedModule);
    const language = inject(createDefaultModule({ shared }), OkrGeneratedModule);
    shared.ServiceRegistry.register(language);
    return { shared, language };
}
function okrServices() {
    const { shared, Okr } = createOkrServices(fileSystem);
    return { shared, language: Okr };
}

const { shared, language } = kind === 'bare' ? bareServices() : okrServices();
const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = shared.workspace;

let start = performance.now();
const documents = files.map(name => {
    const document = LangiumDocumentFactory.fromString(texts.get(name), URI.file(path.resolve(dir, name)));
    LangiumDocuments.addDocument(document);
    return document;
});
await DocumentBuilder.build(documents, { validation: true });
const coldBuild = performance.now() - start;

// The edit: a key result's target, whose KPIs live in other files (the cross-file case).
const edited = files.find(name => name.startsWith('goals-')) ?? files.find(name => /target \d+ deal/.test(texts.get(name)));
const editedDocument = documents[files.indexOf(edited)];
const editTimes = [];
let heapAfter10 = 0;
for (let i = 0; i < edits; i++) {
    texts.set(edited, texts.get(edited).replace(/target \d+ deal/, `target ${30 + (i % 50)} deal`));
    start = performance.now();
    await DocumentBuilder.update([editedDocument.uri], []);
    editTimes.push(performance.now() - start);
    if (i === 9) heapAfter10 = heapUsed();
}
const heapAfterAll = heapUsed();

// Hover and inlay hints in a process file, on a document of the current workspace.
const processFile = files.find(name => name.startsWith('unit-0001')) ?? files.find(name => name.startsWith('unit-'));
const processDocument = LangiumDocuments.getDocument(URI.file(path.resolve(dir, processFile)));
const processText = processDocument.textDocument.getText();
const kpiOffset = processText.indexOf('kpi ') + 'kpi '.length + 2;
const position = processDocument.textDocument.positionAt(kpiOffset);
const textDocument = { uri: processDocument.uri.toString() };
const hover = await timeMedian(20, () => language.lsp.HoverProvider?.getHoverContent(processDocument, { textDocument, position }));
const inlay = language.lsp.InlayHintProvider
    ? await timeMedian(20, () => language.lsp.InlayHintProvider.getInlayHints(processDocument, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } }))
    : undefined;

console.log(JSON.stringify({
    kind,
    files: files.length,
    lines: [...texts.values()].reduce((sum, text) => sum + text.split('\n').length, 0),
    coldBuild,
    edit: median(editTimes.slice(0, 20)),
    hover,
    inlay,
    edits,
    heapAfter10,
    heapAfterAll
}));

function heapUsed() {
    global.gc?.();
    global.gc?.();
    return process.memoryUsage().heapUsed;
}
async function timeMedian(runs, action) {
    const times = [];
    for (let i = 0; i < runs; i++) {
        const begin = performance.now();
        await action();
        times.push(performance.now() - begin);
    }
    return median(times);
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
