/**
 * What recording a check-in says when it refuses (spec §11), in English and Russian: the words the
 * CLI (`okr checkin`, `okr import`) and the editor's "Record Check-in" share. Kept apart from
 * `i18n/` because they belong to this one feature.
 */
import type { PeriodProblem } from '@okr-plan/engine';
import type { Language } from '../i18n/locale.js';
import type { ValueProblem } from './checkin-values.js';

export interface CheckinProblemWords {
    invalidPeriod(text: string, problem: PeriodProblem): string;
    invalidValue(text: string, problem: ValueProblem): string;
    unknownName(name: string, nearest: string[]): string;
    declaredTwice(name: string, places: string[]): string;
    syntaxErrors(file: string): string;
    /** The code lens over a KPI or a key result. */
    recordCheckin: string;
}

const PERIOD_PROBLEM_EN: Record<PeriodProblem, string> = {
    format: 'write a month 2026-01, an ISO week 2026-W03, a day 2026-01-15 or a quarter 2026-Q1',
    month: 'the month must be 01 to 12',
    day: 'that day is not in that month',
    week: 'that ISO week is not in that year',
    quarter: 'the quarter must be Q1 to Q4',
    'range-ends': 'a check-in is one period: a month, a week, a day or a quarter, not a range',
    reversed: 'a check-in is one period, not a range'
};

const PERIOD_PROBLEM_RU: Record<PeriodProblem, string> = {
    format: 'укажите месяц 2026-01, ISO-неделю 2026-W03, день 2026-01-15 или квартал 2026-Q1',
    month: 'месяц должен быть от 01 до 12',
    day: 'такого дня нет в этом месяце',
    week: 'такой ISO-недели нет в этом году',
    quarter: 'квартал должен быть от Q1 до Q4',
    'range-ends': 'факт относится к одному периоду: месяцу, неделе, дню или кварталу, а не к диапазону',
    reversed: 'факт относится к одному периоду, а не к диапазону'
};

const VALUE_PROBLEM_EN: Record<ValueProblem, string> = {
    'not-a-number': 'write a plain number such as 24 or 25.5',
    range: 'a check-in is one number, not a range',
    percent: 'write the number in the KPI\'s unit, without %',
    negative: 'an actual cannot be below zero'
};

const VALUE_PROBLEM_RU: Record<ValueProblem, string> = {
    'not-a-number': 'укажите простое число, например 24 или 25,5',
    range: 'факт — одно число, а не диапазон',
    percent: 'укажите число в единицах КПЭ, без %',
    negative: 'факт не может быть меньше нуля'
};

const EN: CheckinProblemWords = {
    invalidPeriod: (text, problem) => `'${text}' is not a period: ${PERIOD_PROBLEM_EN[problem]}`,
    invalidValue: (text, problem) => `'${text}' is not a value for a check-in: ${VALUE_PROBLEM_EN[problem]}`,
    unknownName: (name, nearest) => nearest.length > 0
        ? `no KPI or key result '${name}' in the plan; nearest: ${nearest.join(', ')}`
        : `no KPI or key result '${name}' in the plan (a key result is named Objective.KeyResult)`,
    declaredTwice: (name, places) => `'${name}' is declared more than once (${places.join(', ')}): rename one first`,
    syntaxErrors: file => `${file} has syntax errors and was not changed: fix them first (okr check ${file})`,
    recordCheckin: 'Record check-in'
};

const RU: CheckinProblemWords = {
    invalidPeriod: (text, problem) => `'${text}' — не период: ${PERIOD_PROBLEM_RU[problem]}`,
    invalidValue: (text, problem) => `'${text}' — не значение факта: ${VALUE_PROBLEM_RU[problem]}`,
    unknownName: (name, nearest) => nearest.length > 0
        ? `в плане нет КПЭ или ключевого результата '${name}'; ближайшие: ${nearest.join(', ')}`
        : `в плане нет КПЭ или ключевого результата '${name}' (ключевой результат пишется как Цель.Результат)`,
    declaredTwice: (name, places) => `'${name}' объявлено больше одного раза (${places.join(', ')}): сначала переименуйте одно`,
    syntaxErrors: file => `в ${file} синтаксические ошибки, файл не изменён: сначала исправьте их (okr check ${file})`,
    recordCheckin: 'Записать факт'
};

export function checkinProblemWords(language: Language): CheckinProblemWords {
    return language === 'ru' ? RU : EN;
}
