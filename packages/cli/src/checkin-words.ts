/**
 * What `okr checkin` and `okr import` say when they refuse (spec §11), in English and Russian.
 * The result lines (`added FILE:LINE`, `N added, N updated, N unchanged in N files`) are fixed by
 * the spec and stay English, so scripts can read them in any locale.
 */
import type { Language, ValueProblem } from '@okr-plan/language';
import type { PeriodProblem } from '@okr-plan/engine';

export interface CheckinWords {
    invalidPeriod(text: string, problem: PeriodProblem): string;
    invalidValue(text: string, problem: ValueProblem): string;
    unknownName(name: string, nearest: string[]): string;
    declaredTwice(name: string, places: string[]): string;
    syntaxErrors(file: string): string;
    csvUnreadable(file: string, reason: string): string;
    csvNotUtf8(file: string): string;
    csvEmpty(file: string): string;
    csvMissingColumns(file: string, columns: string[]): string;
    csvSyntax(reason: string): string;
    emptyCell(column: string): string;
    sameRowTwice(name: string, period: string, lines: number[]): string;
    badRows(file: string, count: number): string;
}

const PERIOD_PROBLEM_EN: Record<PeriodProblem, string> = {
    format: 'write a month 2026-01, an ISO week 2026-W03, a day 2026-01-15 or a quarter 2026-Q1',
    month: 'the month must be 01 to 12',
    day: 'that day is not in that month',
    week: 'that ISO week is not in that year',
    quarter: 'the quarter must be Q1 to Q4'
};

const PERIOD_PROBLEM_RU: Record<PeriodProblem, string> = {
    format: 'укажите месяц 2026-01, ISO-неделю 2026-W03, день 2026-01-15 или квартал 2026-Q1',
    month: 'месяц должен быть от 01 до 12',
    day: 'такого дня нет в этом месяце',
    week: 'такой ISO-недели нет в этом году',
    quarter: 'квартал должен быть от Q1 до Q4'
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
    percent: 'укажите число в единицах KPI, без %',
    negative: 'факт не может быть меньше нуля'
};

const EN: CheckinWords = {
    invalidPeriod: (text, problem) => `'${text}' is not a period: ${PERIOD_PROBLEM_EN[problem]}`,
    invalidValue: (text, problem) => `'${text}' is not a value for a check-in: ${VALUE_PROBLEM_EN[problem]}`,
    unknownName: (name, nearest) => nearest.length > 0
        ? `no KPI or key result '${name}' in the plan; nearest: ${nearest.join(', ')}`
        : `no KPI or key result '${name}' in the plan (a key result is named Objective.KeyResult)`,
    declaredTwice: (name, places) => `'${name}' is declared more than once (${places.join(', ')}): rename one first`,
    syntaxErrors: file => `${file} has syntax errors and was not changed: fix them first (okr check ${file})`,
    csvUnreadable: (file, reason) => `cannot read '${file}': ${reason}`,
    csvNotUtf8: file => `${file} is not UTF-8 text: save it as CSV UTF-8`,
    csvEmpty: file => `${file} is empty: the first line must name the columns name, period, value (and cause)`,
    csvMissingColumns: (file, columns) => `${file}:1: no column ${columns.join(', ')} in the header: the first line must name the columns name, period, value (and optionally cause)`,
    csvSyntax: reason => `not valid CSV: ${reason}`,
    emptyCell: column => `the ${column} cell is empty`,
    sameRowTwice: (name, period, lines) => `${name} ${period} is on lines ${lines.join(' and ')}: keep one of them`,
    badRows: (file, count) => `${file}: nothing was written: ${count} bad ${count === 1 ? 'row' : 'rows'}`
};

const RU: CheckinWords = {
    invalidPeriod: (text, problem) => `'${text}' — не период: ${PERIOD_PROBLEM_RU[problem]}`,
    invalidValue: (text, problem) => `'${text}' — не значение факта: ${VALUE_PROBLEM_RU[problem]}`,
    unknownName: (name, nearest) => nearest.length > 0
        ? `в плане нет KPI или ключевого результата '${name}'; ближайшие: ${nearest.join(', ')}`
        : `в плане нет KPI или ключевого результата '${name}' (ключевой результат пишется как Цель.Результат)`,
    declaredTwice: (name, places) => `'${name}' объявлено больше одного раза (${places.join(', ')}): сначала переименуйте одно`,
    syntaxErrors: file => `в ${file} синтаксические ошибки, файл не изменён: сначала исправьте их (okr check ${file})`,
    csvUnreadable: (file, reason) => `не удаётся прочитать '${file}': ${reason}`,
    csvNotUtf8: file => `${file} — не текст в UTF-8: сохраните его как CSV UTF-8`,
    csvEmpty: file => `${file} пуст: первая строка должна называть столбцы name, period, value (и cause)`,
    csvMissingColumns: (file, columns) => `${file}:1: в заголовке нет столбца ${columns.join(', ')}: первая строка должна называть столбцы name, period, value (и, если нужно, cause)`,
    csvSyntax: reason => `ошибка CSV: ${reason}`,
    emptyCell: column => `ячейка ${column} пуста`,
    sameRowTwice: (name, period, lines) => `${name} ${period} встречается в строках ${lines.join(' и ')}: оставьте одну`,
    badRows: (file, count) => `${file}: ничего не записано: ошибочных строк — ${count}`
};

export function checkinWords(language: Language): CheckinWords {
    return language === 'ru' ? RU : EN;
}
