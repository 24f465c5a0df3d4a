// Scoped `@salesforce/*` imports the platform resolves at compile time. @salesforce/lightning-types 0.8.0
// declares only client/community/site/user, so these are ours. Jest resolves them through
// @lwc/jest-transformer (schema → `{ objectApiName, fieldApiName }`, label → the label path string,
// apex → must be `jest.mock(..., { virtual: true })`ed per test).

declare module '@salesforce/apex/*' {
    import type { WireAdapterConstructor } from 'lwc';

    /** What `@wire` provisions from a cacheable method; `data` is unchecked and must be validated. */
    export interface ApexWireResult {
        data?: unknown;
        error?: unknown;
    }

    /**
     * An `@AuraEnabled` Apex method: called imperatively (named parameters in, the return value out) or, when
     * cacheable, used as a `@wire` adapter.
     */
    const apexMethod: WireAdapterConstructor<Record<string, unknown>, ApexWireResult> &
        ((params?: Record<string, unknown>) => Promise<unknown>);
    export default apexMethod;
}

declare module '@salesforce/apex' {
    /** Re-provisions a value wired from a cacheable Apex method. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
    export function getSObjectValue(sObject: Record<string, unknown>, field: string | object): unknown;
}

declare module '@salesforce/schema/*' {
    /** `Object.Field` imports; an `Object` import has only `objectApiName` at runtime. */
    const fieldId: { readonly objectApiName: string; readonly fieldApiName: string };
    export default fieldId;
}

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/messageChannel/*' {
    import type { MessageChannel } from 'lightning/messageService';
    /** Opaque Lightning Message Channel reference for `lightning/messageService`. */
    const channel: MessageChannel;
    export default channel;
}
