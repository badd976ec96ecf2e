/** Русские сообщения: что не так, с какими числами и что сделать. */
import { RU_FINDINGS } from './ru-findings.js';
import { formatNumber } from '@okr-plan/engine';
import type { Catalogue } from './messages.js';
import { plural } from './plural.js';

/** `1 файл`, `2 файла`, `5 файлов` (дробные — как «few»). */
const count = (n: number, [one, few, many]: [string, string, string]) => `${n} ${plural('ru', n, { one, few, many, other: few })}`;
import { describeToken, type ScenarioBlockKind, type TokenWords } from './syntax-errors.js';

const SCENARIO_BLOCK_RU: Record<ScenarioBlockKind, string> = {
    scenario: 'напрямую (напишите блок: `team T { … }`, `stage P.S { … }`, …)',
    team: 'у команды',
    keyresult: 'у ключевого результата',
    stage: 'у этапа',
    kpi: 'у КПЭ',
    process: 'у процесса'
};

const orList = (items: string[]) => {
    const quoted = items.map(item => `\`${item}\``);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} или ${quoted.at(-1)}` : quoted[0] ?? '';
};

const RU_TOKENS: TokenWords = {
    ID: 'имя',
    NUMBER: 'число',
    PERCENT: 'процент',
    PERIOD: 'период (2026-01, 2026-W03, 2026-01-15 или 2026-Q1)',
    STRING: 'текст в кавычках',
    EOF: 'новое объявление (unit, calendar, policy, team, objective, process или kpi)'
};

/** Forms after a number: one (1 неделю), few (2 недели), many (5 недель); fractions take «few». */
const EVERY_FORMS: Record<string, [string, string, string]> = {
    day: ['день', 'дня', 'дней'],
    week: ['неделю', 'недели', 'недель'],
    month: ['месяц', 'месяца', 'месяцев'],
    quarter: ['квартал', 'квартала', 'кварталов'],
    year: ['год', 'года', 'лет']
};

function russianPlural(n: number, [one, few, many]: [string, string, string]): string {
    if (!Number.isInteger(n)) return few;
    const tens = n % 100;
    const units = n % 10;
    if (tens >= 11 && tens <= 14) return many;
    if (units === 1) return one;
    if (units >= 2 && units <= 4) return few;
    return many;
}

export const RU: Catalogue = {
    findings: RU_FINDINGS,
    rules: {
        'kpi-without-key-result': 'КПЭ на процессе, через который не идёт ни один ключевой результат',
        'kpi-without-process': 'КПЭ без этапа процесса',
        'kpi-on-uncertain-work': 'КПЭ на нестандартной или очень неопределённой работе',
        'kpi-target-below-plan': 'Цель КПЭ ниже рассчитанного плана',
        'kpi-behind-plan': 'Факт отстаёт от плана больше допуска',
        'cadence-below-plan': 'Ритм ниже того, что нужно ключевым результатам',
        'process-without-key-result': 'Процесс, через который не идёт ни один ключевой результат',
        'unused-team': 'Команда без этапов',
        'unit-mismatch': 'Несовпадение единиц',
        'missing-flow': 'Этап без связи с предыдущим',
        'missing-output': 'Этап без единицы результата',
        'flow-on-first-stage': 'Условие потока на первом этапе процесса',
        'missing-target': 'Ключевой результат с via, но без цели',
        'invalid-quantity': 'Число вне допустимых пределов',
        'kpi-needs-team': '«per person» на этапе без команды',
        'over-capacity': 'Требование на человека выше мощности этапа',
        'team-over-allocated': 'Доли команды в сумме больше 100%',
        'key-result-behind-plan': 'Отметка ключевого результата отстаёт от ожидаемого больше допуска',
        'missing-period': 'Итоговая цель, у цели которой нет периода',
        'actual-outside-period': 'Отметка ключевого результата вне периода его цели',
        'key-result-projected-short': 'Ключевой результат, который при последних фактах КПЭ не достигнет цели',
        'duplicate-actual': 'Отметка за тот же период, что и более поздняя',
        'duplicate-name': 'Имя объявлено больше одного раза',
        'duplicate-calendar': 'Больше одного календаря',
        'duplicate-policy': 'Больше одной политики',
        'duplicate-clause': 'Условие указано в блоке дважды или объявление названо в сценарии дважды',
        'scenario-cycle': 'Сценарий, который через другие расширяет сам себя',
        'parse-error': 'Текст не соответствует грамматике .okr',
        'internal-error': 'Сбой анализа внутри OKR Plan (ошибка, о которой нужно сообщить)',
        'linking-error': 'Имя, которое ни на что не ссылается'
    },
    syntax: problem => {
        switch (problem.kind) {
            case 'expected': {
                const expected = problem.expected.map(token => describeToken(token, RU_TOKENS));
                const list = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} или ${expected.at(-1)}` : expected[0];
                const found = problem.found === '' ? 'конец файла' : `\`${problem.found}\``;
                return problem.suggestion
                    ? `Синтаксическая ошибка: ожидается ${list}, а найдено ${found}. Может быть, \`${problem.suggestion}\`?`
                    : `Синтаксическая ошибка: ожидается ${list}, а найдено ${found}.`;
            }
            case 'not-in-scenario':
                return `Синтаксическая ошибка: сценарий не может менять \`${problem.keyword}\` ${SCENARIO_BLOCK_RU[problem.block]}; здесь можно ${orList(problem.keywords)}.`;
            case 'glued-unit':
                return `Синтаксическая ошибка: число и единица — два слова: напишите \`${problem.number} ${problem.unit}\` через пробел.`;
            case 'decimal-comma':
                return `Синтаксическая ошибка: дробная часть отделяется точкой: напишите \`${problem.number}\`.`;
            case 'spaced-percent':
                return `Синтаксическая ошибка: процент пишется без пробела: напишите \`${problem.number}%\`.`;
            case 'character':
                return problem.character === '"'
                    ? 'Синтаксическая ошибка: текст в кавычках должен закрываться `"` на той же строке (кавычка внутри текста — `\\"`).'
                    : `Синтаксическая ошибка: символ \`${problem.character}\` здесь не имеет смысла; удалите его.`;
            default:
                return `Синтаксическая ошибка: ${problem.text}`;
        }
    },
    undecodable: reason =>
        reason === 'nul'
            ? 'Файл содержит NUL-байты, это не текстовый файл: сохраните его как текст UTF-8.'
            : 'Файл не является текстом UTF-8: сохраните его в кодировке UTF-8.',
    unresolved: (kind, name, nearest) => {
        const meant = nearest.length > 0 ? ` Может быть, ${nearest.map(candidate => `\`${candidate}\``).join(' или ')}?` : '';
        const or = meant ? ' Или объявите' : ' Объявите';
        switch (kind) {
            case 'unit': return `Неизвестная единица «${name}».${meant}${or} её через \`unit ${name}\`${meant ? '.' : ' или исправьте имя.'}`;
            case 'process': return `Неизвестный процесс «${name}».${meant}${or} \`process ${name} { … }\`${meant ? '.' : ' или исправьте имя.'}`;
            case 'stage': return `Неизвестный этап «${name}».${meant || ' Укажите этап плана как Процесс.Этап.'}`;
            case 'team': return `Неизвестная команда «${name}».${meant}${or} \`team ${name} { headcount N }\`${meant ? '.' : ' или исправьте имя.'}`;
            case 'keyresult': return `Неизвестный ключевой результат «${name}».${meant || ' Укажите ключевой результат плана как Цель.Результат.'}`;
            case 'kpi': return `Неизвестный КПЭ «${name}».${meant || ' Укажите КПЭ плана.'}`;
            case 'scenario': return `Неизвестный сценарий «${name}».${meant}${or} \`scenario ${name} { … }\`${meant ? '.' : ' или исправьте имя.'}`;
            default: return `«${name}» не ссылается ни на одно объявление рабочей области.${meant}`;
        }
    },

    referenceKinds: { unit: 'единица', process: 'процесс', stage: 'этап', team: 'команда' },
    // In a rate after a slash: м²/чел./день, заказов/нед. (not «/неделя»).
    timeUnits: { day: 'день', week: 'нед.', month: 'мес.', quarter: 'кв.', year: 'год' },
    person: 'чел.',
    every: (unit, shown, n, timeUnit) => `1${unit ? ` ${unit}` : ''} раз в ${shown} ${russianPlural(n, EVERY_FORMS[timeUnit])}`,
    check: {
        noProblems: files => `Проблем нет: ${count(files, ['файл', 'файла', 'файлов'])}.`,
        summary: (counts, files) =>
            `${count(counts.error, ['ошибка', 'ошибки', 'ошибок'])}, ${count(counts.warning, ['предупреждение', 'предупреждения', 'предупреждений'])}, ${count(counts.info, ['сведение', 'сведения', 'сведений'])}, ${count(counts.hint, ['подсказка', 'подсказки', 'подсказок'])} (${count(files, ['файл', 'файла', 'файлов'])}).`,
        severity: { error: 'ошибка', warning: 'предупреждение', info: 'сведения', hint: 'подсказка' }
    },

    tree: {
        title: 'Дерево КПЭ',
        filterPlaceholder: 'Фильтр по имени или подписи',
        empty: 'Пока нет ни целей, ни процессов, ни КПЭ.',
        unlinkedProcesses: 'Процессы, через которые не идёт ни один ключевой результат',
        kpisWithoutProcess: 'КПЭ без процесса',
        planFindings: 'Другие проблемы плана',
        kpiCount: { other: 'КПЭ' },
        target: 'цель',
        suggestedTarget: 'установить',
        latestActual: 'факт',
        notDerived: 'не рассчитано',
        collapseAll: 'Свернуть всё',
        expandAll: 'Развернуть всё',
        diagram: 'Диаграмма',
        outline: 'Структура',
        fitToView: 'Вписать',
        zoomIn: 'Увеличить',
        zoomOut: 'Уменьшить',
        statuses: { 'on-track': 'в графике', 'at-risk': 'под угрозой', 'off-track': 'срыв плана', none: 'нет плана для сравнения' },
        kinds: { objective: 'Цель', keyresult: 'Ключевой результат', process: 'Процесс', stage: 'Этап', kpi: 'КПЭ' }
    },
    fixes: {
        setTarget: target => `Установить цель ${target} (рассчитанный план с округлением вверх)`,
        raiseHeadcountForPace: (team, headcount) => `Добавить исполнителей: численность «${team}» — ${headcount} (столько нужно при фактическом темпе)`,
        andTarget: target => `, цель КПЭ — ${target}`,
        raiseHeadcountForCapacity: (team, headcount) => `Увеличить численность «${team}» до ${headcount} (столько позволяет мощность)`,
        lowerKeyResult: (keyResult, target) => `Скорректировать план: цель «${keyResult}» — ${target} (столько даёт фактический темп)`,
        addCause: 'Проанализировать причины: записать причину в cause ""',
        insertClause: clause => `Вставить \`${clause}\``,
        removeClause: clause => `Удалить \`${clause}\` (у первого этапа нет предыдущего)`,
        declareUnit: unit => `Объявить единицу ${unit}`,
        changeTo: name => `Заменить на ${name}`
    },
    hover: {
        kinds: { kpi: 'КПЭ', stage: 'Этап', keyresult: 'Ключевой результат', team: 'Команда', unit: 'Единица', objective: 'Цель', process: 'Процесс' },
        derivation: 'Расчёт',
        range: 'диапазон',
        setTarget: target => `руководитель установит **${target}**`,
        handSetTarget: target => `цель ${target}`,
        latestActual: (period, value) => `Последний факт ${period}: ${value}`,
        againstPlan: (deviation, plan) => `${deviation} к плану ${plan}`,
        againstTarget: (deviation, target) => `${deviation} к цели ${target}`,
        cause: cause => `причина: ${cause}`,
        notDerived: 'Значение не рассчитано: этап не связан ни с ключевым результатом, ни с ритмом, или расчёту мешает ошибка (см. «Проблемы»).',
        perPerson: (rate, team, headcount, effective) => {
            const shown = headcount === null || headcount === effective ? `${formatNumber(effective)} чел.` : `${formatNumber(headcount)} чел., эффективно ${formatNumber(effective)}`;
            return `${rate} (${team}: ${shown})`;
        },
        headcount: count => `численность ${count}`,
        availability: percent => `доступность ${percent}%`,
        worksOn: 'Работает на этапах',
        effective: people => `эффективно ${people}`,
        outputOf: 'Результат этапов',
        via: process => `через ${process}`,
        demand: count => `задаёт требования ${count} этап(ам)`,
        qualitative: 'Качественный ключевой результат: без цели и без КПЭ.',
        shareOfDemand: (own, total, percent) => `${own} из ${total} (${percent}) процесса`,
        total: (amount, period, workdays) => `${amount} за ${period} (рабочих дней: ${workdays})`,
        checkIns: 'Последние отметки',
        trend: 'Динамика, факт · план'
    },
    explain: {
        keyResults: count => plural('ru', count, { one: 'ключевой результат', other: 'ключевые результаты' }),
        total: 'всего',
        needsOf: stage => `needs этапа ${stage}`,
        yieldsOf: stage => `yields этапа ${stage}`,
        conversionTo: stage => `конверсия в ${stage}`,
        cadenceSets: (cadence, result) => `ритм ${cadence} = ${result}`,
        cadenceRaises: (cadence, before, result) => `ритм ${cadence} поднимает ${before} до ${result}`,
        people: count => `${count} чел.`,
        headcount: count => `численность ${count}`,
        availability: percent => `доступность ${percent}%`,
        share: percent => `доля ${percent}%`,
        workingDays: count => `${count} раб. дн.`,
        weekOfMonth: (week, month) => `${week}/${month} (неделя из ${week} рабочих дней)`,
        setTarget: target => `цель ${target}`
    },
    status: {
        objective: 'Цель',
        keyResult: 'Ключевой результат',
        target: 'Целевое значение',
        latestActual: 'Последний факт',
        expected: 'Ожидалось',
        progress: 'Прогресс',
        deviation: 'Отклонение',
        status: 'Статус',
        projection: 'Прогноз',
        kpisBehind: 'КПЭ с отставанием от плана',
        noObjectives: 'В плане нет целей.',
        statuses: { 'on-track': 'в графике', 'at-risk': 'под угрозой', 'off-track': 'срыв', none: 'нет отметок' },
        pace: value => `${value} при этом темпе`,
        limitedBy: (value, stage) => `${value}, ограничивает ${stage}`,
        progressOf: (progress, expected) => (expected === null ? progress : `${progress} (ожидалось ${expected})`),
        inPeriod: period => `за ${period}`
    },
    report: {
        kpis: 'КПЭ',
        stages: 'Этапы',
        kpi: 'КПЭ',
        stage: 'Этап',
        derived: 'Расчёт',
        range: 'Диапазон',
        target: 'Цель',
        latestActual: 'Последний факт',
        deviation: 'Отклонение',
        perMonth: 'Требование',
        perPersonPerDay: 'На человека',
        suggestedNote: '(n): цель не задана; n — рассчитанное значение, округлённое вверх: такую цель установил бы руководитель.',
        blockedBy: what => `мешает ${what}`
    }
};
