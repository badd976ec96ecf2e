// "OKR: Open Preview to the Side" shows the KPI tree as a diagram with its figures and what
// flows on the edges; the card under the editor's cursor is highlighted and brought into view;
// an edit of the headcount updates the figure within a second or two; a stage collapses and
// expands; a click on a card moves the editor; the diagram zooms (button, wheel) and fits; the
// Outline view shows the same figures; "Export KPI Tree as SVG/PNG" save the diagram as files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'KPI-tree preview: diagram with figures, cursor highlight, live update, collapse, click to the declaration, zoom, outline',
  async run({ wb, page, mark }) {
    await wb.openFile(FILE);
    const kpiDecl = wb.positionOf(FILE, 'kpi PlasterRate');
    const headcount = wb.positionOf(FILE, 'headcount 3');

    // The language server is up once the KPI line has its hint: the preview is timed from there.
    const t0 = Date.now();
    await waitFor(async () => (await wb.visibleLineInfo()).find((r) => r.line === kpiDecl.line)?.hints.length, {
      timeout: 30_000,
      message: 'the language server (an inlay hint on the KPI line)',
    });
    mark('firstInlayHintMs', Date.now() - t0);
    const t = Date.now();
    await wb.runCommand('OKR: Open Preview to the Side');
    await page.locator('iframe.webview').first().waitFor({ state: 'visible', timeout: 15_000 });
    mark('previewFrameMs', Date.now() - t);
    const frame = wb.webviewFrame();
    await frame.locator('g.okr-card').first().waitFor({ state: 'attached', timeout: 30_000 });
    mark('previewFirstCardMs', Date.now() - t);
    const pressed = await frame.locator('[data-view="diagram"]').getAttribute('aria-pressed');
    assert(pressed === 'true', `the preview should open as the diagram (Diagram pressed), aria-pressed="${pressed}"`);

    // The cursor on the KPI's declaration: its card is highlighted and on screen.
    await wb.goTo(kpiDecl.line, kpiDecl.column + 4);
    const kpi = frame.locator('g.okr-card-kpi[aria-label*="PlasterRate"]').first();
    await waitFor(async () => ((await kpi.getAttribute('class', { timeout: 1_000 }).catch(() => '')) ?? '').includes('okr-highlight') || undefined, {
      timeout: 10_000,
      message: 'the PlasterRate card highlighted for the cursor on its declaration',
    });
    mark('previewShownMs', Date.now() - t);
    const figure = async () => (await kpi.locator('text.okr-card-figure').first().textContent({ timeout: 1_000 })).trim();
    const first = await figure();
    assert(first === '31.7 m²/person/day', `diagram: PlasterRate figure should read "31.7 m²/person/day", reads "${first}"`);
    const label = await kpi.getAttribute('aria-label');
    assert(/at risk/.test(label ?? '') && /-15\.6%/.test(label ?? ''), `diagram: the card's screen-reader label should say the status in words: "${label}"`);
    const status = await kpi.locator('text.okr-card-status').first().textContent();
    assert(status?.includes('!') && status.includes('at risk'), `diagram: the status should be an icon and a word as well as a colour: "${status}"`);
    const stage = frame.locator('g.okr-card-stage[aria-label*="Construction.Plastering"]').first();
    const stageText = await stage.textContent();
    assert(stageText.includes('2000 m²/month'), `diagram: the Construction.Plastering card should show 2000 m²/month: "${stageText}"`);
    const edges = await frame.locator('text.okr-edge-label').allTextContents();
    assert(edges.includes('needs 200 m²/house'), `diagram: the edge into Construction.Plastering should say what flows (needs 200 m²/house): ${JSON.stringify(edges)}`);
    const box = await kpi.boundingBox();
    const view = await frame.locator('#okr-diagram').boundingBox();
    assert(box && view && box.x >= view.x && box.y >= view.y && box.x + box.width <= view.x + view.width + 1 && box.y + box.height <= view.y + view.height + 1, 'diagram: the highlighted card should be brought into view');
    await wb.screenshot('diagram');

    // Edit the headcount in the text editor (left group): 2000 / 4 / 21 = 23.8.
    await page.keyboard.press('Control+1');
    await wb.replaceLineText(headcount.line, 'headcount 4');
    const t2 = Date.now();
    const updated = await waitFor(async () => {
      const f = await figure().catch(() => '');
      return f.startsWith('23.8') ? f : undefined;
    }, { timeout: 10_000, interval: 50, message: 'the diagram figure to read 23.8 after headcount 4' });
    const updateMs = Date.now() - t2;
    mark('previewUpdateMs', updateMs);
    await wb.screenshot('diagram-updated');
    assert(updated === '23.8 m²/person/day', `diagram: expected "23.8 m²/person/day", read "${updated}"`);
    assert(updateMs <= 2_500, `preview took ${updateMs} ms to update (expected within a second or two)`);

    // Collapse the stage: its KPI card goes; expand it again: the card is back. The cursor is on
    // the team after the edit, so first put it on the stage, which brings its card into view.
    const stageDecl = wb.positionOf(FILE, 'stage Plastering');
    await wb.goTo(stageDecl.line, stageDecl.column + 7);
    await waitFor(async () => ((await stage.getAttribute('class', { timeout: 1_000 }).catch(() => '')) ?? '').includes('okr-highlight') || undefined, {
      timeout: 10_000,
      message: 'the Construction.Plastering card highlighted for the cursor on its declaration',
    });
    await stage.locator('[data-toggle]').click();
    await waitFor(async () => ((await kpi.count()) === 0) || undefined, { timeout: 5_000, message: 'the KPI card hidden after collapsing its stage' });
    const expanded = await frame.locator('g.okr-card-stage[aria-label*="Construction.Plastering"]').first().getAttribute('aria-expanded');
    assert(expanded === 'false', `diagram: the collapsed stage should say aria-expanded="false", says "${expanded}"`);
    await wb.screenshot('diagram-collapsed');
    await frame.locator('g.okr-card-stage[aria-label*="Construction.Plastering"] [data-toggle]').first().click();
    await kpi.waitFor({ state: 'attached', timeout: 5_000 });

    // Click the KPI's card: the editor moves to its declaration.
    await page.keyboard.press('Control+1');
    await wb.goTo(1);
    await kpi.locator('text.okr-card-name').first().click();
    const pos = await waitFor(async () => {
      const s = await wb.cursorStatus();
      return s && s.line === kpiDecl.line ? s : undefined;
    }, { timeout: 10_000, message: `the editor cursor on line ${kpiDecl.line} after the click` });
    const tab = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
    await wb.screenshot('clicked-card');
    assert(pos.line === kpiDecl.line, `cursor on line ${pos.line}, expected ${kpiDecl.line}`);
    assert(/plastering\.okr/.test(tab ?? ''), `the active editor should be plastering.okr, is "${tab}"`);

    // Zoom: the + button, the wheel over the diagram, and fit to view all change the view's scale.
    const viewport = frame.locator('#okr-viewport');
    const scale = async () => Number(/scale\(([\d.e-]+)\)/.exec((await viewport.getAttribute('transform')) ?? '')?.[1]);
    const before = await scale();
    await frame.locator('[data-action="zoom-in"]').click();
    const zoomedIn = await waitFor(async () => ((await scale()) > before ? scale() : undefined), { timeout: 5_000, message: 'a larger scale after Zoom in' });
    const area = await frame.locator('#okr-diagram').boundingBox();
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, 400);
    const zoomedOut = await waitFor(async () => ((await scale()) < zoomedIn ? scale() : undefined), { timeout: 5_000, message: 'a smaller scale after the wheel' });
    await frame.locator('[data-action="fit"]').click();
    await waitFor(async () => ((await scale()) !== zoomedOut) || undefined, { timeout: 5_000, message: 'a new scale after Fit' });
    await wb.screenshot('diagram-fit');

    // The Outline view: the same figures, as the indented list.
    await frame.locator('[data-view="outline"]').click();
    const row = frame.locator('li.okr-kpi', { has: frame.locator('.okr-name', { hasText: /^PlasterRate$/ }) }).first();
    const outlineFigure = (await row.locator('.okr-figure').first().innerText({ timeout: 5_000 })).trim();
    assert(outlineFigure === '23.8 m²/person/day', `outline: PlasterRate should read "23.8 m²/person/day", reads "${outlineFigure}"`);
    await wb.screenshot('outline');

    // Export: the save dialog (code-server's simple one) offers kpi-tree.svg / .png; Enter saves it.
    for (const format of ['svg', 'png']) {
      await page.keyboard.press('Control+1');
      await wb.runCommand(`OKR: Export KPI Tree as ${format.toUpperCase()}`);
      const input = await wb.quickInput();
      const offered = await waitFor(async () => {
        const value = await input.inputValue();
        return value.endsWith(`kpi-tree.${format}`) ? value : undefined;
      }, { timeout: 15_000, message: `the save dialog offering kpi-tree.${format}` });
      await wb.screenshot(`export-${format}-dialog`);
      await page.keyboard.press('Enter');
      const file = path.join(wb.workspace, `kpi-tree.${format}`);
      await waitFor(() => (existsSync(file) && statSync(file).size > 0) || undefined, { timeout: 20_000, message: `${file} written (dialog offered ${offered})` });
      const bytes = readFileSync(file);
      if (format === 'svg') {
        const svg = bytes.toString('utf8');
        assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') && svg.includes('23.8 m²/person/day') && !/<script/i.test(svg), 'the exported SVG should be a self-contained diagram with 23.8 m²/person/day and no script');
      } else {
        assert(bytes.subarray(1, 4).toString('latin1') === 'PNG' && bytes.length > 10_000, `the exported PNG should be a PNG image of some size (${bytes.length} bytes)`);
      }
    }
  },
};
