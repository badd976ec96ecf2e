/**
 * Coalesces fast typing (issue 11). A change after a quiet moment is analysed at once; a change
 * that follows the previous one within `window` ms is part of a burst, and its analysis waits
 * until the burst has paused for `window` ms. Each new change cancels the waiting update
 * (Langium's workspace lock), so ten changes within 100 ms cause at most two analyses: the
 * first change's, and the last one's. Parsing and linking are not delayed: completion and hover
 * always see the text as typed.
 */
import { OperationCancelled, type Cancellation } from 'langium';

export class TypingPause {
    private lastChange = Number.NEGATIVE_INFINITY;
    /** Time between the latest change and the one before it. */
    private gap = Number.POSITIVE_INFINITY;

    constructor(readonly window = 100, private readonly now: () => number = () => performance.now()) {}

    /** A document changed in the editor (not on disk). */
    changed(): void {
        const now = this.now();
        this.gap = now - this.lastChange;
        this.lastChange = now;
    }

    /** How long an analysis must still wait; 0 when the latest change came after a quiet moment. */
    remaining(): number {
        if (this.gap >= this.window) return 0;
        return Math.max(0, this.lastChange + this.window - this.now());
    }

    /** Resolves when the typing has paused; rejects with OperationCancelled when a newer change cancels the update. */
    async paused(cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (let wait = this.remaining(); wait > 0; wait = this.remaining()) {
            await new Promise<void>((resolve, reject) => {
                const timer = setTimeout(() => {
                    listener.dispose();
                    resolve();
                }, wait);
                const listener = cancelToken.onCancellationRequested(() => {
                    clearTimeout(timer);
                    reject(OperationCancelled);
                });
            });
        }
        if (cancelToken.isCancellationRequested) throw OperationCancelled;
    }
}
