// One wrap-up per call on the page: when any wrap-up panel saves a call's form, every other panel showing the
// same call (the desktop's own and a standalone one on the page) shows it saved instead of an empty form.
// LWC modules are singletons per page, so the module-level set of listeners is shared by every instance.
type Listener = (callId: string) => void;

const listeners = new Set<Listener>();

/** Tells every other listening panel that `callId`'s wrap-up was saved. */
export function announceSaved(callId: string, from: Listener): void {
    for (const listener of [...listeners]) if (listener !== from) listener(callId);
}

/** Starts listening; the returned function stops it (call it on disconnect, so a removed panel is freed). */
export function listenForSaved(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}
