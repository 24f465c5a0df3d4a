/**
 * wb/eventLog — the newest workbench log entries (events in, methods called, records written, ...),
 * filterable by kind. Renders a bounded window; the log itself notifies at most once per frame.
 */
import { LightningElement } from 'lwc';
import { clear, entries, subscribe } from 'wb/workbenchLog';
import type { LogEntry, LogKind } from 'wb/workbenchLog';

const VISIBLE_ROWS = 300;
const KINDS: (LogKind | 'all')[] = [
    'all',
    'event',
    'method',
    'record',
    'apex',
    'toast',
    'nav',
    'emp',
    'lms',
    'info',
    'error'
];

interface Row extends LogEntry {
    clock: string;
    badgeClass: string;
}

function clock(time: number): string {
    const date = new Date(time);
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export default class EventLog extends LightningElement {
    rows: Row[] = [];
    kind: LogKind | 'all' = 'all';
    total = 0;
    private unsubscribe: (() => void) | undefined;

    override connectedCallback(): void {
        this.unsubscribe = subscribe(() => this.refresh());
        this.refresh();
    }

    override disconnectedCallback(): void {
        this.unsubscribe?.();
    }

    get kindOptions(): { value: string; selected: boolean }[] {
        return KINDS.map((value) => ({ value, selected: value === this.kind }));
    }

    get summary(): string {
        return `${this.total} entries${this.rows.length < this.total ? `, newest ${this.rows.length} shown` : ''}`;
    }

    private refresh(): void {
        const all = entries();
        const matching = this.kind === 'all' ? all : all.filter((e) => e.kind === this.kind);
        this.total = matching.length;
        this.rows = matching
            .slice(-VISIBLE_ROWS)
            .reverse()
            .map((entry) => ({
                ...entry,
                clock: clock(entry.time),
                badgeClass: `wb-kind wb-kind_${entry.kind}`
            }));
    }

    handleKind(event: Event): void {
        this.kind = (event.target as HTMLSelectElement).value as LogKind | 'all';
        this.refresh();
    }

    handleClear(): void {
        clear();
    }
}
