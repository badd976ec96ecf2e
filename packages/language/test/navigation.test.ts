/**
 * Go to definition, find references and rename (spec §7) with qualified names across files:
 * in `of Construction.Plastering` the `Construction` segment names the process and `Plastering`
 * the stage.
 */
import { CstUtils, EmptyFileSystem, TextDocument, type LangiumDocument } from 'langium';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver';
import { createOkrServices } from '../src/okr-module.js';
import { buildWorkspace, type TestWorkspace } from './workspace.js';

const A = `unit house "houses"
unit m2 "m²"
team Plasterers { headcount 3 owner "Site manager" }
objective Deliver {
  keyresult Houses { target 10 house per month via Construction }
}
process Construction {
  stage Plastering { output m2 team Plasterers capacity 40 m2 per day }
  stage Handover { output house needs 200 m2 per house }
}
`;

const B = `kpi PlasterRate {
  of Construction.Plastering
  per person per day
}
kpi HandoverRate { of Construction . Handover per month }
`;

/** Text positions in a file of a workspace. */
function offsetOf(text: string, search: string, occurrence = 0, delta = 1): number {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(search, index + 1);
        expect(index, `occurrence ${i} of ${search}`).toBeGreaterThanOrEqual(0);
    }
    return index + delta;
}

function position(document: LangiumDocument, offset: number) {
    return document.textDocument.positionAt(offset);
}

/** `file:line:col-col` of a location, for readable assertions. */
function where(workspace: TestWorkspace, uri: string, range: Range): string {
    const name = [...workspace.documents.entries()].find(([, doc]) => doc.uri.toString() === uri)![0];
    const text = workspace.documents.get(name)!.textDocument.getText(range);
    return `${name}:${range.start.line}:${range.start.character} ${text}`;
}

async function references(workspace: TestWorkspace, file: string, offset: number, includeDeclaration: boolean): Promise<string[]> {
    const document = workspace.documents.get(file)!;
    const locations: Location[] = await workspace.services.lsp.ReferencesProvider!.findReferences(document, {
        textDocument: { uri: document.uri.toString() }, position: position(document, offset), context: { includeDeclaration }
    });
    return locations.map(location => where(workspace, location.uri, location.range)).sort();
}

async function rename(workspace: TestWorkspace, file: string, offset: number, newName: string): Promise<WorkspaceEdit | undefined> {
    const document = workspace.documents.get(file)!;
    return workspace.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: position(document, offset), newName });
}

/** Every file's text after applying `edit`. */
function applied(workspace: TestWorkspace, edit: WorkspaceEdit): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, document] of workspace.documents) {
        const edits = edit.changes?.[document.uri.toString()] ?? [];
        result[name] = TextDocument.applyEdits(document.textDocument, edits);
    }
    return result;
}

describe('go to definition', () => {
    const okr = createOkrServices(EmptyFileSystem).Okr;
    const text = `unit m2
process <|Construction|> { stage <|Plastering|> { output m2 } }
kpi K { of Constr<|>uction.Plas<|>tering }
kpi L { of Construction<|>.Plastering }
kpi M { of Construction.<|>Typo }
`;

    it('leads from the process segment of a qualified name to the process', async () => {
        await expectGoToDefinition(okr)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });

    it('leads from the stage segment to the stage', async () => {
        await expectGoToDefinition(okr)({ text, index: 1, rangeIndex: 1, disposeAfterCheck: true });
    });

    it('takes a cursor right before the dot as on the process', async () => {
        await expectGoToDefinition(okr)({ text, index: 2, rangeIndex: 0, disposeAfterCheck: true });
    });

    it('still leads to the process when the stage name does not resolve', async () => {
        // `Construction.|Typo`: the cursor right after the dot is on `Typo`, which names nothing.
        const okr2 = createOkrServices(EmptyFileSystem).Okr;
        await expectGoToDefinition(okr2)({ text: text.replace('Construction.<|>Typo', 'Constr<|>uction.Typo'), index: 2, rangeIndex: 0, disposeAfterCheck: true });
    });

    it('leaves findDeclarations whole-reference, so hovers anywhere on the name describe the stage', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const b = workspace.documents.get('b.okr')!;
        const leaf = CstUtils.findLeafNodeAtOffset(b.parseResult.value.$cstNode!, offsetOf(B, 'Construction'))!;
        expect(leaf.text).toBe('Construction');
        expect(workspace.services.references.References.findDeclarations(leaf).map(node => node.$type)).toEqual(['Stage']);
    });

    it('works across files, the link starting at the segment only', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        expect(workspace.diagnostics()).toEqual([]);
        const b = workspace.documents.get('b.okr')!;
        const definitions = async (offset: number) => {
            const links = await workspace.services.lsp.DefinitionProvider!.getDefinition(b, { textDocument: { uri: b.uri.toString() }, position: position(b, offset) });
            return (links ?? []).map(link => `${where(workspace, link.targetUri, link.targetSelectionRange)} <- ${b.textDocument.getText(link.originSelectionRange!)}`);
        };
        expect(await definitions(offsetOf(B, 'Plastering'))).toEqual(['a.okr:7:8 Plastering <- Plastering']);
        expect(await definitions(offsetOf(B, 'Construction'))).toEqual(['a.okr:6:8 Construction <- Construction']);
        // Whitespace around the dot is allowed by the grammar.
        expect(await definitions(offsetOf(B, 'Handover', 1))).toEqual(['a.okr:8:8 Handover <- Handover']);
        expect(await definitions(offsetOf(B, 'Construction', 1))).toEqual(['a.okr:6:8 Construction <- Construction']);
    });
});

