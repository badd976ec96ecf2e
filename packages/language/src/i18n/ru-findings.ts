/** Русские сообщения обо всех находках: что не так, с какими числами и что сделать. */
import type { PlanFindingArgs } from '../plan/plan-findings.js';
import type { FindingMessages, Formatter } from './messages.js';
import { plural } from './plural.js';

/** «в день», «в неделю» … для единицы времени. */
export const PER: Record<string, string> = { day: 'в день', week: 'в неделю', month: 'в месяц', quarter: 'в квартал', year: 'в год' };

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
    actual: 'Факт',
    offtrack: 'Порог срыва',
    milestone: 'Веха'
};

const PERIOD_PROBLEMS: Record<string, string> = {
    format: 'укажите месяц (2026-01), неделю ISO (2026-W03), день (2026-01-15) или квартал (2026-Q1)',
    month: 'месяцы — от 01 до 12',
    day: 'в этом месяце нет такого дня',
    week: 'в этом году нет такой недели ISO',
    quarter: 'кварталы — от Q1 до Q4',
    'range-ends': 'диапазон дат задаётся от дня до дня (2026-01-12..2026-03-31)',
    reversed: 'первый день диапазона позже последнего: поменяйте их местами',
    'not-days': 'выходной — это один день (2026-02-23) или диапазон дней (2026-01-01..2026-01-08)'
};

function invalidQuantity(a: PlanFindingArgs['invalid-quantity'], f: Formatter): string {
    const name = QUANTITY_NAMES[a.what] ?? 'Это число';
    switch (a.reason) {
        case 'needs-percent': return `${name} задаётся в процентах: запишите со знаком %, например \`80%\`.`;
        case 'needs-number': return `${name} задаётся обычным числом: запишите без %.`;
        case 'no-range':
        case 'range-not-allowed': return `${name} — одно число, а не диапазон.`;
        case 'mixed-range': return 'Запишите оба конца диапазона в процентах — или оба без них.';
        case 'not-finite': return 'Число слишком велико для расчёта: укажите меньшее.';
        case 'workdays-period': return `Рабочие дни задаются в неделю или в месяц, а не ${PER[a.per] ?? a.per}.`;
        case 'reversed': return `Нижняя граница диапазона (${f.quantity(a.low, a.percent)}) больше верхней (${f.quantity(a.high, a.percent)}): поменяйте их местами.`;
        case 'not-a-period': return `«${a.period}» — несуществующий период: ${PERIOD_PROBLEMS[a.problem] ?? PERIOD_PROBLEMS.format}.`;
        case 'no-working-day': return `В периоде ${a.period} нет ни одного рабочего дня по календарю (дни недели и праздники): итог не на что распределить. Расширьте период или проверьте праздники.`;
        case 'not-whole-week': return `Для датированных периодов рабочих дней в неделе должно быть целое число от 1 до 7 (понедельник–пятница — 5), а не ${f.num(a.value)}.`;
        case 'not-above-tolerance': return `Порог срыва (${f.pct(a.value)}) должен быть больше допуска (${f.pct(a.tolerance)}): увеличьте его, иначе статусы не определить.`;
        case 'on-rate': return `Вехи бывают только у итоговых целей, а у «${a.keyResult}» цель — темп. Удалите веху или уберите \`per\` из цели.`;
        case 'no-target': return `Вехи бывают только у итоговых целей, а у «${a.keyResult}» цели нет. Добавьте \`target N <единица>\` или удалите веху.`;
        case 'outside-period': return `Веха ${a.period} лежит вне периода цели ${a.objectivePeriod ?? ''}: перенесите её внутрь.`;
        case 'decreasing': return `Веха ${a.period} (${f.num(a.value)}) ниже более ранней (${f.num(a.previous)}): итог не убывает. Увеличьте её или исправьте раннюю.`;
        case 'above-target': return `Веха ${a.period} (${f.num(a.value)}) больше цели (${f.num(a.target)}): уменьшите её или увеличьте цель.`;
        case 'end-not-target': return `Веха ${a.period} заканчивается вместе с периодом, поэтому должна равняться цели (${f.num(a.target)}), а не ${f.num(a.value)}.`;
        case 'missing': return `У команды «${a.team}» не указана численность: добавьте \`headcount N\`, чтобы рассчитать показатели на человека.`;
        case 'out-of-range':
            switch (a.allowed) {
                case 'fraction': return `${name}: допустимо больше 0% и не больше 100%, указано ${f.pct(a.value)}.`;
                case 'non-negative': return `${name}: отрицательное значение недопустимо (${f.quantity(a.value, a.percent)}).`;
                default: return `${name}: нужно число больше 0, указано ${f.quantity(a.value, a.percent)}.`;
            }
    }
}

