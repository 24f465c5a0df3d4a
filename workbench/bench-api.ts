// The benchmark page's API on window.__bench: bench.ts implements it, scripts/workbench/bench.mjs calls it.

export type Kind = 'panel' | 'baseline';

export interface BenchApi {
    panelAvailable: boolean;
    mount(kind: Kind, props?: Record<string, unknown>): void;
    startCall(): void;
    feed(count: number): string;
    measureOne(timeoutMs: number): Promise<number>;
    measureBurst(count: number, timeoutMs: number): Promise<number>;
    /** Elements under the mounted component (all shadow trees) and transcript rows among them. */
    domSize(): { elements: number; rows: number };
}
