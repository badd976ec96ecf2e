// Completion after `of ` offers the plan's stages, e.g. Construction.Plastering.
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'completion after `of ` offers stages (Construction.Plastering)',
  async run({ wb, page, note }) {
    await wb.openFile(FILE);
    const of = wb.positionOf(FILE, 'of Construction.Plastering');
    await waitFor(async () => (await wb.inlayHints()).length, { timeout: 30_000, message: 'the server to answer (inlay hints)' });
    await wb.replaceLineText(of.line, 'of ');
    const widget = page.locator('.editor-widget.suggest-widget');
    const auto = await widget.first().waitFor({ state: 'visible', timeout: 2_500 }).then(() => true, () => false);
    if (!auto) {
      note('the suggestion list did not open by itself after "of "; opened it with Ctrl+Space');
      await wb.press('Control+Space');
    }
    const rows = await wb.suggestions({ timeout: 10_000 });
    await wb.screenshot('suggestions');
    const labels = rows.map((r) => r.split(',')[0].trim());
    assert(labels.includes('Construction.Plastering'), `expected Construction.Plastering among ${JSON.stringify(labels)}`);
    assert(labels.includes('Construction.Handover'), `expected Construction.Handover among ${JSON.stringify(labels)}`);
    await page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: 'Construction.Plastering' }).first().click();
    const text = await waitFor(async () => {
      const l = (await wb.visibleLineInfo()).find((r) => r.line === of.line)?.text.trim();
      return l && l !== 'of' ? l : undefined;
    }, { timeout: 5_000, message: 'the accepted completion' });
    await wb.screenshot('accepted');
    assert(text === 'of Construction.Plastering', `line ${of.line} reads "${text}" after accepting the completion`);
  },
};
