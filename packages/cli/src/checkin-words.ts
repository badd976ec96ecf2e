/**
 * What `okr import` says when it refuses a CSV (spec §11), in English and Russian, beside the
 * words every check-in shares (`checkinProblemWords`). The result lines (`added FILE:LINE`,
 * `N added, N updated, N unchanged in N files`) are fixed by the spec and stay English, so
 * scripts can read them in any locale.
 */
import { checkinProblemWords, type CheckinProblemWords, type Language } from '@okr-plan/language';

export interface CheckinWords extends CheckinProblemWords {
    csvUnreadable(file: string, reason: string): string;
    noSuchFile: string;
    isFolder: string;
    csvNotUtf8(file: string): string;
    csvEmpty(file: string): string;
    csvMissingColumns(file: string, columns: string[]): string;
    csvSyntax(reason: string): string;
    emptyCell(column: string): string;
    sameRowTwice(name: string, period: string, lines: number[]): string;
    badRows(file: string, count: number): string;
}

type CsvWords = Omit<CheckinWords, keyof CheckinProblemWords>;

const EN: CsvWords = {
    csvUnreadable: (file, reason) => `cannot read '${file}': ${reason}`,
    noSuchFile: 'no such file',
    isFolder: 'it is a folder; name the CSV file',
    csvNotUtf8: file => `${file} is not UTF-8 text: save it as CSV UTF-8`,
    csvEmpty: file => `${file} is empty: the first line must name the columns name, period, value (and cause)`,
    csvMissingColumns: (file, columns) => `${file}:1: no column ${columns.join(', ')} in the header: the first line must name the columns name, period, value (and optionally cause)`,
    csvSyntax: reason => `not valid CSV: ${reason}`,
    emptyCell: column => `the ${column} cell is empty`,
    sameRowTwice: (name, period, lines) => `${name} ${period} is on lines ${lines.join(' and ')}: keep one of them`,
    badRows: (file, count) => `${file}: nothing was written: ${count} bad ${count === 1 ? 'row' : 'rows'}`
};

const RU: CsvWords = {
    csvUnreadable: (file, reason) => `не удаётся прочитать '${file}': ${reason}`,
    noSuchFile: 'нет такого файла',
    isFolder: 'это папка; укажите файл CSV',
    csvNotUtf8: file => `${file} — не текст в UTF-8: сохраните его как CSV UTF-8`,
    csvEmpty: file => `${file} пуст: первая строка должна называть столбцы name, period, value (и cause)`,
    csvMissingColumns: (file, columns) => `${file}:1: в заголовке нет столбца ${columns.join(', ')}: первая строка должна называть столбцы name, period, value (и, если нужно, cause)`,
    csvSyntax: reason => `ошибка CSV: ${reason}`,
    emptyCell: column => `ячейка ${column} пуста`,
    sameRowTwice: (name, period, lines) => `${name} ${period} встречается в строках ${lines.join(' и ')}: оставьте одну`,
    badRows: (file, count) => `${file}: ничего не записано: ошибочных строк — ${count}`
};

export function checkinWords(language: Language): CheckinWords {
    return { ...checkinProblemWords(language), ...(language === 'ru' ? RU : EN) };
}
