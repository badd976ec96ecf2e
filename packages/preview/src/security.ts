/** What keeps user text inert in the preview: HTML escaping, and a fresh nonce for each render. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"'`]/g, character => ESCAPES[character]);
}

/** A random nonce for the Content-Security-Policy; new for every document rendered. */
export function createNonce(): string {
    const bytes = new Uint8Array(18);
    globalThis.crypto.getRandomValues(bytes);
    let text = '';
    for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
    return text;
}

/** Characters XML 1.0 forbids even as text (C0 controls other than tab and line breaks, lone surrogates' stand-ins). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for SVG (XML) content and attributes: HTML's escapes, minus what XML cannot hold. */
export function escapeXml(text: string): string {
    return escapeHtml(text.replace(NOT_XML, '\uFFFD'));
}
