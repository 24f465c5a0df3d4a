// Pure view logic of the live transcript: masking, highlight segments, row views and the chunked window.
// Nothing here touches the DOM; every string that reaches the template is plain text (never HTML).
import { formatClock, formatElapsed, roleLabel } from 'c/voiceFormat';
import { escapeRegExp } from 'c/voiceUtil';
import type { TranscriptEntry } from 'c/voiceCallModel';
import type { TranscriptRow } from 'c/voiceTranscriptRows';

export type TimestampMode = 'wallclock' | 'elapsed';

export type Segment = TranscriptRow['segments'][number];

export type RowView = TranscriptRow;

/** A run of consecutive rows rendered by one `c-voice-transcript-rows`; unchanged chunks keep their identity. */
export interface ChunkView {
    readonly key: string;
    readonly rows: readonly RowView[];
    readonly entries: readonly TranscriptEntry[];
}

/** Everything a row's rendering depends on besides the entry itself; a new one invalidates the row cache. */
export interface RowSettings {
    readonly mask: boolean;
    readonly search: RegExp | null;
    readonly keywords: RegExp | null;
    readonly timestampMode: TimestampMode;
    readonly origin: number | null;
    readonly namedSpeaker: (role: string, displayName: string) => string;
}

export const MASK = '••••';
/** A run of digits, optionally grouped by single spaces or dashes. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;
/**
 * What is sensitive, not every number (the agent must read back a case or order number, a phone number or
 * an amount): runs of 12 or more digits, which covers every payment card number (13–19 digits, ISO/IEC
 * 7812) and bank account or IBAN-like ids, and US Social Security numbers written ddd-dd-dddd.
 */
const LONG_RUN = 12;
const SSN = /^\d{3}-\d{2}-\d{4}$/;

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}_])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}_])';
const MAX_SEARCH_LENGTH = 200;

function isSensitive(run: string, digits: string): boolean {
    return digits.length >= LONG_RUN || SSN.test(run);
}

/** Replaces each sensitive digit run with `••••` plus its last four digits; other numbers stay readable. */
export function maskDigitRuns(text: string): string {
    return text.replace(DIGIT_RUN, (run) => {
        const digits = run.replace(/\D/g, '');
        return isSensitive(run, digits) ? MASK + digits.slice(-4) : run;
    });
}

/** Case-insensitive substring matcher for the search box, or null for an empty query. */
export function searchPattern(query: string | null | undefined): RegExp | null {
    const trimmed = (query ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
    return trimmed === '' ? null : new RegExp(escapeRegExp(trimmed), 'giu');
}

/** Comma-separated keywords → one case-insensitive whole-word matcher, or null when there are none. */
export function keywordPattern(list: string | null | undefined): RegExp | null {
    const words = (list ?? '')
        .split(',')
        .map((word) => word.trim())
        .filter((word) => word !== '')
        .slice(0, 50)
        .map(escapeRegExp);
    if (words.length === 0) return null;
    return new RegExp(`${WORD_EDGE_BEFORE}(?:${words.join('|')})${WORD_EDGE_AFTER}`, 'giu');
}

/** Occurrences of `pattern` in `text`. */
export function countMatches(text: string, pattern: RegExp): number {
    let count = 0;
    for (const match of text.matchAll(pattern)) if (match[0] !== '') count++;
    return count;
}

interface Mark {
    readonly start: number;
    readonly end: number;
    readonly kind: 'match' | 'keyword';
}

function collect(text: string, pattern: RegExp | null, kind: Mark['kind'], into: Mark[]): void {
    if (pattern === null) return;
    for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        if (match[0] !== '') into.push({ start, end: start + match[0].length, kind });
    }
}

function classFor(start: number, end: number, marks: readonly Mark[]): string {
    const covers = (kind: Mark['kind']): boolean =>
        marks.some((m) => m.kind === kind && m.start <= start && m.end >= end);
    if (covers('match')) return 'segment match';
    return covers('keyword') ? 'segment keyword' : 'segment';
}

