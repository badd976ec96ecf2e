/**
 * Live editing: a change in one file updates the diagnostics of another file that has no
 * reference to it (a key result's target moves the KPIs of its process), and only the documents
 * whose findings changed are validated again.
 */
import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from './memory-workspace.js';

const KEY_RESULTS = (houses: number) => `objective Deliver {\n  keyresult Houses { target ${houses} house per month via Construction }\n}\n`;
const PROCESS = 'unit house\nunit m2\nteam Plasterers { headcount 3 }\nprocess Construction {\n  stage Plastering { output m2 team Plasterers }\n  stage Handover { output house needs 200 m2 per house }\n}\n';
const KPI = 'kpi PlasterRate {\n  of Construction.Plastering\n  per person per day\n  target 32\n}\n';
const OTHER = 'unit widget\nprocess Widgets { stage Make { output widget } }\n';

async function workspace() {
    const texts = new Map([['krs.okr', KEY_RESULTS(10)], ['process.okr', PROCESS], ['kpi.okr', KPI], ['other.okr', OTHER]]);
    const { shared, Okr, documents, edit } = await memoryWorkspace(texts);
    const validated: string[] = [];
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        validated.push(document.uri.path.split('/').pop()!);
    });
    const codes = (name: string) => (documents.get(name)!.diagnostics ?? []).map(d => d.code);
    return {
        Okr,
        codes,
        validated,
        edit: async (name: string, text: string) => {
            validated.length = 0;
            await edit(name, text);
        }
    };
}

describe('incremental rebuilds', () => {
    it('updates a KPI warning in another file when a key result target changes', async () => {
        const ws = await workspace();
        expect(ws.codes('kpi.okr')).toEqual([]);
        // 15 houses → 3000 m² → 47.6 m²/person/day: the hand-set 32 is now below plan
        await ws.edit('krs.okr', KEY_RESULTS(15));
        expect(ws.codes('kpi.okr')).toEqual(['kpi-target-below-plan']);
        await ws.edit('krs.okr', KEY_RESULTS(10));
        expect(ws.codes('kpi.okr')).toEqual([]);
    });

    it('re-validates only the changed document and those whose findings changed', async () => {
        const ws = await workspace();
        await ws.edit('krs.okr', KEY_RESULTS(15));
        expect(ws.validated).toContain('krs.okr');
        expect(ws.validated).toContain('kpi.okr');
        expect(ws.validated).not.toContain('other.okr');
        // a change with no effect on any figure re-validates just the edited file
        await ws.edit('other.okr', `${OTHER}// a comment\n`);
        expect([...new Set(ws.validated)]).toEqual(['other.okr']);
    });
});
