// code-server options that run okr-plan as a web extension: the user setting
// `remote.extensionKind` moves it from the Node extension host to the web worker extension host
// (VS Code for the Web's host, in the browser). The .vsix is the same.
export const WEB_EXTENSION_HOST = { settings: { 'remote.extensionKind': { 'okr-plan.okr-plan': ['web'] } } };
