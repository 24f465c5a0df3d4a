/**
 * wb/recordInspector — the fixture store as the org would hold it: every record seeded from the scenario
 * or written by a component, with the fields of the last write highlighted.
 */
import { LightningElement } from 'lwc';
import { all, subscribe } from 'wb/fixtureStore';

interface FieldRow {
    key: string;
    name: string;
    value: string;
    className: string;
}

interface RecordCard {
    id: string;
    title: string;
    fields: FieldRow[];
}

function display(value: unknown): string {
    if (value === null || value === undefined) return '—';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

export default class RecordInspector extends LightningElement {
    records: RecordCard[] = [];
    private unsubscribe: (() => void) | undefined;

    override connectedCallback(): void {
        this.unsubscribe = subscribe(() => this.refresh());
        this.refresh();
    }

    override disconnectedCallback(): void {
        this.unsubscribe?.();
    }

    get hasRecords(): boolean {
        return this.records.length > 0;
    }

    private refresh(): void {
        this.records = all().map((record) => ({
            id: record.id,
            title: `${record.apiName} ${record.id}`,
            fields: Object.entries(record.fields).map(([name, value]) => ({
                key: `${record.id}.${name}`,
                name,
                value: display(value),
                className: record.written.includes(name) ? 'wb-field wb-field_written' : 'wb-field'
            }))
        }));
    }
}
