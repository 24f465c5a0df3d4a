/**
 * Page-wide hand-off of Next Best Action intents from automation (playbooks) to the metered NBA panel:
 * the meter (one request per window, never the same params twice in a row) lives in `voiceNextBestAction`
 * only, so automation never becomes a second, unmetered source of billed requests. LWC modules are
 * singletons per page, so every panel on it shares this listener set.
 */
export interface NbaRequest {
    /** The VoiceCall the recommendations are for. */
    readonly recordId: string;
    readonly intent: string;
    /** Shown as the request's source in the NBA panel, e.g. the playbook title. */
    readonly source: string;
}

/** Returns true when the listener took the request into its meter. */
export type NbaListener = (request: NbaRequest) => boolean;

const listeners = new Set<NbaListener>();

/** Registers an NBA panel; call the returned function when it leaves the page. */
export function listenForNbaRequests(listener: NbaListener): () => void {
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}

/** Offers `request` to every NBA panel on the page; false when none took it (no panel for that call). */
export function requestNextBestAction(request: NbaRequest): boolean {
    let taken = false;
    for (const listener of listeners) taken = listener(request) || taken;
    return taken;
}
