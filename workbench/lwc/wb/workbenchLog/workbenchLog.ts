/**
 * wb/workbenchLog — the developer strip's event log: toolkit events in, toolkit methods called, records
 * written, Apex calls, toasts, navigation. Bounded; listeners are notified at most once per frame so a
 * scenario replayed instantly does not re-render the strip thousands of times.
 */
export type LogKind =
    'event' | 'method' | 'record' | 'apex' | 'toast' | 'nav' | 'emp' | 'lms' | 'info' | 'error';

export interface LogEntry {
    readonly seq: number;
    readonly time: number;
    readonly kind: LogKind;
    readonly name: string;
    readonly summary: string;
    readonly outcome: string;
}

const MAX_ENTRIES = 2000;
const SUMMARY_CHARS = 240;

let items: LogEntry[] = [];
let seq = 0;
let enabled = true;
let scheduled = false;
const listeners = new Set<() => void>();

/** Compact one-line JSON of a payload; never throws (cyclic or exotic values become a placeholder). */
export function summarize(data: unknown): string {
    if (data === undefined) return '';
    let text: string;
    try {
        text = typeof data === 'string' ? data : (JSON.stringify(data) ?? String(data));
    } catch {
        text = '[unserialisable]';
    }
    return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

function notify(): void {
    if (scheduled) return;
    scheduled = true;
    const flush = (): void => {
        scheduled = false;
        listeners.forEach((listener) => listener());
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
    else setTimeout(flush, 16);
}

export function log(kind: LogKind, name: string, data?: unknown, outcome = ''): void {
    if (!enabled) return;
    seq += 1;
    items.push({ seq, time: Date.now(), kind, name, summary: summarize(data), outcome });
    if (items.length > MAX_ENTRIES * 1.25) items = items.slice(-MAX_ENTRIES);
    notify();
}

export function entries(): readonly LogEntry[] {
    return items.length > MAX_ENTRIES ? items.slice(-MAX_ENTRIES) : items;
}

export function clear(): void {
    items = [];
    notify();
}

/** The benchmark turns logging off so it measures the components, not the strip. */
export function setEnabled(value: boolean): void {
    enabled = value;
}

export function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}
