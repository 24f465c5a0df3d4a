/**
 * wb/empApi — `lightning/empApi` over an in-page bus. The developer strip publishes platform events
 * (e.g. a RealtimeAlertEvent) with `publish`; subscribers get the CometD-shaped message the org sends.
 */
import { log } from 'wb/workbenchLog';

export interface EmpMessage {
    channel: string;
    data: { schema: string; payload: unknown; event: { replayId: number; EventUuid: string } };
}
export interface Subscription {
    id: string;
    channel: string;
    replayId: number;
}
type Callback = (message: EmpMessage) => void;

const subscriptions = new Map<string, { channel: string; callback: Callback }>();
const errorListeners = new Set<(error: unknown) => void>();
let seq = 0;
let replayId = 0;

export function subscribe(channel: string, replay: number, callback: Callback): Promise<Subscription> {
    seq += 1;
    const id = `wb-sub-${seq}`;
    subscriptions.set(id, { channel, callback });
    log('emp', 'subscribe', { channel, replayId: replay });
    return Promise.resolve({ id, channel, replayId: replay });
}

export function unsubscribe(
    subscription: Partial<Subscription>,
    callback?: (response: unknown) => void
): Promise<boolean> {
    const removed = typeof subscription?.id === 'string' && subscriptions.delete(subscription.id);
    log('emp', 'unsubscribe', { channel: subscription?.channel });
    callback?.({ successful: removed, subscription: subscription?.channel });
    return Promise.resolve(removed);
}

export function onError(callback: (error: unknown) => void): void {
    errorListeners.add(callback);
}

export function setDebugFlag(_flag: boolean): Promise<void> {
    return Promise.resolve();
}

export function isEmpEnabled(): Promise<boolean> {
    return Promise.resolve(true);
}

/** Workbench only: delivers a platform event to every subscriber of its channel. */
export function publish(channel: string, payload: unknown): number {
    replayId += 1;
    const message: EmpMessage = {
        channel,
        data: {
            schema: 'workbench',
            payload,
            event: { replayId, EventUuid: `wb-${Date.now().toString(36)}-${replayId}` }
        }
    };
    log('emp', `publish ${channel}`, payload);
    let delivered = 0;
    for (const { channel: subscribed, callback } of subscriptions.values()) {
        if (subscribed !== channel) continue;
        delivered += 1;
        callback(structuredClone(message));
    }
    return delivered;
}

/** Workbench only: simulates a streaming error (e.g. a dropped CometD connection). */
export function failStreaming(error: unknown): void {
    errorListeners.forEach((listener) => listener(error));
}
