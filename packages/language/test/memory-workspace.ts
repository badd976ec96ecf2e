/**
 * A workspace whose files live in memory and change the way an editor's edits change them: the
 * text is replaced, then the document is updated, and the builder reads the new text back.
 */
import { EmptyFileSystemProvider, URI, type LangiumDocument } from 'langium';
import { createOkrServices } from '../src/okr-module.js';

class MemoryFileSystem extends EmptyFileSystemProvider {
    constructor(private readonly texts: Map<string, string>) {
        super();
    }
    override async readFile(uri: URI): Promise<string> {
        return this.texts.get(uri.path.split('/').pop()!) ?? '';
    }
}

/** Builds the files (name → text) with validation; `texts` stays the workspace's file system. */
export async function memoryWorkspace(texts: Map<string, string>) {
    const services = createOkrServices({ fileSystemProvider: () => new MemoryFileSystem(texts) });
    const { shared } = services;
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of texts) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    /** Replaces a file's text and rebuilds, as an editor's change does. */
    const edit = async (name: string, text: string) => {
        texts.set(name, text);
        await shared.workspace.DocumentBuilder.update([documents.get(name)!.uri], []);
    };
    return { ...services, documents, edit };
}
