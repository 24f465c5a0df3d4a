// A participant's sentiment series: a bounded log of points (see boundedLog.ts), so a long call appends in
// O(1) amortised instead of copying the whole series on every sentiment signal. `points` is materialised on
// first read and cached per log.
import { insert, insertPosition, itemAt, logOfOrdered, toArray } from './boundedLog';
import type { BoundedLog } from './boundedLog';
import type { SentimentPoint, SentimentSeries } from './types';

/** Newest points kept per participant (~80 minutes at one point every 20 s); `latest` is always current. */
export const MAX_SENTIMENT_POINTS = 120;

/** The log hangs off each series under a non-enumerable symbol: invisible to JSON, spread and equality. */
const POINTS_LOG: unique symbol = Symbol('voiceCallModel.sentimentLog');

type PointLog = BoundedLog<SentimentPoint>;

/** Shared by every series: an own, enumerable accessor, so JSON, spread and `toEqual` still see `points`. */
function readPoints(this: Series): readonly SentimentPoint[] {
    return toArray(this[POINTS_LOG]);
}

const POINTS: PropertyDescriptor = Object.freeze({ get: readPoints, enumerable: true });

class Series implements SentimentSeries {
    declare readonly participant: string;
    declare readonly points: readonly SentimentPoint[];
    declare readonly latest: number;
    declare readonly [POINTS_LOG]: PointLog;

    constructor(participant: string, log: PointLog, latest: number) {
        this.participant = participant;
        Object.defineProperty(this, 'points', POINTS);
        this.latest = latest;
        Object.defineProperty(this, POINTS_LOG, { value: log });
        Object.freeze(this);
    }
}

function timeOf(point: SentimentPoint): number {
    return point.time;
}

/** The log of a series (rebuilt from `points` for a series copied outside this module). */
function logOf(series: SentimentSeries | undefined): PointLog {
    if (series === undefined) return logOfOrdered([], MAX_SENTIMENT_POINTS, timeOf);
    return (
        (series as Partial<Series>)[POINTS_LOG] ?? logOfOrdered(series.points, MAX_SENTIMENT_POINTS, timeOf)
    );
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
    const log = logOf(series);
    const at = insertPosition(log, point.time);
    const before = itemAt(log, at - 1);
    if (before !== undefined && before.time === point.time && before.value === point.value) return null;
    // Older than everything a full series keeps: it would be the point evicted, so nothing changes.
    if (at === 0 && log.size >= log.capacity) return null;
    const next = insert(log, Object.freeze({ time: point.time, value: point.value }));
    return new Series(participant, next, (itemAt(next, next.size - 1) as SentimentPoint).value);
}
