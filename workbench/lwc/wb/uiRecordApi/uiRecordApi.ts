/**
 * wb/uiRecordApi — `lightning/uiRecordApi` (and `lightning/uiObjectInfoApi`) over the fixture store.
 * Wire adapters answer asynchronously in the UI API's shapes and re-emit when a record they serve is
 * written; object info and picklists come from force-app's object metadata, generated at build time.
 */
import objects from '@workbench/objects';
import type { ObjectMetadata } from '@workbench/objects';
import { FixtureError, create, get, remove, subscribe, update } from 'wb/fixtureStore';
import type { StoredRecord } from 'wb/fixtureStore';
import { underFault } from 'wb/faults';
import { log } from 'wb/workbenchLog';

export interface FieldId {
    objectApiName: string;
    fieldApiName: string;
}
type FieldRef = string | FieldId;
type Config = Record<string, unknown>;
type DataCallback = (value: { data: unknown; error: unknown }) => void;

interface FieldCell {
    value: unknown;
    displayValue: string | null;
}

export interface RecordRepresentation {
    apiName: string;
    id: string;
    fields: Record<string, FieldCell>;
    childRelationships: Record<string, never>;
    recordTypeId: string;
    recordTypeInfo: null;
    lastModifiedById: null;
    lastModifiedDate: string;
    systemModstamp: string;
    eTag: string;
    weakEtag: number;
}

const MASTER_RECORD_TYPE = '012000000000000AAA';
const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** `'VoiceCall.A.B'` or `{ objectApiName, fieldApiName: 'A.B' }` → `['VoiceCall', ['A', 'B']]`. */
function splitField(field: unknown): [string, string[]] | undefined {
    if (typeof field === 'string') {
        const [objectApiName, ...path] = field.split('.');
        return objectApiName && path.length ? [objectApiName, path] : undefined;
    }
    if (
        isObject(field) &&
        typeof field.objectApiName === 'string' &&
        typeof field.fieldApiName === 'string'
    ) {
        return [field.objectApiName, field.fieldApiName.split('.')];
    }
    return undefined;
}

function fieldKnown(apiName: string, field: string, record: StoredRecord): boolean {
    const object = objects[apiName];
    return !object || field in object.fields || field in record.fields;
}

/** A relationship segment (`RelatedRecord`, `Account__r`) → the id field that points at the related record. */
function relationshipIdField(segment: string): string {
    return segment.endsWith('__r') ? `${segment.slice(0, -3)}__c` : `${segment}Id`;
}

function cell(value: unknown): FieldCell {
    return { value: value ?? null, displayValue: null };
}

function shell(record: StoredRecord): RecordRepresentation {
    const stamp = new Date().toISOString();
    return {
        apiName: record.apiName,
        id: record.id,
        fields: {},
        childRelationships: {},
        recordTypeId: MASTER_RECORD_TYPE,
        recordTypeInfo: null,
        lastModifiedById: null,
        lastModifiedDate: stamp,
        systemModstamp: stamp,
        eTag: stamp,
        weakEtag: Date.now()
    };
}

/** Adds one field path to a representation, following relationships through the store. */
function addPath(target: RecordRepresentation, record: StoredRecord, path: string[]): void {
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (!rest.length) {
        target.fields[head] = cell(record.fields[head]);
        return;
    }
    const relatedId = record.fields[relationshipIdField(head)];
    const related = typeof relatedId === 'string' ? get(relatedId) : undefined;
    if (!related) {
        target.fields[head] = cell(null);
        return;
    }
    const existing = target.fields[head]?.value;
    const nested = isObject(existing) ? (existing as unknown as RecordRepresentation) : shell(related);
    addPath(nested, related, rest);
    target.fields[head] = { value: nested, displayValue: null };
}

function allFields(record: StoredRecord): RecordRepresentation {
    const representation = shell(record);
    for (const [name, value] of Object.entries(record.fields)) representation.fields[name] = cell(value);
    return representation;
}

