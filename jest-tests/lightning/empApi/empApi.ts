/**
 * Jest mock of `lightning/empApi` (mapped in jest.config.js). `subscribe` registers the callback so a test
 * can `empApiMock.emit(channel, payload)`; `onError` handlers receive `empApiMock.emitError(error)`.
 * All functions are `jest.fn`s; `empApiMock.reset()` in `afterEach`.
 */
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';

type Listener = (message: EmpMessage) => void;

interface Entry {
    readonly subscription: EmpSubscription;
    readonly listener: Listener;
}

let subscriptions: Entry[] = [];
let errorHandlers: Array<(error: unknown) => void> = [];
let enabled = true;
let nextId = 1;
let replayId = 1;

function doSubscribe(channel: string, replay: number, listener: Listener): Promise<EmpSubscription> {
    const subscription: EmpSubscription = Object.freeze({ id: `sub-${nextId++}`, channel, replayId: replay });
    subscriptions.push({ subscription, listener });
    return Promise.resolve(subscription);
}

function doUnsubscribe(
    subscription: EmpSubscription,
    callback?: (response: unknown) => void
): Promise<unknown> {
    const before = subscriptions.length;
    subscriptions = subscriptions.filter((entry) => entry.subscription.id !== subscription.id);
    const response = { successful: subscriptions.length < before, subscription: subscription.channel };
    callback?.(response);
    return Promise.resolve(response);
}

export const subscribe = jest.fn(doSubscribe);
export const unsubscribe = jest.fn(doUnsubscribe);
export const onError = jest.fn((handler: (error: unknown) => void): void => {
    errorHandlers.push(handler);
});
export const setDebugFlag = jest.fn<Promise<void>, [boolean]>(() => Promise.resolve());
export const isEmpEnabled = jest.fn(() => Promise.resolve(enabled));

export const empApiMock = {
    /** Delivers a message to every subscriber of `channel`; returns how many got it. */
    emit(channel: string, payload: Record<string, unknown>, event: Record<string, unknown> = {}): number {
        const targets = subscriptions.filter((entry) => entry.subscription.channel === channel);
        for (const { listener } of targets) {
            listener({ channel, data: { event: { replayId: replayId++, ...event }, payload } });
        }
        return targets.length;
    },
    /** Calls every `onError` handler. */
    emitError(error: unknown): void {
        for (const handler of errorHandlers) handler(error);
    },
    /** Channels with a live subscription (one entry per subscription). */
    subscribedChannels(): string[] {
        return subscriptions.map((entry) => entry.subscription.channel);
    },
    setEnabled(value: boolean): void {
        enabled = value;
    },
    reset(): void {
        subscriptions = [];
        // The platform keeps onError handlers for the page's life (there is no way to remove one), so a reset
        // between tests keeps them too.
        enabled = true;
        nextId = 1;
        replayId = 1;
        subscribe.mockReset();
        subscribe.mockImplementation(doSubscribe);
        unsubscribe.mockReset();
        unsubscribe.mockImplementation(doUnsubscribe);
        onError.mockClear();
        setDebugFlag.mockClear();
        isEmpEnabled.mockClear();
    }
};
