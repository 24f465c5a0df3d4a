import { LightningElement, api } from 'lwc';
import type { SentimentPoint } from 'c/voiceCallModel';

const WIDTH = 100;
const HEIGHT = 24;
const LIMIT = 1000;

function y(value: number): number {
    const clamped = Math.min(LIMIT, Math.max(-LIMIT, value));
    return Math.round(((LIMIT - clamped) / (2 * LIMIT)) * HEIGHT * 100) / 100;
}

/** SVG `points` for a sentiment series: time on x (first..last point), -1000..1000 on y (top is positive). */
export function trendPoints(points: readonly SentimentPoint[]): string {
    if (points.length === 0) return '';
    if (points.length === 1) return `0,${y(points[0].value)} ${WIDTH},${y(points[0].value)}`;
    const first = points[0].time;
    const span = points[points.length - 1].time - first || 1;
    return points
        .map((p) => `${Math.round(((p.time - first) / span) * WIDTH * 100) / 100},${y(p.value)}`)
        .join(' ');
}

/** Presentational: a small decorative trend line; the panel states the value in text next to it. */
export default class VoiceSentimentTrend extends LightningElement {
    @api points: readonly SentimentPoint[] = [];

    readonly zeroY = HEIGHT / 2;

    get polyline(): string {
        return trendPoints(this.points ?? []);
    }
}
