/** Hover, inlay hints and quick fixes through the language services (spec §7). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver';
import { buildWorkspace, type TestWorkspace } from './workspace.js';

const PLASTERING = readFileSync(fileURLToPath(new URL('../../../examples/plastering/plastering.okr', import.meta.url)), 'utf8');
const BLOG = readFileSync(fileURLToPath(new URL('../../../examples/blog/blog.okr', import.meta.url)), 'utf8');

function positionOf(document: LangiumDocument, text: string, delta = 1) {
    const offset = document.textDocument.getText().indexOf(text);
    if (offset < 0) throw new Error(`'${text}' not in document`);
    return document.textDocument.positionAt(offset + delta);
}

async function hover(workspace: TestWorkspace, file: string, at: string, delta = 1): Promise<string> {
    const document = workspace.documents.get(file)!;
    const result = (await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, at, delta) })) as Hover | undefined;
    const contents = result?.contents as { value: string } | undefined;
    return contents?.value ?? '';
}

async function hints(workspace: TestWorkspace, file: string) {
    const document = workspace.documents.get(file)!;
    const range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    const found = (await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range })) ?? [];
    return found.map(hint => ({ line: document.textDocument.getText({ start: { line: hint.position.line, character: 0 }, end: hint.position }), label: String(hint.label), tooltip: hint.tooltip }));
}

async function fixes(workspace: TestWorkspace, file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const document = workspace.documents.get(file)!;
    const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return (actions ?? []) as CodeAction[];
}

/** Applies a fix to the texts of the workspace and returns the new texts by file name. */
function apply(workspace: TestWorkspace, action: CodeAction): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const [name, document] of workspace.documents) texts[name] = document.textDocument.getText();
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const name = [...workspace.documents.entries()].find(([, doc]) => doc.uri.toString() === uri)![0];
        const document = workspace.documents.get(name)!;
        const sorted = [...(edits as TextEdit[])].sort((a, b) => document.textDocument.offsetAt(b.range.start) - document.textDocument.offsetAt(a.range.start));
        let text = texts[name];
        for (const edit of sorted) {
            text = text.slice(0, document.textDocument.offsetAt(edit.range.start)) + edit.newText + text.slice(document.textDocument.offsetAt(edit.range.end));
        }
        texts[name] = text;
    }
    return texts;
}

describe('hover', () => {
    it('shows the KPI figure, the target a manager would set, each derivation step and the doc comment', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING });
        const text = await hover(workspace, 'plan.okr', 'PlasterRate');
        expect(text).toContain('**≈ 31.7 m²/person/day**');
        expect(text).toContain('a manager would set **32**');
        expect(text).toContain('Deliver.Houses: 10 houses/month');
        expect(text).toContain('× 200 m²/house (Construction.Handover needs) = 2000 m²/month');
        expect(text).toContain('= 2000 m²/month');
        expect(text).toContain('÷ 3 people = 667 m²/person/month');
        expect(text).toContain('÷ 21 working days = 31.7 m²/person/day');
        expect(text).toContain('Latest actual 2026-02: 27, -15.6% against the plan of 32');
        expect(text).toContain('two plasterers on sick leave');
        expect(text).toContain('What each plasterer must do every working day');
    });
    it('answers on a reference as on the declaration', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING });
        const text = await hover(workspace, 'plan.okr', 'of Construction.Plastering', 5);
        expect(text).toContain('**Stage Construction.Plastering**');
        expect(text).toContain('**2000 m²/month**');
        expect(text).toContain('31.7 m²/person/day (Plasterers: 3 people)');
    });
    it('reads a sub-one rate the other way round', async () => {
        const workspace = await buildWorkspace({ 'blog.okr': BLOG });
        const text = await hover(workspace, 'blog.okr', 'kpi ArticlesPerExpert', 5);
        expect(text).toContain('≈ 0.5 articles/person/week');
        expect(text).toContain('1 article every 2 weeks');
        expect(text).toContain('cadence 1 articles/week raises');
        // each step in the unit of the stage it reached: requests, then readers, then articles
        expect(text).toContain('÷ 3% (converted to Blog.Requests) = 1000 readers/month');
        expect(text).toContain('÷ 250 readers/article (Blog.Reading yields) = 4 articles/month');
    });
    it('describes key results, teams and units', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING });
        expect(await hover(workspace, 'plan.okr', 'keyresult Houses', 11)).toMatch(/\*\*10 houses\/month\*\* · via Construction[\s\S]*Status: \*\*on track\*\*[\s\S]*- 2026-01: 9, expected 10, -10% \(on track\)/);
        expect(await hover(workspace, 'plan.okr', 'team Plasterers', 6)).toMatch(/headcount 3[\s\S]*Construction\.Plastering 100%, 3 effective/);
        expect(await hover(workspace, 'plan.okr', 'unit m2', 6)).toContain('Output of: Construction.Plastering');
    });
    it('speaks Russian', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING }, 'ru');
        const text = await hover(workspace, 'plan.okr', 'PlasterRate');
        expect(text).toContain('**≈ 31.7 m²/чел./день**');
        expect(text).toContain('руководитель установит **32**');
        expect(text).toContain('÷ 21 раб. дн. = 31.7 m²/чел./день');
    });
});

