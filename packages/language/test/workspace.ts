/** Builds an in-memory workspace of .okr files the way the CLI and the server do, for tests. */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Language } from '../src/i18n/locale.js';
import { createOkrServices, type OkrServices } from '../src/okr-module.js';

export interface TestWorkspace {
    services: OkrServices;
    documents: Map<string, LangiumDocument>;
    /** Diagnostics of one file, or of all files when no name is given. */
    diagnostics(file?: string): Diagnostic[];
    /** Codes of all diagnostics, sorted, for compact assertions. */
    codes(file?: string): string[];
    /** Diagnostics with a given code. */
    withCode(code: string, file?: string): Diagnostic[];
    /** The text a diagnostic's range covers. */
    textOf(diagnostic: Diagnostic, file?: string): string;
}

export async function buildWorkspace(files: Record<string, string> | string, language: Language = 'en'): Promise<TestWorkspace> {
    const sources = typeof files === 'string' ? { 'plan.okr': files } : files;
    const { shared, Okr } = createOkrServices(EmptyFileSystem);
    Okr.i18n.Messages.language = language;
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(sources)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const diagnostics = (file?: string) => (file ? documents.get(file)!.diagnostics ?? [] : [...documents.values()].flatMap(doc => doc.diagnostics ?? []));
    const firstFile = [...documents.keys()][0];
    return {
        services: Okr,
        documents,
        diagnostics,
        codes: file => diagnostics(file).map(d => String(d.code)).sort(),
        withCode: (code, file) => diagnostics(file).filter(d => d.code === code),
        textOf: (diagnostic, file = firstFile) => {
            const document = documents.get(file)!;
            return document.textDocument.getText(diagnostic.range);
        }
    };
}
