// Page-wide dedupe for side effects. Module state is shared by every component instance on the page, so
// when several panels (or the desktop plus a standalone panel) ask for the same metered side effect — one
// Next Best Action request, say — the platform is called once and every caller gets the same outcome.
import { sortedEntriesKey } from 'c/voiceUtil';

/** How long an identical request keeps sharing the first one's outcome after it started. */
export const PAGE_DEDUPE_WINDOW_MS = 2000;
const MAX_ENTRIES = 200;

interface Entry {
    readonly startedAt: number;
    result: Promise<unknown>;
    settled: boolean;
}

const entries = new Map<string, Entry>();

function prune(now: number, windowMs: number): void {
    for (const [key, entry] of entries) {
        if (entry.settled && now - entry.startedAt >= windowMs) entries.delete(key);
    }
    // Bounded even if every request were unique and still pending: drop the oldest.
    while (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
    }
}

/**
 * Runs `run` unless an identical `key` started less than `windowMs` ago (or is still pending), in which case
 * it returns that request's promise and `shared: true`. `run` must not reject (toolkit actions never do).
 * An outcome `shareable` rejects (a failure) is forgotten once settled, so a retry calls the platform again.
 */
export function dedupeAcrossPage<T>(
    key: string,
    run: () => Promise<T>,
    windowMs: number = PAGE_DEDUPE_WINDOW_MS,
    now: number = Date.now(),
    shareable: (outcome: T) => boolean = () => true
): { readonly result: Promise<T>; readonly shared: boolean } {
    const existing = entries.get(key);
    if (existing && (!existing.settled || now - existing.startedAt < windowMs)) {
        return { result: existing.result as Promise<T>, shared: true };
    }
    prune(now, windowMs);
    const entry: Entry = { startedAt: now, result: Promise.resolve(), settled: false };
    const result = run().then((outcome) => {
        entry.settled = true;
        if (!shareable(outcome) && entries.get(key) === entry) entries.delete(key);
        return outcome;
    });
    entry.result = result;
    entries.set(key, entry);
    return { result, shared: false };
}

/** Stable key for an NBA request: the record id plus params with sorted keys. */
export function nextBestActionsKey(recordId: string, params: Readonly<Record<string, string>>): string {
    return `updateNextBestActions:${recordId}:${sortedEntriesKey(params)}`;
}

/** Forgets every remembered request (tests; a new page starts empty anyway). */
export function resetPageDedupe(): void {
    entries.clear();
}
