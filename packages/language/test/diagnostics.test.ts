/**
 * Every diagnostic of spec §5 through the real language services: its code, severity and the
 * text it sits on, and the absence of it when the plan is right.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildWorkspace } from './workspace.js';

const UNITS = `unit house "houses"\nunit m2 "m²"\n`;

const GOOD_PLAN = `${UNITS}
team Plasterers { headcount 3 }
objective Deliver {
  keyresult Houses { target 10 house per month via Construction }
}
process Construction {
  stage Plastering { output m2 team Plasterers capacity 40 m2 per day }
  stage Handover { output house needs 200 m2 per house }
}
kpi PlasterRate {
  of Construction.Plastering
  per person per day
  target 32
  actual 2026-01 31
}
`;

async function single(code: string, text: string) {
    const workspace = await buildWorkspace(text);
    const found = workspace.withCode(code);
    return { workspace, found, texts: found.map(d => workspace.textOf(d)) };
}

describe('a correct plan', () => {
    it('has no diagnostics at all', async () => {
        const workspace = await buildWorkspace(GOOD_PLAN);
        expect(workspace.diagnostics()).toEqual([]);
    });
});

describe('kpi-without-key-result', () => {
    it('sits on the of clause when no key result goes via the process', async () => {
        const { found, texts } = await single('kpi-without-key-result', GOOD_PLAN.replace('via Construction', ''));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(texts[0]).toBe('of Construction.Plastering');
    });
    it('is absent when a key result goes via the process', async () => {
        expect((await single('kpi-without-key-result', GOOD_PLAN)).found).toEqual([]);
    });
});

describe('kpi-without-process', () => {
    it('sits on the KPI name', async () => {
        const { found, texts } = await single('kpi-without-process', `${GOOD_PLAN}\nkpi Loose { per month target 3 }\n`);
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(texts[0]).toBe('Loose');
    });
});

describe('kpi-on-uncertain-work', () => {
    it('warns on the KPI name when the stage is nonstandard', async () => {
        const { found, texts } = await single('kpi-on-uncertain-work', GOOD_PLAN.replace('output m2 team', 'nonstandard output m2 team'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('PlasterRate');
    });
    it('warns when the process is nonstandard', async () => {
        const { found } = await single('kpi-on-uncertain-work', GOOD_PLAN.replace('process Construction {', 'process Construction {\n  nonstandard'));
        expect(found).toHaveLength(1);
    });
    it('warns when the relative spread exceeds the policy', async () => {
        const { found } = await single('kpi-on-uncertain-work', GOOD_PLAN.replace('needs 200 m2', 'needs 100..300 m2').replace('target 32', ''));
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('100%');
    });
    it('is absent for standard work with a narrow range', async () => {
        const { found } = await single('kpi-on-uncertain-work', GOOD_PLAN.replace('needs 200 m2', 'needs 190..210 m2'));
        expect(found).toEqual([]);
    });
});

describe('kpi-target-below-plan', () => {
    it('sits on the target clause and says by how much', async () => {
        const { found, texts } = await single('kpi-target-below-plan', GOOD_PLAN.replace('target 32', 'target 30'));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(texts[0]).toBe('target 30');
        expect(found[0].message).toContain('31.7');
        expect(found[0].message).toContain('32');
    });
    it('is absent when the target covers the plan', async () => {
        expect((await single('kpi-target-below-plan', GOOD_PLAN)).found).toEqual([]);
    });
});

describe('kpi-behind-plan', () => {
    it('warns on the actual clause when the actual is behind by more than the tolerance', async () => {
        const { found, texts } = await single('kpi-behind-plan', GOOD_PLAN.replace('actual 2026-01 31', 'actual 2026-01 28'));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(texts[0]).toBe('actual 2026-01 28');
        expect(found[0].message).toContain('-12.5%');
    });
    it('is information when the actual carries a cause', async () => {
        const { found } = await single('kpi-behind-plan', GOOD_PLAN.replace('actual 2026-01 31', 'actual 2026-01 28 cause "sick leave"'));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Information);
    });
    it('is absent at exactly the tolerance', async () => {
        // plan 30, actual 27: exactly -10%
        const { found } = await single('kpi-behind-plan', GOOD_PLAN.replace('target 32', 'target 30').replace('actual 2026-01 31', 'actual 2026-01 27'));
        expect(found).toEqual([]);
    });
});

describe('cadence-below-plan', () => {
    it('sits on the cadence clause', async () => {
        const { found, texts } = await single('cadence-below-plan', GOOD_PLAN.replace('capacity 40 m2 per day', 'cadence 1000 m2 per month'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('cadence 1000 m2 per month');
    });
    it('is absent when the cadence is above the requirement', async () => {
        expect((await single('cadence-below-plan', GOOD_PLAN.replace('capacity 40 m2 per day', 'cadence 3000 m2 per month'))).found).toEqual([]);
    });
});

describe('process-without-key-result', () => {
    it('is information on the process name', async () => {
        const { found, texts } = await single('process-without-key-result', GOOD_PLAN.replace('via Construction', ''));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Information);
        expect(texts[0]).toBe('Construction');
    });
});

describe('unused-team', () => {
    it('is a hint on the team name', async () => {
        const { found, texts } = await single('unused-team', `${GOOD_PLAN}\nteam Idle { headcount 1 }\n`);
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Hint);
        expect(texts[0]).toBe('Idle');
    });
});

describe('duplicate-name', () => {
    it('sits on the name of every declaration, across files', async () => {
        const workspace = await buildWorkspace({ 'a.okr': GOOD_PLAN, 'b.okr': 'team Plasterers { headcount 2 }\n' });
        const inA = workspace.withCode('duplicate-name', 'a.okr');
        const inB = workspace.withCode('duplicate-name', 'b.okr');
        expect(inA).toHaveLength(1);
        expect(inB).toHaveLength(1);
        expect(workspace.textOf(inA[0], 'a.okr')).toBe('Plasterers');
        expect(workspace.textOf(inB[0], 'b.okr')).toBe('Plasterers');
        expect(inA[0].severity).toBe(DiagnosticSeverity.Error);
    });
    it('treats qualified stage names separately per process', async () => {
        const workspace = await buildWorkspace(`${GOOD_PLAN}\nprocess Other { stage Plastering { output m2 } }\n`);
        expect(workspace.withCode('duplicate-name')).toEqual([]);
    });
    it('does not derive figures that depend on a duplicated name', async () => {
        const workspace = await buildWorkspace({ 'a.okr': GOOD_PLAN, 'b.okr': 'team Plasterers { headcount 2 }\n' });
        const kpi = workspace.services.plan.PlanWorkspace.current().analysis.kpis[0];
        expect(kpi.figure).toBeNull();
    });
});

describe('duplicate-calendar and duplicate-policy', () => {
    it('sit on the keyword of every block after the first in path order', async () => {
        const workspace = await buildWorkspace({
            'b.okr': 'calendar { workdays 20 per month }\npolicy { tolerance 5% }\n',
            'a.okr': `${GOOD_PLAN}\ncalendar { workdays 21 per month }\npolicy { tolerance 10% }\n`
        });
        const calendars = workspace.withCode('duplicate-calendar', 'b.okr');
        const policies = workspace.withCode('duplicate-policy', 'b.okr');
        expect(calendars).toHaveLength(1);
        expect(policies).toHaveLength(1);
        expect(workspace.textOf(calendars[0], 'b.okr')).toBe('calendar');
        expect(workspace.textOf(policies[0], 'b.okr')).toBe('policy');
        expect(workspace.withCode('duplicate-calendar', 'a.okr')).toEqual([]);
    });
});

describe('unit-mismatch', () => {
    it('sits on the key result target', async () => {
        const { found, texts } = await single('unit-mismatch', GOOD_PLAN.replace('target 10 house per month', 'target 10 m2 per month'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('target 10 m2 per month');
    });
    it('sits on a flow clause whose units disagree with the stages', async () => {
        const { found, texts } = await single('unit-mismatch', GOOD_PLAN.replace('needs 200 m2 per house', 'needs 200 house per house'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('needs 200 house per house');
    });
    it('sits on a capacity or cadence in another unit than the output', async () => {
        const { found, texts } = await single('unit-mismatch', GOOD_PLAN.replace('capacity 40 m2 per day', 'capacity 40 house per day'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('capacity 40 house per day');
    });
    it('leaves dependent figures underived and raises no warning about them', async () => {
        const { workspace } = await single('unit-mismatch', GOOD_PLAN.replace('target 10 house per month', 'target 10 m2 per month').replace('target 32', 'target 3'));
        expect(workspace.withCode('kpi-target-below-plan')).toEqual([]);
        expect(workspace.services.plan.PlanWorkspace.current().analysis.kpis[0].figure).toBeNull();
    });
});

describe('missing-flow and flow-on-first-stage', () => {
    it('missing-flow sits on the name of a non-first stage without flow clause', async () => {
        const { found, texts } = await single('missing-flow', GOOD_PLAN.replace('needs 200 m2 per house', ''));
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(DiagnosticSeverity.Error);
        expect(texts[0]).toBe('Handover');
    });
    it('flow-on-first-stage sits on the flow clause', async () => {
        const { found, texts } = await single('flow-on-first-stage', GOOD_PLAN.replace('output m2 team', 'output m2 conversion 50% team'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('conversion 50%');
    });
});

describe('missing-target', () => {
    it('sits on the key result name', async () => {
        const { found, texts } = await single('missing-target', GOOD_PLAN.replace('target 10 house per month', ''));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('Houses');
    });
    it('is absent for a qualitative key result', async () => {
        const { found } = await single('missing-target', GOOD_PLAN.replace('objective Deliver {', 'objective Deliver {\n  keyresult Brand "Be known for reliability"'));
        expect(found).toEqual([]);
    });
});

describe('invalid-quantity', () => {
    const cases: [string, string, string][] = [
        ['headcount 0', 'headcount 3', 'headcount 0'],
        ['negative headcount', 'headcount 3', 'headcount -2'],
        ['availability over 100%', 'headcount 3', 'headcount 3 availability 120%'],
        ['share of 0%', 'team Plasterers capacity', 'team Plasterers 0% capacity'],
        ['conversion over 100%', 'needs 200 m2 per house', 'conversion 150%'],
        ['ratio of 0', 'needs 200 m2 per house', 'needs 0 m2 per house'],
        ['reversed range', 'needs 200 m2 per house', 'needs 220..180 m2 per house'],
        ['workdays of 0', 'team Plasterers {', 'calendar { workdays 0 per month }\nteam Plasterers {']
    ];
    for (const [title, from, to] of cases) {
        it(`reports ${title}`, async () => {
            const { found } = await single('invalid-quantity', GOOD_PLAN.replace(from, to));
            expect(found.length).toBeGreaterThanOrEqual(1);
            expect(found[0].severity).toBe(DiagnosticSeverity.Error);
        });
    }
    it('asks for a percentage where one belongs', async () => {
        const { found, texts } = await single('invalid-quantity', GOOD_PLAN.replace('headcount 3', 'headcount 3 availability 80'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('availability 80');
        expect(found[0].message).toContain('%');
    });
    it('rejects a range where a single number belongs', async () => {
        const { found } = await single('invalid-quantity', GOOD_PLAN.replace('headcount 3', 'headcount 2..4'));
        expect(found).toHaveLength(1);
    });
    it('rejects an impossible period', async () => {
        const { found } = await single('invalid-quantity', GOOD_PLAN.replace('actual 2026-01 31', 'actual 2026-13 31'));
        expect(found).toHaveLength(1);
    });
});

describe('kpi-needs-team', () => {
    it('sits on the per clause', async () => {
        const { found, texts } = await single('kpi-needs-team', GOOD_PLAN.replace('team Plasterers capacity 40 m2 per day', ''));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('per person per day');
    });
});

describe('over-capacity', () => {
    it('sits on the capacity clause and says how many people are needed', async () => {
        const { found, texts } = await single('over-capacity', GOOD_PLAN.replace('capacity 40 m2 per day', 'capacity 20 m2 per day'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('capacity 20 m2 per day');
        // 2000 m²/month ÷ 21 days ÷ 20 m²/person/day = 4.76 → 5 people
        expect(found[0].message).toMatch(/\b5 people\b/);
    });
});

describe('team-over-allocated', () => {
    it('sits on the team name when explicit shares exceed 100%', async () => {
        const text = GOOD_PLAN.replace('team Plasterers capacity', 'team Plasterers 70% capacity').replace('output house needs', 'output house team Plasterers 50% needs');
        const { found, texts } = await single('team-over-allocated', text);
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('Plasterers');
        expect(found[0].message).toContain('120%');
    });
});

describe('duplicate-clause', () => {
    it('reports a clause given twice', async () => {
        const { found, texts } = await single('duplicate-clause', GOOD_PLAN.replace('headcount 3', 'headcount 3 headcount 4'));
        expect(found).toHaveLength(1);
        expect(texts[0]).toBe('headcount 4');
    });
});

describe('parse-error and linking errors', () => {
    it('gives syntax errors the parse-error code', async () => {
        const workspace = await buildWorkspace('team { headcount }');
        expect(workspace.codes().every(code => code === 'parse-error')).toBe(true);
        expect(workspace.codes().length).toBeGreaterThan(0);
    });
    it('reports an unknown unit and says how to declare it', async () => {
        const workspace = await buildWorkspace(GOOD_PLAN.replace('output m2 team', 'output m3 team'));
        const linking = workspace.withCode('linking-error');
        expect(linking).toHaveLength(1);
        expect(linking[0].message).toContain('unit m3');
    });
});

describe('messages', () => {
    it('come in Russian when the language is Russian', async () => {
        const workspace = await buildWorkspace(GOOD_PLAN.replace('target 32', 'target 30'), 'ru');
        const [found] = workspace.withCode('kpi-target-below-plan');
        expect(found.message).toMatch(/Цель 30 ниже рассчитанного плана/);
    });
    it('never show NaN, Infinity or undefined', async () => {
        const hostile = GOOD_PLAN.replace('headcount 3', 'headcount 0').replace('target 10', 'target 1' + '0'.repeat(400)).replace('needs 200', 'needs 0');
        const workspace = await buildWorkspace(hostile);
        for (const diagnostic of workspace.diagnostics()) {
            expect(diagnostic.message).not.toMatch(/NaN|Infinity|undefined/);
        }
    });
});

describe('choices where the spec is silent', () => {
    it('accepts names that start with a keyword', async () => {
        const workspace = await buildWorkspace('unit offer\nunit units "u"\nteam dayShift { headcount 2 }\nprocess perfect { stage yearbook { output offer team dayShift } }\n');
        expect(workspace.codes().filter(code => code !== 'process-without-key-result')).toEqual([]);
    });
    it('leaves a KPI without a plan when its target is badly written, and raises no deviation from it', async () => {
        const workspace = await buildWorkspace(GOOD_PLAN.replace('target 32', 'target 5%').replace('actual 2026-01 31', 'actual 2026-01 20'));
        // The actual pace still projects the key result (spec §8): 20 per person is short of it.
        expect(workspace.codes()).toEqual(['invalid-quantity', 'key-result-projected-short']);
        expect(workspace.diagnostics()[0].message).toContain('A KPI target is a plain number');
    });
    it('reports each wrong unit of a needs clause', async () => {
        const workspace = await buildWorkspace(`${GOOD_PLAN}unit brick\n`.replace('needs 200 m2 per house', 'needs 200 brick per m2'));
        expect(workspace.withCode('unit-mismatch')).toHaveLength(2);
    });
    it('does not call a team unused when only a name clash keeps its references from resolving', async () => {
        const workspace = await buildWorkspace(`${GOOD_PLAN}unit Plasterers\n`);
        expect(workspace.codes()).not.toContain('unused-team');
        expect(workspace.withCode('duplicate-name')).toHaveLength(2);
    });
    it('says a second flow clause makes the link ambiguous', async () => {
        const workspace = await buildWorkspace(GOOD_PLAN.replace('needs 200 m2 per house', 'needs 200 m2 per house conversion 50%'));
        const [duplicate] = workspace.withCode('duplicate-clause');
        expect(duplicate.message).toContain('one flow clause');
        expect(workspace.services.plan.PlanWorkspace.current().analysis.kpis[0].figure).toBeNull();
    });
});

describe('syntax error messages', () => {
    it('say what was expected and what was found, in plain words', async () => {
        const workspace = await buildWorkspace('team { headcount 3 }\nunit m2 "m²\n@\n');
        const messages = workspace.withCode('parse-error').map(d => d.message);
        expect(messages).toContain('Syntax error: expected a name, found `{`.');
        expect(messages.some(message => message.includes('must end on the same line'))).toBe(true);
        expect(messages).toContain('Syntax error: the character `@` has no meaning here; remove it.');
    });
    it('come in Russian', async () => {
        const workspace = await buildWorkspace('team { headcount 3 }\n', 'ru');
        expect(workspace.withCode('parse-error')[0].message).toBe('Синтаксическая ошибка: ожидается имя, а найдено `{`.');
    });
});

describe('strict comparisons are blind to floating-point noise', () => {
    it('does not call an actual exactly 10% behind "behind plan"', async () => {
        const workspace = await buildWorkspace('kpi A { per month target 7 actual 2026-01 6.3 }\n');
        expect(workspace.withCode('kpi-behind-plan')).toEqual([]);
    });
    it('does not call a target equal to the derived plan "below plan", nor a capacity equal to the pace "over"', async () => {
        const plan = 'unit x\nteam T { headcount 1 }\nobjective O { keyresult K { target 35.7 x per month via P } }\nprocess P { stage S { output x team T capacity 1.7 x per day cadence 1.7 x per day } }\nkpi K { of P.S per person per day target 1.7 }\n';
        const workspace = await buildWorkspace(plan);
        expect(workspace.codes()).toEqual([]);
    });
});
