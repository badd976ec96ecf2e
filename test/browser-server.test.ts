/** The web-worker entry of the language server builds for the browser, with no Node built-ins. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('main-browser.ts', () => {
    it('bundles for a web worker', async () => {
        const result = await build({
            entryPoints: [fileURLToPath(new URL('../packages/language/src/main-browser.ts', import.meta.url))],
            bundle: true,
            write: false,
            platform: 'browser',
            format: 'iife',
            logLevel: 'silent',
            metafile: true
        });
        expect(result.errors).toEqual([]);
        const inputs = Object.keys(result.metafile!.inputs);
        expect(inputs.some(input => input.includes('langium'))).toBe(true);
        expect(inputs.filter(input => /^node:|vscode-languageserver\/lib\/node\//.test(input))).toEqual([]);
    }, 60_000);
});
