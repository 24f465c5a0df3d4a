// Pure view logic of the intelligence signals panel.
import { normalizeRole } from 'c/voiceCallModel';
import type { CategorySignal, SentimentSeries } from 'c/voiceCallModel';
import { formatLabel, roleLabel, scoreToPercent } from 'c/voiceFormat';

export type Tone = 'positive' | 'neutral' | 'negative';

export interface ChipView {
    readonly key: string;
    /** What the agent reads: the admin's name for the category, else the API value in words. */
    readonly value: string;
    /** The API value as the vendor sent it (title and data attribute). */
    readonly rawValue: string;
    readonly confidence: string;
    readonly time: string;
    readonly alert: boolean;
    readonly className: string;
}

export interface SeriesView {
    readonly key: string;
    readonly label: string;
    /** The tone in words (positive / neutral / negative). */
    readonly valueText: string;
    /** Tone and raw score (-1000..1000), for the title and screen readers. */
    readonly rawText: string;
    readonly barClass: string;
    readonly barStyle: string;
    readonly points: SentimentSeries['points'];
}

export interface SignalLabels {
    readonly confidence: string;
    readonly tones: Readonly<Record<Tone, string>>;
    readonly sentimentValue: string;
}

/** Above/below this (of ±1000) a sentiment reads as positive/negative. */
const TONE_THRESHOLD = 200;

/** The Aura guide's example sends seconds; the field table says milliseconds. Accept both. */
export function signalTimeMs(time: number): number {
    return Math.abs(time) < 1e11 ? time * 1000 : time;
}

const MAX_NAME_ENTRIES = 200;

/**
 * The admin's names for categories: `RefundRequest=Refund request, CustomerAngry=Customer is upset` (design
 * attribute). Keys compare without case; anything without `=` or with an empty side is skipped.
 */
export function categoryNames(list: string | null | undefined): ReadonlyMap<string, string> {
    const names = new Map<string, string>();
    for (const entry of (list ?? '').split(',').slice(0, MAX_NAME_ENTRIES)) {
        const at = entry.indexOf('=');
        const key = entry.slice(0, at).trim().toLowerCase();
        const name = entry.slice(at + 1).trim();
        if (at > 0 && key !== '' && name !== '') names.set(key, name);
    }
    return names;
}

/**
 * A category API value in words: `RefundRequest` → `Refund request`, `customer_angry` → `Customer angry`.
 * Contact Lens rule names are CamelCase or snake_case identifiers (Send a Real-Time Conversation Event:
 * "a Contact Lens rule defined in Amazon Connect").
 */
export function humanize(value: string): string {
    const words = value
        .replace(/[_-]+/g, ' ')
        .replace(/([a-z\d])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .trim()
        .split(/\s+/)
        .map((word, i) => (i === 0 || /^[A-Z\d]+$/.test(word) ? word : word.toLowerCase()));
    const text = words.join(' ');
    return text === '' ? value : text.charAt(0).toUpperCase() + text.slice(1);
}

export function categoryName(value: string, names: ReadonlyMap<string, string>): string {
    return names.get(value.toLowerCase()) ?? humanize(value);
}

export function categoryKey(category: CategorySignal): string {
    return `${category.value}\u0000${category.startTime}`;
}

/** Comma-separated category names → a case-insensitive set. */
export function alertSet(list: string | null | undefined): ReadonlySet<string> {
    return new Set(
        (list ?? '')
            .split(',')
            .map((item) => item.trim().toLowerCase())
            .filter((item) => item !== '')
    );
}

/** Newest first (by start time; ties: latest arrival first), at most `max`. */
export function newestFirst(categories: readonly CategorySignal[], max: number): CategorySignal[] {
    return categories
        .map((category, index) => ({ category, index }))
        .sort((a, b) => b.category.startTime - a.category.startTime || b.index - a.index)
        .slice(0, max)
        .map((item) => item.category);
}

export function chipView(
    category: CategorySignal,
    alerts: ReadonlySet<string>,
    labels: SignalLabels,
    clock: (ms: number) => string,
    names: ReadonlyMap<string, string> = new Map()
): ChipView {
    const percent = scoreToPercent(category.score);
    const alert = alerts.has(category.value.toLowerCase());
    return {
        key: categoryKey(category),
        value: categoryName(category.value, names),
        rawValue: category.value,
        confidence: percent === null ? '' : formatLabel(labels.confidence, percent),
        time: clock(signalTimeMs(category.startTime)),
        alert,
        className: alert ? 'chip slds-badge slds-theme_error' : 'chip slds-badge'
    };
}

export function toneOf(value: number): Tone {
    if (value >= TONE_THRESHOLD) return 'positive';
    return value <= -TONE_THRESHOLD ? 'negative' : 'neutral';
}

/** Participant as the agent reads it: Agent/Customer/... when the vendor's name maps to a role. */
export function participantLabel(participant: string): string {
    const role = normalizeRole(participant);
    return role === 'Unknown' ? participant : roleLabel(role);
}

/** Gauge bar from the centre (0) towards the value, as left/width percentages of the track. */
export function barStyle(value: number): string {
    const half = Math.min(1000, Math.abs(value)) / 20;
    const left = value < 0 ? 50 - half : 50;
    return `left: ${left}%; width: ${half}%;`;
}

export function seriesView(series: SentimentSeries, labels: SignalLabels): SeriesView {
    const tone = toneOf(series.latest);
    return {
        key: series.participant,
        label: participantLabel(series.participant),
        valueText: labels.tones[tone],
        rawText: formatLabel(labels.sentimentValue, labels.tones[tone], series.latest),
        barClass: `bar bar_${tone}`,
        barStyle: barStyle(series.latest),
        points: series.points
    };
}
