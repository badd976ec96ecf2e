/**
 * Typing stays cheap (issue 11): ten changes within 100 ms cause at most two analyses of the
 * plan, the diagnostics of a superseded change are never published, and what is published last
 * is the plan as typed last. Driven the way the language server is: each change goes through the
 * workspace lock, which cancels the update of the change before it.
 */
import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import type { OkrDocumentBuilder } from '../src/workspace/okr-document-builder.js';
import { TypingPause } from '../src/workspace/typing-pause.js';
import { memoryWorkspace } from './memory-workspace.js';

const KEY_RESULTS = (houses: number) => `objective Deliver {\n  keyresult Houses { target ${houses} house per month via Construction }\n}\n`;
const PROCESS = 'unit house\nunit m2\nteam Plasterers { headcount 3 }\nprocess Construction {\n  stage Plastering { output m2 team Plasterers }\n  stage Handover { output house needs 200 m2 per house }\n}\n';
const KPI = 'kpi PlasterRate {\n  of Construction.Plastering\n  per person per day\n  target 32\n}\n';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function workspace() {
    const texts = new Map([['krs.okr', KEY_RESULTS(10)], ['process.okr', PROCESS], ['kpi.okr', KPI]]);
    const { shared, Okr, documents } = await memoryWorkspace(texts);
    const builder = shared.workspace.DocumentBuilder as OkrDocumentBuilder;
    // What Langium's diagnostics handler would send: it listens to this phase, after the builder's own listener.
    const published: { file: string; text: string; current: string; codes: string[] }[] = [];
    builder.onDocumentPhase(DocumentState.Validated, document => {
        const file = document.uri.path.split('/').pop()!;
        published.push({ file, text: document.textDocument.getText(), current: texts.get(file)!, codes: (document.diagnostics ?? []).map(d => String(d.code)) });
    });
    /** One change from the editor: the text changes, and an update is queued (as DocumentUpdateHandler does). */
    const change = (file: string, text: string) => {
        texts.set(file, text);
        builder.typing.changed();
        return shared.workspace.WorkspaceLock.write(token => builder.update([documents.get(file)!.uri], [], token));
    };
    return { plan: Okr.plan.PlanWorkspace, change, published, documents };
}

describe('typing coalescing', () => {
    it('analyses ten changes within 100 ms at most twice, and publishes only the text as it is', async () => {
        const ws = await workspace();
        const before = ws.plan.analyses;
        let last: Promise<unknown> = Promise.resolve();
        for (let houses = 11; houses <= 20; houses++) {
            last = ws.change('krs.okr', KEY_RESULTS(houses));
            await sleep(9);
        }
        await last;
        expect(ws.plan.analyses - before).toBeGreaterThanOrEqual(1);
        expect(ws.plan.analyses - before).toBeLessThanOrEqual(2);
        // Nothing published was already superseded when it was published.
        expect(ws.published.length).toBeGreaterThan(0);
        for (const publication of ws.published) expect(publication.text).toBe(publication.current);
        // The last publication of the edited file is its final text; 20 houses → 63.5 m²/person/day > the target 32.
        const lastOfKrs = ws.published.filter(p => p.file === 'krs.okr').at(-1)!;
        expect(lastOfKrs.text).toBe(KEY_RESULTS(20));
        expect(ws.documents.get('kpi.okr')!.diagnostics?.map(d => d.code)).toEqual(['kpi-target-below-plan']);
    });

    it('analyses a change after a quiet moment at once', async () => {
        const ws = await workspace();
        await sleep(120);
        const before = ws.plan.analyses;
        const started = performance.now();
        await ws.change('krs.okr', KEY_RESULTS(15));
        expect(ws.plan.analyses - before).toBe(1);
        // No waiting for a pause: well under the 100 ms window (the build itself takes a few ms).
        expect(performance.now() - started).toBeLessThan(100);
    });
});

describe('TypingPause', () => {
    it('waits only inside a burst, until the burst has paused for the window', () => {
        let now = 0;
        const pause = new TypingPause(100, () => now);
        expect(pause.remaining()).toBe(0);
        pause.changed();
        expect(pause.remaining()).toBe(0); // the first change after a quiet moment
        now = 30;
        pause.changed();
        expect(pause.remaining()).toBe(100);
        now = 90;
        expect(pause.remaining()).toBe(40);
        now = 130;
        expect(pause.remaining()).toBe(0);
        now = 300;
        pause.changed(); // 170 ms after the previous change: quiet again
        expect(pause.remaining()).toBe(0);
    });
});
