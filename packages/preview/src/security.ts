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
