// Writes a company-sized plan for benchmarks: PROCESSES files, each with one process of four
// stages (a funnel with a conversion range), a key result via it, a team and KPIS_PER_STAGE
// KPIs on each stage. Usage: node bench/generate-plan.mjs DIR [PROCESSES=300] [KPIS_PER_STAGE=3]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const [dir, processes = '300', kpisPerStage = '3'] = process.argv.slice(2);
if (!dir) {
    console.error('usage: node bench/generate-plan.mjs DIR [PROCESSES] [KPIS_PER_STAGE]');
    process.exit(2);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'units.okr'), 'unit lead "leads"\nunit call "calls"\nunit meeting "meetings"\nunit deal "deals"\n');
let kpis = 0;
for (let p = 0; p < Number(processes); p++) {
    const stages = [
        ['Leads', 'lead', ''],
        ['Calls', 'call', `needs 1 lead per call`],
        ['Meetings', 'meeting', `conversion ${10 + (p % 5)}%..${14 + (p % 5)}%`],
        ['Deals', 'deal', `conversion 20%..30%`]
    ];
    let text = `team Team${p} "Team ${p}" {\n  headcount ${2 + (p % 7)}\n  availability 90%\n}\n\n`;
    text += `objective Goal${p} "Objective ${p}" {\n  keyresult Deals "Deals of unit ${p}" {\n    target ${5 + (p % 20)} deal per month\n    via Sales${p}\n    actual 2026-01 ${4 + (p % 20)}\n  }\n}\n\n`;
    text += `process Sales${p} "Sales funnel ${p}" {\n`;
    for (const [name, unit, flow] of stages) {
        text += `  stage ${name} {\n    output ${unit}\n    team Team${p}\n${flow ? `    ${flow}\n` : ''}  }\n`;
    }
    text += '}\n';
    for (const [name] of stages) {
        for (let k = 0; k < Number(kpisPerStage); k++) {
            kpis++;
            text += `\nkpi ${name}Rate${p}x${k} {\n  of Sales${p}.${name}\n  per person per ${['day', 'week', 'month'][k % 3]}\n  actual 2026-01 ${1 + k}\n}\n`;
        }
    }
    writeFileSync(path.join(dir, `unit-${String(p).padStart(4, '0')}.okr`), text);
}
console.log(`${processes} files, ${kpis} KPIs in ${dir}`);
