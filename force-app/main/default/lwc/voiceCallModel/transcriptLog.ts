// Persistent, bounded, timestamp-ordered transcript with O(1) amortised in-order appends.
//
// Layout: an append-only `backing` array (older entries) viewed through [start, end), plus a small `tail`
// (the newest <= TAIL_MAX entries) that is copied on every change. Partial → final updates and slightly
// out-of-order arrivals land in the tail, so they cost O(TAIL_MAX), not O(n). Several logs share one
// backing array the way slices do: only the newest log (the "tip") may push onto it; any other log that
// is written to first copies its own view (a rare O(n) branch, e.g. when a test re-applies to an old
// snapshot). The dedupe index is kept exact for the tip only, and rebuilt on a branch.
import type { TranscriptEntry } from './types';

const TAIL_MAX = 16;
const TAIL_KEEP = 8;
/** Compact the backing array once this many trimmed entries sit in front of the view. */
const COMPACT_AFTER = 1024;

interface Shared {
    backing: TranscriptEntry[];
    index: Map<string, TranscriptEntry>;
    version: number;
}

export interface TranscriptLog {
    readonly shared: Shared;
    readonly version: number;
    readonly backing: readonly TranscriptEntry[];
    readonly start: number;
    readonly end: number;
    readonly tail: readonly TranscriptEntry[];
    readonly size: number;
    readonly trimmed: number;
    readonly cap: number;
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

export function entryKey(entry: TranscriptEntry): string {
    return entry.id.startsWith(AUTO_ID_PREFIX)
        ? contentKey(entry.rawRole, entry.timestamp, entry.text)
        : entry.id;
}

const EMPTY: readonly TranscriptEntry[] = Object.freeze([]);

export function emptyLog(cap: number): TranscriptLog {
    const shared: Shared = { backing: [], index: new Map(), version: 0 };
    return Object.freeze({
        shared,
        version: 0,
        backing: shared.backing,
        start: 0,
        end: 0,
        tail: EMPTY,
        size: 0,
        trimmed: 0,
        cap
    });
}

/** Rebuilds a log from entries that are already ordered (used when a session was copied or cloned). */
export function logFrom(entries: readonly TranscriptEntry[], cap: number, trimmed: number): TranscriptLog {
    let log = emptyLog(cap);
    for (const entry of entries) {
        const key = entryKey(entry);
        if (!lookup(log, key)) log = insert(log, entry, key);
    }
    return trimmed > 0 ? Object.freeze({ ...log, trimmed: log.trimmed + trimmed }) : log;
}

function view(log: TranscriptLog): TranscriptEntry[] {
    return log.backing.slice(log.start, log.end).concat(log.tail);
}

type Working = { -readonly [K in keyof TranscriptLog]: TranscriptLog[K] };

/** A mutable copy of a log that owns the end of its shared backing array (branching first if needed). */
function writable(log: TranscriptLog): Working {
    if (log.shared.version === log.version) return { ...log };
    // Not the tip: copy this view into its own backing array and index (O(n), only when an old snapshot is
    // written to).
    const backing = log.backing.slice(log.start, log.end);
    const index = new Map<string, TranscriptEntry>();
    for (const entry of backing) index.set(entryKey(entry), entry);
    for (const entry of log.tail) index.set(entryKey(entry), entry);
    const shared: Shared = { backing, index, version: log.version };
    return { ...log, shared, backing, start: 0, end: backing.length };
}

function seal(log: Working): TranscriptLog {
    log.version = ++log.shared.version;
    return Object.freeze(log);
}

/** First position in `list[from, to)` whose timestamp is greater than `timestamp` (stable insert point). */
function upperBound(list: readonly TranscriptEntry[], from: number, to: number, timestamp: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid].timestamp <= timestamp) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/** The entry already stored under `key`, if any. */
export function lookup(log: TranscriptLog, key: string): TranscriptEntry | undefined {
    if (log.size === 0) return undefined;
    if (log.shared.version === log.version) return log.shared.index.get(key);
    // Non-tip: the shared index belongs to a newer log, so search this view itself (rare, O(n)).
    return view(log).find((entry) => entryKey(entry) === key);
}

