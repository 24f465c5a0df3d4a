declare module 'lightning/empApi' {
    /** A streaming message (platform event, CDC, PushTopic) as lightning/empApi hands it over. */
    export interface EmpMessage<T = Record<string, unknown>> {
        channel: string;
        data: {
            event?: { replayId?: number; EventUuid?: string; [key: string]: unknown };
            payload: T;
            schema?: string;
        };
    }

    export interface EmpSubscription {
        id?: string;
        channel: string;
        replayId?: number;
    }

    /** `replayId` -1 = new events only, -2 = all retained events. */
    export function subscribe<T = Record<string, unknown>>(
        channel: string,
        replayId: number,
        onMessage: (message: EmpMessage<T>) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: unknown) => void
    ): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function setDebugFlag(flag: boolean): Promise<void>;
    export function isEmpEnabled(): Promise<boolean>;
}
