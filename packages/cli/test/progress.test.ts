/** The progress line of long runs (issue 11): on a terminal only, after a threshold, erased at the end. */
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { progressLine } from '../src/progress.js';
import { folderWith } from './run-cli.js';

const ERASE = '\r\u001b[K';
const folder = folderWith({
    'units.okr': 'unit lead "leads"\n',
    'team.okr': 'team Sales "Sales" {\n  headcount 2\n}\n',
    'plan.okr': 'process Funnel "Funnel" {\n  stage Leads {\n    output lead\n    team Sales\n  }\n}\n'
});

async function run(args: string[], env: Record<string, string>, options: { tty: boolean; afterMs?: number }) {
    let stdout = '';
    let stderr = '';
    const status = await main(args, { LANG: 'C.UTF-8', ...env }, { write: text => (stdout += text) }, { write: text => (stderr += text), isTTY: options.tty }, folder, undefined, { afterMs: options.afterMs ?? 0 });
    return { status, stdout, stderr };
}

describe('the progress line', () => {
    it('counts files read and analysed on a terminal, then erases itself', async () => {
        const { status, stdout, stderr } = await run(['check'], {}, { tty: true });
        expect(status).toBe(0);
        expect(stderr).toContain(`${ERASE}okr: read 0 of 3 files`);
        expect(stderr).toContain(`${ERASE}okr: read 3 of 3 files`);
        expect(stderr).toContain(`${ERASE}okr: analysing 3 of 3 files`);
        expect(stderr.endsWith(ERASE)).toBe(true);
        expect(stdout).not.toContain('okr: read');
        expect(stdout).toContain('in 3 files');
    });

    it('speaks Russian with the plan', async () => {
        const { stderr } = await run(['check'], { LANG: 'ru_RU.UTF-8' }, { tty: true });
        expect(stderr).toContain('okr: проанализировано файлов: 3 из 3');
    });

    it('is not shown when stderr is a pipe, in CI, or next to machine-readable output', async () => {
        expect((await run(['check'], {}, { tty: false })).stderr).toBe('');
        expect((await run(['check'], { CI: 'true' }, { tty: true })).stderr).toBe('');
        expect((await run(['check', '--format', 'json'], {}, { tty: true })).stderr).toBe('');
        expect((await run(['kpis', '--format', 'csv'], {}, { tty: true })).stderr).toBe('');
    });

    it('is not shown for a run quicker than the threshold', async () => {
        expect((await run(['check'], {}, { tty: true, afterMs: 60_000 })).stderr).toBe('');
    });

    it('redraws at most every 100 ms but always draws the last step, and erases only what it drew', () => {
        let time = 0;
        let written = '';
        const line = progressLine({ write: text => (written += text), isTTY: true }, 'en', { afterMs: 1000, now: () => time });
        line.read(1, 3000);
        expect(written).toBe('');
        time = 1000;
        line.read(1240, 3000);
        time = 1050;
        line.read(1300, 3000);
        line.read(3000, 3000);
        expect(written).toBe(`${ERASE}okr: read 1,240 of 3,000 files${ERASE}okr: read 3,000 of 3,000 files`);
        time = 1100;
        line.analysed(0, 3000);
        expect(written.endsWith(`${ERASE}okr: analysing…`)).toBe(true);
        const before = written.length;
        time = 1300;
        line.analysed(0, 3000);
        expect(written.length).toBe(before); // the same words are not written again
        line.end();
        expect(written.endsWith(ERASE)).toBe(true);
        written = '';
        line.end();
        expect(written).toBe('');
    });
});
