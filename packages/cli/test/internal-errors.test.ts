/** A bug inside okr (issue 9): the file and a plain message, exit 1, and the stack only with --debug. */
import type { LangiumDocument } from 'langium';
import { PlanWorkspace, type PlanFragment } from '@okr-plan/language';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { folderWith } from './run-cli.js';

class FailingPlanWorkspace extends PlanWorkspace {
    protected override readFragment(document: LangiumDocument): PlanFragment {
        if (document.textDocument.getText().includes('// boom')) throw new TypeError('a bug while reading');
        return super.readFragment(document);
    }
}

async function run(args: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const status = await main(args, { LANG: 'C.UTF-8' }, { write: text => (stdout += text) }, { write: text => (stderr += text) }, cwd, {
        plan: { PlanWorkspace: services => new FailingPlanWorkspace(services) }
    });
    return { status, stdout, stderr };
}

describe('an internal error', () => {
    const folder = folderWith({ 'good.okr': 'unit house\nteam T { headcount 2 }\n', 'bad.okr': 'unit m2 // boom\n' });

    it('is reported on the file that caused it with exit 1 and no stack trace', async () => {
        const { status, stdout, stderr } = await run(['check', '--format', 'json'], folder);
        expect(status).toBe(1);
        const diagnostics = JSON.parse(stdout).diagnostics as { file: string; line: number; code: string; message: string }[];
        expect(diagnostics.find(d => d.code === 'internal-error')).toMatchObject({ file: 'bad.okr', line: 1, message: expect.stringContaining('a bug while reading') });
        // The other file is still checked.
        expect(diagnostics.find(d => d.file === 'good.okr')).toMatchObject({ code: 'unused-team' });
        expect(stderr).toBe('');
    });

    it('shows the stack with --debug', async () => {
        const { status, stderr } = await run(['check', '--debug'], folder);
        expect(status).toBe(1);
        expect(stderr).toContain('internal error in file://');
        expect(stderr).toContain('TypeError: a bug while reading');
        expect(stderr).toMatch(/at .*readFragment/);
    });
});
