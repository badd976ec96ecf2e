/** The sentence of `okr diff` (spec §10) in both languages, with their plural forms. */
import type { PlanComparison } from '@okr-plan/engine';
import { describe, expect, it } from 'vitest';
import { diffSentence, type PlanDiff } from '../src/diff-report.js';
import { diffWords } from '../src/diff-words.js';
import type { PlanDiagnostic, Severity } from '../src/plan-loader.js';

const entry = (name: string) => ({ name, change: 'changed' as const, before: null, after: null, delta: null });
const entries = (count: number) => Array.from({ length: count }, (_, i) => entry(`E${i}`));
const diagnostic = (severity: Severity): PlanDiagnostic => ({ file: 'a.okr', absolute: '/a.okr', line: 1, column: 1, endLine: 1, endColumn: 2, severity, code: 'x', message: 'm', declaration: null });

function diff(kpis: number, stages: number, added: Severity[], removed = 0): PlanDiff {
    const comparison: PlanComparison = { kpis: entries(kpis), stages: entries(stages), keyResults: [], teams: [], unchanged: { kpis: 0, stages: 0, keyResults: 0, teams: 0 } };
    return { base: 'HEAD', head: 'working tree', comparison, added: added.map(diagnostic), removed: Array.from({ length: removed }, () => diagnostic('hint')) };
}

describe('the sentence of okr diff', () => {
    it('says what changes, in English', () => {
        const en = diffWords('en');
        expect(diffSentence(diff(3, 1, ['warning']), en)).toBe('3 KPIs change, 1 stage changes, 1 new warning.');
        expect(diffSentence(diff(1, 0, ['error', 'error', 'info'], 2), en)).toBe('1 KPI changes, 2 new errors, 1 new note, 2 diagnostics gone.');
        expect(diffSentence(diff(0, 0, []), en)).toBe("No change to the plan's figures.");
        expect(diffSentence(diff(0, 0, ['warning']), en)).toBe("No change to the plan's figures. 1 new warning.");
    });

    it('says what changes, in Russian, with the three plural forms', () => {
        const ru = diffWords('ru');
        expect(diffSentence(diff(1, 2, ['warning']), ru)).toBe('Меняется 1 КПЭ, меняются 2 этапа, 1 новое предупреждение.');
        expect(diffSentence(diff(5, 21, ['error', 'error'], 5), ru)).toBe('Меняются 5 КПЭ, меняется 21 этап, 2 новые ошибки, исчезли 5 сообщений.');
        expect(diffSentence(diff(0, 0, [], 1), ru)).toBe('Цифры плана не меняются. Исчезло 1 сообщение.');
    });
});