/** Splits text into plain-text spans flagged as search match, keyword or neither (never HTML). */
export function splitSegments(text: string, search: RegExp | null, keywords: RegExp | null): Segment[] {
    const marks: Mark[] = [];
    collect(text, search, 'match', marks);
    collect(text, keywords, 'keyword', marks);
    if (marks.length === 0) return [{ key: '0', text, className: 'segment' }];
    const points = new Set<number>([0, text.length]);
    for (const mark of marks) {
        points.add(mark.start);
        points.add(mark.end);
    }
    const sorted = [...points].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
        const [start, end] = [sorted[i], sorted[i + 1]];
        const className = classFor(start, end, marks);
        const previous = segments.at(-1);
        if (previous !== undefined && previous.className === className) {
            segments[segments.length - 1] = { ...previous, text: previous.text + text.slice(start, end) };
        } else {
            segments.push({ key: String(start), text: text.slice(start, end), className });
        }
    }
    return segments;
}

/** The line's time in the admin's chosen mode; elapsed falls back to the wall clock before the call start is known. */
export function lineTime(epochMs: number, mode: TimestampMode, origin: number | null): string {
    if (!Number.isFinite(epochMs)) return '';
    return mode === 'elapsed' && origin !== null ? formatElapsed(epochMs, origin) : formatClock(epochMs);
}

/** The text a line shows, searches and copies: masked when masking is on. */
export function visibleText(entry: TranscriptEntry, mask: boolean): string {
    return mask ? maskDigitRuns(entry.text) : entry.text;
}

export function speakerOf(entry: TranscriptEntry, settings: RowSettings): string {
    const role = roleLabel(entry.role);
    return entry.displayName ? settings.namedSpeaker(role, entry.displayName) : role;
}

export function buildRow(entry: TranscriptEntry, settings: RowSettings): RowView {
    const text = visibleText(entry, settings.mask);
    return Object.freeze({
        key: entry.id,
        speaker: speakerOf(entry, settings),
        speakerClass: `speaker speaker_${entry.role.toLowerCase()}`,
        time: lineTime(entry.timestamp, settings.timestampMode, settings.origin),
        segments: Object.freeze(splitSegments(text, settings.search, settings.keywords)),
        partial: entry.partial,
        rowClass: entry.partial ? 'row interim' : 'row'
    });
}

/** Rows per chunk: small enough that re-rendering the newest chunk is cheap, large enough to keep few chunks. */
export function chunkSizeFor(windowRows: number): number {
    return Math.min(25, Math.max(1, Math.floor(windowRows / 8)));
}

/**
 * Absolute position (counted from the first line of the call, trimmed lines included) where the rendered
 * window starts. Aligned to chunk boundaries so older chunks keep their identity while the window slides;
 * the window therefore holds between `windowRows - chunk + 1` and `windowRows` lines.
 */
export function windowStart(total: number, trimmed: number, windowRows: number, chunk: number): number {
    const wanted = Math.ceil(Math.max(0, total - windowRows) / chunk) * chunk;
    return Math.max(trimmed, wanted);
}

function sameEntries(a: readonly TranscriptEntry[], b: readonly TranscriptEntry[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

/**
 * Splits the window's entries (oldest first, starting at absolute position `start`) into chunks, reusing
 * every previous chunk whose entries are unchanged (pointer comparison) and every cached row.
 * Returns `previous` itself when nothing changed, so the template is not re-diffed.
 */
export function buildChunks(
    entries: readonly TranscriptEntry[],
    start: number,
    chunk: number,
    previous: readonly ChunkView[],
    rowFor: (entry: TranscriptEntry) => RowView
): readonly ChunkView[] {
    const byKey = new Map(previous.map((c) => [c.key, c]));
    const chunks: ChunkView[] = [];
    let changed = false;
    let offset = 0;
    while (offset < entries.length) {
        const absolute = start + offset;
        const index = Math.floor(absolute / chunk);
        const take = Math.min((index + 1) * chunk - absolute, entries.length - offset);
        const slice = entries.slice(offset, offset + take);
        const key = `c${index}`;
        const old = byKey.get(key);
        if (old !== undefined && sameEntries(old.entries, slice)) {
            chunks.push(old);
        } else {
            chunks.push(Object.freeze({ key, entries: slice, rows: Object.freeze(slice.map(rowFor)) }));
            changed = true;
        }
        offset += take;
    }
    if (!changed && chunks.length === previous.length && chunks.every((c, i) => c === previous[i])) {
        return previous;
    }
    return Object.freeze(chunks);
}

/** One line of the copied transcript: `[time] Speaker: text`. */
export function copyLine(entry: TranscriptEntry, settings: RowSettings): string {
    const time = lineTime(entry.timestamp, settings.timestampMode, settings.origin);
    return `[${time}] ${speakerOf(entry, settings)}: ${visibleText(entry, settings.mask)}`;
}
