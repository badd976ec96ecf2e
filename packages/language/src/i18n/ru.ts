/** Русские сообщения: что не так, с какими числами и что сделать. */
import type { Args, Catalogue, Formatter } from './messages.js';
import { describeToken, type TokenWords } from './syntax-errors.js';

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

/** «в день», «в неделю» … for a time unit arg. */
const PER: Record<string, string> = { day: 'в день', week: 'в неделю', month: 'в месяц', quarter: 'в квартал', year: 'в год' };

function per(a: Args, f: Formatter, key = 'per'): string {
    return PER[f.str(a, key)] ?? f.str(a, key);
}

/** Как называется каждое `what` из invalid-quantity в предложении. */
const QUANTITY_NAMES: Record<string, string> = {
    headcount: 'Численность',
    availability: 'Доступность',
    share: 'Доля команды',
    conversion: 'Конверсия',
    needs: 'Коэффициент needs',
    yields: 'Коэффициент yields',
    workdays: 'Число рабочих дней',
    tolerance: 'Допуск',
    uncertainty: 'Предел неопределённости',
    'key-result-target': 'Цель',
    cadence: 'Ритм',
    capacity: 'Мощность',
    'kpi-target': 'Цель КПЭ',
    actual: 'Факт'
};

const PERIOD_PROBLEMS: Record<string, string> = {
    format: 'укажите месяц (2026-01), неделю ISO (2026-W03), день (2026-01-15) или квартал (2026-Q1)',
    month: 'месяцы — от 01 до 12',
    day: 'в этом месяце нет такого дня',
    week: 'в этом году нет такой недели ISO',
    quarter: 'кварталы — от Q1 до Q4'
};

function quantity(a: Args, f: Formatter): string {
    const name = QUANTITY_NAMES[f.str(a, 'what')] ?? 'Это число';
    const shown = (key: string) => (f.str(a, 'allowed') === 'fraction' || f.str(a, 'percent') ? f.pct(a, key) : f.num(a, key));
    switch (f.str(a, 'reason')) {
        case 'needs-percent': return `${name} задаётся в процентах: запишите со знаком %, например \`80%\`.`;
        case 'needs-number': return `${name} задаётся обычным числом: запишите без %.`;
        case 'no-range':
        case 'range-not-allowed': return `${name} — одно число, а не диапазон.`;
        case 'mixed-range': return 'Запишите оба конца диапазона в процентах — или оба без них.';
        case 'not-finite': return 'Число слишком велико для расчёта: укажите меньшее.';
        case 'workdays-period': return `Рабочие дни задаются в неделю или в месяц, а не ${per(a, f)}.`;
        case 'reversed': return `Нижняя граница диапазона (${shown('low')}) больше верхней (${shown('high')}): поменяйте их местами.`;
        case 'not-a-period': return `«${f.str(a, 'period')}» — не существующий период: ${PERIOD_PROBLEMS[f.str(a, 'problem')] ?? PERIOD_PROBLEMS.format}.`;
        case 'missing': return `У команды «${f.str(a, 'team')}» не указана численность: добавьте \`headcount N\`, чтобы рассчитать показатели на человека.`;
        case 'out-of-range':
            switch (f.str(a, 'allowed')) {
                case 'fraction': return `${name}: допустимо больше 0% и не больше 100%, указано ${f.pct(a, 'value')}.`;
                case 'non-negative': return `${name}: отрицательное значение недопустимо (${f.num(a, 'value')}).`;
                default: return `${name}: нужно число больше 0, указано ${f.num(a, 'value')}.`;
            }
        default: return `${name}: недопустимое значение.`;
    }
}

