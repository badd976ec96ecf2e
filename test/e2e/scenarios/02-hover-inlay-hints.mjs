// The plastering KPI: its hover shows the derived 31.7 and the rounded 32; inlay hints show
// the derived value on the KPI's line and the deviations on the actual lines.
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'plastering/plastering.okr';

export default {
  title: 'hover and inlay hints on the plastering KPI (31.7, 32, ≈ 31.7 m²/person/day, -4.7%, -15.6%)',
  async run({ wb, mark }) {
    const t = Date.now();
    await wb.openFile(FILE);
    const kpi = wb.positionOf(FILE, 'PlasterRate');
    const a1 = wb.positionOf(FILE, 'actual 2026-01 30.5');
    const a2 = wb.positionOf(FILE, 'actual 2026-02 27');

    const hintsOn = async (line) => (await wb.visibleLineInfo()).find((r) => r.line === line)?.hints ?? [];
    const kpiHints = await waitFor(
      async () => {
        const h = await hintsOn(kpi.line);
        return h.length ? h : undefined;
      },
      { timeout: 30_000, message: `an inlay hint on line ${kpi.line}` },
    );
    mark('firstInlayHintMs', Date.now() - t);
    await wb.screenshot('inlay-hints');
    assert(kpiHints.some((h) => h === '≈ 31.7 m²/person/day'), `KPI line ${kpi.line}: expected the hint "≈ 31.7 m²/person/day", saw ${JSON.stringify(kpiHints)}`);
    const h1 = await hintsOn(a1.line);
    const h2 = await hintsOn(a2.line);
    assert(h1.some((h) => h.includes('-4.7%')), `actual line ${a1.line}: expected a hint with -4.7%, saw ${JSON.stringify(h1)}`);
    assert(h2.some((h) => h.includes('-15.6%')), `actual line ${a2.line}: expected a hint with -15.6%, saw ${JSON.stringify(h2)}`);

    const hover = await wb.hoverAt(kpi.line, kpi.column);
    await wb.screenshot('hover');
    assert(/31\.7/.test(hover), `the hover should show 31.7; it shows:\n${hover}`);
    assert(/\b32\b/.test(hover), `the hover should show 32; it shows:\n${hover}`);
    assert(hover.includes('PlasterRate'), `the hover should name PlasterRate; it shows:\n${hover}`);
    await wb.escape();
  },
};
