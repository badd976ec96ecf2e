/**
 * Document symbols, workspace symbols and folding ranges (spec §7).
 */
import { EmptyFileSystem } from 'langium';
import { expectFoldings, expectSymbols, expectWorkspaceSymbols } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { createOkrServices } from '../src/okr-module.js';
import { buildWorkspace } from './workspace.js';

/** `SymbolKind` is a namespace of numbers; its names, for readable assertions. */
const KIND_NAMES = Object.fromEntries(Object.entries(SymbolKind).map(([name, kind]) => [kind, name])) as Record<number, string>;

const PLAN = `unit m2 "m²"
unit house
team Plasterers "Plasterers" { headcount 3 }
calendar { workdays 21 per month }
policy { tolerance 5% }
objective Deliver "Hand over homes" {
  owner "CEO"
  keyresult Houses "10 houses a month" { target 10 house per month via Construction }
  keyresult Brand
}
process Construction "House construction" {
  owner "COO"
  stage Plastering "Wall plastering" { output m2 team Plasterers }
  stage Handover { output house needs 200 m2 per house }
}
kpi PlasterRate "Plastered wall per plasterer per day" { of Construction.Plastering per person per day }
`;

/** name (kind) [detail] and children, one line each, indented. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
    return symbols.flatMap(symbol => [
        `${indent}${symbol.name} ${KIND_NAMES[symbol.kind]}${symbol.detail ? ` "${symbol.detail}"` : ''}`,
        ...outline(symbol.children ?? [], `${indent}  `)
    ]);
}

describe('document symbols', () => {
    it('list declarations, key results under objectives and stages under processes', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectSymbols(okr)({
            text: PLAN,
            disposeAfterCheck: true,
            assert: symbols => expect(outline(symbols)).toEqual([
                'm2 TypeParameter "m²"',
                'house TypeParameter',
                'Plasterers Struct "Plasterers"',
                'calendar Object',
                'policy Object',
                'Deliver Module "Hand over homes"',
                '  Houses Property "10 houses a month"',
                '  Brand Property',
                'Construction Class "House construction"',
                '  Plastering Method "Wall plastering"',
                '  Handover Method',
                'PlasterRate Variable "Plastered wall per plasterer per day"'
            ])
        });
    });

    it('select the name and span the whole declaration', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectSymbols(okr)({
            text: PLAN,
            disposeAfterCheck: true,
            assert: symbols => {
                const process = symbols.find(symbol => symbol.name === 'Construction')!;
                expect(process.selectionRange).toEqual({ start: { line: 10, character: 8 }, end: { line: 10, character: 20 } });
                expect(process.range).toEqual({ start: { line: 10, character: 0 }, end: { line: 14, character: 1 } });
                const stage = process.children![0];
                expect(stage.selectionRange).toEqual({ start: { line: 12, character: 8 }, end: { line: 12, character: 18 } });
                expect(stage.range).toEqual({ start: { line: 12, character: 2 }, end: { line: 12, character: 66 } });
            }
        });
    });

    it('skip a declaration the parser could not name', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectSymbols(okr)({ text: 'unit m2\nteam { headcount 2 }\n', disposeAfterCheck: true, expectedSymbols: ['m2'] });
    });
});

describe('workspace symbols', () => {
    it('list every declaration of every file by its qualified name, and no owner', async () => {
        const workspace = await buildWorkspace({ 'a.okr': PLAN, 'b.okr': 'kpi Other { of Construction.Handover per month }' });
        await expectWorkspaceSymbols(workspace.services.shared)({
            assert: symbols => {
                expect(symbols.map(symbol => `${symbol.name} ${KIND_NAMES[symbol.kind]}`).sort()).toEqual([
                    'Construction Class', 'Construction.Handover Method', 'Construction.Plastering Method',
                    'Deliver Module', 'Deliver.Brand Property', 'Deliver.Houses Property',
                    'Other Variable', 'PlasterRate Variable', 'Plasterers Struct', 'house TypeParameter', 'm2 TypeParameter'
                ]);
                const handover = symbols.find(symbol => symbol.name === 'Construction.Handover')!;
                expect(handover.location).toMatchObject({ uri: 'file:///workspace/a.okr', range: { start: { line: 13, character: 8 } } });
            }
        });
    });

    it('find a stage or key result by the name after the dot', async () => {
        const workspace = await buildWorkspace({ 'a.okr': PLAN });
        const names = async (query: string) => {
            let found: string[] = [];
            await expectWorkspaceSymbols(workspace.services.shared)({ query, assert: symbols => { found = symbols.map(symbol => symbol.name).sort(); } });
            return found;
        };
        expect(await names('plas')).toEqual(['Construction.Plastering', 'PlasterRate', 'Plasterers']);
        expect(await names('houses')).toEqual(['Deliver.Houses']);
        expect(await names('CoHa')).toEqual(['Construction.Handover']);
        expect(await names('owner')).toEqual([]);
    });

    it('match Cyrillic names whatever the case', async () => {
        const workspace = await buildWorkspace({ 'a.okr': 'unit м2\nprocess Стройка { stage Штукатурка { output м2 } }' });
        await expectWorkspaceSymbols(workspace.services.shared)({ query: 'штук', expectedSymbols: ['Стройка.Штукатурка'] });
        await expectWorkspaceSymbols(workspace.services.shared)({
            query: 'СТРОЙ',
            assert: symbols => expect(symbols.map(symbol => symbol.name).sort()).toEqual(['Стройка', 'Стройка.Штукатурка'])
        });
    });
});

describe('folding ranges', () => {
    const TEXT = `/* A plan
   over several lines */
