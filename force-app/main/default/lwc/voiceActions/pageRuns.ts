/**
 * Page-wide run bookkeeping for voice actions. Every instance of the panel on a page (the desktop's and a
 * standalone one) shares this module, so a double click or a click in a second panel never starts a second
 * run while one is in flight, and an action's per-call limit holds for the page. Unlike `c/voicePageOnce`
 * a slot is released again when a run fails, so the agent can retry.
 */
const MAX_KEYS = 2000;
const inFlight = new Set<string>();
const counted = new Map<string, number>();

export type StartOutcome = 'started' | 'busy' | 'limitReached';

export function runKey(callId: string | null, action: string): string {
    return `${callId ?? ''}|${action}`;
}

/** Claims a run of `key` unless one is in flight or `maxRuns` (0 = no limit) already ran for the call. */
export function tryStart(key: string, maxRuns: number): StartOutcome {
    if (inFlight.has(key)) return 'busy';
    if (maxRuns > 0 && (counted.get(key) ?? 0) >= maxRuns) return 'limitReached';
    inFlight.add(key);
    return 'started';
}

/** Runs of `key` that count towards its limit, on this whole page. */
export function runsOnPage(key: string): number {
    return counted.get(key) ?? 0;
}

/** Ends the in-flight run of `key`; `counts` false for a failed run, which may be retried. */
export function finishRun(key: string, counts: boolean): void {
    inFlight.delete(key);
    if (!counts) return;
    counted.set(key, (counted.get(key) ?? 0) + 1);
    if (counted.size > MAX_KEYS) {
        const oldest = counted.keys().next().value;
        if (oldest !== undefined) counted.delete(oldest);
    }
}

/** Test and workbench hook. */
export function resetPageRuns(): void {
    inFlight.clear();
    counted.clear();
}
