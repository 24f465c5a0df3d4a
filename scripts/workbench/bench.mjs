// `npm run bench`: the transcript panel under load, in the same Chromium as the e2e suite, on a production
// build. For 100, 1,000 and 5,000 utterances it measures, per event, dispatch on the simulated softphone →
// the new line in the DOM (median, p95), a burst's cost per event, rendered rows, DOM elements and JS heap,
// for c/voiceTranscript and for a naive baseline that re-renders every row with fresh keys. Prints a
// table with the ratios and writes artifacts/bench/transcript.json. A benchmark: it asserts nothing.
//   node scripts/workbench/bench.mjs [--sizes 100,1000,5000] [--samples 100]
/* global window */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, commandLineOrExit } from '../repo.mjs';
import { launchChromium, startServer } from './browser.mjs';
import { readBundles } from './org-metadata.mjs';

const OUT_DIR = join(ROOT, 'artifacts', 'bench');
const PRELOAD_CHUNK = 250;
const TIMEOUT_MS = 30_000;

const { values } = commandLineOrExit(
    'bench',
    'node scripts/workbench/bench.mjs [--sizes 100,1000,5000] [--samples 100]',
    {
        sizes: { type: 'string', default: '100,1000,5000' },
        samples: { type: 'string', default: '100' }
    }
);
const SIZES = values.sizes.split(',').map(Number);
const SAMPLES = Number(values.samples);

function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    if (!sorted.length) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The panel is mounted with its App Builder defaults, as an admin would drop it on the page. */
function panelDefaults() {
    const bundle = readBundles().find((b) => b.name === 'voiceTranscript');
    return Object.fromEntries(
        (bundle?.properties ?? []).filter((p) => p.default !== undefined).map((p) => [p.name, p.default])
    );
}

async function measure(page, cdp, kind, size, props) {
    const samples = Math.max(1, Math.min(SAMPLES, Math.floor(size / 2)));
    const burst = Math.max(1, Math.min(100, Math.floor(size / 4)));
    await page.evaluate(([k, p]) => window.__bench.mount(k, p), [kind, props]);
    await page.evaluate(() => window.__bench.startCall());
    for (let fed = 0, preload = size - samples - burst; fed < preload; fed += PRELOAD_CHUNK) {
        const chunk = Math.min(PRELOAD_CHUNK, preload - fed);
        await page.evaluate(([n, t]) => window.__bench.measureBurst(n, t), [chunk, TIMEOUT_MS]);
    }
    const burstMs = await page.evaluate(([n, t]) => window.__bench.measureBurst(n, t), [burst, TIMEOUT_MS]);
    const latencies = [];
    for (let i = 0; i < samples; i += 1) {
        latencies.push(await page.evaluate((t) => window.__bench.measureOne(t), TIMEOUT_MS));
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await page.evaluate(() => window.__bench.domSize());
    return {
        kind,
        events: size,
        medianMs: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        burstMsPerEvent: burstMs / burst,
        rows: dom.rows,
        elements: dom.elements,
        heapMB: heap.usedSize / 1024 / 1024
    };
}

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const pad = (value, width) => String(value).padStart(width);

function printTable(results, label) {
    console.log('');
    console.log(
        `${pad('events', 7)}  ${'component'.padEnd(17)} ${pad('median ms', 10)} ${pad('p95 ms', 9)} ${pad('burst ms/ev', 12)} ${pad('rows', 6)} ${pad('elements', 9)} ${pad('heap MB', 8)}`
    );
    for (const r of results) {
        console.log(
            `${pad(r.events, 7)}  ${(r.kind === 'panel' ? label : 'naive baseline').padEnd(17)} ${pad(fmt(r.medianMs), 10)} ${pad(fmt(r.p95Ms), 9)} ${pad(fmt(r.burstMsPerEvent, 3), 12)} ${pad(r.rows, 6)} ${pad(r.elements, 9)} ${pad(fmt(r.heapMB, 1), 8)}`
        );
    }
}

function ratios(results) {
    const find = (kind, events) => results.find((r) => r.kind === kind && r.events === events);
    const smallest = Math.min(...SIZES);
    const largest = Math.max(...SIZES);
    const panelSmall = find('panel', smallest);
    const panelLarge = find('panel', largest);
    const baseLarge = find('baseline', largest);
    const lines = [];
    const summary = {};
    if (panelSmall && panelLarge) {
        summary.growth = panelLarge.medianMs / panelSmall.medianMs;
        lines.push(
            `panel median at ${largest} / at ${smallest}: ${fmt(summary.growth)}× (goal <= 1.5×: bounded window)`
        );
        summary.medianAtLargest = panelLarge.medianMs;
        lines.push(`panel median at ${largest}: ${fmt(panelLarge.medianMs)} ms (goal <= 1 ms)`);
    }
    if (panelLarge && baseLarge) {
        summary.speedup = baseLarge.medianMs / panelLarge.medianMs;
        summary.burstSpeedup = baseLarge.burstMsPerEvent / panelLarge.burstMsPerEvent;
        lines.push(`naive baseline / panel median at ${largest}: ${fmt(summary.speedup, 1)}× (goal >= 20×)`);
        lines.push(`naive baseline / panel burst cost at ${largest}: ${fmt(summary.burstSpeedup, 1)}×`);
        lines.push(`rows rendered at ${largest}: panel ${panelLarge.rows}, baseline ${baseLarge.rows}`);
    }
    return { lines, summary };
}

async function main() {
    let server;
    let browser;
    const cleanup = async () => {
        await browser?.close();
        await server?.stop();
    };
    const onSignal = (signal) => void cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        server = await startServer(['--mode', 'production', '--out', join(ROOT, '.workbench', 'bench')]);
        browser = await launchChromium();
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(new URL('bench.html', server.url).href, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 30_000 });
        const cdp = await browser.context.newCDPSession(page);
        const version = browser.context.browser()?.version() ?? 'Chromium';
        const panelAvailable = await page.evaluate(() => window.__bench.panelAvailable);
        const kinds = panelAvailable ? ['panel', 'baseline'] : ['baseline'];
        if (!panelAvailable)
            console.log('c/voiceTranscript is not an exposed component yet: measuring the baseline only.');
        const props = panelDefaults();
        const results = [];
        for (const size of SIZES) {
            for (const kind of kinds) {
                const result = await measure(page, cdp, kind, size, kind === 'panel' ? props : {});
                results.push(result);
                console.log(
                    `measured ${kind} at ${size} events: median ${fmt(result.medianMs)} ms, p95 ${fmt(result.p95Ms)} ms`
                );
            }
        }
        console.log(
            `\nTranscript benchmark · ${version} · production build · per event: softphone dispatch → line in the DOM`
        );
        console.log(
            `(median/p95 over ${SAMPLES} single events at each size; burst = one synchronous burst of events)`
        );
        printTable(results, 'c/voiceTranscript');
        const { lines, summary } = ratios(results);
        if (lines.length) console.log(`\n${lines.join('\n')}`);
        if (errors.length) console.log(`\npage errors during the run:\n${errors.join('\n')}`);
        mkdirSync(OUT_DIR, { recursive: true });
        const file = join(OUT_DIR, 'transcript.json');
        writeFileSync(
            file,
            `${JSON.stringify({ browser: version, props, samples: SAMPLES, results, summary, errors }, null, 2)}\n`
        );
        console.log(`\nwrote ${file.slice(ROOT.length + 1)}`);
    } catch (error) {
        console.error(`bench failed: ${error?.message ?? error}`);
        process.exitCode = 1;
    } finally {
        await cleanup();
    }
}

await main();