/// The builder's output.
/// One line more.
unit house
team T { headcount 1 }
objective Deliver {
  keyresult Houses {
    target 10 house per month
  }
  keyresult Brand { owner "x" }
}
process P {
  stage S {
    output house
    needs
      2
      house per house
  }
  stage Short { output house
  }
}
// one comment line alone
kpi K { of P.S
  per month
  target 3 }
`;

    function lines(foldings: FoldingRange[]): string[] {
        return foldings.map(folding => `${folding.startLine}-${folding.endLine}${folding.kind === FoldingRangeKind.Comment ? ' comment' : ''}`);
    }

    it('fold blocks to the line before their brace, and multi-line comments whole', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectFoldings(okr)({
            text: TEXT,
            disposeAfterCheck: true,
            assert: foldings => expect(lines(foldings)).toEqual([
                '0-1 comment', // the block comment
                '2-3 comment', // the two /// lines
                '6-10', // objective Deliver
                '7-8', // keyresult Houses
                '12-20', // process P
                '13-17', // stage S; its needs clause over three lines does not fold
                '23-24' // kpi K: its last line, which holds the brace, stays visible
            ])
        });
    });

    it('fold nothing in a plan written one declaration a line', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectFoldings(okr)({ text: 'unit m2\nprocess P { stage S { output m2 } }\n// a\nkpi K { of P.S }\n', disposeAfterCheck: true });
    });
});

describe('scenarios (spec §9)', () => {
    const TEXT = `${PLAN}scenario Hire "Hire two" {
  team Plasterers {
    headcount 5
  }
  stage Construction.Handover { needs 180 m2 per house }
}
`;

    it('are Interface symbols with their label', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectSymbols(okr)({ text: TEXT, disposeAfterCheck: true, assert: symbols => expect(outline(symbols).at(-1)).toBe('Hire Interface "Hire two"') });
    });

    it('fold, with their blocks', async () => {
        const okr = createOkrServices(EmptyFileSystem).Okr;
        await expectFoldings(okr)({ text: TEXT, disposeAfterCheck: true, assert: foldings => expect(lines(foldings)).toEqual(['5-8', '10-13', '16-20', '17-18']) }); // the plan's objective and process, then the scenario and its team block
    });

    function lines(foldings: FoldingRange[]): string[] {
        return foldings.map(folding => `${folding.startLine}-${folding.endLine}`);
    }
});
