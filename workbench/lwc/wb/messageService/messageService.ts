/**
 * wb/messageService — `lightning/messageService` (Lightning Message Service) as an in-page bus; every
 * publish is logged. Channels come from `@salesforce/messageChannel/*` imports as `{ channel }` tokens.
 */
import { log } from 'wb/workbenchLog';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');
type Channel = { channel?: string } | string;
interface MessageContext {
    readonly id: number;
}
interface Subscription {
    readonly id: number;
}

const subscribers = new Map<number, { channel: string; listener: (message: unknown) => void }>();
let seq = 0;

function nameOf(channel: Channel): string {
    return typeof channel === 'string' ? channel : (channel?.channel ?? 'unknown');
}

export function createMessageContext(): MessageContext {
    seq += 1;
    return { id: seq };
}

export function releaseMessageContext(_context: MessageContext): void {}

class MessageContextAdapter {
    constructor(private readonly dataCallback: (context: MessageContext) => void) {}

    update(): void {}

    connect(): void {
        this.dataCallback(createMessageContext());
    }

    disconnect(): void {}
}

export const MessageContext = MessageContextAdapter;

export function publish(_context: MessageContext, channel: Channel, message?: unknown): void {
    const name = nameOf(channel);
    log('lms', `publish ${name}`, message);
    for (const subscriber of [...subscribers.values()]) {
        if (subscriber.channel === name) subscriber.listener(structuredClone(message));
    }
}

export function subscribe(
    _context: MessageContext,
    channel: Channel,
    listener: (message: unknown) => void,
    _options?: unknown
): Subscription {
    seq += 1;
    subscribers.set(seq, { channel: nameOf(channel), listener });
    return { id: seq };
}

export function unsubscribe(subscription: Subscription | null | undefined): void {
    if (subscription) subscribers.delete(subscription.id);
}
