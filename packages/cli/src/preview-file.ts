/**
 * `okr preview`: the KPI tree as one self-contained HTML file, drawn by the editor preview's
 * renderer, or (`--format svg`) the diagram alone as an SVG file, every node expanded, from the
 * same layout code as the preview's export.
 */
import { buildKpiTree, kpiTreeWithScenarios } from '@okr-plan/language';
import { diagramItems, layoutDiagram, renderDiagramSvg, renderDocument, type KpiTree, type TreeLocation } from '@okr-plan/preview';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { LoadedPlan } from './plan-loader.js';
import { UnreadablePathError } from './plan-loader.js';

const require = createRequire(import.meta.url);

/** `scenario`: `loaded` is the plan under that scenario and `base` the plan, so each figure it moves shows the plan's beside it (spec §9). */
export async function writePreview(loaded: LoadedPlan, file: string, format: 'html' | 'svg' = 'html', scenario?: { name: string; base: LoadedPlan }): Promise<void> {
    const messages = loaded.services.i18n.Messages;
    const documents = loaded.services.shared.workspace.LangiumDocuments.all;
    const built = scenario
        ? kpiTreeWithScenarios(scenario.base.plan, messages, documents.toArray(), { name: scenario.name, plan: loaded.plan })
        : buildKpiTree(loaded.plan, messages, documents);
    const tree = withRelativeLocations(built, path.dirname(file));
    const content = format === 'svg' ? renderDiagramSvg(tree, layoutDiagram(diagramItems(tree)), { standalone: true }) : await page(tree);
    try {
        await fs.writeFile(file, content, 'utf8');
    } catch (error) {
        throw new UnreadablePathError(file, (error as Error).message, 'write', error);
    }
}

async function page(tree: KpiTree): Promise<string> {
    const [script, style] = await Promise.all([
        fs.readFile(require.resolve('@okr-plan/preview/media/preview.js'), 'utf8'),
        fs.readFile(require.resolve('@okr-plan/preview/media/preview.css'), 'utf8')
    ]);
    return renderDocument(tree, { kind: 'standalone', script, style }).html;
}

/**
 * A file written to be attached to a report carries no absolute paths of the machine that wrote
 * it: each node's declaration is named relative to the folder the file is written to.
 */
function withRelativeLocations(tree: KpiTree, folder: string): KpiTree {
    const relative = (location: TreeLocation | undefined): TreeLocation | undefined => {
        if (!location?.uri.startsWith('file:')) return location;
        return { ...location, uri: path.relative(folder, fileURLToPath(location.uri)).split(path.sep).join('/') };
    };
    return JSON.parse(JSON.stringify(tree), (key, value: unknown) => (key === 'location' ? relative(value as TreeLocation | undefined) : value)) as KpiTree;
}
