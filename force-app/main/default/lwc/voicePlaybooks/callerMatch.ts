// Caller matches as the Apex controller returns them (VoiceCallerService.CallerMatch): `unknown` checked
// field by field, so a malformed answer is dropped rather than rendered or navigated to.
export interface CallerMatch {
    readonly objectApiName: string;
    readonly recordId: string;
    readonly recordName: string;
    readonly accountId: string;
    readonly accountName: string;
}

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isRecordId(value: string): boolean {
    return RECORD_ID.test(value);
}

function textOf(record: Record<string, unknown>, key: string): string {
    const value = record[key];
    return typeof value === 'string' ? value : '';
}

/** The valid matches of an Apex answer; anything else in it is ignored. */
export function toMatches(value: unknown): CallerMatch[] {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
        if (typeof item !== 'object' || item === null) return [];
        const record = item as Record<string, unknown>;
        const match = {
            objectApiName: textOf(record, 'objectApiName'),
            recordId: textOf(record, 'recordId'),
            recordName: textOf(record, 'name'),
            accountId: textOf(record, 'accountId'),
            accountName: textOf(record, 'accountName')
        };
        return isRecordId(match.recordId) && match.objectApiName !== '' ? [match] : [];
    });
}

/** `Field=value;Field=value` (values already resolved) → the `defaultFieldValues` state of a new-record page. */
export function encodeDefaults(defaults: string): string {
    return defaults
        .split(';')
        .map((pair) => pair.split('='))
        .filter((parts) => parts.length >= 2 && parts[0].trim() !== '')
        .map(([field, ...rest]) => `${field.trim()}=${encodeURIComponent(rest.join('=').trim())}`)
        .join(',');
}

// Who is calling is found once per call (the run that identifies is claimed page-wide), but every panel
// instance on the page shows it: the module is a page singleton, so instances share the answer here.
const MAX_CALLS = 50;
const callers = new Map<string, CallerMatch>();
const watchers = new Set<(callId: string) => void>();

export function shareCaller(callId: string, match: CallerMatch): void {
    callers.delete(callId);
    callers.set(callId, match);
    if (callers.size > MAX_CALLS) callers.delete(callers.keys().next().value as string);
    watchers.forEach((watcher) => watcher(callId));
}

export function sharedCaller(callId: string | null): CallerMatch | null {
    return callId === null ? null : (callers.get(callId) ?? null);
}

/** Calls `watcher` whenever a caller is shared; returns the function that stops watching. */
export function watchCallers(watcher: (callId: string) => void): () => void {
    watchers.add(watcher);
    return () => watchers.delete(watcher);
}

/** Test and workbench hook: forget every shared caller. */
export function forgetCallers(): void {
    callers.clear();
}
