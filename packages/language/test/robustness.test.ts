/**
 * Isolation (issue 9): half-typed text never throws, and a failure inside OKR Plan stays in the
 * document or request it happened in — an internal-error diagnostic on the first line, an empty
 * answer — while every other document keeps its diagnostics and figures.
 */
import type { PlanAnalysis, PlanInput } from '@okr-plan/engine';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOkrServices, type OkrServices } from '../src/okr-module.js';
import { answerOnFailure } from '../src/lsp/request-guard.js';
import type { PlanFragment } from '../src/plan/plan-fragment.js';
import { PlanWorkspace } from '../src/plan/plan-workspace.js';
import type { Site } from '../src/plan/site.js';
import { buildWorkspace } from './workspace.js';

const PLASTERING = readFileSync(new URL('../../../examples/plastering/plastering.okr', import.meta.url), 'utf8');

/** A plan workspace that fails as a bug would: reading any document that contains the marker, or running the engine. */
class FailingPlanWorkspace extends PlanWorkspace {
    static failEngine = false;
    protected override readFragment(document: LangiumDocument): PlanFragment {
        if (document.textDocument.getText().includes('// boom')) throw new TypeError("Cannot read properties of undefined (reading 'text')");
        return super.readFragment(document);
    }
    protected override analyse(input: PlanInput<Site>): PlanAnalysis<Site> {
        if (FailingPlanWorkspace.failEngine) throw new RangeError('engine failure');
        return super.analyse(input);
    }
}

async function failingWorkspace(files: Record<string, string>, language: 'en' | 'ru' = 'en'): Promise<{ okr: OkrServices; documents: LangiumDocument[] }> {
    const { shared, Okr } = createOkrServices(EmptyFileSystem, { plan: { PlanWorkspace: services => new FailingPlanWorkspace(services) } });
    Okr.i18n.Messages.language = language;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { okr: Okr, documents };
}

describe('half-typed text', () => {
    it('a range being typed in a key result target gives syntax errors, not an exception', async () => {
        const workspace = await buildWorkspace('objective O { keyresult K { target.. customer month');
        const diagnostics = workspace.diagnostics();
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(new Set(diagnostics.map(d => d.code))).toEqual(new Set(['parse-error', 'linking-error']));
        for (const diagnostic of diagnostics) expect(diagnostic.message).not.toMatch(/NaN|Infinity|undefined/);
    });
});

describe('a failure while reading one document', () => {
    it('becomes an internal-error on its first line; the other document keeps its findings and figures', async () => {
        FailingPlanWorkspace.failEngine = false;
        const { okr, documents } = await failingWorkspace({ 'a.okr': PLASTERING, 'b.okr': 'unit x // boom\nteam T { headcount 2 }\n' });
        const [plastering, broken] = documents;
        expect(broken.diagnostics?.map(d => d.code)).toEqual(['internal-error']);
        const [internal] = broken.diagnostics ?? [];
        expect(internal.severity).toBe(1);
        expect(internal.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
        expect(internal.message).toMatch(/could not analyse this file .*report it/);
        expect(plastering.diagnostics?.map(d => d.code)).toEqual(['kpi-behind-plan', 'key-result-projected-short']);
        expect(okr.plan.PlanWorkspace.current().analysis.kpis[0].figure?.value).toBeCloseTo(31.746, 3);
        expect(okr.validation.InternalErrors.recorded[0]).toMatchObject({ where: 'file:///workspace/b.okr', message: expect.stringContaining("reading 'text'") });
        expect(okr.validation.InternalErrors.recorded[0].stack).toContain('readFragment');
    });

    it('says so in Russian too', async () => {
        const { documents } = await failingWorkspace({ 'b.okr': 'unit x // boom\n' }, 'ru');
        expect(documents[0].diagnostics?.[0].message).toMatch(/не смог проанализировать этот файл/);
    });
});

describe('a failure of the engine', () => {
    it('gives every document an internal-error instead of ending the build', async () => {
        FailingPlanWorkspace.failEngine = true;
        try {
            const { documents } = await failingWorkspace({ 'a.okr': PLASTERING, 'b.okr': 'unit x\n' });
            for (const document of documents) expect(document.diagnostics?.map(d => d.code)).toEqual(['internal-error']);
        } finally {
            FailingPlanWorkspace.failEngine = false;
        }
    });
});

describe('a failing request', () => {
    it('answers empty and records the failure; deliberate refusals and cancellations pass through', async () => {
        const { okr } = await failingWorkspace({ 'a.okr': 'unit x\n' });
        const handler = answerOnFailure(async () => {
            throw new Error('hover bug');
        }, 'textDocument/hover', null, okr.validation.InternalErrors);
        await expect(handler()).resolves.toBeNull();
        expect(okr.validation.InternalErrors.recorded.at(-1)).toMatchObject({ where: 'textDocument/hover', message: 'hover bug' });
        const { ResponseError } = await import('vscode-languageserver');
        const refusal = answerOnFailure(async () => {
            throw new ResponseError(-32602, 'not a valid name');
        }, 'textDocument/rename', null, okr.validation.InternalErrors);
        await expect(refusal()).rejects.toThrow('not a valid name');
    });
});

describe('percentages in messages (typed finding arguments)', () => {
    it('prints a reversed percentage range as percentages, in English and Russian', async () => {
        const plan = 'unit u\nprocess P {\n  stage A { output u }\n  stage B { output u conversion 5%..2% }\n}\n';
        const en = await buildWorkspace(plan);
        expect(en.withCode('invalid-quantity')[0].message).toBe('The low end of this range (5%) exceeds its high end (2%): swap them.');
        const ru = await buildWorkspace(plan, 'ru');
        expect(ru.withCode('invalid-quantity')[0].message).toBe('Нижняя граница диапазона (5%) больше верхней (2%): поменяйте их местами.');
    });
});
