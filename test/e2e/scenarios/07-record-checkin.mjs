// "OKR: Record Check-in…" (spec §11): from the command palette and from the code lens over the
// KPI, the quick pick and input boxes record `actual …` as the KPI's last clause; Ctrl+Z undoes it.
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'Record Check-in: palette and code lens add the actual line, undo takes it back',
  async run({ wb, page, note }) {
    await wb.openFile(FILE);
    const kpi = wb.positionOf(FILE, 'kpi PlasterRate');
    const close = wb.positionOf(FILE, '}', { line: wb.positionOf(FILE, 'owner "Foreman"').line + 1 });
    const lineText = async (line) => (await wb.visibleLineInfo()).find((r) => r.line === line)?.text.trim();
    const title = page.locator('.quick-input-widget .quick-input-title');
    const answer = async (expectedTitle, text) => {
      await waitFor(async () => (await title.innerText().catch(() => '')).includes(expectedTitle), { timeout: 10_000, message: `the input box "${expectedTitle}"` });
      const input = await wb.quickInput();
      const proposed = await input.inputValue();
      await input.fill(text);
      await page.keyboard.press('Enter');
      return proposed;
    };
    // After the last answer: the input box closes, and the command reveals the recorded line.
    const recordedLine = async (message) => {
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      return waitFor(async () => {
        const t = await lineText(close.line);
        return t && t !== '}' ? t : undefined;
      }, { timeout: 15_000, message });
    };
    await waitFor(async () => (await wb.inlayHints()).length, { timeout: 30_000, message: 'the server to answer (inlay hints)' });

    // From the palette: pick the KPI, then period, value and (empty) cause.
    await wb.runCommand('OKR: Record Check-in');
    const pick = await wb.quickInput();
    await pick.fill('PlasterRate');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'PlasterRate' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    const proposed = await answer('Record Check-in: PlasterRate', '2026-03');
    assert(/^\d{4}-\d{2}-\d{2}$/.test(proposed), `a per-day KPI proposes today's date, not "${proposed}"`);
    await answer('PlasterRate 2026-03', '29,5');
    await answer('PlasterRate 2026-03', '');
    const added = await recordedLine(`the new actual on line ${close.line}`);
    await wb.screenshot('recorded');
    assert(added === 'actual 2026-03 29.5', `line ${close.line} reads "${added}"`);
    await wb.press('Control+Z');
    await waitFor(async () => (await lineText(close.line)) === '}', { timeout: 10_000, message: 'undo to remove the actual' });

    // From the code lens over the KPI (the nearest lens above its header line).
    await wb.goTo(kpi.line);
    const cursor = await wb.cursorBox();
    const lenses = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Record check-in' });
    await lenses.first().waitFor({ state: 'visible', timeout: 15_000 });
    // After the undo the lenses are drawn again: wait for the one right above the KPI's header line
    // (within two lines of it), not the next one up, which belongs to another declaration.
    const best = await waitFor(async () => {
      let nearest;
      for (const lens of await lenses.all()) {
        const box = await lens.boundingBox().catch(() => null);
        if (box && cursor && box.y < cursor.y && (!nearest || box.y > nearest.y)) nearest = { y: box.y, lens };
      }
      return nearest && cursor && cursor.y - nearest.y <= 2.5 * cursor.height ? nearest : undefined;
    }, { timeout: 10_000, message: 'a "Record check-in" lens right above the KPI' });
    await best.lens.click();
    await answer('Record Check-in: PlasterRate', '2026-04');
    await answer('PlasterRate 2026-04', '30');
    await answer('PlasterRate 2026-04', 'new mixer');
    const fromLens = await recordedLine(`the actual from the lens on line ${close.line}`);
    await wb.screenshot('lens-recorded');
    assert(fromLens === 'actual 2026-04 30 cause "new mixer"', `line ${close.line} reads "${fromLens}"`);
    await wb.press('Control+Z');
    await waitFor(async () => (await lineText(close.line)) === '}', { timeout: 10_000, message: 'undo to remove the actual from the lens' });
    note('recorded from the palette and from the lens; both undone');
  },
};
