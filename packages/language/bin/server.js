#!/usr/bin/env node
// `okr-language-server --stdio`: the OKR Plan language server.
import '../out/main.js';
