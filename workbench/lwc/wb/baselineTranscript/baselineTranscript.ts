/**
 * wb/baselineTranscript — the benchmark's naive baseline: keeps every utterance and re-renders the
 * whole list on each event with fresh keys, so the engine rebuilds every row. Never shipped.
 */
import { LightningElement } from 'lwc';

interface Row {
    key: string;
    role: string;
    text: string;
}

function field(value: unknown, key: string): unknown {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export default class BaselineTranscript extends LightningElement {
    rows: Row[] = [];
    private items: { role: string; text: string }[] = [];
    private generation = 0;
    private listening = false;

    override renderedCallback(): void {
        if (this.listening) return;
        const api = this.refs?.api;
        if (!api) return;
        this.listening = true;
        api.addEventListener('transcript', (event: Event) =>
            this.append((event as CustomEvent<unknown>).detail)
        );
    }

    private append(detail: unknown): void {
        const text = field(field(detail, 'content'), 'text');
        const role = field(field(detail, 'sender'), 'role');
        this.items.push({ role: String(role ?? 'Unknown'), text: String(text ?? '') });
        this.generation += 1;
        const generation = this.generation;
        this.rows = this.items.map((item, i) => ({ key: `${generation}-${i}`, ...item }));
    }
}
