// Langium 4.4 depends on chevrotain 13, which calls Object.groupBy (Node 21+) when it builds a
// parser and when langium-cli generates. Node 20 lacks it, so every entry point (CLI, language
// server, tests, the generator) loads this module before Langium. Where Object.groupBy exists
// (Node 22+, VS Code's extension host) it does nothing.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
