// Persistent, bounded, time-ordered log with O(1) amortised in-order appends: the transcript and every
// sentiment series are one of these.
//
// Layout: an append-only `backing` array (older items) viewed through [start, end), plus a small `tail`
// (the newest <= TAIL_MAX items) that is copied on every change. Slightly out-of-order arrivals and in-place
// replacements land in the tail, so they cost O(TAIL_MAX), not O(n). Several logs share one backing array the
// way slices do: only the newest log of a lineage (the "tip") may push onto it; any other log that is written
// to first copies its own view (a rare O(n) branch, e.g. when a test re-applies to an old snapshot).

const TAIL_MAX = 16;
const TAIL_KEEP = 8;
/** Compact the backing array once this many evicted items sit in front of the view. */
const COMPACT_AFTER = 1024;

/** One lineage of logs: the backing array they share and the version of its tip. */
export interface Lineage<T> {
    backing: T[];
    version: number;
}

export interface BoundedLog<T> {
    readonly lineage: Lineage<T>;
    /** Equal to the lineage's version while this log is its tip. */
    readonly version: number;
    /** This log's older items are `backing[start, end)`; later logs of the lineage may have pushed more. */
    readonly backing: readonly T[];
    readonly start: number;
    readonly end: number;
    /** The newest items, after the backing view. */
    readonly tail: readonly T[];
    readonly size: number;
    /** Items evicted so far (oldest first) to stay within `capacity`. */
    readonly evicted: number;
    readonly capacity: number;
    /** The ordering time of an item; equal times keep arrival order. */
    readonly timeOf: (item: T) => number;
}

type Working<T> = { -readonly [K in keyof BoundedLog<T>]: BoundedLog<T>[K] };

const NONE: readonly never[] = Object.freeze([]);

/** A log holding `items` (already in time order, all in the tail, which is only ever empty when the log is). */
function logOver<T>(items: readonly T[], capacity: number, timeOf: (item: T) => number): BoundedLog<T> {
    const backing: T[] = [];
    const lineage: Lineage<T> = { backing, version: 0 };
    return Object.freeze({
        lineage,
        version: 0,
        backing,
        start: 0,
        end: 0,
        tail: items.length === 0 ? NONE : Object.freeze(items.slice()),
        size: items.length,
        evicted: 0,
        capacity,
        timeOf
    });
}

export function emptyLog<T>(capacity: number, timeOf: (item: T) => number): BoundedLog<T> {
    return logOver<T>(NONE, capacity, timeOf);
}

/**
 * A log over items that are already in time order (a copy rebuilt outside the model). Nothing is evicted up
 * front: a copy holding more than `capacity` items keeps that many, each later insert evicting one.
 */
export function logOfOrdered<T>(
    items: readonly T[],
    capacity: number,
    timeOf: (item: T) => number
): BoundedLog<T> {
    return logOver(items, Math.max(capacity, items.length), timeOf);
}

/** The same log with `count` more items counted as evicted (a copy that says it was trimmed before). */
export function withEvicted<T>(log: BoundedLog<T>, count: number): BoundedLog<T> {
    return Object.freeze({ ...log, evicted: log.evicted + count });
}

/** Whether this log is the newest of its lineage (the one whose writes need no copy). */
export function isTip<T>(log: BoundedLog<T>): boolean {
    return log.lineage.version === log.version;
}

/** A mutable copy of a log that owns the end of its lineage's backing array (branching first if needed). */
function writable<T>(log: BoundedLog<T>): Working<T> {
    if (isTip(log)) return { ...log };
    const backing = log.backing.slice(log.start, log.end);
    const lineage: Lineage<T> = { backing, version: log.version };
    return { ...log, lineage, backing, start: 0, end: backing.length };
}

function seal<T>(log: Working<T>): BoundedLog<T> {
    log.version = ++log.lineage.version;
    return Object.freeze(log);
}

/** First position in `list[from, to)` whose time is greater than `time` (stable insert point). */
function upperBound<T>(
    log: BoundedLog<T>,
    list: readonly T[],
    from: number,
    to: number,
    time: number
): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (log.timeOf(list[mid]) <= time) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/** The item at `index` (0 = oldest kept), or undefined outside the log. */
export function itemAt<T>(log: BoundedLog<T>, index: number): T | undefined {
    const inBacking = log.end - log.start;
    if (index < 0 || index >= log.size) return undefined;
    return index < inBacking ? log.backing[log.start + index] : log.tail[index - inBacking];
}

