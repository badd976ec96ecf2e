// The bare-Langium counterpart of `okr check` as a whole process: reads every .okr file in DIR,
// builds it with the generated grammar and Langium's default services only (with validation),
// and prints how many diagnostics it found. Usage: node bench/bare-check.mjs DIR
import '../packages/language/groupby-shim.mjs';
import { OkrGeneratedModule, OkrGeneratedSharedModule } from '../packages/language/out/generated/module.js';
import { EmptyFileSystem, inject, URI } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const dir = path.resolve(process.argv[2]);
const shared = inject(createDefaultSharedModule(EmptyFileSystem), OkrGeneratedSharedModule);
shared.ServiceRegistry.register(inject(createDefaultModule({ shared }), OkrGeneratedModule));
const documents = [];
for (const name of (await fs.readdir(dir)).filter(name => name.endsWith('.okr')).sort()) {
    const document = shared.workspace.LangiumDocumentFactory.fromString(await fs.readFile(path.join(dir, name), 'utf8'), URI.file(path.join(dir, name)));
    shared.workspace.LangiumDocuments.addDocument(document);
    documents.push(document);
}
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
console.log(`${documents.reduce((sum, document) => sum + (document.diagnostics?.length ?? 0), 0)} diagnostics in ${documents.length} files`);
