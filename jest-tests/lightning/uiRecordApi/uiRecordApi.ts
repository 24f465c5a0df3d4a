/**
 * Jest mock of `lightning/uiRecordApi` (mapped in jest.config.js).
 * - `getRecord`/`getRecords`: LDS test wire adapters — `getRecord.emit(record)`, `getRecord.error()`,
 *   `getRecord.getLastConfig()`.
 * - `updateRecord`/`createRecord`/`deleteRecord`/`notifyRecordUpdateAvailable`: `jest.fn`s that resolve
 *   (update/create echo a RecordRepresentation built from the input) — `mockRejectedValueOnce` for failures.
 * - `getFieldValue`/`getFieldDisplayValue`: real implementations over a RecordRepresentation.
 * Import by relative path to reach `.emit` etc. with types (see jest-tests/README.md).
 */
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { FieldId, RecordInput, RecordRepresentation } from 'lightning/uiRecordApi';

export const getRecord = createLdsTestWireAdapter(jest.fn());
export const getRecords = createLdsTestWireAdapter(jest.fn());

function echo(input: RecordInput): RecordRepresentation {
    const fields: RecordRepresentation['fields'] = {};
    for (const [name, value] of Object.entries(input.fields)) {
        if (name !== 'Id') fields[name] = { value, displayValue: null };
    }
    const id = typeof input.fields.Id === 'string' ? input.fields.Id : '000000000000000AAA';
    return { apiName: input.apiName ?? '', id, fields };
}

export const updateRecord = jest.fn((input: RecordInput) => Promise.resolve(echo(input)));
export const createRecord = jest.fn((input: RecordInput) => Promise.resolve(echo(input)));
export const deleteRecord = jest.fn<Promise<void>, [string]>(() => Promise.resolve());
export const notifyRecordUpdateAvailable = jest.fn<Promise<void>, [ReadonlyArray<{ recordId: string }>]>(() =>
    Promise.resolve()
);

function fieldPath(field: FieldId | string): string[] {
    const qualified = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
    const dot = qualified.indexOf('.');
    if (dot < 1) throw new TypeError(`Value does not include an object API name: ${qualified}`);
    return qualified.slice(dot + 1).split('.');
}

/** Follows `Object.A.B` through nested records; `undefined` when a hop is missing. */
function lookup(
    record: RecordRepresentation | undefined,
    field: FieldId | string
): { value: unknown; displayValue: string | null } | undefined {
    let current: unknown = record;
    let found: { value: unknown; displayValue: string | null } | undefined;
    for (const name of fieldPath(field)) {
        const fields = (current as RecordRepresentation | undefined)?.fields;
        found = fields?.[name];
        if (found === undefined) return undefined;
        current = found.value;
    }
    return found;
}

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId | string): unknown {
    return lookup(record, field)?.value;
}

export function getFieldDisplayValue(
    record: RecordRepresentation | undefined,
    field: FieldId | string
): unknown {
    return lookup(record, field)?.displayValue;
}

/** Restores the default resolving implementations (call in `afterEach` if a test replaced one). */
export function resetUiRecordApiMock(): void {
    updateRecord.mockReset();
    updateRecord.mockImplementation((input: RecordInput) => Promise.resolve(echo(input)));
    createRecord.mockReset();
    createRecord.mockImplementation((input: RecordInput) => Promise.resolve(echo(input)));
    deleteRecord.mockReset();
    deleteRecord.mockImplementation(() => Promise.resolve());
    notifyRecordUpdateAvailable.mockReset();
    notifyRecordUpdateAvailable.mockImplementation(() => Promise.resolve());
}
