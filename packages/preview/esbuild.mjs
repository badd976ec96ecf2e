// Bundles the webview script (preview-src/main.ts and the renderer it shares with `okr preview`)
// into media/preview.js, minified, with a source map.
import { build } from 'esbuild';

await build({
    entryPoints: [new URL('./preview-src/main.ts', import.meta.url).pathname],
    outfile: new URL('./media/preview.js', import.meta.url).pathname,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning'
});
