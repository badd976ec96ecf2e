/**
 * "Compare with" a git revision (issue 14), in the preview's header next to the scenario picker:
 * a text field with suggestions (HEAD, HEAD~1, the repository's branches) and a button to stop
 * comparing, and below the header the server's line saying what the tree was compared with or why
 * it could not be. Only in the editor, and only where the server can run git (or a comparison was
 * asked for, so its note says why not). The webview keeps the revision in its saved state; what
 * moved is the server's.
 */
import type { KpiTree } from '../src/tree.js';

export interface CompareHost {
    /** The revision in the webview's saved state, `''` when not comparing. */
    revision(): string;
    /** The user chose a revision (`''`: stop comparing): save it and ask the extension. */
    choose(revision: string): void;
}

export function renderCompareControl(tree: KpiTree, host: CompareHost | undefined): void {
    const compare = tree.compare;
    const shown = host !== undefined && compare !== undefined && (compare.available || compare.revision !== null);
    let box = document.getElementById('okr-compare');
    let note = document.getElementById('okr-compare-note');
    if (!shown || !compare || !host) {
        box?.remove();
        note?.remove();
        document.body.classList.remove('okr-compared');
        return;
    }
    if (!box) box = createControl(host);
    const input = box.querySelector<HTMLInputElement>('input')!;
    const clear = box.querySelector<HTMLButtonElement>('button')!;
    const { label, placeholder, clear: clearText } = compare.words;
    box.querySelector('label')!.textContent = label;
    input.placeholder = placeholder;
    input.disabled = !compare.available;
    // The field shows what the user chose, not each tree's answer (an update may be on its way).
    if (document.activeElement !== input) input.value = host.revision();
    clear.title = clearText;
    clear.setAttribute('aria-label', clearText);
    clear.hidden = host.revision() === '';
    box.querySelector('datalist')!.replaceChildren(...compare.suggestions.map(suggestion => {
        const option = document.createElement('option');
        option.value = suggestion;
        return option;
    }));
    if (!note) {
        note = document.createElement('p');
        note.id = 'okr-compare-note';
        note.setAttribute('role', 'status');
        document.querySelector('.okr-header')!.after(note);
    }
    note.className = `okr-compare-note${compare.failed ? ' okr-compare-failed' : ''}`;
    note.textContent = compare.note ?? '';
    note.hidden = compare.note === null;
    document.body.classList.toggle('okr-compared', compare.commit !== null);
}

function createControl(host: CompareHost): HTMLElement {
    const box = document.createElement('span');
    box.id = 'okr-compare';
    box.className = 'okr-compare';
    const label = document.createElement('label');
    label.htmlFor = 'okr-compare-input';
    const input = document.createElement('input');
    input.id = 'okr-compare-input';
    input.className = 'okr-compare-input';
    input.type = 'text';
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('list', 'okr-compare-suggestions');
    const suggestions = document.createElement('datalist');
    suggestions.id = 'okr-compare-suggestions';
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'okr-button okr-compare-clear';
    clear.textContent = '×';
    // `change`: Enter, leaving the field, or picking a suggestion; not every keystroke (each is a git read).
    input.addEventListener('change', () => host.choose(input.value.trim()));
    // A suggestion picked from the list compares at once (Chromium's input type for it).
    input.addEventListener('input', event => {
        if ((event as InputEvent).inputType === 'insertReplacementText') host.choose(input.value.trim());
    });
    input.addEventListener('keydown', event => {
        if (event.key === 'Escape' && input.value !== '') {
            input.value = '';
            host.choose('');
        }
    });
    clear.addEventListener('click', () => {
        input.value = '';
        host.choose('');
    });
    box.append(label, input, suggestions, clear);
    (document.getElementById('okr-scenario') ?? document.getElementById('okr-counts')!).after(box);
    return box;
}

/** The field and its clear button as the user's choice stands, before the server's tree comes. */
export function showChosenRevision(revision: string): void {
    const clear = document.querySelector<HTMLElement>('.okr-compare-clear');
    if (clear) clear.hidden = revision === '';
    const input = document.getElementById('okr-compare-input') as HTMLInputElement | null;
    if (input && document.activeElement !== input) input.value = revision;
}