function unitMismatch(a: PlanFindingArgs['unit-mismatch'], f: Formatter): string {
    const expected = f.unit(a.expected);
    const found = f.unit(a.found);
    switch (a.what) {
        case 'key-result-target': return `Цель указана в единицах «${found}», а процесс «${a.process ?? ''}» производит «${expected}»: укажите цель в «${expected}» или измените результат его последнего этапа.`;
        case 'needs':
        case 'yields':
            return a.position === (a.what === 'needs' ? 'unit' : 'per-unit')
                ? `Предыдущий этап «${a.previousStage}» производит «${expected}», а не «${found}»: укажите здесь «${expected}».`
                : `Этот этап производит «${expected}», а не «${found}»: укажите здесь «${expected}».`;
        case 'cadence': return `Ритм указан в «${found}», а этап производит «${expected}»: укажите его в «${expected}».`;
        case 'capacity': return `Мощность указана в «${found}», а этап производит «${expected}»: укажите её в «${expected}».`;
    }
}

/** Где стоит незнакомое слово: «в процессе». */
const IN_BLOCK: Record<PlanFindingArgs['parse-error']['block'], string> = {
    plan: 'на верхнем уровне плана',
    calendar: 'в календаре',
    policy: 'в политике',
    team: 'в команде',
    objective: 'в цели',
    keyresult: 'в ключевом результате',
    process: 'в процессе',
    stage: 'в этапе',
    kpi: 'в КПЭ',
    scenario: 'в сценарии',
    'scenario-team': 'в блоке команды сценария',
    'scenario-keyresult': 'в блоке ключевого результата сценария',
    'scenario-stage': 'в блоке этапа сценария',
    'scenario-kpi': 'в блоке КПЭ сценария',
    'scenario-process': 'в блоке процесса сценария'
};

