// Helpers that drive the VS Code workbench (code-server) the way a person would: keyboard,
// mouse and what is on screen. Every wait is bounded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class AssertionError extends Error {}

export function assert(cond, message) {
  if (!cond) throw new AssertionError(message);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; returns it, or throws with the last value seen. */
export async function waitFor(fn, { timeout = 15_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? ` (last error: ${lastError.message})` : last !== undefined ? ` (last seen: ${JSON.stringify(last)})` : '';
      throw new AssertionError(`timed out after ${timeout} ms waiting for ${message}${seen}`);
    }
    await sleep(interval);
  }
}

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ workspace: string, resultsDir: string, scenario: string }} o
   */
  constructor(page, o) {
    this.page = page;
    this.workspace = o.workspace;
    this.resultsDir = o.resultsDir;
    this.scenario = o.scenario;
    this.shots = [];
  }

  // ---------- general ----------

  async screenshot(name) {
    mkdirSync(this.resultsDir, { recursive: true });
    const file = path.join(this.resultsDir, `${this.scenario}-${name}.png`);
    await this.page.screenshot({ path: file });
    this.shots.push(file);
    return file;
  }

  /** Writes the workbench DOM (outerHTML) to test-results, for finding out what is on screen. */
  async dumpDom(name) {
    mkdirSync(this.resultsDir, { recursive: true });
    const file = path.join(this.resultsDir, `${this.scenario}-${name}.html`);
    writeFileSync(file, await this.page.content());
    return file;
  }

  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  async escape(times = 1) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Escape');
  }

  /** The workspace file's text on disk. */
  readFile(rel) {
    return readFileSync(path.join(this.workspace, rel), 'utf8');
  }

  /** 1-based line and column of the n-th occurrence of text in the file on disk. */
  positionOf(rel, text, { occurrence = 1, line: onLine } = {}) {
    const lines = this.readFile(rel).split(/\r?\n/);
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
      if (onLine && i + 1 !== onLine) continue;
      let from = 0;
      for (;;) {
        const col = lines[i].indexOf(text, from);
        if (col < 0) break;
        if (++seen === occurrence) return { line: i + 1, column: col + 1 };
        from = col + 1;
      }
    }
    throw new AssertionError(`"${text}" not found in ${rel}`);
  }

  // ---------- quick open, commands ----------

  async quickInput() {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    return input;
  }

  /**
   * Opens a workspace file with Ctrl+P and waits until its tab is active and the editor shows it.
   * `searchTimeout`: how long the file search may take (longer while the workbench is starting).
   */
  async openFile(rel, { searchTimeout = 30_000 } = {}) {
    const base = path.basename(rel);
    await this.focusEditorArea();
    await this.page.keyboard.press('Control+P');
    const input = await this.quickInput();
    await input.fill(rel);
    // Wait for a result row that names the file, then take the first.
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: base })
      .first()
      // File search is slow on a loaded machine (seen: over 10 s at load average 12 on 2 cores).
      .waitFor({ state: 'visible', timeout: searchTimeout });
    await this.page.keyboard.press('Enter');
    await waitFor(
      async () => (await this.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'))?.includes(base),
      { timeout: 15_000, message: `the tab of ${base} to be active` },
    );
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
    await this.focusEditor();
  }

  /** Runs a command by its label from the F1 palette (">" mode). */
  async runCommand(label) {
    await this.page.keyboard.press('F1');
    const input = await this.quickInput();
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }

  async focusEditorArea() {
    // Nothing in particular: make sure no quick input is open.
    if (await this.page.locator('.quick-input-widget').isVisible().catch(() => false)) await this.escape();
  }

  async focusEditor() {
    const ed = this.activeEditor();
    await ed.locator('.view-lines').first().waitFor({ timeout: 10_000 });
    // A click into the text area would move the cursor; focusing the hidden textarea does not.
    await ed.locator('textarea.inputarea, .native-edit-context').first().focus().catch(async () => {
      await ed.locator('.view-lines').first().click();
    });
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  // ---------- cursor, selection, typing ----------

  /** Ctrl+G to line[:column]. */
  async goTo(line, column) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = await this.quickInput();
    await input.fill(column ? `:${line}:${column}` : `:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    await waitFor(async () => {
      const s = await this.cursorStatus();
      return s && s.line === line && (!column || s.column === column);
    }, { timeout: 5_000, message: `the cursor at ${line}:${column ?? 1}` });
  }

  /** The cursor position from the status bar ("Ln 10, Col 3"). */
  async cursorStatus() {
    const text = await this.page.locator('#status\\.editor\\.selection').first().innerText({ timeout: 2_000 }).catch(() => '');
    const m = /(\d+)\D+(\d+)/.exec(text);
    return m ? { line: Number(m[1]), column: Number(m[2]), text } : undefined;
  }

  /** Replaces the text of a line from its first non-blank character to its end. */
  async replaceLineText(line, newText) {
    await this.goTo(line);
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
    await this.page.keyboard.type(newText, { delay: 10 });
  }

  async save() {
    await this.page.keyboard.press('Control+S');
    await waitFor(async () => !(await this.page.locator('.tabs-container .tab.active.dirty').count()), {
      timeout: 10_000,
      message: 'the editor to be saved',
    });
  }

  /** Text of the visible editor lines, top to bottom (Monaco renders only what is on screen). */
  async visibleLines() {
    return this.activeEditor().evaluate((ed) =>
      [...ed.querySelectorAll('.view-lines .view-line')]
        .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
  }

  /** Screen rectangle of the primary cursor. */
  async cursorBox() {
    return this.activeEditor().locator('.cursors-layer .cursor').first().boundingBox();
  }

  // ---------- hover ----------

  /** Moves the mouse onto the text at rel's position (from positionOf) and returns the visible hover's text. */
  async hoverAt(line, column, { offsetChars = 2 } = {}) {
    await this.goTo(line, column);
    const box = await this.cursorBox();
    assert(box, 'no cursor on screen');
    const charWidth = await this.activeEditor().evaluate((ed) => {
      const span = ed.querySelector('.view-lines .view-line span span');
      if (!span || !span.textContent.length) return 8;
      return span.getBoundingClientRect().width / span.textContent.length;
    });
    // On a loaded machine Monaco sometimes misses one mouse move (its hover delay restarts on
    // every move): try the mouse twice, then the keyboard's Show Hover, before giving up.
    for (let attempt = 0; attempt < 2; attempt++) {
      await this.page.mouse.move(box.x - 200, box.y + 200);
      await sleep(150);
      await this.page.mouse.move(box.x + charWidth * offsetChars + 1, box.y + box.height / 2, { steps: 4 });
      const text = await this.readHover({ timeout: 8_000 }).catch(() => undefined);
      if (text) return text;
    }
    await this.goTo(line, column + offsetChars);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    return this.readHover({ timeout: 10_000 });
  }

  /** Text of the visible hover widget (there are two .monaco-hover; the visible one has the text). */
  async readHover({ timeout = 10_000, contains } = {}) {
    return waitFor(
      async () => {
        const texts = await this.page.locator('.monaco-hover').evaluateAll((els) =>
          els
            .filter((e) => e.offsetParent !== null && !e.classList.contains('hidden') && e.getBoundingClientRect().height > 0)
            .map((e) => e.innerText.trim())
            .filter((t) => t && !/^Loading/.test(t)),
        );
        const t = texts.join('\n');
        if (!t) return undefined;
        if (contains && !t.includes(contains)) return undefined;
        return t;
      },
      { timeout, message: contains ? `a hover containing "${contains}"` : 'a visible hover' },
    );
  }

  // ---------- diagnostics ----------

  /** Error/warning counts from the status bar's problems item. */
  async statusProblems() {
    const text = await this.page.locator('#status\\.problems').first().innerText({ timeout: 2_000 }).catch(() => '');
    const nums = text.match(/\d+/g)?.map(Number) ?? [];
    return { errors: nums[0] ?? 0, warnings: nums[1] ?? 0, text };
  }

  async openProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.first().waitFor({ state: 'visible', timeout: 10_000 });
    return panel.first();
  }

  /** Rows of the Problems panel, as text (message, code, position). Expands collapsed file nodes. */
  /**
   * The rows the Problems panel shows. The panel draws only the rows on screen, and the whole
   * plan's findings are there from the start, so `filter` (a file name) narrows it to one file first.
   */
  async problemsRows(filter) {
    const panel = await this.openProblems();
    if (filter !== undefined) {
      const box = this.page.locator('input[aria-label="Filter Problems"]').first();
      if ((await box.inputValue().catch(() => '')) !== filter) await box.fill(filter).catch(() => {});
    }
    return panel.evaluate((p) =>
      [...p.querySelectorAll('.monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()),
    );
  }

  async closePanel() {
    if (await this.page.locator('.part.panel').isVisible().catch(() => false)) {
      await this.runCommand('View: Hide Panel').catch(() => {});
    }
  }

  // ---------- what the editor shows, line by line ----------

  /**
   * The lines on screen with their line numbers, text, inlay hints and squiggles.
   * Monaco renders only the visible lines; line numbers come from the margin (same `top`).
   * Inlay hints are injected-text spans styled by dynamic CSS rules (class `dyn-rule-…`),
   * squiggles are `.cdr.squiggly-{error,warning,info,hint}` in the view overlays.
   */
  async visibleLineInfo() {
    return this.activeEditor().evaluate((ed) => {
      const nb = (t) => t.replace(/\u00a0/g, ' ');
      const byTop = new Map();
      const at = (top) => {
        if (!byTop.has(top)) byTop.set(top, { top, line: undefined, text: '', hints: [], squiggles: [] });
        return byTop.get(top);
      };
      for (const div of ed.querySelectorAll('.margin-view-overlays > div')) {
        const ln = div.querySelector('.line-numbers');
        if (ln && /^\d+$/.test(ln.textContent.trim())) at(parseFloat(div.style.top)).line = Number(ln.textContent.trim());
      }
      for (const el of ed.querySelectorAll('.view-lines .view-line')) {
        const rec = at(parseFloat(el.style.top));
        const spans = [...el.querySelectorAll('span')].filter((sp) => sp.children.length === 0);
        let text = '';
        for (const sp of spans) {
          const isHint = [...sp.classList].some((c) => /^dyn-rule-|inlay-?hint|ced-inlay/i.test(c));
          if (isHint) {
            const t = nb(sp.textContent).trim();
            if (t) rec.hints.push(t);
          } else text += nb(sp.textContent);
        }
        rec.text = text;
      }
      for (const div of ed.querySelectorAll('.view-overlays > div')) {
        for (const sq of div.querySelectorAll('.cdr[class*="squiggly-"]')) {
          const sev = /squiggly-(error|warning|info|hint)/.exec(sq.className)?.[1];
          if (sev) at(parseFloat(div.style.top)).squiggles.push(sev);
        }
      }
      return [...byTop.values()].filter((r) => r.line !== undefined).sort((a, b) => a.line - b.line);
    });
  }

  /**
   * Scrolls through the whole file (Ctrl+G page by page) and returns every line's info,
   * keyed by line number. Leaves the cursor at line 1.
   */
  async scanFile(lineCount) {
    const all = new Map();
    let target = 1;
    for (let guard = 0; guard < 50; guard++) {
      await this.goTo(target);
      await sleep(200);
      const info = await this.visibleLineInfo();
      for (const r of info) all.set(r.line, r);
      const last = Math.max(0, ...info.map((r) => r.line));
      if (last >= lineCount || info.length === 0) break;
      // Ctrl+G centres a line that is off screen: aim half a screen past the last line seen.
      target = Math.min(lineCount, last + Math.floor(info.length / 2));
    }
    await this.goTo(1);
    return all;
  }

  /** Squiggles of the visible lines, by severity. */
  async squiggleCounts() {
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const r of await this.visibleLineInfo()) for (const s of r.squiggles) counts[s]++;
    return counts;
  }

  /** Inlay hints of the visible lines: [{ line, text, hint }]. */
  async inlayHints() {
    const out = [];
    for (const r of await this.visibleLineInfo()) for (const h of r.hints) out.push({ line: r.line, text: r.text, hint: h });
    return out;
  }

  // ---------- suggestions, code actions ----------

  async suggestions({ timeout = 10_000 } = {}) {
    const widget = this.page.locator('.editor-widget.suggest-widget');
    await widget.first().waitFor({ state: 'visible', timeout });
    return waitFor(
      async () => {
        const rows = await widget.first().locator('.monaco-list-row').evaluateAll((els) =>
          els.map((e) => (e.getAttribute('aria-label') || e.innerText).replace(/\s+/g, ' ').trim()),
        );
        return rows.length ? rows : undefined;
      },
      { timeout, message: 'suggestion rows' },
    );
  }

  /** Opens the light-bulb menu (Ctrl+.) at the cursor; returns the action labels. */
  async codeActions({ timeout = 10_000 } = {}) {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.first().waitFor({ state: 'visible', timeout });
    return waitFor(
      async () => {
        const rows = await widget.first().locator('.monaco-list-row.action, .monaco-list-row').evaluateAll((els) =>
          els.map((e) => (e.getAttribute('aria-label') || e.innerText).replace(/\s+/g, ' ').trim()).filter(Boolean),
        );
        return rows.length ? rows : undefined;
      },
      { timeout, message: 'code actions' },
    );
  }

  async chooseCodeAction(label) {
    const row = this.page.locator('.action-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 5_000 });
    await row.click();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  }

  // ---------- webviews ----------

  /** The inner frame of the (first visible) webview: iframe.webview, then #active-frame. */
  webviewFrame() {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  // ---------- notifications ----------

  async notifications() {
    return this.page.locator('.notifications-toasts .notification-toast, .notification-list-item').evaluateAll((els) =>
      els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()),
    );
  }
}