describe('find references', () => {
    it('of a stage are its name and the stage segment of every `of`, in any file', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const expected = ['a.okr:7:8 Plastering', 'b.okr:1:18 Plastering'];
        expect(await references(workspace, 'a.okr', offsetOf(A, 'Plastering'), true)).toEqual(expected);
        expect(await references(workspace, 'b.okr', offsetOf(B, 'Plastering'), true)).toEqual(expected);
        expect(await references(workspace, 'b.okr', offsetOf(B, 'Plastering'), false)).toEqual(['b.okr:1:18 Plastering']);
    });

    it('of a process are its via references and the process segment of its stages\' qualified names', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const expected = ['a.okr:4:51 Construction', 'b.okr:1:5 Construction', 'b.okr:4:22 Construction'];
        expect(await references(workspace, 'a.okr', offsetOf(A, 'process Construction', 0, 9), false)).toEqual(expected);
        expect(await references(workspace, 'b.okr', offsetOf(B, 'Construction'), true)).toEqual([...expected, 'a.okr:6:8 Construction'].sort());
    });

    it('of a unit and a team are all their uses', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        expect(await references(workspace, 'a.okr', offsetOf(A, 'unit m2', 0, 5), false)).toEqual(['a.okr:7:28 m2', 'a.okr:7:59 m2', 'a.okr:8:42 m2']);
        expect(await references(workspace, 'a.okr', offsetOf(A, 'team Plasterers', 0, 6), true)).toEqual(['a.okr:2:5 Plasterers', 'a.okr:7:36 Plasterers']);
    });

    it('work with the langium test helper in one file', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectFindReferences(okr)({
            text: `unit m2\nprocess P { stage <|S|> { output m2 } }\nkpi K { of P.<|S|> }\nkpi L { of P.<|S|> }`,
            includeDeclaration: true,
            disposeAfterCheck: true
        });
    });

    it('highlight the segment in the current file', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': `${A}${B}` });
        const document = workspace.documents.get('plan.okr')!;
        const highlights = await workspace.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, {
            textDocument: { uri: document.uri.toString() }, position: position(document, offsetOf(`${A}${B}`, 'process Construction', 0, 9))
        });
        expect(highlights?.map(h => document.textDocument.getText(h.range))).toEqual(['Construction', 'Construction', 'Construction', 'Construction']);
    });
});

