'use strict';
// The test runner VS Code loads with --extensionTestsPath: mocha, in the extension host.
// CommonJS (.cjs) because the extension's package.json says "type": "module" and the extension
// host loads a .cjs runner with require, whatever the VS Code version.
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const Mocha = require('mocha');

/** Called by VS Code once the window is up; rejects when a test fails, which makes VS Code exit non-zero. */
async function run() {
    // In code-server the extension host's console only reaches the browser; the runner there
    // asks for the report in a file as well (see ../code-server.mjs).
    const output = process.env.OKR_TEST_OUTPUT;
    if (output) {
        const consoleLog = Mocha.reporters.Base.consoleLog;
        Mocha.reporters.Base.consoleLog = (...args) => {
            fs.appendFileSync(output, util.format(...args) + '\n');
            consoleLog(...args);
        };
    }
    const mocha = new Mocha({
        ui: 'bdd',
        color: true,
        timeout: 60_000,
        reporter: process.env.OKR_TEST_REPORTER || 'spec'
    });
    // mocha.run loads the files with require (not import), so `require('vscode')` in them goes
    // through the extension host's module interceptor, as in an extension.
    mocha.addFile(path.join(__dirname, 'extension.test.cjs'));
    const failures = await new Promise(resolve => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

module.exports = { run };
