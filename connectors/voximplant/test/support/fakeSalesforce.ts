// A stand-in for the Salesforce softphone host of a Partner Telephony connector: a `window` that
// delivers SETUP_CONNECTOR with an origin and a MessagePort, and the host end of that port, which
// records every message the connector base posts.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { waitUntil } from './sockets';

type Listener = (event: unknown) => void;

export interface HostMessage {
    readonly type: string;
    readonly payload?: {
        telephonyEventType?: string;
        telephonyEventPayload?: unknown;
        [key: string]: unknown;
    };
}

export interface FakeSalesforce {
    readonly messages: HostMessage[];
    setup(origin: string, connectorConfig: Record<string, unknown>): void;
    send(message: Record<string, unknown>): void;
    /** Telephony events (TELEPHONY_EVENT_DISPATCHED) in order. */
    events(): { type: string; payload: unknown }[];
    waitForEvents(count: number, timeoutMs?: number): Promise<void>;
    close(): void;
}

export function installFakeWindow(): { dispatch(event: unknown): void; listenerCount(): number } {
    const listeners = new Set<Listener>();
    const fakeWindow = {
        addEventListener: (type: string, listener: Listener) => type === 'message' && listeners.add(listener),
        removeEventListener: (type: string, listener: Listener) =>
            type === 'message' && listeners.delete(listener)
    };
    Reflect.set(globalThis, 'window', fakeWindow);
    return {
        dispatch: (event) => [...listeners].forEach((listener) => listener(event)),
        listenerCount: () => listeners.size
    };
}

export function fakeSalesforce(win: ReturnType<typeof installFakeWindow>): FakeSalesforce {
    const channel = new MessageChannel();
    const host: MessagePort = channel.port1;
    const messages: HostMessage[] = [];
    host.on('message', (message: HostMessage) => messages.push(message));
    const events = (): { type: string; payload: unknown }[] =>
        messages
            .filter((m) => m.type === 'TELEPHONY_EVENT_DISPATCHED')
            .map((m) => ({
                type: String(m.payload?.telephonyEventType),
                payload: m.payload?.telephonyEventPayload
            }));
    return {
        messages,
        setup(origin, connectorConfig) {
            win.dispatch({
                data: { type: 'SETUP_CONNECTOR', connectorConfig },
                origin,
                ports: [channel.port2]
            });
        },
        send: (message) => host.postMessage(message),
        events,
        waitForEvents: (count, timeoutMs = 3000) =>
            waitUntil(() => events().length >= count, timeoutMs, `${count} telephony events`),
        close: () => {
            host.close();
            channel.port2.close();
        }
    };
}
