// Writes a company-sized plan for benchmarks. Each process file holds one process of four stages
// (a funnel with a conversion range) and KPIS_PER_STAGE KPIs on each stage.
//   node bench/generate-plan.mjs DIR [PROCESSES=300] [KPIS_PER_STAGE=3]
//     each process file also holds its team and an objective with a key result via the process;
//   node bench/generate-plan.mjs DIR [PROCESSES] [KPIS_PER_STAGE] --cross-file
//     teams and key results live in other files than the processes they serve: per ten processes
//     one `teams-NNN.okr` (two teams, each shared by five processes) and one `goals-NNN.okr` (an
//     objective with a key result via each of the ten processes).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Writes the plan and returns how many files and KPIs it has. */
export function generatePlan(dir, { processes = 300, kpisPerStage = 3, crossFile = false } = {}) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'units.okr'), 'unit lead "leads"\nunit call "calls"\nunit meeting "meetings"\nunit deal "deals"\n');
    let kpis = 0;
    let files = 1;
    const teamOf = p => (crossFile ? `Team${Math.floor(p / 5)}` : `Team${p}`);
    const team = t => `team Team${t} "Team ${t}" {\n  headcount ${2 + (t % 7)}\n  availability 90%\n}\n`;
    const keyResult = (p, name) => `  keyresult ${name} "Deals of unit ${p}" {\n    target ${5 + (p % 20)} deal per month\n    via Sales${p}\n    actual 2026-01 ${4 + (p % 20)}\n  }\n`;
    for (let p = 0; p < processes; p++) {
        const stages = [
            ['Leads', 'lead', ''],
            ['Calls', 'call', `needs 1 lead per call`],
            ['Meetings', 'meeting', `conversion ${10 + (p % 5)}%..${14 + (p % 5)}%`],
            ['Deals', 'deal', `conversion 20%..30%`]
        ];
        let text = '';
        if (!crossFile) text += `${team(p)}\nobjective Goal${p} "Objective ${p}" {\n${keyResult(p, 'Deals')}}\n\n`;
        text += `process Sales${p} "Sales funnel ${p}" {\n`;
        for (const [name, unit, flow] of stages) {
            text += `  stage ${name} {\n    output ${unit}\n    team ${teamOf(p)}\n${flow ? `    ${flow}\n` : ''}  }\n`;
        }
        text += '}\n';
        for (const [name] of stages) {
            for (let k = 0; k < kpisPerStage; k++) {
                kpis++;
                text += `\nkpi ${name}Rate${p}x${k} {\n  of Sales${p}.${name}\n  per person per ${['day', 'week', 'month'][k % 3]}\n  actual 2026-01 ${1 + k}\n}\n`;
            }
        }
        writeFileSync(path.join(dir, `unit-${String(p).padStart(4, '0')}.okr`), text);
        files++;
    }
    if (crossFile) {
        for (let g = 0; g * 10 < processes; g++) {
            const members = [];
            for (let p = g * 10; p < Math.min(processes, g * 10 + 10); p++) members.push(p);
            const teams = [...new Set(members.map(p => Math.floor(p / 5)))];
            writeFileSync(path.join(dir, `teams-${String(g).padStart(3, '0')}.okr`), teams.map(team).join('\n'));
            const goals = `objective Goal${g} "Objective ${g}" {\n${members.map(p => keyResult(p, `Deals${p}`)).join('')}}\n`;
            writeFileSync(path.join(dir, `goals-${String(g).padStart(3, '0')}.okr`), goals);
            files += 2;
        }
    }
    return { files, kpis };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const crossFile = args.includes('--cross-file');
    const [dir, processes = '300', kpisPerStage = '3'] = args.filter(arg => arg !== '--cross-file');
    if (!dir) {
        console.error('usage: node bench/generate-plan.mjs DIR [PROCESSES] [KPIS_PER_STAGE] [--cross-file]');
        process.exit(2);
    }
    const { files, kpis } = generatePlan(dir, { processes: Number(processes), kpisPerStage: Number(kpisPerStage), crossFile });
    console.log(`${files} files (${processes} processes), ${kpis} KPIs in ${dir}`);
}
