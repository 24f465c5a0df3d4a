// What the e2e specs share: where the workbench runs, the selectors of the panels in the Voice Extension
// column, and the developer-strip moves (load a scenario, step, clear the log, set a fault).
// The workbench renders with @lwc/synthetic-shadow, so component internals are ordinary DOM and a plain
// descendant CSS selector reaches them (Playwright's CSS engine would also pierce open shadow roots:
// https://playwright.dev/docs/locators#locate-in-shadow-dom).
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { ROOT } from '../../lwc-bundles.mjs';
import { readBundles, readLabels } from '../org-metadata.mjs';

export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
export const FIXTURE = join(ROOT, 'scripts', 'workbench', 'fixtures', 'e2e-live-call.json');
export const FIXTURE_ID = 'file:e2e-live-call.json';
export const CALLER = '+1 (415) 555-0199';
export const labels = readLabels();
export const bundles = readBundles();

/** The workbench's URL; the config's webServer captures the port the server printed. */
export function workbenchUrl() {
    const port = process.env.WORKBENCH_PORT;
    if (!port) throw new Error('WORKBENCH_PORT is not set: run the suite through playwright.config.mjs');
    return `http://127.0.0.1:${port}/`;
}

/** True when `name` is an exposed bundle; a check whose component is gone must fail, not skip. */
export const present = (...names) =>
    names.every((name) => bundles.some((bundle) => bundle.name === name && bundle.exposed));
export const MISSING_COMPONENT =
    'a component this check drives is not an exposed bundle (renamed or removed?)';

// The standalone panels in the Voice Extension column (voiceAgentDesktop composes its own copies).
const slot = (name, tag) => `wb-component-slot[data-component="${name}"] ${tag}`;
export const CONTROLS = slot('voiceCallControls', 'c-voice-call-controls');
export const TRANSCRIPT = slot('voiceTranscript', 'c-voice-transcript');
export const WRAP_UP = slot('voiceWrapUp', 'c-voice-wrap-up');
export const ACTIONS = slot('voiceActions', 'c-voice-actions');
export const SIGNALS = slot('voiceSignals', 'c-voice-signals');
export const VOICE_COLUMN = '[data-wb=voice-column]';

/** The inner <button> of the lightning-button `dataId` (and `dataType`) under `host`. */
export const baseButton = (page, host, dataId, dataType) =>
    page.locator(
        `${host} lightning-button[data-id="${dataId}"]${dataType ? `[data-type="${dataType}"]` : ''} button`
    );

/** Clicks a lightning-button's <button> once it is enabled. */
export async function press(button) {
    await expect(button).toBeEnabled();
    await button.click();
}

/** Rows of the developer strip's event log of `kind` and `name`, optionally containing `text`. */
export const logEntries = (page, kind, name, text) => {
    const rows = page.locator(`[data-wb=event-log] li[data-kind="${kind}"][data-name="${name}"]`);
    return text === undefined ? rows : rows.filter({ hasText: text });
};

/** Waits until the event log has such a row. */
export const expectLogged = (page, kind, name, text) =>
    expect(logEntries(page, kind, name, text).first()).toBeAttached();

/** A record of the fixture store, as the record inspector shows it. */
export const inspectorRecord = (page, id) =>
    page.locator(`[data-wb=record-inspector] [data-record-id="${id}"]`);

export const progress = (page) => page.locator('[data-wb=progress]');

async function scenarioName(page, id) {
    const response = await page.request.get(`${workbenchUrl()}api/scenarios/${encodeURIComponent(id)}`);
    expect(response.ok(), `scenario ${id} is not served`).toBe(true);
    return (await response.json()).name;
}

/** Picks `id` in the scenario picker, sets the speed, loads (and plays) it, waits for its name. */
export async function loadScenario(page, id, { speed, play }) {
    await page.locator('[data-wb=scenario-picker]').selectOption(id);
    await page.locator(`[data-wb=speed][data-speed="${speed}"]`).click();
    await page.locator(play ? '[data-wb=load-play]' : '[data-wb=load]').click();
    await expect(page.locator('[data-wb=subtitle]')).toContainText(await scenarioName(page, id));
}

/** Loads `id` at instant speed and waits for the replay to finish. */
export async function playToEnd(page, id) {
    await loadScenario(page, id, { speed: 'instant', play: true });
    await expect(progress(page)).toContainText('done');
}

export async function clearLog(page) {
    await page.locator('.wb-log-tools > button').click();
    await expect(page.locator('[data-wb=event-log] li')).toHaveCount(0);
}

/** Presses Step `times` times, each time waiting for the player to move on. */
export async function step(page, times) {
    for (let i = 0; i < times; i += 1) {
        const before = await progress(page).textContent();
        await page.locator('[data-wb=step]').click();
        await expect(progress(page)).not.toHaveText(before ?? '');
    }
}

/** Makes the softphone simulator's `method` answer `mode` (ok, reject, hang). */
export const setFault = (page, method, mode) =>
    page.locator(`select[data-wb=fault][data-method="${method}"]`).selectOption(mode);

/** Narrows the Voice Extension column to the softphone's 400 px. */
export async function softphoneWidth(page) {
    await page.locator(VOICE_COLUMN).evaluate((column) => {
        column.parentElement.style.gridTemplateColumns = '400px minmax(320px, 1fr) 440px';
    });
}

export const screenshot = (target, name) => target.screenshot({ path: join(ARTIFACTS, name) });
