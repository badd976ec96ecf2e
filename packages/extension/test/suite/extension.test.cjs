'use strict';
// The extension as VS Code runs it: the bundled language server behind vscode-languageclient,
// asked through VS Code's own commands (vscode.executeHoverProvider, …), on a copy of examples/
// opened as the workspace (see ../run-vscode-tests.mjs). The figures are the plastering example's:
// 2000 m² a month ÷ 3 plasterers ÷ 21 working days = 31.7 m²/person/day, set to 32; the February
// actual 27 is -15.6% against it. test/lsp-stdio.test.ts asserts the same over plain LSP.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'okr-plan.okr-plan';
const PREVIEW_VIEW_TYPE = 'okr.preview';
const CAUSE = ' cause "two plasterers on sick leave"';

/**
 * A file of the fixture workspace.
 * @param {...string} segments
 */
function workspaceFile(...segments) {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert.ok(folder, 'VS Code opened the fixture workspace (a copy of examples/)');
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** @param {number} ms */
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something truthy; fails with `what` after `timeout` ms.
 * @template T
 * @param {string} what
 * @param {() => T | undefined | Promise<T | undefined>} probe
 * @returns {Promise<T>}
 */
async function waitFor(what, probe, timeout = 30_000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
        last = await probe();
        if (last) return last;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
        await sleep(100);
    }
}

/**
 * A diagnostic's code as a string (the client turns a code with a link into { value, target }).
 * @param {vscode.Diagnostic} diagnostic
 */
function codeOf(diagnostic) {
    const code = diagnostic.code;
    return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/**
 * The diagnostics of `uri` once `accept` takes them (they arrive asynchronously, after each build).
 * @param {vscode.Uri} uri
 * @param {string} what
 * @param {(diagnostics: vscode.Diagnostic[]) => boolean} accept
 */
function diagnosticsWhen(uri, what, accept) {
    return waitFor(what, () => {
        const diagnostics = vscode.languages.getDiagnostics(uri);
        return accept(diagnostics) ? diagnostics : undefined;
    });
}

/**
 * @param {vscode.TextDocument} document
 * @param {string} needle
 */
function positionOf(document, needle, delta = 0) {
    const offset = document.getText().indexOf(needle);
    assert.notEqual(offset, -1, `the document contains ${JSON.stringify(needle)}`);
    return document.positionAt(offset + delta);
}

/**
 * @param {vscode.TextDocument} document
 * @param {string} needle
 */
function lineOf(document, needle) {
    return positionOf(document, needle).line;
}

/**
 * What VS Code's hover provider command answers, as one text.
 * @param {vscode.Uri} uri
 * @param {vscode.Position} position
 */
async function hoverTextAt(uri, position) {
    const hovers = /** @type {vscode.Hover[] | undefined} */ (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position));
    return (hovers || [])
        .flatMap(hover => hover.contents)
        .map(content => (typeof content === 'string' ? content : content.value))
        .join('\n');
}

/**
 * @param {vscode.Uri} uri
 * @param {vscode.Range} range
 */
async function inlayHints(uri, range) {
    const hints = /** @type {vscode.InlayHint[] | undefined} */ (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, range));
    return hints || [];
}

/** @param {vscode.InlayHint} hint */
function labelOf(hint) {
    return typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
}

/**
 * @param {vscode.Uri} uri
 * @param {vscode.FormattingOptions} options
 */
async function formattingEdits(uri, options) {
    const edits = /** @type {vscode.TextEdit[] | undefined} */ (await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', uri, options));
    return edits || [];
}

/**
 * The code actions VS Code's command gathers for a range (with the diagnostics there as context);
 * the first 10 resolved, should the server resolve them lazily.
 * @param {vscode.Uri} uri
 * @param {vscode.Range} range
 */
async function codeActions(uri, range) {
    const actions = /** @type {(vscode.CodeAction | vscode.Command)[] | undefined} */ (
        await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, undefined, 10)
    );
    return actions || [];
}

/**
 * @param {vscode.TextDocument} document
 * @param {string} text
 */
async function replaceAll(document, text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
}

/** The open tabs showing the KPI-tree preview (a webview's viewType carries a prefix, e.g. mainThreadWebview-okr.preview). */
function previewTabs() {
    return vscode.window.tabGroups.all
        .flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(PREVIEW_VIEW_TYPE));
}

/** @param {vscode.Tab} tab */
function viewTypeOf(tab) {
    return tab.input instanceof vscode.TabInputWebview ? tab.input.viewType : undefined;
}

