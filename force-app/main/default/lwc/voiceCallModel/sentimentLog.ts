// Persistent, bounded sentiment series with O(1) amortised in-order points (the transcript log's layout,
// without the tail): an append-only `backing` array shared by every snapshot of a series, each viewing its
// own [start, end) window. Only the newest window (the "tip") may push onto it; an out-of-order point, or a
// write to an old snapshot, copies the window (O(cap), rare). `points` is materialised on first read and
// cached per window, so a long call no longer copies the whole series on every sentiment signal.
import type { SentimentPoint, SentimentSeries } from './types';

/** Newest points kept per participant (~80 minutes at one point every 20 s); `latest` is always current. */
export const MAX_SENTIMENT_POINTS = 120;
/** Compact the backing array once this many dropped points sit in front of the view. */
const COMPACT_AFTER = 1024;

interface Shared {
    backing: SentimentPoint[];
    version: number;
}

interface PointWindow {
    readonly shared: Shared;
    readonly version: number;
    readonly start: number;
    readonly end: number;
}

/** The window hangs off each series under a non-enumerable symbol: invisible to JSON, spread and equality. */
const WINDOW: unique symbol = Symbol('voiceCallModel.sentimentWindow');

const materialized = new WeakMap<PointWindow, readonly SentimentPoint[]>();

function pointsOf(window: PointWindow): readonly SentimentPoint[] {
    let list = materialized.get(window);
    if (list === undefined) {
        list = Object.freeze(window.shared.backing.slice(window.start, window.end));
        materialized.set(window, list);
    }
    return list;
}

/** Shared by every series: an own, enumerable accessor, so JSON, spread and `toEqual` still see `points`. */
function readPoints(this: Series): readonly SentimentPoint[] {
    return pointsOf(this[WINDOW]);
}

const POINTS: PropertyDescriptor = Object.freeze({ get: readPoints, enumerable: true });

class Series implements SentimentSeries {
    declare readonly participant: string;
    declare readonly points: readonly SentimentPoint[];
    declare readonly latest: number;
    declare readonly [WINDOW]: PointWindow;

    constructor(participant: string, window: PointWindow) {
        this.participant = participant;
        Object.defineProperty(this, 'points', POINTS);
        this.latest = window.shared.backing[window.end - 1].value;
        Object.defineProperty(this, WINDOW, { value: window });
        Object.freeze(this);
    }
}

function windowFrom(backing: SentimentPoint[]): PointWindow {
    return Object.freeze({ shared: { backing, version: 0 }, version: 0, start: 0, end: backing.length });
}

/** The window of a series (rebuilt from `points` for a series copied outside this module). */
function windowOf(series: SentimentSeries | undefined): PointWindow {
    if (series === undefined) return windowFrom([]);
    return (series as Partial<Series>)[WINDOW] ?? windowFrom(series.points.slice());
}

/**
 * The series with `point` added in time order (keeping the newest MAX_SENTIMENT_POINTS), or null when the
 * newest point at that time already has that value.
 */
export function addPoint(
    series: SentimentSeries | undefined,
    participant: string,
    point: SentimentPoint
): SentimentSeries | null {
    const window = windowOf(series);
    const { shared, start, end } = window;
    const backing = shared.backing;
    let at = end;
    while (at > start && backing[at - 1].time > point.time) at--;
    if (at > start && backing[at - 1].time === point.time && backing[at - 1].value === point.value) {
        return null;
    }
    const drop = end - start >= MAX_SENTIMENT_POINTS ? 1 : 0;
    // Older than everything a full series keeps: it would be the point trimmed, so nothing changes.
    if (drop === 1 && at === start) return null;
    const frozen = Object.freeze({ time: point.time, value: point.value });
    if (at === end && shared.version === window.version && backing.length === end) {
        // In order on the tip: append to the shared backing array, O(1) amortised.
        backing.push(frozen);
        const from = start + drop;
        if (from > COMPACT_AFTER && from > end + 1 - from) {
            return new Series(participant, windowFrom(backing.slice(from, end + 1)));
        }
        const next: PointWindow = { shared, version: ++shared.version, start: from, end: end + 1 };
        return new Series(participant, Object.freeze(next));
    }
    // Out of order, or an old snapshot written to: copy this window (O(cap), rare).
    const copy = backing.slice(start + drop, at);
    copy.push(frozen);
    for (let i = at; i < end; i++) copy.push(backing[i]);
    return new Series(participant, windowFrom(copy));
}
