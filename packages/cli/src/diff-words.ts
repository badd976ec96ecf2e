/** What `okr diff` says in text and Markdown (spec §10), in English and Russian. */
import { plural, type Language } from '@okr-plan/language';
import type { Severity } from './plan-loader.js';

export type DiffSection = 'kpis' | 'stages' | 'keyResults' | 'teams';

export interface DiffWords {
    title(base: string, head: string): string;
    /** "3 KPIs change" for a section with `count` listed entries. */
    sectionChanges(section: DiffSection, count: number): string;
    newDiagnostics(severity: Severity, count: number): string;
    resolved(count: number): string;
    noFigureChange: string;
    noDiagnosticChange: string;
    sections: Record<DiffSection, string>;
    name: Record<DiffSection, string>;
    beforeAfter: string;
    delta: string;
    change: Record<'changed' | 'added' | 'removed', string>;
    target: string;
    headcount: string;
    availability: string;
    diagnosticsAdded: string;
    diagnosticsRemoved: string;
    unchanged(counts: Record<DiffSection, number>): string;
    more(count: number): string;
    severity: Record<Severity, string>;
}

const EN_COUNT: Record<DiffSection, [string, string]> = { kpis: ['KPI', 'KPIs'], stages: ['stage', 'stages'], keyResults: ['key result', 'key results'], teams: ['team', 'teams'] };
const en = (n: number, one: string, other: string) => `${n} ${plural('en', n, { one, other })}`;

const EN: DiffWords = {
    title: (base, head) => `OKR plan: ${base} → ${head}`,
    sectionChanges: (section, count) => `${en(count, ...EN_COUNT[section])} ${count === 1 ? 'changes' : 'change'}`,
    newDiagnostics: (severity, count) => `${count} new ${plural('en', count, { one: severity === 'info' ? 'note' : severity, other: severity === 'info' ? 'notes' : `${severity}s` })}`,
    resolved: count => `${en(count, 'diagnostic', 'diagnostics')} gone`,
    noFigureChange: "No change to the plan's figures.",
    noDiagnosticChange: 'No change to the diagnostics.',
    sections: { kpis: 'KPIs', stages: 'Stages (per month)', keyResults: 'Key results', teams: 'Teams' },
    name: { kpis: 'KPI', stages: 'Stage', keyResults: 'Key result', teams: 'Team' },
    beforeAfter: 'Before → after',
    delta: 'Δ',
    change: { changed: 'changed', added: 'new', removed: 'removed' },
    target: 'target',
    headcount: 'headcount',
    availability: 'availability',
    diagnosticsAdded: 'New diagnostics',
    diagnosticsRemoved: 'Diagnostics gone',
    unchanged: counts => `Unchanged: ${en(counts.kpis, ...EN_COUNT.kpis)}, ${en(counts.stages, ...EN_COUNT.stages)}, ${en(counts.keyResults, ...EN_COUNT.keyResults)}, ${en(counts.teams, ...EN_COUNT.teams)}.`,
    more: count => `${count} more`,
    severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' }
};

const ru = (n: number, one: string, few: string, many: string) => `${n} ${plural('ru', n, { one, few, many, other: few })}`;
const RU_COUNT: Record<DiffSection, [string, string, string]> = {
    kpis: ['КПЭ', 'КПЭ', 'КПЭ'],
    stages: ['этап', 'этапа', 'этапов'],
    keyResults: ['ключевой результат', 'ключевых результата', 'ключевых результатов'],
    teams: ['команда', 'команды', 'команд']
};
const RU_NEW: Record<Severity, [string, string, string]> = {
    error: ['новая ошибка', 'новые ошибки', 'новых ошибок'],
    warning: ['новое предупреждение', 'новых предупреждения', 'новых предупреждений'],
    info: ['новое замечание', 'новых замечания', 'новых замечаний'],
    hint: ['новая подсказка', 'новые подсказки', 'новых подсказок']
};

const RU: DiffWords = {
    title: (base, head) => `План OKR: ${base} → ${head}`,
    sectionChanges: (section, count) => `${plural('ru', count, { one: 'меняется', other: 'меняются' })} ${ru(count, ...RU_COUNT[section])}`,
    newDiagnostics: (severity, count) => ru(count, ...RU_NEW[severity]),
    resolved: count => `${plural('ru', count, { one: 'исчезло', other: 'исчезли' })} ${ru(count, 'сообщение', 'сообщения', 'сообщений')}`,
    noFigureChange: 'Цифры плана не меняются.',
    noDiagnosticChange: 'Диагностика не меняется.',
    sections: { kpis: 'КПЭ', stages: 'Этапы (в месяц)', keyResults: 'Ключевые результаты', teams: 'Команды' },
    name: { kpis: 'КПЭ', stages: 'Этап', keyResults: 'Ключевой результат', teams: 'Команда' },
    beforeAfter: 'Было → стало',
    delta: 'Δ',
    change: { changed: 'изменён', added: 'новый', removed: 'удалён' },
    target: 'цель',
    headcount: 'численность',
    availability: 'доступность',
    diagnosticsAdded: 'Новые сообщения',
    diagnosticsRemoved: 'Исчезнувшие сообщения',
    unchanged: counts => `Без изменений: ${ru(counts.kpis, ...RU_COUNT.kpis)}, ${ru(counts.stages, ...RU_COUNT.stages)}, ${ru(counts.keyResults, ...RU_COUNT.keyResults)}, ${ru(counts.teams, ...RU_COUNT.teams)}.`,
    more: count => `ещё ${count}`,
    severity: { error: 'ошибка', warning: 'предупреждение', info: 'замечание', hint: 'подсказка' }
};

export function diffWords(language: Language): DiffWords {
    return language === 'ru' ? RU : EN;
}
