// How much work one keystroke causes in a company-sized workspace: builds DIR once (as the
// server does at start-up), then edits one file 20 times (changing a key result target, which
// moves the KPIs in that file only) and reports the median time per edit and how many documents
// each edit re-validated. Usage: node bench/keystroke.mjs DIR
import '../packages/language/groupby-shim.mjs';
import { createOkrServices } from '../packages/language/out/index.js';
import { DocumentState, EmptyFileSystemProvider, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2];
const files = readdirSync(dir).filter(name => name.endsWith('.okr')).sort();
const texts = new Map(files.map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
class MemoryFileSystem extends EmptyFileSystemProvider {
    async readFile(uri) {
        return texts.get(path.basename(uri.path));
    }
}
const { shared } = createOkrServices({ fileSystemProvider: () => new MemoryFileSystem() });
const documents = files.map(name => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(texts.get(name), URI.file(path.resolve(dir, name)));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
let start = performance.now();
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
const fullBuild = performance.now() - start;

let validated = 0;
shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => validated++);
const target = files.find(name => name.startsWith('unit-0001')) ?? files[1];
const document = documents[files.indexOf(target)];
const times = [];
const counts = [];
for (let i = 0; i < 20; i++) {
    texts.set(target, texts.get(target).replace(/target \d+ deal/, `target ${30 + i} deal`));
    validated = 0;
    start = performance.now();
    await shared.workspace.DocumentBuilder.update([document.uri], []);
    times.push(performance.now() - start);
    counts.push(validated);
}
times.sort((a, b) => a - b);
const kpis = [...texts.values()].reduce((sum, text) => sum + (text.match(/^kpi /gm)?.length ?? 0), 0);
console.log(`${files.length} files, ${kpis} KPIs`);
console.log(`full build: ${fullBuild.toFixed(0)} ms`);
console.log(`one edit: median ${times[10].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[19].toFixed(1)}), documents re-validated per edit: ${Math.max(...counts)}`);
