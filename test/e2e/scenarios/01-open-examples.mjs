// Opening the anti-patterns example shows squiggles on the lines the plan's comments point
// at, and the Problems panel lists the spec's codes.
import { assert, waitFor } from '../lib/workbench.mjs';

const FILE = 'anti-patterns/anti-patterns.okr';

export default {
  title: 'open examples: squiggles on the anti-patterns plan; codes in the Problems panel',
  async run({ wb, mark }) {
    const t = Date.now();
    await wb.openFile(FILE);
    await waitFor(async () => (await wb.squiggleCounts()).warning > 0, { timeout: 30_000, message: 'the first warning squiggle' });
    mark('firstDiagnosticsMs', Date.now() - t);
    await wb.screenshot('squiggles');

    // The example marks its mistakes with comments: `// warning: …`, `// info: …`, `… a hint`.
    const lines = wb.readFile(FILE).split(/\r?\n/);
    const expected = { warning: [], info: [], hint: [] };
    lines.forEach((l, i) => {
      if (/\/\/ warning:/.test(l)) expected.warning.push(i + 1);
      if (/\/\/ info:/.test(l)) expected.info.push(i + 1);
      if (/\/\/.*\ba hint\b/.test(l)) expected.hint.push(i + 1);
    });
    assert(expected.warning.length >= 4, `the example should mark 4 warnings, found ${expected.warning.length}`);

    const scan = await wb.scanFile(lines.length);
    const linesWith = (sev) => [...scan.values()].filter((r) => r.squiggles.includes(sev)).map((r) => r.line);
    const seen = { warning: linesWith('warning'), info: linesWith('info'), hint: linesWith('hint'), error: linesWith('error') };
    const fmt = (a) => `[${a.join(', ')}]`;
    assert(seen.error.length === 0, `no error squiggles expected, saw them on lines ${fmt(seen.error)}`);
    for (const sev of ['warning', 'info', 'hint']) {
      const missing = expected[sev].filter((l) => !seen[sev].includes(l));
      assert(!missing.length, `${sev} squiggles expected on lines ${fmt(expected[sev])}, seen on ${fmt(seen[sev])} (missing ${fmt(missing)})`);
    }
    const extra = seen.warning.filter((l) => !expected.warning.includes(l));
    assert(!extra.length, `unexpected warning squiggles on lines ${fmt(extra)}`);

    // The Problems panel: the file's group lists the codes on those lines.
    const rows = await waitFor(
      async () => {
        const all = await wb.problemsRows('anti-patterns');
        const i = all.findIndex((r) => r.includes('anti-patterns.okr') && !/\[Ln \d+/.test(r));
        if (i < 0) return undefined;
        const group = [];
        for (const r of all.slice(i + 1)) {
          if (!/\[Ln \d+/.test(r)) break;
          group.push(r);
        }
        return group.length >= 4 ? group : undefined;
      },
      { timeout: 15_000, message: 'the anti-patterns.okr group in the Problems panel' },
    );
    await wb.screenshot('problems');
    const want = [
      ['kpi-without-key-result', expected.warning[0]],
      ['kpi-without-process', expected.warning[1]],
      ['kpi-on-uncertain-work', expected.warning[2]],
      ['kpi-on-uncertain-work', expected.warning[3]],
    ];
    for (const [code, line] of want) {
      assert(
        rows.some((r) => r.includes(code) && r.includes(`[Ln ${line},`)),
        `Problems panel: expected ${code} at line ${line}; rows:\n${rows.join('\n')}`,
      );
    }

    // The whole plan is there without opening its files (the first build validates every file).
    const unopened = await waitFor(
      async () => {
        const all = await wb.problemsRows('sales-funnel');
        return all.some((r) => r.includes('sales-funnel.okr')) && all.some((r) => /\[Ln \d+/.test(r)) ? all : undefined;
      },
      { timeout: 15_000, message: 'the problems of sales-funnel.okr, never opened, in the Problems panel' },
    );
    assert(unopened.some((r) => r.includes('key-result-behind-plan')), `Problems panel: expected the unopened sales funnel's key-result-behind-plan; rows:\n${unopened.join('\n')}`);
    await wb.problemsRows('');
  },
};
