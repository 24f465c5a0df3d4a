declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';

    /** What `@salesforce/schema/Object.Field` imports give you. */
    export interface FieldId {
        readonly objectApiName: string;
        readonly fieldApiName: string;
    }

    export interface ObjectId {
        readonly objectApiName: string;
    }

    export interface FieldValueRepresentation {
        displayValue: string | null;
        value: unknown;
    }

    export interface RecordRepresentation {
        apiName: string;
        id: string;
        fields: Record<string, FieldValueRepresentation>;
        childRelationships?: Record<string, unknown>;
        lastModifiedDate?: string;
        recordTypeId?: string | null;
        systemModstamp?: string;
        weakEtag?: number;
    }

    export interface GetRecordConfig {
        recordId: string | undefined;
        fields?: ReadonlyArray<FieldId | string>;
        optionalFields?: ReadonlyArray<FieldId | string>;
        layoutTypes?: ReadonlyArray<'Compact' | 'Full'>;
        modes?: ReadonlyArray<'Create' | 'Edit' | 'View'>;
    }

    /** The wired value: `{ data, error }` with exactly one set once loaded. */
    export interface GetRecordResult {
        data?: RecordRepresentation;
        error?: unknown;
    }

    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
        allowSaveOnDuplicate?: boolean;
    }

    export interface ClientOptions {
        ifUnmodifiedSince?: string;
    }

    export const getRecord: WireAdapterConstructor<GetRecordConfig, GetRecordResult>;
    export const getRecords: WireAdapterConstructor<
        { records: ReadonlyArray<{ recordIds: string[]; fields?: ReadonlyArray<FieldId | string> }> },
        { data?: { results: Array<{ statusCode: number; result: RecordRepresentation }> }; error?: unknown }
    >;

    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function updateRecord(
        recordInput: RecordInput,
        clientOptions?: ClientOptions
    ): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
    export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId | string): unknown;
    export function getFieldDisplayValue(
        record: RecordRepresentation | undefined,
        field: FieldId | string
    ): unknown;
    /** Tells LDS that records changed outside it (e.g. imperative Apex), so wires re-fetch. */
    export function notifyRecordUpdateAvailable(
        recordIds: ReadonlyArray<{ recordId: string }>
    ): Promise<void>;
}
