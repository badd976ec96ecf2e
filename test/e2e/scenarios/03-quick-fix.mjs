// A quick fix for kpi-behind-plan, from the light bulb: with the cause removed from an actual,
// the deviation is a warning; "Analyse the causes" inserts `cause ""`, "Add people" raises
// the team's headcount (and the KPI's target).
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'quick fix for kpi-behind-plan: "Analyse the causes" → cause "", "Add people" → headcount 4',
  async run({ wb, page, note }) {
    await wb.openFile(FILE);
    const actual = wb.positionOf(FILE, 'actual 2026-02 27 cause');
    const headcount = wb.positionOf(FILE, 'headcount 3');
    const target = wb.positionOf(FILE, 'target 32');
    const lineInfo = async (line) => (await wb.visibleLineInfo()).find((r) => r.line === line);

    // Wait for the server's first analysis (the deviation hint on the line), then drop the cause.
    await waitFor(async () => (await lineInfo(actual.line))?.hints.length, { timeout: 30_000, message: 'the deviation hint' });
    await wb.replaceLineText(actual.line, 'actual 2026-02 27');
    await waitFor(async () => (await lineInfo(actual.line))?.squiggles.includes('warning'), {
      timeout: 15_000,
      message: `a warning squiggle on line ${actual.line} once the cause is gone`,
    });
    await wb.screenshot('warning');

    // The light bulb at the cursor, clicked like a person would (Ctrl+. if it does not show).
    const openMenu = async () => {
      await wb.goTo(actual.line, actual.column + 2);
      const bulb = wb.activeEditor().locator('.lightBulbWidget').filter({ visible: true }).first();
      const shown = await bulb.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (shown) {
        await bulb.click();
      } else {
        note('no light bulb showed within 5 s; opened the quick-fix menu with Ctrl+.');
        await wb.press('Control+.');
      }
      await page.locator('.action-widget').first().waitFor({ state: 'visible', timeout: 10_000 });
      return waitFor(
        async () => {
          const rows = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
          return rows.length > 1 ? rows.map((r) => r.replace(/\s+/g, ' ').trim()) : undefined;
        },
        { timeout: 10_000, message: 'quick-fix entries' },
      );
    };

    let actions = await openMenu();
    await wb.screenshot('light-bulb');
    assert(actions.some((a) => a.startsWith('Analyse the causes')), `expected "Analyse the causes" among ${JSON.stringify(actions)}`);
    assert(actions.some((a) => a.startsWith('Add people')), `expected "Add people" among ${JSON.stringify(actions)}`);
    await wb.chooseCodeAction('Analyse the causes');
    const fixed = await waitFor(
      async () => {
        const t = (await lineInfo(actual.line))?.text.trim();
        return t && t.includes('cause ""') ? t : undefined;
      },
      { timeout: 10_000, message: `cause "" on line ${actual.line}` },
    );
    assert(fixed.startsWith('actual 2026-02 27 cause ""'), `line ${actual.line} reads "${fixed}"`);
    await wb.escape(2);
    await wb.screenshot('cause-added');

    actions = await openMenu();
    const addPeople = actions.find((a) => a.startsWith('Add people'));
    assert(addPeople, `expected "Add people" still offered on line ${actual.line}; saw ${JSON.stringify(actions)}`);
    const promised = /headcount to (\d+)/.exec(addPeople)?.[1];
    const promisedTarget = /target to ([\d.]+)/.exec(addPeople)?.[1];
    assert(promised, `"Add people" should say the new headcount: ${addPeople}`);
    await wb.chooseCodeAction('Add people');
    await wb.goTo(headcount.line);
    const hc = await waitFor(
      async () => {
        const t = (await lineInfo(headcount.line))?.text.trim();
        return t && t !== 'headcount 3' ? t : undefined;
      },
      { timeout: 10_000, message: `the headcount on line ${headcount.line} to change` },
    );
    assert(hc === `headcount ${promised}`, `line ${headcount.line}: expected "headcount ${promised}" as promised, read "${hc}"`);
    if (promisedTarget) {
      await wb.goTo(target.line);
      const tg = (await lineInfo(target.line))?.text.trim();
      assert(tg === `target ${promisedTarget}`, `line ${target.line}: expected "target ${promisedTarget}" as promised, read "${tg}"`);
    }
    await wb.screenshot('people-added');

    // Saved, the file on disk has all three edits.
    await wb.save();
    const disk = wb.readFile(FILE).split(/\r?\n/);
    assert(disk[actual.line - 1].trim() === 'actual 2026-02 27 cause ""', `saved line ${actual.line}: "${disk[actual.line - 1]}"`);
    assert(disk[headcount.line - 1].trim() === `headcount ${promised}`, `saved line ${headcount.line}: "${disk[headcount.line - 1]}"`);
    if (promisedTarget) assert(disk[target.line - 1].trim() === `target ${promisedTarget}`, `saved line ${target.line}: "${disk[target.line - 1]}"`);
  },
};
