// `npm run bench:shift`: a shift of calls driven with the mouse in the workbench (Debian Chromium, the same
// harness as the e2e suite). Each call rings from a generated scenario; the mouse presses Accept, then End
// call; the player steps to wrap-up end and the next call. After calls 10 and the last it prints, after a
// forced GC: JS heap, DOM nodes (live and detached, as Chromium counts them), JS event listeners, and the
// animation frames requested per second while the page sits idle. A benchmark: it asserts nothing.
//   node scripts/workbench/shift-bench.mjs [--calls 60]
/* global window */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLineOrExit } from '../repo.mjs';
import { launchChromium, startServer } from './browser.mjs';
import { loadToolkitPayloads } from '../lwc-module.mjs';

const { callIdOnly, callStarted } = await loadToolkitPayloads();

const { values } = commandLineOrExit('shift-bench', 'node scripts/workbench/shift-bench.mjs [--calls 60]', {
    calls: { type: 'string', default: '60' }
});
const CALLS = Number(values.calls);
const CHECKPOINTS = new Set([10, CALLS]);
/** Far apart, so the autoplay on start never reaches the second event; the shift steps by hand. */
const GAP_MS = 10_000_000;
const CONTROLS = 'wb-component-slot[data-component="voiceCallControls"] c-voice-call-controls';

/** Per call: it rings, and (after the agent accepted and ended it) its wrap-up ends. No record page. */
function shiftScenario(calls) {
    const events = [];
    for (let i = 0; i < calls; i += 1) {
        const callId = `shift-call-${String(i).padStart(4, '0')}`;
        const caller = `+1415555${String(1000 + i).slice(-4)}`;
        events.push({ at: events.length * GAP_MS, type: 'callstarted', detail: callStarted(callId, caller) });
        events.push({ at: events.length * GAP_MS, type: 'wrapupended', detail: callIdOnly(callId) });
    }
    return { name: `Shift of ${calls} calls`, events };
}

/** Counts requestAnimationFrame calls, installed before any page script. */
function countAnimationFrames() {
    const native = window.requestAnimationFrame.bind(window);
    window.__rafCalls = 0;
    window.requestAnimationFrame = (callback) => {
        window.__rafCalls += 1;
        return native(callback);
    };
}

async function press(page, dataId) {
    const button = page.locator(`${CONTROLS} lightning-button[data-id="${dataId}"] button:not([disabled])`);
    await button.click({ timeout: 10_000 });
}

/** Presses Step and waits for the player's progress line to change. */
async function step(page) {
    const progress = page.locator('[data-wb=progress]');
    const before = await progress.textContent();
    await page.locator('[data-wb=step]').click();
    await page.waitForFunction(
        ([line, previous]) => line.textContent !== previous,
        [await progress.elementHandle(), before]
    );
}

async function sample(page, cdp, call) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    const frames = await page.evaluate(async () => {
        const start = window.__rafCalls;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return window.__rafCalls - start;
    });
    return {
        call,
        heapMB: +(heap.usedSize / 1048576).toFixed(2),
        domNodes: counters.nodes,
        listeners: counters.jsEventListeners,
        animationFramesPerSecondIdle: frames
    };
}

async function main() {
    const dir = mkdtempSync(join(tmpdir(), 'scv-shift-'));
    const file = join(dir, 'shift.json');
    writeFileSync(file, JSON.stringify(shiftScenario(CALLS)));
    let server;
    let browser;
    try {
        server = await startServer(['--scenario', file]);
        browser = await launchChromium();
        const page = await browser.context.newPage();
        // The base button animates only without reduced motion (lightning's hasAnimation); an agent's
        // desktop has motion on.
        await page.emulateMedia({ reducedMotion: 'no-preference' });
        await page.addInitScript(countAnimationFrames);
        await page.goto(server.url, { waitUntil: 'load' });
        const cdp = await browser.context.newCDPSession(page);
        await page
            .locator(`${CONTROLS} lightning-button[data-id="accept"] button`)
            .waitFor({ timeout: 30_000 });
        // Instant: the softphone answers at once, as a fast platform does, so a control is swapped in the same
        // frame it was clicked (before the browser could tell the pointer left it).
        await page.locator('[data-wb=speed][data-speed="instant"]').click();
        await page.locator('[data-wb=scenario-picker]').selectOption('file:shift.json');
        await page.locator('[data-wb=load]').click();
        await page.locator('[data-wb=progress]', { hasText: /^0 \// }).waitFor();
        await step(page); // the first call rings
        const rows = [await sample(page, cdp, 0)];
        for (let call = 1; call <= CALLS; call += 1) {
            if (call > 1) await step(page); // the next call rings
            await press(page, 'accept');
            await page
                .locator(`${CONTROLS} lightning-button[data-id="end"] button:not([disabled])`)
                .waitFor();
            await press(page, 'end');
            await page.locator(`${CONTROLS} .ended`).waitFor();
            await step(page); // its wrap-up ends
            if (CHECKPOINTS.has(call)) rows.push(await sample(page, cdp, call));
        }
        console.table(rows);
        const [first, tenth, last] = rows;
        const per = (key) => ((last[key] - tenth[key]) / Math.max(1, CALLS - 10)).toFixed(2);
        console.log(
            `per call after call 10: heap ${per('heapMB')} MB, DOM nodes ${per('domNodes')}, listeners ${per('listeners')}; ` +
                `idle animation frames/s: ${first.animationFramesPerSecondIdle} at start, ${last.animationFramesPerSecondIdle} after ${CALLS} calls`
        );
    } finally {
        await browser?.close();
        await server?.stop();
        rmSync(dir, { recursive: true, force: true });
    }
}

await main();