describe('rename', () => {
    it('of a stage rewrites its name in every qualified reference, in every file', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const edit = (await rename(workspace, 'b.okr', offsetOf(B, 'Plastering'), 'Шпаклёвка'))!;
        const after = applied(workspace, edit);
        expect(after['a.okr']).toBe(A.replace('stage Plastering', 'stage Шпаклёвка'));
        expect(after['b.okr']).toBe(B.replace('Construction.Plastering', 'Construction.Шпаклёвка'));
        expect((await buildWorkspace(after)).diagnostics()).toEqual([]);
    });

    it('of a process rewrites via and the process prefix of qualified references', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const edit = (await rename(workspace, 'a.okr', offsetOf(A, 'process Construction', 0, 9), 'Build'))!;
        const after = applied(workspace, edit);
        expect(after['a.okr']).toBe(A.replace('via Construction', 'via Build').replace('process Construction', 'process Build'));
        expect(after['b.okr']).toBe(B.replace('of Construction.Plastering', 'of Build.Plastering').replace('of Construction . Handover', 'of Build . Handover'));
        expect((await buildWorkspace(after)).diagnostics()).toEqual([]);
    });

    it('of a process started from a qualified reference renames the process, not the stage', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const after = applied(workspace, (await rename(workspace, 'b.okr', offsetOf(B, 'Construction'), 'Build'))!);
        expect(after['a.okr']).toContain('process Build {');
        expect(after['a.okr']).toContain('stage Plastering');
        expect(after['b.okr']).toContain('of Build.Plastering');
    });

    it('of a unit and a team rewrites every use', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const units = applied(workspace, (await rename(workspace, 'a.okr', offsetOf(A, 'output m2', 0, 8), 'sqm'))!);
        expect(units['a.okr']).toBe(A.replaceAll('m2', 'sqm'));
        expect((await buildWorkspace(units)).diagnostics()).toEqual([]);
        const teams = applied(workspace, (await rename(workspace, 'a.okr', offsetOf(A, 'team Plasterers capacity', 0, 6), 'Crew'))!);
        expect(teams['a.okr']).toBe(A.replaceAll('Plasterers', 'Crew'));
        expect((await buildWorkspace(teams)).diagnostics()).toEqual([]);
    });

    it('of an objective or key result rewrites its declaration', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const kr = applied(workspace, (await rename(workspace, 'a.okr', offsetOf(A, 'Houses'), 'Homes'))!);
        expect(kr['a.okr']).toBe(A.replace('keyresult Houses', 'keyresult Homes'));
        expect(kr['b.okr']).toBe(B);
        const objective = applied(workspace, (await rename(workspace, 'a.okr', offsetOf(A, 'Deliver'), 'Ship'))!);
        expect(objective['a.okr']).toBe(A.replace('objective Deliver', 'objective Ship'));
    });

    it('rejects a name the grammar would not read as one, with a message', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const at = offsetOf(A, 'Plastering');
        await expect(rename(workspace, 'a.okr', at, '9lives')).rejects.toThrow(/'9lives' is not a valid name/);
        await expect(rename(workspace, 'a.okr', at, 'two words')).rejects.toThrow(/not a valid name/);
        await expect(rename(workspace, 'a.okr', at, 'Construction.Other')).rejects.toThrow(/not a valid name/);
        await expect(rename(workspace, 'a.okr', at, '')).rejects.toThrow(/not a valid name/);
        await expect(rename(workspace, 'a.okr', at, 'month')).rejects.toThrow(/'month' is a keyword/);
        await expect(rename(workspace, 'a.okr', at, 'stage')).rejects.toThrow(/keyword/);
        // Letters of any script, digits after the first character and '_' are fine.
        await expect(rename(workspace, 'a.okr', at, '_Штукатурка2')).resolves.toBeDefined();
    });

    it('rejects a name another declaration has', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        await expect(rename(workspace, 'a.okr', offsetOf(A, 'Plastering'), 'Handover')).rejects.toThrow(/'Construction.Handover' is already declared/);
        await expect(rename(workspace, 'a.okr', offsetOf(A, 'unit m2', 0, 5), 'PlasterRate')).rejects.toThrow(/'PlasterRate' is already declared/);
        // The same stage name in another process is no clash: the qualified names differ.
        await expect(rename(workspace, 'a.okr', offsetOf(A, 'Houses'), 'Plastering')).resolves.toBeDefined();
    });

    it('speaks Russian when the editor does', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A }, 'ru');
        await expect(rename(workspace, 'a.okr', offsetOf(A, 'Plastering'), '9')).rejects.toThrow(/недопустимое имя/);
    });

    it('is prepared on name segments only, not on keywords or owner strings', async () => {
        const workspace = await buildWorkspace({ 'a.okr': A, 'b.okr': B });
        const prepare = (file: string, offset: number) => {
            const document = workspace.documents.get(file)!;
            const range = workspace.services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position: position(document, offset) }) as Range | undefined;
            return range && document.textDocument.getText(range);
        };
        expect(prepare('b.okr', offsetOf(B, 'Plastering'))).toBe('Plastering');
        expect(prepare('b.okr', offsetOf(B, 'Construction'))).toBe('Construction');
        expect(prepare('a.okr', offsetOf(A, 'process'))).toBeUndefined();
        expect(prepare('a.okr', offsetOf(A, 'Site manager'))).toBeUndefined();
        expect(await rename(workspace, 'a.okr', offsetOf(A, 'Site manager'), 'Boss')).toBeUndefined();
    });
});