function orList(items: string[]): string {
    const quoted = items.map(item => `\`${item}\``);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} или ${quoted.at(-1)}` : quoted[0] ?? '';
}

const times = (n: number) => `${n} ${plural('ru', n, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })}`;
const people = (n: number) => plural('ru', n, { one: 'человек', few: 'человека', many: 'человек', other: 'человека' });

export const RU_FINDINGS: FindingMessages = {
    'kpi-without-key-result': a =>
        `Ни один ключевой результат не идёт через процесс «${a.process}»: этот КПЭ не служит заявленному результату. Добавьте ключевой результат с \`via ${a.process}\` или уберите КПЭ.`,
    'kpi-without-process': () => 'КПЭ не привязан к этапу процесса: нет процесса — нет КПЭ. Добавьте `of Процесс.Этап`.',
    'kpi-on-uncertain-work': (a, f) =>
        a.reason === 'spread'
            ? `Рассчитанное значение слишком неопределённо для КПЭ: разброс ${f.pct(a.spread)} от значения (предел политики ${f.pct(a.limit)}). Управляйте этой работой через ключевые результаты или уточните неопределённые коэффициенты.`
            : `КПЭ поставлен на работу, отмеченную как нестандартная (${a.nonstandard === 'process' ? 'процесс' : 'этап'}): разовой или неопределённой работой управляют через ключевые результаты, а не КПЭ.`,
    'kpi-target-below-plan': (a, f) => {
        const plan = a.low === a.value ? `рассчитанного плана (${f.num(a.value)})` : `наименьшего значения, которое дают диапазоны плана (${f.num(a.low)}; расчёт — ${f.num(a.value)})`;
        const fix = a.suggested === undefined ? '' : ` Установите цель не ниже ${f.num(a.suggested)} (рассчитанное значение с округлением вверх).`;
        return `Цель ${f.num(a.target)} ниже ${plan}: ключевой результат будет недовыполнен на ${f.pct(a.shortfall)}.${fix}`;
    },
    'kpi-behind-plan': (a, f, severity) =>
        `${a.period}: факт ${f.num(a.actual)} — отклонение от плана ${f.num(a.plan)} составляет ${f.dev(a.deviation)} (допуск ${f.pct(a.tolerance)}).` +
        (severity === 'info' ? ' Причина указана.' : ' Добавьте исполнителей на этап, скорректируйте план или укажите причину.'),
    'cadence-below-plan': (a, f) =>
        `Ритм (${f.num(a.cadence)} ${f.unit(a.unit)} ${PER[a.per]}) ниже того, что нужно ключевым результатам (${f.num(a.required)} ${PER[a.per]}): увеличьте ритм, иначе результаты не будут достигнуты.`,
    'process-without-key-result': a => `Ни один ключевой результат не идёт через процесс «${a.process}»: укажите, какому результату он служит, через \`via ${a.process}\` в ключевом результате.`,
    'unused-team': a => `Команда «${a.team}» не работает ни на одном этапе: укажите её на этапе через \`team ${a.team}\` или удалите.`,
    'unit-mismatch': unitMismatch,
    'missing-flow': a => {
        const [unit, previous] = [a.unit ?? '<единица>', a.previousUnit ?? '<единица предыдущего этапа>'];
        return `Этап «${a.stage}» не говорит, как он следует из «${a.previousStage}»: добавьте \`needs N ${previous} per ${unit}\`, \`yields N ${unit} per ${previous}\` или \`conversion P%\`.`;
    },
    'missing-output': a => `У этапа «${a.stage}» нет результата: добавьте \`output <единица>\`.`,
    'flow-on-first-stage': () => 'У первого этапа процесса нет предыдущего: это условие потока не учитывается. Удалите его или переставьте этап ниже.',
    'missing-target': a => `Ключевой результат «${a.keyResult}» идёт через процесс, но не имеет цели: добавьте \`target N <единица> per <период>\`.`,
    'invalid-quantity': invalidQuantity,
    'kpi-needs-team': a => `Для «per person» на этапе «${a.stage}» нужна команда: добавьте этапу \`team <Команда>\` или уберите «person».`,
    'over-capacity': (a, f) =>
        `Каждому исполнителю пришлось бы делать ${f.num(a.perPerson)} ${f.unit(a.unit)} ${PER[a.per]}, больше мощности ${f.num(a.capacity)}` +
        (a.neededHeadcount === undefined ? '.' : `: на этапе нужно ${f.num(a.neededHeadcount)} ${people(a.neededHeadcount)} (сейчас ${f.num(a.headcount)}).`),
    'team-over-allocated': (a, f) => `Команде «${a.team}» распределено ${f.pct(a.totalShare)} времени по этапам: уменьшите доли до 100% в сумме.`,
    'key-result-behind-plan': (a, f, severity) =>
        `${a.period}: факт ${f.num(a.actual)} ${f.unit(a.unit)} — ${f.dev(a.deviation)} от ${a.kind === 'total' ? 'ожидаемого итога' : 'цели'} ${f.num(a.expected)} (допуск ${f.pct(a.tolerance)}).` +
        (severity === 'info' ? ' Причина указана.' : ' Добавьте людей на узкий этап, снизьте цель или укажите причину.'),
    'missing-period': a => `У цели нет \`per\`, значит, это итог за период цели, но у цели «${a.objective}» период не задан: добавьте \`period 2026-Q1\` (месяц, неделя, квартал, день или диапазон дней) или напишите \`per <единица времени>\`.`,
    'actual-outside-period': a => `Отметка ${a.period} (на ${a.day}) лежит вне периода цели ${a.objectivePeriod}: с планом она не сравнивается. Исправьте её дату или период.`,
    'key-result-projected-short': (a, f) => {
        const unit = a.per ? `${f.unit(a.unit)} ${PER[a.per]}` : `${f.unit(a.unit)}${a.period ? ` за ${a.period}` : ''}`;
        return `При последних фактах КПЭ этап ${a.stage} ограничивает выпуск до ${f.num(a.projected)} ${unit} при цели ${f.num(a.target)} (${f.dev(a.deviation)}). Добавьте людей на этот этап или снизьте цель.`;
    },
    'duplicate-actual': a => `Более поздняя отметка «${a.name}» относится к тому же периоду ${a.period}: учитывается только последняя. Удалите эту или исправьте её период.`,
    'duplicate-name': a => `Имя «${a.name}» объявлено ${times(a.count)} (ещё в ${a.others}): имена общие для всех .okr-файлов рабочей области. Переименуйте все, кроме одного.`,
    'duplicate-calendar': a => `Второй календарь: используется только первый (${a.first}). Объедините их в один.`,
    'duplicate-policy': a => `Вторая политика: используется только первая (${a.first}). Объедините их в одну.`,
    'duplicate-clause': a => a.scenario !== undefined
        ? `Сценарий «${a.scenario}» уже меняет \`${a.clause}\` в одном из блоков выше; учитывается только первый блок. Объедините оба блока.`
        : a.clause === 'flow'
        ? 'У этапа может быть только одно условие потока (needs, yields или conversion): второе делает связь с предыдущим этапом неоднозначной. Удалите одно.'
        : `«${a.clause}» указано здесь дважды; учитывается только первое. Удалите лишнее.`,
    'parse-error': a => a.suggestion
        ? `Синтаксическая ошибка: \`${a.word}\` — не ключевое слово ${IN_BLOCK[a.block]}. Может быть, \`${a.suggestion}\`?`
        : `Синтаксическая ошибка: \`${a.word}\` не имеет смысла ${IN_BLOCK[a.block]}: напишите ${orList(a.keywords.split(', '))}.`,
    'scenario-cycle': a => `Сценарий «${a.scenario}» расширяет сам себя (${a.cycle}): сценарий сначала применяет тот, который расширяет, поэтому цепочка должна заканчиваться. Уберите одно \`extends\` в этом кольце.`,
    'internal-error': a => `OKR Plan не смог проанализировать этот файл (${a.detail}). Это ошибка OKR Plan, а не плана: сообщите о ней, приложив файл. Остальные файлы проверяются как обычно.`
};
