/**
 * wb/fixtureStore — the in-memory org behind the LDS, Apex and record-inspector adapters, seeded from a
 * scenario's `records`. Accepted shapes (mix freely):
 *   { "<Id>": { "apiName": "VoiceCall", "fields": { "Name": "…" } } }
 *   { "<Id>": { "attributes": { "type": "VoiceCall" }, "Name": "…" } }        (REST/SOQL JSON)
 *   { "VoiceCall": [ { "Id": "…", "Name": "…" } ] }
 *   { "apex": { "VoiceAlertController.getRecentAlerts": [ … ] } }           (Apex results by Class.method)
 *   { "flows": { "<FlowApiName>": { "screen": [ … ], "status": "FINISHED", "outputs": [ … ] } } }
 *                                                      (what the lightning-flow stand-in shows and returns)
 * An Apex fixture `{ "$error": "message" }` makes that method reject.
 */
export interface StoredRecord {
    readonly id: string;
    readonly apiName: string;
    readonly fields: Readonly<Record<string, unknown>>;
    /** Fields changed by the last write (for the inspector's highlight). */
    readonly written: readonly string[];
}

/** Error shaped like an LDS/UI API error, so `reduceErrors` and friends read it as in the org. */
export class FixtureError extends Error {
    readonly status: number;
    readonly body: { message: string; output: { errors: { errorCode: string; message: string }[] } };

    constructor(message: string, errorCode = 'INVALID_FIELD', status = 400) {
        super(message);
        this.status = status;
        this.body = { message, output: { errors: [{ errorCode, message }] } };
    }
}

const ID_PREFIXES: Record<string, string> = {
    '0LQ': 'VoiceCall',
    '500': 'Case',
    '003': 'Contact',
    '001': 'Account',
    '005': 'User',
    '00G': 'Group'
};
const ID_PATTERN = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
/** Standard VoiceCall fields LDS may update; custom fields are always allowed. */
const VOICECALL_LDS_UPDATABLE = new Set(['Id', 'CallResolution', 'RelatedRecordId', 'Description']);

let records = new Map<string, StoredRecord>();
let apex = new Map<string, unknown>();
let flows = new Map<string, unknown>();
let createdSeq = 0;
const listeners = new Set<(id: string | null) => void>();

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

export function inferApiName(id: string): string | undefined {
    return ID_PREFIXES[id.slice(0, 3)];
}

function notify(id: string | null): void {
    listeners.forEach((listener) => listener(id));
}

/** Listener gets the changed record id, or null when the whole store was reseeded. */
export function subscribe(listener: (id: string | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/** UI-API style `{ value, displayValue }` cells become plain values. */
function plainValue(value: unknown): unknown {
    if (
        isObject(value) &&
        'value' in value &&
        Object.keys(value).every((k) => k === 'value' || k === 'displayValue')
    ) {
        return value.value;
    }
    return value;
}

function put(id: string, apiName: string | undefined, raw: Record<string, unknown>): void {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) {
        if (name !== 'attributes' && name !== 'apiName') fields[name] = plainValue(value);
    }
    fields.Id = id;
    records.set(id, { id, apiName: apiName ?? inferApiName(id) ?? 'Unknown', fields, written: [] });
}

function typeOf(value: Record<string, unknown>): string | undefined {
    const attributes = value.attributes;
    if (typeof value.apiName === 'string') return value.apiName;
    if (isObject(attributes) && typeof attributes.type === 'string') return attributes.type;
    return undefined;
}

function seedEntry(key: string, value: unknown): void {
    if (key === 'apex' && isObject(value)) {
        Object.entries(value).forEach(([name, result]) => apex.set(name, result));
        return;
    }
    if (key === 'flows' && isObject(value)) {
        Object.entries(value).forEach(([name, flow]) => flows.set(name, flow));
        return;
    }
    if (Array.isArray(value)) {
        for (const item of value) {
            const id = isObject(item) ? (item.Id ?? item.id) : undefined;
            if (isObject(item) && typeof id === 'string') put(id, typeOf(item) ?? key, item);
        }
        return;
    }
    if (!isObject(value)) return;
    const id = typeof value.id === 'string' ? value.id : typeof value.Id === 'string' ? value.Id : key;
    if (isObject(value.fields)) put(id, typeOf(value), value.fields);
    else if (ID_PATTERN.test(key) || typeof value.Id === 'string') put(id, typeOf(value), value);
}

/** Replaces the whole store; the page's own record (the VoiceCall) always exists, as it does in the org. */
export function seed(seedRecords: unknown, recordId?: string): void {
    records = new Map();
    apex = new Map();
    flows = new Map();
    if (isObject(seedRecords)) Object.entries(seedRecords).forEach(([key, value]) => seedEntry(key, value));
    if (recordId && !records.has(recordId)) put(recordId, inferApiName(recordId) ?? 'VoiceCall', {});
    notify(null);
}

export function get(id: string): StoredRecord | undefined {
    return records.get(id);
}

export function all(): StoredRecord[] {
    return [...records.values()];
}

export function apexFixture(name: string): { found: boolean; value: unknown } {
    return apex.has(name) ? { found: true, value: apex.get(name) } : { found: false, value: undefined };
}

/** The scenario's description of a flow for the lightning-flow stand-in (`records.flows[name]`). */
export function flowFixture(name: string): unknown {
    return flows.get(name);
}

/** Applies an LDS update as the org would (VoiceCall's standard fields are mostly read-only to LDS). */
export function update(id: unknown, changes: Record<string, unknown>): StoredRecord {
    if (typeof id !== 'string' || id === '') {
        throw new FixtureError('updateRecord needs fields.Id', 'MISSING_ARGUMENT');
    }
    const current = records.get(id);
    if (!current) throw new FixtureError(`The requested resource does not exist: ${id}`, 'NOT_FOUND', 404);
    const names = Object.keys(changes).filter((name) => name !== 'Id');
    if (current.apiName === 'VoiceCall') {
        const refused = names.filter((name) => !name.endsWith('__c') && !VOICECALL_LDS_UPDATABLE.has(name));
        if (refused.length) {
            throw new FixtureError(
                `Unable to update VoiceCall field(s) ${refused.join(', ')} with LDS: only custom fields, CallResolution, RelatedRecordId and Description are updatable`,
                'INVALID_FIELD_FOR_INSERT_UPDATE'
            );
        }
    }
    const next: StoredRecord = {
        ...current,
        fields: { ...current.fields, ...Object.fromEntries(names.map((name) => [name, changes[name]])) },
        written: names
    };
    records.set(id, next);
    notify(id);
    return next;
}

export function create(apiName: string, fields: Record<string, unknown>): StoredRecord {
    createdSeq += 1;
    const prefix = Object.entries(ID_PREFIXES).find(([, name]) => name === apiName)?.[0] ?? 'a0W';
    const id = `${prefix}WB${String(createdSeq).padStart(10, '0')}`;
    put(id, apiName, fields);
    const created = { ...(records.get(id) as StoredRecord), written: Object.keys(fields) };
    records.set(id, created);
    notify(id);
    return created;
}

export function remove(id: string): void {
    if (!records.delete(id))
        throw new FixtureError(`The requested resource does not exist: ${id}`, 'NOT_FOUND', 404);
    notify(id);
}