function recordFor(config: Config): RecordRepresentation {
    const recordId = config.recordId;
    const record = typeof recordId === 'string' ? get(recordId) : undefined;
    if (!record) {
        throw new FixtureError(
            `The requested resource does not exist: ${String(recordId)}`,
            'NOT_FOUND',
            404
        );
    }
    if (config.layoutTypes !== undefined) return allFields(record);
    const representation = shell(record);
    const wanted: [unknown, boolean][] = [
        ...(Array.isArray(config.fields) ? config.fields : config.fields ? [config.fields] : []).map(
            (f): [unknown, boolean] => [f, true]
        ),
        ...(Array.isArray(config.optionalFields) ? config.optionalFields : []).map(
            (f): [unknown, boolean] => [f, false]
        )
    ];
    for (const [field, required] of wanted) {
        const split = splitField(field);
        if (!split || split[0] !== record.apiName) {
            if (required)
                throw new FixtureError(`Invalid field ${JSON.stringify(field)} for ${record.apiName}`);
            continue;
        }
        const [, path] = split;
        const first = path.length > 1 ? relationshipIdField(path[0] ?? '') : (path[0] ?? '');
        if (!fieldKnown(record.apiName, first, record)) {
            if (required) {
                throw new FixtureError(
                    `No such column '${path.join('.')}' on entity '${record.apiName}'`,
                    'INVALID_FIELD'
                );
            }
            continue;
        }
        addPath(representation, record, path);
    }
    return representation;
}

/** Base for LDS-style wire adapters: async answers, re-emit on store changes, quiet after disconnect. */
class StoreAdapter {
    private config: Config | undefined;
    private connected = false;
    private unsubscribe: (() => void) | undefined;

    constructor(private readonly dataCallback: DataCallback) {}

    /** What the adapter serves for `config`; throws a FixtureError to answer with an error. */
    protected answer(_config: Config): unknown {
        return undefined;
    }

    protected ready(config: Config): boolean {
        return Object.values(config).every((value) => value !== undefined);
    }

    update(config: Config): void {
        this.config = config;
        this.emit();
    }

    connect(): void {
        this.connected = true;
        this.unsubscribe = subscribe((id) => {
            // Any write may touch a related record a served field walks through: re-answer.
            if (this.config && id !== undefined) this.emit();
        });
        this.emit();
    }

    disconnect(): void {
        this.connected = false;
        this.unsubscribe?.();
    }

    private emit(): void {
        const config = this.config;
        if (!config || !this.ready(config)) return;
        queueMicrotask(() => {
            if (!this.connected || config !== this.config) return;
            try {
                this.dataCallback({ data: this.answer(config), error: undefined });
            } catch (error) {
                this.dataCallback({ data: undefined, error });
            }
        });
    }
}

class GetRecordAdapter extends StoreAdapter {
    protected override ready(config: Config): boolean {
        return typeof config.recordId === 'string';
    }

    protected override answer(config: Config): RecordRepresentation {
        return recordFor(config);
    }
}

function objectApiNameOf(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (isObject(value) && typeof value.objectApiName === 'string') return value.objectApiName;
    return undefined;
}

const DATA_TYPES: Record<string, string> = {
    Text: 'String',
    LongTextArea: 'TextArea',
    TextArea: 'TextArea',
    Checkbox: 'Boolean',
    Number: 'Double',
    Picklist: 'Picklist',
    DateTime: 'DateTime',
    Date: 'Date',
    Lookup: 'Reference'
};

function objectInfo(apiName: string): Record<string, unknown> {
    const object: ObjectMetadata | undefined = objects[apiName];
    if (!object) throw new FixtureError(`Object ${apiName} is not in force-app metadata`, 'NOT_FOUND', 404);
    const fields: Record<string, unknown> = {};
    for (const field of Object.values(object.fields)) {
        fields[field.apiName] = {
            apiName: field.apiName,
            label: field.label,
            dataType: DATA_TYPES[field.dataType] ?? field.dataType,
            custom: field.custom,
            length: field.length ?? null,
            updateable: field.apiName !== 'Id',
            createable: field.apiName !== 'Id',
            required: false
        };
    }
    return {
        apiName,
        label: object.label,
        labelPlural: object.label,
        fields,
        defaultRecordTypeId: MASTER_RECORD_TYPE,
        recordTypeInfos: {
            [MASTER_RECORD_TYPE]: {
                available: true,
                defaultRecordTypeMapping: true,
                master: true,
                name: 'Master'
            }
        },
        updateable: true,
        createable: true
    };
}

function picklist(apiName: string, fieldName: string): Record<string, unknown> {
    const field = objects[apiName]?.fields[fieldName];
    if (!field?.picklistValues)
        throw new FixtureError(`${apiName}.${fieldName} is not a picklist`, 'NOT_FOUND', 404);
    const values = field.picklistValues.map((v) => ({
        label: v.label,
        value: v.value,
        attributes: null,
        validFor: []
    }));
    const fallback = field.picklistValues.find((v) => v.default);
    return {
        controllerValues: {},
        defaultValue: fallback ? { label: fallback.label, value: fallback.value } : null,
        url: '',
        values
    };
}

