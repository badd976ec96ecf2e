// The quick-fix scenario (03) again, with the extension as a web extension: the light bulb's
// fixes come from the language server in a web worker and edit the text as on the desktop.
import quickFix from './03-quick-fix.mjs';
import { WEB_EXTENSION_HOST } from '../lib/web-extension.mjs';

export default {
  name: '09-web-quick-fix',
  title: `web extension: ${quickFix.title}`,
  codeServer: WEB_EXTENSION_HOST,
  run: (ctx) => quickFix.run(ctx),
};
