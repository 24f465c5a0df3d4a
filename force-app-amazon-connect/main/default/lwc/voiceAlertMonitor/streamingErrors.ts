// lightning/empApi's `onError` takes a handler and offers no way to remove it
// (https://developer.salesforce.com/docs/component-library/bundle/lightning-emp-api/documentation): a handler
// per component instance would keep every removed monitor (and its DOM) alive for the page's life. One
// handler per page fans out to the monitors that are connected now; a removed one leaves the set and is freed.
import { onError } from 'lightning/empApi';

type Listener = (error: unknown) => void;

const listeners = new Set<Listener>();
let registered = false;

function dispatch(error: unknown): void {
    for (const listener of [...listeners]) listener(error);
}

/** Starts delivering streaming errors to `listener`; the returned function stops it. */
export function listenForStreamingErrors(listener: Listener): () => void {
    if (!registered) {
        registered = true;
        onError(dispatch);
    }
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}

/** onError reports every streaming failure on the page: true when `error` names a channel other than `channel`. */
export function isForOtherChannel(error: unknown, channel: string): boolean {
    const named =
        typeof error === 'object' && error !== null && 'subscription' in error
            ? error.subscription
            : undefined;
    return typeof named === 'string' && named !== channel;
}
