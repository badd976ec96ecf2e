#!/usr/bin/env node
// `okr`: check an OKR plan and print its derived KPIs (see `okr --help`).
import '@okr-plan/language/node-compat';
const { main } = await import('../out/main.js');
process.exitCode = await main(process.argv.slice(2), process.env, process.stdout, process.stderr);
