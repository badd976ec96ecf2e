// "OKR: Open Preview to the Side" shows the KPI tree with its figures; an edit of the
// headcount updates the figure within a second or two; a click on a node moves the editor.
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'KPI-tree preview: figures, live update on a headcount edit, click to the declaration',
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
    await frame.locator('.okr-row').first().waitFor({ state: 'attached', timeout: 30_000 });
    mark('previewFirstRowMs', Date.now() - t);
    const kpi = frame.locator('li.okr-kpi', { has: frame.locator('.okr-name', { hasText: /^PlasterRate$/ }) }).first();
    const figure = async () => (await kpi.locator('.okr-figure').first().innerText({ timeout: 1_000 })).trim();
    const first = await waitFor(async () => figure().catch(() => undefined), { timeout: 30_000, message: 'the PlasterRate node in the preview' });
    mark('previewShownMs', Date.now() - t);
    assert(first === '31.7 m²/person/day', `preview: PlasterRate figure should read "31.7 m²/person/day", reads "${first}"`);
    assert((await frame.locator('li.okr-stage').count()) > 0, 'preview: no stage nodes (li.okr-stage)');
    const stage = frame.locator('li.okr-stage', { has: frame.locator('.okr-name', { hasText: /^Construction\.Plastering$/ }) }).first();
    const stageText = await stage.locator('.okr-row').first().innerText();
    assert(stageText.includes('2000 m²/month'), `preview: the Construction.Plastering stage should show 2000 m²/month: "${stageText}"`);
    await wb.screenshot('preview');

    // Edit the headcount in the text editor (left group): 2000 / 4 / 21 = 23.8.
    await page.keyboard.press('Control+1');
    await wb.replaceLineText(headcount.line, 'headcount 4');
    const t2 = Date.now();
    const updated = await waitFor(async () => {
      const f = await figure().catch(() => '');
      return f.startsWith('23.8') ? f : undefined;
    }, { timeout: 10_000, interval: 50, message: 'the preview figure to read 23.8 after headcount 4' });
    const updateMs = Date.now() - t2;
    mark('previewUpdateMs', updateMs);
    await wb.screenshot('preview-updated');
    assert(updated === '23.8 m²/person/day', `preview: expected "23.8 m²/person/day", read "${updated}"`);
    assert(updateMs <= 2_500, `preview took ${updateMs} ms to update (expected within a second or two)`);

    // Click the KPI's row in the preview: the editor moves to its declaration.
    await wb.goTo(1);
    await kpi.locator('.okr-row').first().click();
    const pos = await waitFor(async () => {
      const s = await wb.cursorStatus();
      return s && s.line === kpiDecl.line ? s : undefined;
    }, { timeout: 10_000, message: `the editor cursor on line ${kpiDecl.line} after the click` });
    const tab = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
    await wb.screenshot('clicked-node');
    assert(pos.line === kpiDecl.line, `cursor on line ${pos.line}, expected ${kpiDecl.line}`);
    assert(/plastering\.okr/.test(tab ?? ''), `the active editor should be plastering.okr, is "${tab}"`);
  },
};
