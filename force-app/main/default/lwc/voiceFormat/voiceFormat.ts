/**
 * Formatting shared by the panels: durations, clock and ISO times, numbers and sender roles. Pure and
 * locale-aware through `Intl`; never reads the clock itself (callers pass `now`).
 */
export { ROLE_LABELS, roleLabel } from './roleLabels';

/** `65_000` → `01:05`, `3_725_000` → `1:02:05`. Negative or non-finite input reads as zero. */
export function formatDuration(ms: number): string {
    const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const mm = String(minutes).padStart(2, '0');
    const ss = String(seconds).padStart(2, '0');
    return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

const CLOCK_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
/** Formatters by locale: building one costs far more than formatting, and transcript rows format per event. */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(locale: string | undefined): Intl.DateTimeFormat {
    const key = locale ?? '';
    let format = clockFormats.get(key);
    if (format === undefined) {
        format = new Intl.DateTimeFormat(locale, CLOCK_OPTIONS);
        clockFormats.set(key, format);
    }
    return format;
}

/** Wall-clock time of an epoch-ms timestamp in the user's locale, e.g. `14:03:27`; empty for none. */
export function formatClock(epochMs: number | null, locale?: string): string {
    const date = new Date(epochMs ?? Number.NaN);
    // Beyond the Date range the formatter throws; a render getter must never throw.
    if (Number.isNaN(date.getTime())) return '';
    return clockFormat(locale).format(date);
}

/**
 * UTC ISO 8601 time of an epoch-ms timestamp (a `<time datetime>` value, saved text read later in any time
 * zone); empty for none or outside the Date range, where `toISOString` would throw.
 */
export function formatIso(epochMs: number | null): string {
    const date = new Date(epochMs ?? Number.NaN);
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** Elapsed time of `epochMs` since `originMs` (the call start), as a duration; empty without an origin. */
export function formatElapsed(epochMs: number, originMs: number | null): string {
    if (originMs === null || !Number.isFinite(epochMs)) return '';
    return formatDuration(epochMs - originMs);
}

/** Fills `{0}`, `{1}`… in a Custom Label value, the way Salesforce labels take parameters. */
export function formatLabel(template: string, ...values: ReadonlyArray<string | number>): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}

/** Confidence score 1..1000 as a whole percent (`873` → `87 %` is left to the label); `null` stays null. */
export function scoreToPercent(score: number | null): number | null {
    if (score === null || !Number.isFinite(score)) return null;
    return Math.round(Math.min(1000, Math.max(0, score)) / 10);
}
