/**
 * "Record check-in" as the editor drives it over LSP (spec §11): the code lens on each KPI and key
 * result, the list of targets with the proposed period, and the workspace edit the server returns
 * (the same edit `okr checkin` makes), or a clear refusal.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeLensRequest, type TextEdit } from 'vscode-languageserver-protocol/node';
import { CheckinTargetsRequest, RecordCheckinRequest } from '../packages/language/src/lsp/checkin-protocol.js';
import { startServer, type LspSession } from './lsp-client.js';

const EXAMPLE = fileURLToPath(new URL('../examples/plastering/plastering.okr', import.meta.url));

function applyEdit(text: string, edit: TextEdit): string {
    const lines = text.split('\n');
    const offset = (position: { line: number; character: number }) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
    return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

describe('Record check-in over LSP', () => {
    let session: LspSession;
    let uri: string;
    let text: string;

    beforeAll(async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-lsp-checkin-'));
        const file = path.join(folder, 'plastering.okr');
        copyFileSync(EXAMPLE, file);
        text = readFileSync(file, 'utf8');
        uri = pathToFileURL(file).toString();
        session = await startServer(folder);
        session.open(uri, text);
        await session.diagnostics(uri);
    }, 60_000);

    afterAll(async () => {
        await session?.close();
    });

    it('shows a "Record check-in" lens on each KPI and key result', async () => {
        const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        const commands = lenses!.map(lens => ({ line: lens.range.start.line, title: lens.command?.title, command: lens.command?.command, name: lens.command?.arguments?.[0]?.name }));
        expect(commands).toEqual([
            { line: 15, title: 'Record check-in', command: 'okr.recordCheckin', name: 'Deliver.Houses' },
            { line: 20, title: 'Record check-in', command: 'okr.recordCheckin', name: 'Deliver.Brand' },
            { line: 36, title: 'Record check-in', command: 'okr.recordCheckin', name: 'PlasterRate' }
        ]);
        // PlasterRate counts per day: today's date is proposed; a key result per month: the month.
        expect(lenses![2].command!.arguments![0].proposedPeriod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(lenses![0].command!.arguments![0].proposedPeriod).toMatch(/^\d{4}-\d{2}$/);
    });

    it('lists the targets with their proposed periods', async () => {
        const targets = await session.connection.sendRequest(CheckinTargetsRequest, {});
        expect(targets.map(target => [target.name, target.kind])).toEqual([['Deliver.Brand', 'keyResult'], ['Deliver.Houses', 'keyResult'], ['PlasterRate', 'kpi']]);
        expect(targets[2]).toMatchObject({ uri, line: 36, label: 'Plastered wall per plasterer per day' });
    });

    it('returns the workspace edit that adds the actual, and the one that updates it', async () => {
        const added = await session.connection.sendRequest(RecordCheckinRequest, { name: 'PlasterRate', period: '2026-03', value: '29,5', cause: 'new mixer' });
        expect(added).toMatchObject({ ok: true, outcome: 'added', uri, line: 43 });
        if (!added.ok) throw new Error(added.message);
        const [edit] = added.edit!.changes![uri];
        expect(applyEdit(text, edit)).toBe(text.replace('  owner "Foreman"\n', '  owner "Foreman"\n  actual 2026-03 29.5 cause "new mixer"\n'));
        const updated = await session.connection.sendRequest(RecordCheckinRequest, { name: 'PlasterRate', period: '2026-02', value: '28' });
        if (!updated.ok) throw new Error(updated.message);
        expect(updated.outcome).toBe('updated');
        expect(applyEdit(text, updated.edit!.changes![uri][0])).toBe(text.replace('actual 2026-02 27 cause', 'actual 2026-02 28 cause'));
    });

    it('refuses an unknown name with the nearest names, and a bad period or value', async () => {
        const unknown = await session.connection.sendRequest(RecordCheckinRequest, { name: 'PlasterRat', period: '2026-03', value: '1' });
        expect(unknown).toEqual({ ok: false, message: "no KPI or key result 'PlasterRat' in the plan; nearest: PlasterRate, Deliver.Houses, Deliver.Brand" });
        const period = await session.connection.sendRequest(RecordCheckinRequest, { name: 'PlasterRate', period: '2026-13', value: '1' });
        expect(period.ok).toBe(false);
        const value = await session.connection.sendRequest(RecordCheckinRequest, { name: 'PlasterRate', period: '2026-03', value: 'x' });
        expect(value).toMatchObject({ ok: false, message: expect.stringContaining("'x' is not a value") });
    });
});
