// The preview's "Compare with…" a git revision (issue 14): the workspace is committed to a fresh
// repository, the headcount is edited (not saved), and comparing with HEAD marks PlasterRate with
// its figure at HEAD and the change; the header's line names the commit; the comparison
// survives a window reload; × stops comparing.
import { execFileSync } from 'node:child_process';
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=E2E', '-c', 'user.email=e2e@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

export default {
  title: 'KPI-tree preview: Compare with HEAD marks what an unsaved edit moved since the last commit',
  async run({ wb, page, workspace }) {
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'add', '.');
    git(workspace, 'commit', '-q', '-m', 'The examples');
    const commit = git(workspace, 'rev-parse', '--short=7', 'HEAD');

    await wb.openFile(FILE);
    const kpiDecl = wb.positionOf(FILE, 'kpi PlasterRate');
    const headcount = wb.positionOf(FILE, 'headcount 3');
    await waitFor(async () => (await wb.visibleLineInfo()).find((r) => r.line === kpiDecl.line)?.hints.length, {
      timeout: 30_000,
      message: 'the language server (an inlay hint on the KPI line)',
    });
    await wb.replaceLineText(headcount.line, 'headcount 4');
    await wb.runCommand('OKR: Open Preview to the Side');
    await page.locator('iframe.webview').first().waitFor({ state: 'visible', timeout: 15_000 });
    const frame = wb.webviewFrame();
    const kpi = frame.locator('g.okr-card-kpi[aria-label*="PlasterRate"]').first();
    await kpi.waitFor({ state: 'attached', timeout: 30_000 });
    const figure = async () => (await kpi.locator('text.okr-card-figure').first().textContent({ timeout: 1_000 })).trim();
    await waitFor(async () => ((await figure().catch(() => '')) === '23.8 m²/person/day') || undefined, { timeout: 10_000, message: 'PlasterRate at 23.8 after headcount 4' });

    const input = frame.locator('#okr-compare-input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    const suggestions = await frame.locator('#okr-compare-suggestions option').evaluateAll((options) => options.map((option) => option.value));
    assert(['HEAD', 'HEAD~1', 'main'].every((name) => suggestions.includes(name)), `the field should suggest HEAD, HEAD~1 and the branch: ${JSON.stringify(suggestions)}`);
    await input.fill('HEAD');
    await input.press('Enter');
    const change = kpi.locator('text.okr-card-change').first();
    await waitFor(async () => ((await change.textContent({ timeout: 1_000 }).catch(() => ''))?.trim() === 'at HEAD 31.7 m²/person/day · -25%') || undefined, {
      timeout: 15_000,
      message: 'PlasterRate marked with its figure at HEAD and the change',
    });
    assert(/okr-changed/.test((await kpi.getAttribute('class')) ?? ''), 'the moved KPI card should be marked');
    assert((await figure()) === '23.8 m²/person/day', 'the card keeps the working copy\'s figure');
    const note = (await frame.locator('#okr-compare-note').textContent()).trim();
    assert(note === `Compared with HEAD (${commit}): 1 KPI moved`, `the header's line should name the commit: "${note}"`);
    await wb.screenshot('compare-head');

    // The comparison survives a window reload (webview state → `ready` → the server compares again).
    // Back to the text editor by its tab: a key press would go to the webview's field, which has the focus.
    await page.locator('.tabs-container .tab', { hasText: 'plastering.okr' }).first().click();
    await wb.save();
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.keyboard.press('F1');
    await (await wb.quickInput()).fill('>Developer: Reload Window');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Developer: Reload Window' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    const again = wb.webviewFrame();
    const kpiAgain = again.locator('g.okr-card-kpi[aria-label*="PlasterRate"]').first();
    await waitFor(async () => ((await kpiAgain.locator('text.okr-card-change').first().textContent({ timeout: 1_000 }).catch(() => ''))?.trim() === 'at HEAD 31.7 m²/person/day · -25%') || undefined, {
      timeout: 60_000,
      message: 'after a reload, PlasterRate still compared with HEAD',
    });
    const kept = await again.locator('#okr-compare-input').inputValue();
    assert(kept === 'HEAD', `after a reload the field should still read HEAD: "${kept}"`);

    await again.locator('.okr-compare-clear').click();
    await waitFor(async () => ((await kpiAgain.locator('text.okr-card-change').count()) === 0) || undefined, { timeout: 10_000, message: 'no card marked after stopping the comparison' });
    assert(!(await again.locator('#okr-compare-note').isVisible()), 'the header\'s line goes with the comparison');
  },
};