/** Where an item of this time would go: after every item whose time is not greater. */
export function insertPosition<T>(log: BoundedLog<T>, time: number): number {
    const { tail, start, end } = log;
    const first = tail[0];
    if (first !== undefined && time >= log.timeOf(first)) {
        return end - start + upperBound(log, tail, 0, tail.length, time);
    }
    return upperBound(log, log.backing, start, end, time) - start;
}

function setBacking<T>(log: Working<T>, backing: T[]): void {
    log.lineage.backing = backing;
    log.backing = backing;
    log.start = 0;
    log.end = backing.length;
}

function addItem<T>(log: Working<T>, item: T): void {
    const { tail, backing, start, end } = log;
    const time = log.timeOf(item);
    // The tail is only ever empty when the whole log is (eviction takes the backing view first).
    const last = tail.at(-1);
    if (last === undefined || time >= log.timeOf(last)) {
        const next = tail.slice();
        next.push(item);
        log.tail = next;
    } else if (time >= log.timeOf(tail[0])) {
        const at = upperBound(log, tail, 0, tail.length, time);
        log.tail = [...tail.slice(0, at), item, ...tail.slice(at)];
    } else {
        const at = upperBound(log, backing, start, end, time);
        if (at === end) {
            // Between the backing view and the tail: the tip owns the end of `backing`, so push.
            log.lineage.backing.push(item);
            log.end++;
        } else {
            // Older than the whole tail window: rare, O(n).
            setBacking(log, [...backing.slice(start, at), item, ...backing.slice(at, end)]);
        }
    }
    log.size++;
}

function flushTail<T>(log: Working<T>): void {
    if (log.tail.length <= TAIL_MAX) return;
    const moved = log.tail.length - TAIL_KEEP;
    for (let i = 0; i < moved; i++) log.lineage.backing.push(log.tail[i]);
    log.end += moved;
    log.tail = log.tail.slice(moved);
}

function evictToCapacity<T>(log: Working<T>, onEvict: ((item: T) => void) | undefined): void {
    while (log.size > log.capacity) {
        const fromBacking = log.end > log.start;
        const oldest = fromBacking ? log.backing[log.start] : log.tail[0];
        onEvict?.(oldest);
        if (fromBacking) log.start++;
        else log.tail = log.tail.slice(1);
        log.size--;
        log.evicted++;
    }
    if (log.start > COMPACT_AFTER && log.start > log.end - log.start) {
        setBacking(log, log.backing.slice(log.start, log.end));
    }
}

/**
 * The log with `item` in time order (after items of the same time), keeping the tail bound and the
 * capacity; `onEvict` sees each oldest item dropped for it.
 */
export function insert<T>(log: BoundedLog<T>, item: T, onEvict?: (item: T) => void): BoundedLog<T> {
    const next = writable(log);
    addItem(next, item);
    flushTail(next);
    evictToCapacity(next, onEvict);
    return seal(next);
}

/** The log with `previous` (an item it holds) replaced by `item` at the same position. */
export function replace<T>(log: BoundedLog<T>, previous: T, item: T): BoundedLog<T> {
    const next = writable(log);
    const inTail = next.tail.indexOf(previous);
    if (inTail >= 0) {
        const tail = next.tail.slice();
        tail[inTail] = item;
        next.tail = tail;
    } else {
        const rebuilt = next.backing.slice(next.start, next.end);
        rebuilt[rebuilt.indexOf(previous)] = item;
        setBacking(next, rebuilt);
    }
    return seal(next);
}

const materialized = new WeakMap<object, readonly unknown[]>();

/** Every item, oldest first, as a frozen array: O(n) on first read, then cached for this log. */
export function toArray<T>(log: BoundedLog<T>): readonly T[] {
    if (log.size === 0) return NONE;
    let list = materialized.get(log) as readonly T[] | undefined;
    if (list === undefined) {
        list = Object.freeze(log.backing.slice(log.start, log.end).concat(log.tail));
        materialized.set(log, list);
    }
    return list;
}

/** The newest `count` items, oldest first, O(count). */
export function latest<T>(log: BoundedLog<T>, count: number): readonly T[] {
    const wanted = Math.max(0, Math.min(Math.floor(count), log.size));
    if (wanted <= log.tail.length) return Object.freeze(log.tail.slice(log.tail.length - wanted));
    const fromBacking = wanted - log.tail.length;
    return Object.freeze(log.backing.slice(log.end - fromBacking, log.end).concat(log.tail));
}