export const RU: Catalogue = {
    findings: {
        'kpi-without-key-result': (a, f) =>
            `Ни один ключевой результат не идёт через процесс «${f.str(a, 'process')}»: этот КПЭ не служит заявленному результату. Добавьте ключевой результат с \`via ${f.str(a, 'process')}\` или уберите КПЭ.`,
        'kpi-without-process': () => 'КПЭ не привязан к этапу процесса: нет процесса — нет КПЭ. Добавьте `of Процесс.Этап`.',
        'kpi-on-uncertain-work': (a, f) =>
            f.str(a, 'reason') === 'spread'
                ? `Рассчитанное значение слишком неопределённо для КПЭ: разброс ${f.pct(a, 'spread')} от значения (предел политики ${f.pct(a, 'limit')}). Управляйте этой работой через ключевые результаты или уточните неопределённые коэффициенты.`
                : `КПЭ поставлен на работу, отмеченную как нестандартная (${f.str(a, 'nonstandard') === 'process' ? 'процесс' : 'этап'}): разовой или неопределённой работой управляют через ключевые результаты, а не КПЭ.`,
        'kpi-target-below-plan': (a, f) =>
            `Цель ${f.num(a, 'target')} ниже рассчитанного плана (${f.num(a, 'low')}): ключевой результат будет недовыполнен на ${f.pct(a, 'shortfall')}. Установите цель не ниже ${f.num(a, 'suggested')}.`,
        'kpi-behind-plan': (a, f) =>
            `${f.str(a, 'period')}: факт ${f.num(a, 'actual')} — отклонение от плана ${f.num(a, 'plan')} составляет ${f.dev(a, 'deviation')} (допуск ${f.pct(a, 'tolerance')}).` +
            (f.str(a, '$severity') === 'info' ? ' Причина указана.' : ' Добавьте исполнителей на этап, скорректируйте план или укажите причину.'),
        'cadence-below-plan': (a, f) =>
            `Ритм (${f.num(a, 'cadence')} ${f.unit(a, 'unit')} ${per(a, f)}) ниже того, что нужно ключевым результатам (${f.num(a, 'required')} ${per(a, f)}): увеличьте ритм, иначе результаты не будут достигнуты.`,
        'process-without-key-result': (a, f) => `Ни один ключевой результат не идёт через процесс «${f.str(a, 'process')}»: укажите, какому результату он служит, через \`via ${f.str(a, 'process')}\` в ключевом результате.`,
        'unused-team': (a, f) => `Команда «${f.str(a, 'team')}» не работает ни на одном этапе: укажите её на этапе через \`team ${f.str(a, 'team')}\` или удалите.`,
        'unit-mismatch': (a, f) => unitMismatch(a, f),
        'missing-flow': (a, f) => {
            const [unit, previous] = [f.str(a, 'unit') || '<единица>', f.str(a, 'previousUnit') || '<единица предыдущего этапа>'];
            return `Этап «${f.str(a, 'stage')}» не говорит, как он следует из «${f.str(a, 'previousStage')}»: добавьте \`needs N ${previous} per ${unit}\`, \`yields N ${unit} per ${previous}\` или \`conversion P%\`.`;
        },
        'missing-output': (a, f) => `У этапа «${f.str(a, 'stage')}» нет результата: добавьте \`output <единица>\`.`,
        'flow-on-first-stage': () => 'У первого этапа процесса нет предыдущего: это условие потока не учитывается. Удалите его или переставьте этап ниже.',
        'missing-target': (a, f) => `Ключевой результат «${f.str(a, 'keyResult')}» идёт через процесс, но не имеет цели: добавьте \`target N <единица> per <период>\`.`,
        'invalid-quantity': quantity,
        'kpi-needs-team': (a, f) => `Для «per person» на этапе «${f.str(a, 'stage')}» нужна команда: добавьте этапу \`team <Команда>\` или уберите «person».`,
        'over-capacity': (a, f) =>
            `Каждому исполнителю пришлось бы делать ${f.num(a, 'perPerson')} ${f.unit(a, 'unit')} ${per(a, f)}, больше мощности ${f.num(a, 'capacity')}` +
            (f.has(a, 'neededHeadcount') ? `: на этапе нужно ${f.num(a, 'neededHeadcount')} чел. (сейчас ${f.num(a, 'headcount')}).` : '.'),
        'team-over-allocated': (a, f) => `Команде «${f.str(a, 'team')}» распределено ${f.pct(a, 'totalShare')} времени по этапам: уменьшите доли до 100% в сумме.`,
        'duplicate-name': (a, f) => `Имя «${f.str(a, 'name')}» объявлено ${f.num(a, 'count')} раз(а): имена общие для всех .okr-файлов рабочей области. Переименуйте все, кроме одного.`,
        'duplicate-calendar': (a, f) => `Второй календарь: используется только первый (${f.str(a, 'first')}). Объедините их в один.`,
        'duplicate-policy': (a, f) => `Вторая политика: используется только первая (${f.str(a, 'first')}). Объедините их в одну.`,
        'duplicate-clause': (a, f) => f.str(a, 'clause') === 'flow'
            ? 'У этапа может быть только одно условие потока (needs, yields или conversion): второе делает связь с предыдущим этапом неоднозначной. Удалите одно.'
            : `«${f.str(a, 'clause')}» указано здесь дважды; учитывается только первое. Удалите лишнее.`
    },
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
        'duplicate-name': 'Имя объявлено больше одного раза',
        'duplicate-calendar': 'Больше одного календаря',
        'duplicate-policy': 'Больше одной политики',
        'duplicate-clause': 'Условие указано в блоке дважды',
        'parse-error': 'Текст не соответствует грамматике .okr',
        'linking-error': 'Имя, которое ни на что не ссылается'
    },
    syntax: problem => {
        switch (problem.kind) {
            case 'expected': {
                const expected = problem.expected.map(token => describeToken(token, RU_TOKENS));
                const list = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} или ${expected.at(-1)}` : expected[0];
                return `Синтаксическая ошибка: ожидается ${list}, а найдено ${problem.found === '' ? 'конец файла' : `\`${problem.found}\``}.`;
            }
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
    unresolved: (kind, name) => {
        switch (kind) {
            case 'unit': return `Неизвестная единица «${name}»: объявите её через \`unit ${name}\` или исправьте имя.`;
            case 'process': return `Неизвестный процесс «${name}»: объявите \`process ${name} { … }\` или исправьте имя.`;
            case 'stage': return `Неизвестный этап «${name}»: указывайте его как Процесс.Этап, например \`of Стройка.Штукатурка\`.`;
            case 'team': return `Неизвестная команда «${name}»: объявите \`team ${name} { headcount N }\` или исправьте имя.`;
            default: return `«${name}» не ссылается ни на одно объявление рабочей области.`;
        }
    },
    referenceKinds: { unit: 'единица', process: 'процесс', stage: 'этап', team: 'команда' },
    timeUnits: { day: 'день', week: 'неделя', month: 'месяц', quarter: 'квартал', year: 'год' },
    person: 'чел.',
    every: (unit, shown, n, timeUnit) => `1${unit ? ` ${unit}` : ''} раз в ${shown} ${russianPlural(n, EVERY_FORMS[timeUnit])}`,
    check: {
        noProblems: 'Проблем нет (файлов: {files}).',
        summary: (counts, files) =>
            `Ошибок: ${counts.error}, предупреждений: ${counts.warning}, сведений: ${counts.info}, подсказок: ${counts.hint} (файлов: ${files}).`,
        severity: { error: 'ошибка', warning: 'предупреждение', info: 'сведения', hint: 'подсказка' }
    },
    tree: {
        title: 'Дерево КПЭ',
        filterPlaceholder: 'Фильтр по имени или подписи',
        empty: 'Пока нет ни целей, ни процессов, ни КПЭ.',
        unlinkedProcesses: 'Процессы, через которые не идёт ни один ключевой результат',
        kpisWithoutProcess: 'КПЭ без процесса',
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
        declareUnit: unit => `Объявить единицу ${unit}`
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
        perPerson: (rate, team, people) => `${rate} (${team}: ${people} чел.)`,
        headcount: count => `численность ${count}`,
        availability: percent => `доступность ${percent}%`,
        worksOn: 'Работает на этапах',
        effective: people => `эффективно ${people}`,
        outputOf: 'Результат этапов',
        via: process => `через ${process}`,
        demand: count => `задаёт требования ${count} этап(ам)`,
        qualitative: 'Качественный ключевой результат: без цели и без КПЭ.'
    },
    explain: {
        keyResults: 'ключевые результаты',
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
        suggestedNote: '(n): цель не задана; n — рассчитанное значение, округлённое вверх: такую цель установил бы руководитель.'
    }
};

function unitMismatch(a: Args, f: Formatter): string {
    const expected = f.unit(a, 'expected');
    const found = f.unit(a, 'found');
    switch (f.str(a, 'what')) {
        case 'key-result-target': return `Цель указана в единицах «${found}», а процесс «${f.str(a, 'process')}» производит «${expected}»: укажите цель в «${expected}» или измените результат его последнего этапа.`;
        case 'needs':
        case 'yields':
            return f.str(a, 'position') === (f.str(a, 'what') === 'needs' ? 'unit' : 'per-unit')
                ? `Предыдущий этап «${f.str(a, 'previousStage')}» производит «${expected}», а не «${found}»: укажите здесь «${expected}».`
                : `Этот этап производит «${expected}», а не «${found}»: укажите здесь «${expected}».`;
        case 'cadence': return `Ритм указан в «${found}», а этап производит «${expected}»: укажите его в «${expected}».`;
        case 'capacity': return `Мощность указана в «${found}», а этап производит «${expected}»: укажите её в «${expected}».`;
        default: return `«${found}» не совпадает с «${expected}»: укажите «${expected}».`;
    }
}
