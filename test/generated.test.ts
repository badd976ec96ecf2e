/**
 * The committed parser sources and TextMate grammar are exactly what the grammar generates.
 * `npm run build` does not regenerate them (`npm run langium:generate` does), so this test fails
 * in CI whenever someone changed okr.langium and forgot to regenerate and commit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('packages/language/src/generated', () => {
    it('is reproducible from okr.langium', () => {
        const out = mkdtempSync(path.join(tmpdir(), 'okr-generated-'));
        const config = JSON.parse(readFileSync(path.join(ROOT, 'langium-config.json'), 'utf8'));
        config.out = path.join(out, 'generated');
        config.languages[0].grammar = path.join(ROOT, config.languages[0].grammar);
        config.languages[0].textMate.out = path.join(out, 'okr.tmLanguage.generated.json');
        const file = path.join(out, 'langium-config.json');
        writeFileSync(file, JSON.stringify(config));
        const run = spawnSync(process.execPath, ['--import', path.join(ROOT, 'packages/language/groupby-shim.mjs'), path.join(ROOT, 'node_modules/langium-cli/bin/langium.js'), 'generate', '--file', file], { cwd: out, encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        for (const name of ['ast.ts', 'grammar.ts', 'module.ts']) {
            expect(readFileSync(path.join(out, 'generated', name), 'utf8'), `${name}: run npm run langium:generate`).toBe(readFileSync(path.join(ROOT, 'packages/language/src/generated', name), 'utf8'));
        }
        expect(readFileSync(path.join(out, 'okr.tmLanguage.generated.json'), 'utf8'), 'run npm run langium:generate').toBe(readFileSync(path.join(ROOT, 'syntaxes/okr.tmLanguage.generated.json'), 'utf8'));
    }, 60_000);
});