describe('inlay hints', () => {
    it('puts the KPI value, the stage requirement and each deviation at the ends of their lines', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING });
        const found = await hints(workspace, 'plan.okr');
        const labels = found.map(hint => `${hint.line.trim()} ⟶ ${hint.label}`);
        expect(labels).toContain('kpi PlasterRate "Plastered wall per plasterer per day" { ⟶ ≈ 31.7 m²/person/day');
        expect(labels).toContain('stage Plastering "Wall plastering" { ⟶ 2000 m²/month · 31.7 m²/person/day');
        expect(labels).toContain('stage Handover "Handover" { ⟶ 10 houses/month');
        // The deviation and the engine's status (spec §8).
        expect(labels).toContain('actual 2026-01 30.5 ⟶ -4.7% · on track');
        expect(labels).toContain('actual 2026-02 27 cause "two plasterers on sick leave" ⟶ -15.6% · at risk');
        expect(labels).toContain('actual 2026-01 9 ⟶ -10% · on track');
        const kpiHint = found.find(hint => hint.label.startsWith('≈'))!;
        expect(JSON.stringify(kpiHint.tooltip)).toContain('÷ 21 working days');
    });
    it('computes hints only for the requested range', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING });
        const document = workspace.documents.get('plan.okr')!;
        const kpiLine = positionOf(document, 'kpi PlasterRate', 0).line;
        const found = await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: kpiLine, character: 0 }, end: { line: kpiLine + 3, character: 0 } }
        });
        expect(found?.map(hint => hint.label)).toEqual(['≈ 31.7 m²/person/day']);
    });
    it('shows nothing for figures that depend on an error', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING.replace('needs 200 m2 per house', 'needs 200 house per house') });
        const found = await hints(workspace, 'plan.okr');
        expect(found.filter(hint => hint.label.includes('m²'))).toEqual([]);
    });
});

describe('quick fixes', () => {
    it('sets a KPI target below plan to the derived value rounded up', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING.replace('target 32', 'target 30') });
        const [diagnostic] = workspace.withCode('kpi-target-below-plan');
        const [action] = await fixes(workspace, 'plan.okr', diagnostic);
        expect(action.title).toBe('Set the target to 32 (the derived plan, rounded up)');
        const fixed = apply(workspace, action)['plan.okr'];
        expect(fixed).toContain('  target 32\n');
        expect((await buildWorkspace({ 'plan.okr': fixed })).withCode('kpi-target-below-plan')).toEqual([]);
    });

    it('offers the three responses to an actual behind plan, each editing the plan as promised', async () => {
        const behind = PLASTERING.replace('actual 2026-02 27 cause "two plasterers on sick leave"', 'actual 2026-02 27');
        const teamFile = behind.slice(behind.indexOf('/// The plastering crew'), behind.indexOf('objective Deliver'));
        const planFile = behind.replace(teamFile, '');
        // the team lives in another file: the headcount fix must edit that file
        const workspace = await buildWorkspace({ 'plan.okr': planFile, 'teams.okr': teamFile });
        const [diagnostic] = workspace.withCode('kpi-behind-plan', 'plan.okr');
        const actions = await fixes(workspace, 'plan.okr', diagnostic);
        expect(actions.map(action => action.title)).toEqual([
            "Add people: raise Plasterers' headcount to 4 (what the actual pace needs), and the KPI target to 24",
            "Adjust the plan: lower Deliver.Houses' target to 8.4 (what the actual pace gives)",
            'Analyse the causes: record why with cause ""'
        ]);
        const [raise, lower, cause] = actions.map(action => apply(workspace, action));
        expect(raise['teams.okr']).toContain('headcount 4\n');
        // the hand-set per-person target follows the new headcount: 2000 / 4 / 21 = 23.8 → 24
        expect(raise['plan.okr']).toBe(planFile.replace('target 32', 'target 24'));
        expect(lower['plan.okr']).toContain('target 8.4 house per month');
        expect(cause['plan.okr']).toContain('actual 2026-02 27 cause ""\n');
        // each fixed plan is valid, and the deviation is no longer a plain warning
        for (const texts of [raise, lower, cause]) {
            const rebuilt = await buildWorkspace(texts);
            expect(rebuilt.diagnostics().filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        }
        const afterCause = await buildWorkspace(cause);
        expect(afterCause.withCode('kpi-behind-plan')[0].severity).toBe(3);
        // with 4 people the plan per person is 23.8, and the actual 27 is ahead of it: no deviation warning
        expect((await buildWorkspace(raise)).withCode('kpi-behind-plan').filter(d => d.message.includes('2026-02'))).toEqual([]);
    });

    it('raises the headcount to what the capacity allows', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING.replace('capacity 40 m2 per day', 'capacity 20 m2 per day') });
        const [diagnostic] = workspace.withCode('over-capacity');
        const [action] = await fixes(workspace, 'plan.okr', diagnostic);
        expect(action.title).toBe("Raise Plasterers' headcount to 5 (what the capacity allows)");
        const fixed = apply(workspace, action)['plan.okr'];
        expect((await buildWorkspace({ 'plan.okr': fixed })).withCode('over-capacity')).toEqual([]);
    });

    it('inserts a flow clause into a stage that lacks one', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING.replace('    needs 200 m2 per house\n', '') });
        const [diagnostic] = workspace.withCode('missing-flow');
        const actions = await fixes(workspace, 'plan.okr', diagnostic);
        expect(actions.map(action => action.title)).toEqual(['Insert `needs 1 m2 per house`', 'Insert `conversion 100%`']);
        const fixed = apply(workspace, actions[0])['plan.okr'];
        expect(fixed).toContain('    output house\n    needs 1 m2 per house\n  }');
        expect((await buildWorkspace({ 'plan.okr': fixed })).diagnostics().filter(d => d.severity === 1)).toEqual([]);
    });

    it('inserts a flow clause into a one-line stage', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': 'unit a\nunit b\nprocess P {\n  stage A { output a }\n  stage B { output b }\n}\n' });
        const [diagnostic] = workspace.withCode('missing-flow');
        const [needs] = await fixes(workspace, 'plan.okr', diagnostic);
        expect(apply(workspace, needs)['plan.okr']).toContain('stage B { output b needs 1 a per b }');
    });

    it('removes a flow clause from the first stage', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING.replace('    output m2\n', '    output m2\n    conversion 50%\n') });
        const [diagnostic] = workspace.withCode('flow-on-first-stage');
        const [action] = await fixes(workspace, 'plan.okr', diagnostic);
        expect(action.title).toBe('Remove `conversion 50%` (the first stage has no stage before it)');
        expect(apply(workspace, action)['plan.okr']).toBe(PLASTERING);
    });

    it('declares an unknown unit', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING.replace('output m2', 'output m3') });
        const [diagnostic] = workspace.withCode('linking-error');
        const actions = await fixes(workspace, 'plan.okr', diagnostic);
        // The nearest declared unit comes first; declaring the new one is the other fix.
        expect(actions.map(candidate => candidate.title)).toEqual(['Change to m2', 'Declare unit m3']);
        const action = actions[1];
        const fixed = apply(workspace, action)['plan.okr'];
        expect(fixed).toContain('unit m2 "m²"\nunit m3\n');
        expect((await buildWorkspace({ 'plan.okr': fixed })).withCode('linking-error')).toEqual([]);
    });
});

