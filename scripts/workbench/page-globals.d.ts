// What the pages the benchmarks drive expose on window: the benchmark page's API (workbench/bench.ts) and
// the animation-frame counter shift-bench.mjs installs before any page script.
interface Window {
    __bench: import('../../workbench/bench-api').BenchApi;
    __rafCalls: number;
}