describe('OKR Plan in the VS Code extension host', function () {
    let extension;
    let plastering;
    let original;

    before(async function () {
        this.timeout(120_000);
        extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `the extension under development (${EXTENSION_ID}) is loaded`);
        plastering = await vscode.workspace.openTextDocument(workspaceFile('plastering', 'plastering.okr'));
        await vscode.window.showTextDocument(plastering);
        await extension.activate();
        original = plastering.getText();
    });

    /** Puts the example back as it is on disk (some tests edit it), saved, so nothing is left dirty. */
    async function restorePlastering() {
        if (plastering.getText() !== original) await replaceAll(plastering, original);
        if (plastering.isDirty) await plastering.save();
    }

    after(async function () {
        if (plastering) await restorePlastering();
    });

    it('activates on an .okr file and registers the preview commands', async function () {
        assert.equal(plastering.languageId, 'okr');
        assert.ok(extension.isActive, 'the extension is active');
        const commands = await vscode.commands.getCommands(true);
        assert.ok(commands.includes('okr.showPreview'), 'okr.showPreview is registered');
        assert.ok(commands.includes('okr.showPreviewToSide'), 'okr.showPreviewToSide is registered');
        assert.ok(commands.includes('okr.exportSvg') && commands.includes('okr.exportPng'), 'the diagram export commands are registered');
    });

    it('publishes the example\'s diagnostics: kpi-behind-plan as information, and the projection it leads to (spec §8)', async function () {
        const diagnostics = await diagnosticsWhen(plastering.uri, 'the diagnostics of plastering.okr', found => found.length > 1);
        const behind = diagnostics.find(diagnostic => codeOf(diagnostic) === 'kpi-behind-plan');
        assert.deepEqual(diagnostics.map(codeOf).sort(), ['key-result-projected-short', 'kpi-behind-plan']);
        assert.equal(behind.severity, vscode.DiagnosticSeverity.Information);
        assert.equal(behind.range.start.line, lineOf(plastering, 'actual 2026-02 27'));
        assert.match(behind.message, /-15\.6%/);
    });

    it('hovers the KPI PlasterRate with the derived 31.7 and the target 32', async function () {
        await diagnosticsWhen(plastering.uri, 'the first build', found => found.length > 0);
        const text = await hoverTextAt(plastering.uri, positionOf(plastering, 'PlasterRate', 2));
        assert.ok(text.includes('31.7'), `the hover shows 31.7:\n${text}`);
        assert.ok(text.includes('32'), `the hover shows the target 32:\n${text}`);
        assert.ok(text.includes('÷ 21 working days'), `the hover shows the derivation:\n${text}`);
    });

    it('shows inlay hints: ≈ 31.7 m²/person/day on the KPI, -15.6% on the February actual', async function () {
        await diagnosticsWhen(plastering.uri, 'the first build', found => found.length > 0);
        const whole = new vscode.Range(0, 0, plastering.lineCount, 0);
        const hints = await inlayHints(plastering.uri, whole);
        const labels = hints.map(hint => `${hint.position.line}:${labelOf(hint)}`);
        assert.ok(labels.includes(`${lineOf(plastering, 'kpi PlasterRate')}:≈ 31.7 m²/person/day`), `hints: ${labels.join(' | ')}`);
        assert.ok(labels.includes(`${lineOf(plastering, 'actual 2026-02 27')}:-15.6% · at risk`), `hints: ${labels.join(' | ')}`);
        assert.ok(labels.includes(`${lineOf(plastering, 'actual 2026-01 30.5')}:-4.7% · on track`), `hints: ${labels.join(' | ')}`);
    });

    it('formats the (already formatted) example to no edits, and puts a messy line back', async function () {
        await diagnosticsWhen(plastering.uri, 'the first build', found => found.length > 0);
        const options = { tabSize: 2, insertSpaces: true };
        assert.deepEqual(await formattingEdits(plastering.uri, options), [], 'no edits on the formatted example');
        // The same provider does answer: a line with stray spaces comes back in the canonical form.
        try {
            await replaceAll(plastering, original.replace('  headcount 3\n', '      headcount    3\n'));
            const edits = await formattingEdits(plastering.uri, options);
            assert.ok(edits.length > 0, 'the formatter answers with edits on a messy line');
            const edit = new vscode.WorkspaceEdit();
            edit.set(plastering.uri, edits);
            assert.ok(await vscode.workspace.applyEdit(edit));
            assert.equal(plastering.getText(), original);
        } finally {
            await restorePlastering();
        }
    });

    it('warns about the three classic mistakes in the anti-patterns example', async function () {
        const antiPatterns = await vscode.workspace.openTextDocument(workspaceFile('anti-patterns', 'anti-patterns.okr'));
        await vscode.window.showTextDocument(antiPatterns);
        const diagnostics = await diagnosticsWhen(antiPatterns.uri, 'the warnings of anti-patterns.okr', found =>
            found.some(d => d.severity === vscode.DiagnosticSeverity.Warning)
        );
        const warnings = diagnostics
            .filter(d => d.severity === vscode.DiagnosticSeverity.Warning)
            .map(d => `${d.range.start.line + 1}:${codeOf(d)}`)
            .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
        assert.deepEqual(warnings, ['36:kpi-without-key-result', '41:kpi-without-process', '66:kpi-on-uncertain-work', '83:kpi-on-uncertain-work']);
        assert.equal(new Set(warnings.map(w => w.split(':')[1])).size, 3, 'three kinds of mistake');
        assert.deepEqual(diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error), [], 'no errors');
    });

    it('offers the three quick fixes for an actual behind plan, and applying one edits the text', async function () {
        const editor = await vscode.window.showTextDocument(plastering);
        try {
            // Without its recorded cause, the February actual is behind plan: a warning with fixes.
            const cause = plastering.getText().indexOf(CAUSE);
            assert.notEqual(cause, -1);
            const removed = await editor.edit(builder => builder.delete(new vscode.Range(plastering.positionAt(cause), plastering.positionAt(cause + CAUSE.length))));
            assert.ok(removed, 'the cause was removed');
            const diagnostics = await diagnosticsWhen(plastering.uri, 'a kpi-behind-plan warning', found =>
                found.some(d => codeOf(d) === 'kpi-behind-plan' && d.severity === vscode.DiagnosticSeverity.Warning)
            );
            const behind = diagnostics.find(d => codeOf(d) === 'kpi-behind-plan' && d.severity === vscode.DiagnosticSeverity.Warning);
            assert.ok(behind);
            assert.equal(behind.range.start.line, lineOf(plastering, 'actual 2026-02 27'));

            const actions = await codeActions(plastering.uri, behind.range);
            const titles = actions.map(action => action.title);
            /** @param {string} prefix */
            const fix = prefix => {
                const action = actions.find(candidate => candidate.title.startsWith(prefix));
                assert.ok(action, `a quick fix "${prefix}…" among: ${titles.join(' | ')}`);
                return action;
            };
            fix('Adjust the plan');
            fix('Analyse the causes');
            const addPeople = fix('Add people');

            // Applied the way the light bulb does: the action's edit, then its command if any.
            const before = plastering.getText();
            if (typeof addPeople.command === 'string') {
                const command = /** @type {vscode.Command} */ (addPeople);
                await vscode.commands.executeCommand(command.command, ...(command.arguments || []));
            } else {
                const action = /** @type {vscode.CodeAction} */ (addPeople);
                assert.ok(action.edit, 'the fix carries its edit');
                assert.ok(await vscode.workspace.applyEdit(action.edit), 'the fix applied');
                if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
            }
            const after = plastering.getText();
            assert.notEqual(after, before, 'the fix edited the text');
            assert.ok(after.includes('  headcount 4\n'), `the team's headcount went from 3 to 4:\n${after}`);
        } finally {
            await restorePlastering();
        }
    });

    it('okr.showPreviewToSide opens the KPI-tree preview beside the editor, and okr.showPreview reuses it', async function () {
        const editor = await vscode.window.showTextDocument(plastering, vscode.ViewColumn.One);
        try {
            await vscode.commands.executeCommand('okr.showPreviewToSide');
            const [tab] = await waitFor('a webview tab of type okr.preview', () => {
                const tabs = previewTabs();
                return tabs.length > 0 ? tabs : undefined;
            });
            assert.match(String(viewTypeOf(tab)), /okr\.preview/);
            assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opened to the side of the editor');
            assert.equal(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString(), plastering.uri.toString(), 'the editor kept the focus');

            await vscode.commands.executeCommand('okr.showPreview');
            await sleep(500);
            assert.equal(previewTabs().length, 1, 'one preview, revealed again rather than opened twice');
        } finally {
            for (const tab of previewTabs()) await vscode.window.tabGroups.close(tab);
        }
    });
    it('okr.recordCheckin records a check-in as a workspace edit, and undo takes it back', async function () {
        await vscode.window.showTextDocument(plastering, vscode.ViewColumn.One);
        const before = plastering.getText();
        try {
            const lenses = /** @type {vscode.CodeLens[]} */ (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', plastering.uri));
            const lens = lenses.find(candidate => candidate.command && candidate.command.arguments && candidate.command.arguments[0].name === 'PlasterRate');
            assert.ok(lens && lens.command, 'a Record check-in lens on PlasterRate');
            assert.equal(lens.command.command, 'okr.recordCheckin');
            const recorded = await vscode.commands.executeCommand('okr.recordCheckin', { ...lens.command.arguments[0], period: '2026-03', value: '29,5', cause: 'new mixer' });
            assert.equal(recorded, true, 'the command recorded the check-in');
            assert.equal(plastering.getText(), before.replace('  owner "Foreman"\n', '  owner "Foreman"\n  actual 2026-03 29.5 cause "new mixer"\n'));
            await vscode.commands.executeCommand('undo');
            await waitFor('undo to take the check-in back', () => plastering.getText() === before);
        } finally {
            await restorePlastering();
        }
    });
});
