declare module 'lightning/messageService' {
    import type { WireAdapterConstructor } from 'lwc';

    /** Opaque: obtain with `@wire(MessageContext) messageContext?: MessageContext;`. */
    export interface MessageContext {
        readonly __messageContext: unique symbol;
    }

    export interface MessageChannel {
        readonly __messageChannel: unique symbol;
    }

    export interface MessageSubscription {
        readonly __messageSubscription: unique symbol;
    }

    export interface SubscriberOptions {
        scope?: typeof APPLICATION_SCOPE;
    }

    export const APPLICATION_SCOPE: unique symbol;
    export const MessageContext: WireAdapterConstructor<Record<string, never>, MessageContext>;

    export function publish(
        context: MessageContext | undefined,
        channel: MessageChannel,
        message?: unknown
    ): void;
    export function subscribe<T = unknown>(
        context: MessageContext | undefined,
        channel: MessageChannel,
        listener: (message: T) => void,
        options?: SubscriberOptions
    ): MessageSubscription;
    export function unsubscribe(subscription: MessageSubscription): void;
    export function createMessageContext(): MessageContext;
    export function releaseMessageContext(context: MessageContext): void;
}