describe('hover on a scenario (spec §9)', () => {
    const HIRE = 'scenario Hire "Hire two plasterers" {\n  team Plasterers { headcount 5 }\n  keyresult Deliver.Houses { target 12 house per month }\n  stage Construction.Handover { needs 180 m2 per house }\n  kpi PlasterRate { target 25 }\n}\nscenario Slow extends Hire { team Plasterers { availability 100% } }\nscenario Same { team Plasterers { headcount 3 } }\n';

    it('shows a before → after table of the KPIs and stages it moves', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING, 'what-if.okr': HIRE });
        const text = await hover(workspace, 'what-if.okr', 'Hire');
        expect(text).toBe([
            '**Scenario Hire** — Hire two plasterers',
            [
                '| | Plan | Scenario | Δ |',
                '| --- | --- | --- | --- |',
                '| PlasterRate | 31.7 m²/person/day (target 32) | 20.6 m²/person/day (target 25) | -35.2% |',
                '| Construction.Plastering | 2000 m²/month | 2160 m²/month | +8% |',
                '| Construction.Handover | 10 houses/month | 12 houses/month | +20% |'
            ].join('\n')
        ].join('\n\n'));
    });

    it('shows the same on a scenario that extends it, at the extends reference too, and says when nothing moves', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING, 'what-if.okr': HIRE });
        expect(await hover(workspace, 'what-if.okr', 'Slow')).toMatch(/^\*\*Scenario Slow\*\* · extends Hire\n\n\| \| Plan[\s\S]*PlasterRate \| 31\.7/);
        expect(await hover(workspace, 'what-if.okr', 'extends Hire', 9)).toMatch(/^\*\*Scenario Hire\*\* — Hire two plasterers/);
        expect(await hover(workspace, 'what-if.okr', 'Same')).toBe('**Scenario Same**\n\nMoves no KPI or stage of the plan.');
    });

    it('speaks Russian, and says a scenario on a cycle derives nothing', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLASTERING, 'what-if.okr': 'scenario A extends A { }\n' }, 'ru');
        expect(await hover(workspace, 'what-if.okr', 'A extends', 0)).toBe('**Сценарий A** · расширяет A\n\nСценарий в кольце `extends`: по нему ничего не рассчитывается.');
    });
});
