/** The command line's own words — usage, help and usage errors — in English and Russian. */
import type { Language } from '@okr-plan/language';

export interface UsageWords {
    noCommand: string;
    unknownCommand(command: string, commands: string): string;
    causeNeedsText: string;
    needsValue(flag: string): string;
    unknownOption(option: string): string;
    needsOperands(command: string, csv: boolean, usage: string): string;
    noFormatOption(command: string): string;
    notAFormat(format: string, command: string, formats: string): string;
    previewNeedsOutput: string;
    outputOnlyForPreview: string;
    diffNeedsRevision: string;
    /** `okr diff --scenario NAME` with `--from DIR` (or a revision). */
    scenarioWithRevision: string;
    /** `--scenario NAME` that no scenario of the plan has; `known`: those it has. */
    unknownScenario(name: string, known: string[]): string;
    /** The heading of text and Markdown output under a scenario. */
    underScenario(name: string, label: string | undefined): string;
    badFailOn(value: string): string;
    internalError(message: string): string;
    /** A path that could not be read or written; `reason` is the system's words, used when the code is not one we know. */
    cannot(action: 'read' | 'write', path: string, code: string | undefined, reason: string): string;
    usage: string;
}

const EN_CODES: Record<string, string> = { ENOENT: 'no such file or folder', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder', ENOTDIR: 'a part of the path is not a folder', EROFS: 'the file system is read-only', ENOSPC: 'no space left on the device' };
const RU_CODES: Record<string, string> = { ENOENT: 'нет такого файла или папки', EACCES: 'нет доступа', EPERM: 'нет доступа', EISDIR: 'это папка', ENOTDIR: 'часть пути — не папка', EROFS: 'файловая система только для чтения', ENOSPC: 'на диске нет места' };

const EN: UsageWords = {
    noCommand: 'no command given',
    unknownCommand: (command, commands) => `unknown command '${command}' (expected ${commands})`,
    causeNeedsText: '--cause needs a text (--cause "" writes an empty cause)',
    needsValue: flag => `${flag} needs a value`,
    unknownOption: option => `unknown option '${option}'`,
    needsOperands: (command, csv, usage) => `${command} needs ${csv ? 'a CSV file' : 'a name, a period and a value'}: ${usage}`,
    noFormatOption: command => `--format is not an option of '${command}'`,
    notAFormat: (format, command, formats) => `'${format}' is not a format of '${command}' (use ${formats})`,
    previewNeedsOutput: 'preview needs an output file: okr preview <paths…> -o tree.html',
    outputOnlyForPreview: "-o is only for 'okr preview'",
    diffNeedsRevision: 'diff needs a git revision or --from DIR: okr diff origin/main [paths…], okr diff --from DIR [paths…]',
    scenarioWithRevision: 'diff --scenario NAME compares the plan with the plan under that scenario; it cannot be combined with a revision or --from DIR: okr diff --scenario NAME [paths…]',
    unknownScenario: (name, known) => known.length === 0
        ? `no scenario '${name}': the plan declares no scenario (write \`scenario ${name} { … }\` in a .okr file)`
        : `no scenario '${name}' in the plan; its scenarios are ${known.join(', ')}`,
    underScenario: (name, label) => `Scenario ${name}${label ? ` (${label})` : ''}`,
    badFailOn: value => `--fail-on takes errors, warnings or a percentage such as 10%, not '${value}'`,
    cannot: (action, path, code, reason) => `cannot ${action} '${path}': ${(code && EN_CODES[code]) ?? reason}`,
    internalError: message => `internal error: ${message}\nThis is a bug in okr, not in the plan: please report it with the plan that caused it (run with --debug for the details).`,
    usage: `Usage: okr <command> [paths…] [options]

Commands:
  check [paths…]   parse and validate every .okr file under the paths (default: .)
  kpis [paths…]    print the KPIs and stage requirements derived from the plan
  status [paths…]  the check-in review: objectives, key results against the plan, KPIs behind
  preview [paths…] -o FILE.html | -o FILE.svg
                   write the KPI tree as one self-contained HTML file (diagram
                   and outline), or as the diagram alone in an SVG file
  diff REV [paths…] | diff --from DIR [paths…] | diff --scenario NAME [paths…]
                   what a change does to the figures: the plan at git revision REV
                   (or in folder DIR) against the working tree (or the paths), or
                   the plan against the plan under scenario NAME
  checkin NAME PERIOD VALUE [--cause TEXT] [paths…]
                   record an actual of a KPI or a key result (Objective.KeyResult):
                   add 'actual PERIOD VALUE', or update the one of that period
  import FILE.csv [paths…] [--dry-run]
                   record every row of a CSV (columns name, period, value, cause);
                   nothing is written when a row is bad

Options:
  --format, -f     check: text (default), json, sarif
                   kpis:  text (default), json, csv, markdown
                   status: text (default), json, markdown
                   preview: html (default), svg (default for FILE.svg)
                   diff: text (default), json, markdown
  --output, -o     the file 'preview' writes
  --debug          show the stack of an internal error (to report a bug)
  --cause TEXT     checkin: the cause written with the actual
  --dry-run        import: write nothing, print the diff of what would change
  --from DIR       diff: compare the plan in folder DIR instead of a revision
  --scenario NAME  check, kpis, status, preview, diff: the plan under scenario NAME
  --fail-on WHAT   diff: exit 1 when the change adds an error (errors), an error or a
                   warning (warnings), or moves a KPI or stage by more than N% (N%);
                   repeatable
  --help, -h       show this help
  --version, -v    show the version

Exit status: 0 no errors, 1 the plan has errors, 2 usage or I/O error, no .okr file found,
or an unknown scenario
(checkin, import: 0 recorded, 2 nothing written; diff: 0, or 1 when --fail-on is met).
Messages are in Russian when LC_ALL, LC_MESSAGES or LANG says ru.`
};

const RU: UsageWords = {
    noCommand: 'не указана команда',
    unknownCommand: (command, commands) => `неизвестная команда «${command}» (ожидается ${commands})`,
    causeNeedsText: '--cause требует текста (--cause "" записывает пустую причину)',
    needsValue: flag => `${flag} требует значения`,
    unknownOption: option => `неизвестный параметр «${option}»`,
    needsOperands: (command, csv, usage) => `${command}: нужен ${csv ? 'файл CSV' : 'имя, период и значение'}: ${usage}`,
    noFormatOption: command => `у «${command}» нет параметра --format`,
    notAFormat: (format, command, formats) => `«${format}» — не формат «${command}» (допустимо: ${formats})`,
    previewNeedsOutput: 'preview нужен файл для записи: okr preview <пути…> -o tree.html',
    outputOnlyForPreview: '-o есть только у «okr preview»',
    diffNeedsRevision: 'diff нужна ревизия git или --from ПАПКА: okr diff origin/main [пути…], okr diff --from ПАПКА [пути…]',
    scenarioWithRevision: 'diff --scenario ИМЯ сравнивает план с планом по этому сценарию; его нельзя сочетать с ревизией или --from ПАПКА: okr diff --scenario ИМЯ [пути…]',
    unknownScenario: (name, known) => known.length === 0
        ? `нет сценария «${name}»: в плане нет ни одного сценария (напишите \`scenario ${name} { … }\` в файле .okr)`
        : `в плане нет сценария «${name}»; его сценарии: ${known.join(', ')}`,
    underScenario: (name, label) => `Сценарий ${name}${label ? ` (${label})` : ''}`,
    badFailOn: value => `--fail-on принимает errors, warnings или процент, например 10%, а не «${value}»`,
    cannot: (action, path, code, reason) => `не удалось ${action === 'read' ? 'прочитать' : 'записать'} «${path}»: ${(code && RU_CODES[code]) ?? reason}`,
    internalError: message => `внутренняя ошибка: ${message}\nЭто ошибка okr, а не плана: сообщите о ней, приложив план (подробности — с --debug).`,
    usage: `Использование: okr <команда> [пути…] [параметры]

Команды:
  check [пути…]    разобрать и проверить все файлы .okr в этих путях (по умолчанию: .)
  kpis [пути…]     вывести КПЭ и требования этапов, рассчитанные по плану
  status [пути…]   обзор для планёрки: цели, ключевые результаты против плана, отстающие КПЭ
  preview [пути…] -o ФАЙЛ.html | -o ФАЙЛ.svg
                   записать дерево КПЭ одним самодостаточным файлом HTML (диаграмма
                   и структура) или одну диаграмму файлом SVG
  diff РЕВИЗИЯ [пути…] | diff --from ПАПКА [пути…] | diff --scenario ИМЯ [пути…]
                   что изменение делает с цифрами: план в ревизии git (или в папке)
                   против рабочей копии (или путей) или план против плана по сценарию
  checkin ИМЯ ПЕРИОД ЗНАЧЕНИЕ [--cause ТЕКСТ] [пути…]
                   записать факт КПЭ или ключевого результата (Цель.КлючевойРезультат):
                   добавить «actual ПЕРИОД ЗНАЧЕНИЕ» или обновить факт этого периода
  import ФАЙЛ.csv [пути…] [--dry-run]
                   записать каждую строку CSV (столбцы name, period, value, cause);
                   если хоть одна строка неверна, ничего не записывается

Параметры:
  --format, -f     check: text (по умолчанию), json, sarif
                   kpis:  text (по умолчанию), json, csv, markdown
                   status: text (по умолчанию), json, markdown
                   preview: html (по умолчанию), svg (по умолчанию для ФАЙЛ.svg)
                   diff: text (по умолчанию), json, markdown
  --output, -o     файл, который записывает preview
  --debug          показать стек внутренней ошибки (чтобы сообщить о ней)
  --cause ТЕКСТ    checkin: причина, записываемая вместе с фактом
  --dry-run        import: ничего не записывать, показать diff изменений
  --from ПАПКА     diff: сравнить с планом в папке вместо ревизии
  --scenario ИМЯ   check, kpis, status, preview, diff: план по сценарию ИМЯ
  --fail-on ЧТО    diff: код 1, если изменение добавляет ошибку (errors), ошибку или
                   предупреждение (warnings) или сдвигает КПЭ или этап больше чем на N% (N%);
                   можно повторять
  --help, -h       эта справка
  --version, -v    версия

Код выхода: 0 — ошибок нет, 1 — в плане есть ошибки, 2 — ошибка вызова или ввода-вывода
или не найдено ни одного файла .okr, или неизвестный сценарий (checkin, import: 0 — записано, 2 — ничего не записано; diff: 0 или 1, если сработал --fail-on).
Сообщения выводятся по-русски, когда LC_ALL, LC_MESSAGES или LANG указывают ru.`
};

export function usageWords(language: Language): UsageWords {
    return language === 'ru' ? RU : EN;
}
