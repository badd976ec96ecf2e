/**
 * The workspace's declarations by name, kept from one workspace state to the next: a new state
 * redoes only the documents whose fragment changed, and says which names it touched, so the
 * resolution of every other document can be kept (issue 11: a keystroke costs what it changes).
 */
import type { DeclaredName, PlanFragment } from './plan-fragment.js';

export class DeclarationIndex {
    private readonly byName = new Map<string, DeclaredName[]>();
    private readonly fragmentOf = new Map<string, PlanFragment>();
    private readonly uriOf = new WeakMap<DeclaredName, string>();
    /** Names declared more than once. */
    readonly duplicated = new Set<string>();

    /** Every declaration by qualified name, in path order; the live map (it changes with the next update). */
    get declarations(): Map<string, DeclaredName[]> {
        return this.byName;
    }

    /** Brings the index to these fragments (one per document, in path order); returns the names whose declarations changed. */
    update(fragments: readonly PlanFragment[]): Set<string> {
        const changed = new Set<string>();
        const order = new Map<string, number>();
        fragments.forEach((fragment, index) => order.set(fragment.uri, index));
        for (const fragment of fragments) {
            const before = this.fragmentOf.get(fragment.uri);
            if (before === fragment) continue;
            if (before) this.remove(before, changed);
            this.add(fragment, changed);
            this.fragmentOf.set(fragment.uri, fragment);
        }
        if (this.fragmentOf.size > fragments.length) {
            for (const [uri, before] of this.fragmentOf) {
                if (order.has(uri)) continue;
                this.remove(before, changed);
                this.fragmentOf.delete(uri);
            }
        }
        for (const name of changed) {
            const list = this.byName.get(name);
            if (list && list.length > 1) {
                // Path order, as a join from scratch lists them (a stable sort keeps each document's own order).
                list.sort((a, b) => (order.get(this.uriOf.get(a) ?? '') ?? 0) - (order.get(this.uriOf.get(b) ?? '') ?? 0));
                this.duplicated.add(name);
            } else {
                this.duplicated.delete(name);
            }
        }
        return changed;
    }

    private add(fragment: PlanFragment, changed: Set<string>): void {
        for (const declared of fragment.declarations) {
            this.uriOf.set(declared, fragment.uri);
            const list = this.byName.get(declared.name);
            if (list) list.push(declared);
            else this.byName.set(declared.name, [declared]);
            changed.add(declared.name);
        }
    }

    private remove(fragment: PlanFragment, changed: Set<string>): void {
        const gone = new Set(fragment.declarations);
        for (const declared of fragment.declarations) {
            changed.add(declared.name);
            const list = this.byName.get(declared.name);
            if (!list) continue;
            const kept = list.filter(other => !gone.has(other));
            if (kept.length > 0) this.byName.set(declared.name, kept);
            else this.byName.delete(declared.name);
        }
    }
}
