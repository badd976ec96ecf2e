// The preview's scenario picker (spec §9, issue 14): the plastering example has scenario Hire;
// choosing it redraws the tree under the scenario, every KPI and stage it moves showing the
// plan's figure and the change beside its own; choosing Plan again draws the plan.
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'KPI-tree preview: the scenario picker switches between the plan and a scenario, moved figures marked',
  async run({ wb, page }) {
    await wb.openFile(FILE);
    const kpiDecl = wb.positionOf(FILE, 'kpi PlasterRate');
    await waitFor(async () => (await wb.visibleLineInfo()).find((r) => r.line === kpiDecl.line)?.hints.length, {
      timeout: 30_000,
      message: 'the language server (an inlay hint on the KPI line)',
    });
    await wb.runCommand('OKR: Open Preview to the Side');
    await page.locator('iframe.webview').first().waitFor({ state: 'visible', timeout: 15_000 });
    const frame = wb.webviewFrame();
    const kpi = frame.locator('g.okr-card-kpi[aria-label*="PlasterRate"]').first();
    await kpi.waitFor({ state: 'attached', timeout: 30_000 });
    const figure = async () => (await kpi.locator('text.okr-card-figure').first().textContent({ timeout: 1_000 })).trim();
    assert((await figure()) === '31.7 m²/person/day', `the plan's PlasterRate should read 31.7 m²/person/day, reads "${await figure()}"`);

    const picker = frame.locator('#okr-scenario');
    await picker.waitFor({ state: 'visible', timeout: 10_000 });
    const options = await picker.locator('option').allTextContents();
    assert(JSON.stringify(options) === JSON.stringify(['Plan', 'Hire — Hire two plasterers', 'SlowFunnel — A slower funnel']), `the picker should offer the plan and the workspace's scenarios: ${JSON.stringify(options)}`);
    await picker.selectOption('Hire');
    await waitFor(async () => ((await figure().catch(() => '')) === '20.6 m²/person/day') || undefined, { timeout: 10_000, message: 'PlasterRate at 20.6 m²/person/day under Hire' });
    const change = (await kpi.locator('text.okr-card-change').first().textContent()).trim();
    assert(change === 'plan 31.7 m²/person/day · -35.2%', `under Hire the card should show the plan's figure and the change: "${change}"`);
    const classes = await kpi.getAttribute('class');
    assert(/okr-changed/.test(classes ?? ''), `the moved KPI's card should be marked: class="${classes}"`);
    const stage = frame.locator('g.okr-card-stage[aria-label*="Construction.Plastering"]').first();
    const stageText = await stage.textContent();
    assert(stageText.includes('2160 m²/month') && stageText.includes('plan 2000 m²/month · +8%'), `the stage card under Hire: "${stageText}"`);
    await wb.screenshot('scenario-hire');

    await picker.selectOption('');
    await waitFor(async () => ((await figure().catch(() => '')) === '31.7 m²/person/day') || undefined, { timeout: 10_000, message: 'PlasterRate back at 31.7 m²/person/day on the plan' });
    assert((await kpi.locator('text.okr-card-change').count()) === 0, 'on the plan no card shows a change');
  },
};