class GetObjectInfoAdapter extends StoreAdapter {
    protected override answer(config: Config): unknown {
        return objectInfo(objectApiNameOf(config.objectApiName) ?? '');
    }
}

class GetObjectInfosAdapter extends StoreAdapter {
    protected override answer(config: Config): unknown {
        const names = Array.isArray(config.objectApiNames) ? config.objectApiNames : [];
        return {
            results: names.map((name) => ({
                statusCode: 200,
                result: objectInfo(objectApiNameOf(name) ?? '')
            }))
        };
    }
}

class GetPicklistValuesAdapter extends StoreAdapter {
    protected override answer(config: Config): unknown {
        const split = splitField(config.fieldApiName);
        if (!split) throw new FixtureError('getPicklistValues needs fieldApiName');
        return picklist(split[0], split[1].join('.'));
    }
}

class GetPicklistValuesByRecordTypeAdapter extends StoreAdapter {
    protected override answer(config: Config): unknown {
        const apiName = objectApiNameOf(config.objectApiName) ?? '';
        const picklistFieldValues: Record<string, unknown> = {};
        for (const field of Object.values(objects[apiName]?.fields ?? {})) {
            if (field.picklistValues) picklistFieldValues[field.apiName] = picklist(apiName, field.apiName);
        }
        return { picklistFieldValues };
    }
}

export const getRecord = GetRecordAdapter;
export const getObjectInfo = GetObjectInfoAdapter;
export const getObjectInfos = GetObjectInfosAdapter;
export const getPicklistValues = GetPicklistValuesAdapter;
export const getPicklistValuesByRecordType = GetPicklistValuesByRecordTypeAdapter;

function walk(record: unknown, field: FieldRef, key: 'value' | 'displayValue'): unknown {
    const split = splitField(field);
    if (!split || !isObject(record)) return undefined;
    let current: unknown = record;
    const path = split[1];
    for (let i = 0; i < path.length; i += 1) {
        const fields = isObject(current) ? current.fields : undefined;
        const found = isObject(fields) ? fields[path[i] ?? ''] : undefined;
        if (!isObject(found)) return undefined;
        if (i === path.length - 1) return found[key];
        current = found.value;
    }
    return undefined;
}

export function getFieldValue(record: unknown, field: FieldRef): unknown {
    return walk(record, field, 'value');
}

export function getFieldDisplayValue(record: unknown, field: FieldRef): unknown {
    return walk(record, field, 'displayValue');
}

function recorded<T>(name: string, target: string, data: unknown, action: () => T): Promise<T> {
    return underFault(
        name,
        async () => {
            try {
                const result = action();
                log('record', `${name} ${target}`, data, 'saved');
                return result;
            } catch (error) {
                log(
                    'record',
                    `${name} ${target}`,
                    data,
                    `error: ${error instanceof Error ? error.message : String(error)}`
                );
                throw error;
            }
        },
        (message) => {
            log('record', `${name} ${target}`, data, message);
            return new FixtureError(message, 'SIMULATED_FAULT', 500);
        }
    );
}

export function updateRecord(recordInput: {
    fields?: Record<string, unknown>;
}): Promise<RecordRepresentation> {
    const fields = recordInput?.fields ?? {};
    return recorded('updateRecord', String(fields.Id), fields, () => allFields(update(fields.Id, fields)));
}

export function createRecord(recordInput: {
    apiName?: string;
    fields?: Record<string, unknown>;
}): Promise<RecordRepresentation> {
    const apiName = recordInput?.apiName ?? 'Unknown';
    const fields = recordInput?.fields ?? {};
    return recorded('createRecord', apiName, fields, () => allFields(create(apiName, fields)));
}

export function deleteRecord(recordId: string): Promise<void> {
    return recorded('deleteRecord', recordId, undefined, () => remove(recordId));
}

/** The store already notifies adapters on every write; this only records the call. */
export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
    log('record', 'notifyRecordUpdateAvailable', items);
    return Promise.resolve();
}

export function getRecordNotifyChange(items: { recordId: string }[]): void {
    void notifyRecordUpdateAvailable(items);
}

export function generateRecordInputForUpdate(record: RecordRepresentation): {
    fields: Record<string, unknown>;
} {
    const fields: Record<string, unknown> = { Id: record.id };
    for (const [name, value] of Object.entries(record.fields)) {
        if (!isObject(value.value)) fields[name] = value.value;
    }
    return { fields };
}