function setBacking(log: Working, backing: TranscriptEntry[]): void {
    log.shared.backing = backing;
    log.backing = backing;
    log.start = 0;
    log.end = backing.length;
}

function addEntry(log: Working, entry: TranscriptEntry): void {
    const { tail, backing, start, end } = log;
    // The tail is only ever empty when the whole log is (trimming takes the backing view first).
    const last = tail.at(-1);
    if (last === undefined || entry.timestamp >= last.timestamp) {
        const next = tail.slice();
        next.push(entry);
        log.tail = next;
    } else if (entry.timestamp >= tail[0].timestamp) {
        const at = upperBound(tail, 0, tail.length, entry.timestamp);
        log.tail = [...tail.slice(0, at), entry, ...tail.slice(at)];
    } else {
        const at = upperBound(backing, start, end, entry.timestamp);
        if (at === end) {
            // Between the backing view and the tail: the tip owns the end of `backing`, so push.
            log.shared.backing.push(entry);
            log.end++;
        } else {
            // Older than the whole tail window: rare, O(n).
            setBacking(log, [...backing.slice(start, at), entry, ...backing.slice(at, end)]);
        }
    }
    log.size++;
}

function flushTail(log: Working): void {
    if (log.tail.length <= TAIL_MAX) return;
    const moved = log.tail.length - TAIL_KEEP;
    for (let i = 0; i < moved; i++) log.shared.backing.push(log.tail[i]);
    log.end += moved;
    log.tail = log.tail.slice(moved);
}

function trimToCap(log: Working): void {
    while (log.size > log.cap) {
        const fromBacking = log.end > log.start;
        const oldest = fromBacking ? log.backing[log.start] : log.tail[0];
        log.shared.index.delete(entryKey(oldest));
        if (fromBacking) log.start++;
        else log.tail = log.tail.slice(1);
        log.size--;
        log.trimmed++;
    }
    if (log.start > COMPACT_AFTER && log.start > log.end - log.start) {
        setBacking(log, log.backing.slice(log.start, log.end));
    }
}

/** Inserts a new entry (caller has checked `lookup`), keeping order, the cap and the tail bound. */
export function insert(log: TranscriptLog, entry: TranscriptEntry, key: string): TranscriptLog {
    const next = writable(log);
    next.shared.index.set(key, entry);
    addEntry(next, entry);
    flushTail(next);
    trimToCap(next);
    return seal(next);
}

/** Replaces `previous` (found by `lookup`) with `next` at the same position. */
export function replace(
    log: TranscriptLog,
    previous: TranscriptEntry,
    entry: TranscriptEntry
): TranscriptLog {
    const next = writable(log);
    next.shared.index.set(entryKey(previous), entry);
    const inTail = next.tail.indexOf(previous);
    if (inTail >= 0) {
        const tail = next.tail.slice();
        tail[inTail] = entry;
        next.tail = tail;
    } else {
        const rebuilt = next.backing.slice(next.start, next.end);
        rebuilt[rebuilt.indexOf(previous)] = entry;
        setBacking(next, rebuilt);
    }
    return seal(next);
}

/** The whole transcript as a new frozen array (O(n); snapshots cache it). */
export function toArray(log: TranscriptLog): readonly TranscriptEntry[] {
    return log.size === 0 ? EMPTY : Object.freeze(view(log));
}

/** The newest `count` entries, O(count). */
export function latest(log: TranscriptLog, count: number): readonly TranscriptEntry[] {
    const wanted = Math.max(0, Math.min(Math.floor(count), log.size));
    if (wanted <= log.tail.length) return Object.freeze(log.tail.slice(log.tail.length - wanted));
    const fromBacking = wanted - log.tail.length;
    return Object.freeze(log.backing.slice(log.end - fromBacking, log.end).concat(log.tail));
}
