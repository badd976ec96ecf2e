/** `okr preview`: the KPI tree as one self-contained HTML file, drawn by the editor preview's renderer. */
import { buildKpiTree } from '@okr-plan/language';
import { renderDocument } from '@okr-plan/preview';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import type { LoadedPlan } from './plan-loader.js';
import { UnreadablePathError } from './plan-loader.js';

const require = createRequire(import.meta.url);

export async function writePreview(loaded: LoadedPlan, file: string): Promise<void> {
    const tree = buildKpiTree(loaded.plan, loaded.services.i18n.Messages, loaded.services.shared.workspace.LangiumDocuments.all);
    const [script, style] = await Promise.all([
        fs.readFile(require.resolve('@okr-plan/preview/media/preview.js'), 'utf8'),
        fs.readFile(require.resolve('@okr-plan/preview/media/preview.css'), 'utf8')
    ]);
    const { html } = renderDocument(tree, { kind: 'standalone', script, style });
    try {
        await fs.writeFile(file, html, 'utf8');
    } catch (error) {
        throw new UnreadablePathError(file, (error as Error).message, 'write');
    }
}
