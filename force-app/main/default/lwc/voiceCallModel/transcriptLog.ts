// The transcript: a bounded log of utterances (see boundedLog.ts) plus the dedupe index a lookup by id or
// content needs. The index is exact for the tip of the log's lineage only, and rebuilt when an older log
// is written to.
import {
    emptyLog as emptyBoundedLog,
    insert as insertItem,
    isTip,
    latest as latestItems,
    replace as replaceItem,
    toArray as allItems,
    withEvicted
} from './boundedLog';
import type { BoundedLog } from './boundedLog';
import type { TranscriptEntry } from './types';

export interface TranscriptLog {
    readonly entries: BoundedLog<TranscriptEntry>;
    /** Dedupe key → entry, shared along a lineage (see `lookup`). */
    readonly index: Map<string, TranscriptEntry>;
}

/** Ids the model generates for utterances that came without one; payload ids with this prefix are ignored. */
export const AUTO_ID_PREFIX = '~auto:';

/**
 * Dedupe key when the payload had no id: (role, timestamp, text). It starts with the generated-id prefix,
 * which payload ids never carry (the parser drops them), so it cannot collide with a payload id, the key of
 * every other entry. Keying by the id itself means no key string is built or kept per utterance. The call
 * id is implicit: a log only ever holds one call.
 */
export function contentKey(rawRole: string, timestamp: number, text: string): string {
    return `${AUTO_ID_PREFIX}k:${rawRole}\u0000${timestamp}\u0000${text}`;
}

function entryKey(entry: TranscriptEntry): string {
    return entry.id.startsWith(AUTO_ID_PREFIX)
        ? contentKey(entry.rawRole, entry.timestamp, entry.text)
        : entry.id;
}

function timestampOf(entry: TranscriptEntry): number {
    return entry.timestamp;
}

export function emptyLog(cap: number): TranscriptLog {
    return Object.freeze({ entries: emptyBoundedLog(cap, timestampOf), index: new Map() });
}

/** Rebuilds a log from entries that are already ordered (used when a session was copied or cloned). */
export function logFrom(entries: readonly TranscriptEntry[], cap: number, trimmed: number): TranscriptLog {
    let log = emptyLog(cap);
    for (const entry of entries) {
        const key = entryKey(entry);
        if (!lookup(log, key)) log = insert(log, entry, key);
    }
    return trimmed > 0 ? Object.freeze({ ...log, entries: withEvicted(log.entries, trimmed) }) : log;
}

/** The entry already stored under `key`, if any. */
export function lookup(log: TranscriptLog, key: string): TranscriptEntry | undefined {
    if (log.entries.size === 0) return undefined;
    if (isTip(log.entries)) return log.index.get(key);
    // Not the tip: the shared index belongs to a newer log, so search this log itself (rare, O(n)).
    return allItems(log.entries).find((entry) => entryKey(entry) === key);
}

/** The index a write may update: the shared one on the tip, else a fresh one for the branch it starts. */
function writableIndex(log: TranscriptLog): Map<string, TranscriptEntry> {
    if (isTip(log.entries)) return log.index;
    const index = new Map<string, TranscriptEntry>();
    for (const entry of allItems(log.entries)) index.set(entryKey(entry), entry);
    return index;
}

/** Inserts a new entry (caller has checked `lookup`), keeping order and the cap. */
export function insert(log: TranscriptLog, entry: TranscriptEntry, key: string): TranscriptLog {
    const index = writableIndex(log);
    index.set(key, entry);
    const entries = insertItem(log.entries, entry, (evicted) => index.delete(entryKey(evicted)));
    return Object.freeze({ entries, index });
}

/** Replaces `previous` (found by `lookup`) with `next` at the same position. */
export function replace(
    log: TranscriptLog,
    previous: TranscriptEntry,
    entry: TranscriptEntry
): TranscriptLog {
    const index = writableIndex(log);
    index.set(entryKey(previous), entry);
    return Object.freeze({ entries: replaceItem(log.entries, previous, entry), index });
}

/** The whole transcript as a frozen array (O(n) on first read, then cached per log). */
export function toArray(log: TranscriptLog): readonly TranscriptEntry[] {
    return allItems(log.entries);
}

/** The newest `count` entries, O(count). */
export function latest(log: TranscriptLog, count: number): readonly TranscriptEntry[] {
    return latestItems(log.entries, count);
}
