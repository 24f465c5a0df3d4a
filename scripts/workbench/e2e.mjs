// `npm run test:e2e`: the workbench in Debian Chromium. Starts the server on a free loopback port with
// the e2e fixture scenario, drives the page and asserts behaviour through the DOM (walking shadow roots).
// Prints one `ok` / `not ok` line per named check and a final `N passed, M failed`; exit 1 on any
// failure. Screenshots go to artifacts/e2e/. Every process it starts is stopped, also on failure.
/* global window */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lwc-bundles.mjs';
import { launchChromium, installDeepDom, startServer } from './browser.mjs';
import { readBundles, readLabels } from './org-metadata.mjs';
import { SCENARIOS_DIR } from './serve.mjs';

const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const FIXTURE = join(ROOT, 'scripts', 'workbench', 'fixtures', 'e2e-live-call.json');
const FIXTURE_ID = 'file:e2e-live-call.json';
const CALLER = '+1 (415) 555-0199';
const labels = readLabels();
const bundles = readBundles();
const present = (name) => bundles.some((b) => b.name === name && b.exposed);

// The standalone panels in the Voice Extension column (voiceAgentDesktop composes its own copies).
const slot = (name, tag) => `wb-component-slot[data-component="${name}"] >>> ${tag}`;
const CONTROLS = slot('voiceCallControls', 'c-voice-call-controls');
const TRANSCRIPT = slot('voiceTranscript', 'c-voice-transcript');
const WRAP_UP = slot('voiceWrapUp', 'c-voice-wrap-up');
/** Playwright CSS pierces shadow roots with a plain descendant combinator. */
const css = (selector) => selector.replace(/ >>> /g, ' ');

const checks = [];
// A check whose component is missing fails: a renamed or removed component must not turn into a skip.
const check = (name, run, when = true) => {
    const missing = async () => {
        throw new Error('a component this check drives is not an exposed bundle (renamed or removed?)');
    };
    checks.push({ name, run: when ? run : missing });
};

// ---- in-page probes: installed as window.__e2e (page functions cannot close over Node values) ----

function installProbes() {
    const deep = window.__deep;
    const text = (selector) =>
        deep
            .all(selector)
            .map((el) => deep.text(el))
            .join('\n');
    const count = (selector) => deep.all(selector).length;
    const baseButton = ([host, dataId, dataType]) =>
        deep.all(
            `${host} >>> lightning-button[data-id="${dataId}"]${dataType ? `[data-type="${dataType}"]` : ''} >>> button`
        )[0];
    window.__e2e = {
        text,
        count,
        click(selector) {
            const [element] = deep.all(selector);
            if (!element) return false;
            element.click();
            return true;
        },
        /** `[kind, name, textInEntry?]`: is there such a row in the developer strip's event log? */
        logHas([kind, name, outcome]) {
            return deep
                .all(`[data-wb=event-log] li[data-kind="${kind}"]`)
                .some(
                    (li) =>
                        li.dataset.name === name && (outcome === undefined || deep.text(li).includes(outcome))
                );
        },
        /** `[host, dataId, dataType?]` → label and disabled state of that lightning-button's <button>. */
        buttonState(args) {
            const button = baseButton(args);
            return button ? { label: deep.text(button).trim(), disabled: button.disabled } : null;
        },
        pressButton(args) {
            const button = baseButton(args);
            if (!button || button.disabled) return false;
            button.click();
            return true;
        },
        setFault([method, mode]) {
            const [select] = deep.all(`select[data-wb=fault][data-method="${method}"]`);
            if (!select) return false;
            select.value = mode;
            select.dispatchEvent(new Event('change'));
            return true;
        },
        pickScenario(id) {
            const [select] = deep.all('[data-wb=scenario-picker]');
            if (!select || ![...select.options].some((o) => o.value === id)) return false;
            select.value = id;
            select.dispatchEvent(new Event('change'));
            return true;
        },
        progress() {
            return text('[data-wb=progress]').trim();
        }
    };
}

/** Runs window.__e2e[name](arg) in the page. */
const probe = (page, name, arg) => page.evaluate(([n, a]) => window.__e2e[n](a), [name, arg]);

/** Polls `fn(arg)` in the page until it returns a truthy value; returns that value. */
async function until(page, fn, arg, { timeout = 8000, what = 'condition' } = {}) {
    const started = Date.now();
    while (Date.now() - started < timeout) {
        const value = await page.evaluate(fn, arg);
        if (value) return value;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}

/** Polls window.__e2e[name](arg) until truthy. */
const untilProbe = (page, name, arg, options) =>
    until(page, ([n, a]) => window.__e2e[n](a), [name, arg], options);

function assert(condition, message) {
    if (!condition) throw new Error(message);
}

// ---- the suite ----

const consoleErrors = [];
const dialogs = [];
const foreignRequests = [];

async function loadScenario(page, id, { speed, play }) {
    assert(await probe(page, 'pickScenario', id), `scenario ${id} is not in the picker`);
    await probe(page, 'click', `[data-wb=speed][data-speed="${speed}"]`);
    await probe(page, 'click', play ? '[data-wb=load-play]' : '[data-wb=load]');
    await until(
        page,
        (name) => window.__e2e.text('[data-wb=subtitle]').includes(name),
        await scenarioName(id),
        {
            what: `scenario ${id} to load`
        }
    );
}

async function scenarioName(id) {
    const response = await fetch(new URL(`api/scenarios/${encodeURIComponent(id)}`, baseUrl));
    return (await response.json()).name;
}

async function clearLog(page) {
    await page.evaluate(() => {
        const [filter] = window.__deep.all('[data-wb=log-filter]');
        filter?.parentElement?.querySelector('button')?.click();
    });
    await until(page, () => window.__e2e.count('[data-wb=event-log] li') === 0, undefined, {
        what: 'the log to clear'
    });
}

async function step(page, times) {
    for (let i = 0; i < times; i += 1) {
        const before = await probe(page, 'progress');
        assert(await probe(page, 'click', '[data-wb=step]'), 'no Step button');
        await until(page, (previous) => window.__e2e.progress() !== previous, before, {
            what: 'the player to step'
        });
    }
}

let baseUrl = '';

check('npm start -- --scenario <invalid file> prints one line and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scv-e2e-'));
    try {
        const file = join(dir, 'broken.json');
        writeFileSync(file, JSON.stringify({ name: 'broken', events: [{ at: -1, type: 'mute' }] }));
        const run = spawnSync(
            process.execPath,
            ['scripts/workbench/serve.mjs', '--port', '0', '--scenario', file],
            {
                cwd: ROOT,
                encoding: 'utf8',
                timeout: 30_000
            }
        );
        assert(run.status === 2, `exit code ${run.status}, expected 2 (stderr: ${run.stderr})`);
        const lines = run.stderr.trim().split('\n');
        assert(lines.length === 1 && lines[0].includes('events[0].at'), `stderr was: ${run.stderr}`);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

check('page loads without console errors', async ({ page }) => {
    await page.goto(baseUrl, { waitUntil: 'load' });
    await until(
        page,
        () => window.__e2e.count('wb-app') === 1 && window.__e2e.count('[data-wb=subtitle]') === 1,
        undefined,
        {
            what: 'the shell to render'
        }
    );
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, '01-loaded.png') });
    assert(consoleErrors.length === 0, `console errors:\n${consoleErrors.join('\n')}`);
});

check('scenario list loads (jest-tests/scenarios plus the --scenario file)', async ({ page }) => {
    const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json'));
    const options = await until(
        page,
        () => window.__deep.all('[data-wb=scenario-picker] option').map((o) => o.value),
        undefined,
        { what: 'scenario options' }
    );
    for (const file of files)
        assert(options.includes(file.replace(/\.json$/, '')), `${file} missing from the picker`);
    assert(options.includes(FIXTURE_ID), 'the --scenario file is missing from the picker');
});

check('--scenario autoplays that file', async ({ page }) => {
    const name = await scenarioName(FIXTURE_ID);
    await until(page, (n) => window.__e2e.text('[data-wb=subtitle]').includes(n), name, {
        what: 'autoplayed scenario'
    });
    await until(page, () => /playing|done/.test(window.__e2e.progress()), undefined, {
        what: 'the player to run'
    });
});

check('labels adapter resolves a real label from CustomLabels.labels-meta.xml', async ({ page }) => {
    const expected = labels.Voice_ToolkitUnavailable;
    assert(expected, 'Voice_ToolkitUnavailable is not in the labels file');
    const shown = (await probe(page, 'text', '[data-wb=label-sample]')).trim();
    assert(shown === expected, `label sample shows "${shown}", the labels file says "${expected}"`);
});

check(
    'every exposed component is mounted with its App Builder properties, none crashed',
    async ({ page }) => {
        const problems = [];
        for (const bundle of bundles.filter((b) => b.exposed && b.hasTemplate)) {
            const mounted = await probe(page, 'count', `wb-component-slot[data-component="${bundle.name}"]`);
            if (mounted !== 1) {
                const reason = await probe(page, 'text', `[data-wb=broken][data-component="${bundle.name}"]`);
                problems.push(`${bundle.name} is not on the page${reason ? `: ${reason.trim()}` : ''}`);
                continue;
            }
            const inputs = await probe(
                page,
                'count',
                `[data-wb=design][data-component="${bundle.name}"] .wb-attribute`
            );
            if (inputs !== bundle.properties.length) {
                problems.push(
                    `${bundle.name}: ${inputs} design attribute inputs, .js-meta.xml has ${bundle.properties.length}`
                );
            }
        }
        const crashes = await probe(page, 'text', '[data-wb=crash]');
        if (crashes) problems.push(crashes);
        assert(problems.length === 0, problems.join('\n'));
    }
);

check('a scenario plays and the event log fills', async ({ page }) => {
    await loadScenario(page, 'inbound-ivr-case', { speed: 'instant', play: true });
    await until(page, () => window.__e2e.progress().includes('done'), undefined, {
        what: 'instant replay to finish'
    });
    const events = await probe(page, 'count', '[data-wb=event-log] li[data-kind=event]');
    assert(events >= 21, `the log shows ${events} events, expected the scenario's 21`);
    assert(await probe(page, 'logHas', ['event', 'callstarted']), 'no callstarted in the log');
    assert(await probe(page, 'logHas', ['event', 'wrapupended']), 'no wrapupended in the log');
    await page.screenshot({ path: join(ARTIFACTS, '02-inbound-played.png') });
});

check("the record inspector shows the scenario's records", async ({ page }) => {
    const found = await probe(page, 'count', '[data-record-id="0LQ5g000000AbC1GAK"]');
    assert(found === 1, 'VoiceCall 0LQ5g000000AbC1GAK is not in the record inspector');
    const caseShown = await probe(page, 'text', '[data-record-id="5005g00000XyZ1AAAV"]');
    assert(caseShown.includes('Duplicate charge'), 'the related Case is not shown');
});

check(
    "playbooks: the caller's record opens once on connect, the caller card shows the name and the cases",
    async ({ page }) => {
        // The inbound-ivr-case records hold the playbooks and the caller search answer. Played at x1, not
        // instant: the panels remount on load and read their definitions first, as they would long before a
        // call in an org; a connect that is long over is no reason to pop a record. Another scenario is loaded
        // first so that loadScenario waits for this load, not the previous one.
        const CALLER = '0035g00000Dana1AAA';
        const CASE = '5005g00000XyZ1AAAV';
        await loadScenario(page, FIXTURE_ID, { speed: '1', play: false });
        await loadScenario(page, 'inbound-ivr-case', { speed: '1', play: true });
        await until(page, (id) => window.__e2e.text('[data-wb=console-tabs]').includes(id), CALLER, {
            what: "the caller's record to open in the console"
        });
        await until(
            page,
            () => window.__e2e.text('c-voice-playbooks >>> .banner-text').includes('asked for a refund'),
            undefined,
            {
                timeout: 15000,
                what: 'the keyword playbook banner'
            }
        ).catch(async (error) => {
            const panel = await probe(page, 'text', 'c-voice-playbooks');
            console.log(`PANEL ${panel} PROGRESS ${await probe(page, 'progress')}`);
            throw error;
        });
        const tabs = await page.evaluate(() =>
            window.__deep.all('[data-wb=console-tab]').map((t) => t.textContent)
        );
        const opened = (id) => tabs.filter((t) => t.includes(id)).length;
        assert(
            opened(CALLER) === 1,
            `the caller's record opened ${opened(CALLER)} times: ${tabs.join(' | ')}`
        );
        assert(opened(CASE) === 1, `the IVR-linked case opened ${opened(CASE)} times: ${tabs.join(' | ')}`);
        assert(
            tabs.some((t) => t.includes('subtab') && t.includes(CALLER)),
            'the caller opened outside the call tab'
        );
        const names = await page.evaluate(() =>
            window.__deep.all('c-voice-playbooks >>> .caller-name').map((n) => n.textContent)
        );
        assert(
            names.length >= 2,
            `expected the caller card in the panel and the desktop, found ${names.length}`
        );
        assert(
            names.every((n) => n === 'Dana Whitfield'),
            `caller card shows ${names.join(', ')}`
        );
        const caseLinks = await page.evaluate(() =>
            window.__deep.all('c-voice-playbooks >>> .case-link').map((n) => n.textContent)
        );
        assert(
            caseLinks.includes('00001026'),
            `the caller card lists no IVR-linked case number: ${caseLinks.join(', ')}`
        );
        const lms = await probe(page, 'text', '[data-wb=event-log] li[data-kind=lms]');
        const connects = lms.split('"type":"CallConnected"').length - 1;
        assert(lms.includes('Voice_Call_Event__c'), 'no Voice_Call_Event__c message was published');
        assert(connects === 1, `CallConnected was published ${connects} times on the message channel`);
        await page.screenshot({ path: join(ARTIFACTS, '02b-playbooks.png') });
    }
);

check('every toolkit element on the page is registered with the softphone', async ({ page }) => {
    const elements = await probe(page, 'count', 'lightning-service-cloud-voice-toolkit-api');
    const reported = await page.evaluate(
        () => /toolkit elements: (\d+)/.exec(window.__e2e.text('[data-wb=call-state]'))?.[1]
    );
    assert(elements > 0, 'no toolkit elements on the page');
    assert(Number(reported) === elements, `softphone reports ${reported} elements, the page has ${elements}`);
});

check('step sends exactly one event and pauses', async ({ page }) => {
    await loadScenario(page, FIXTURE_ID, { speed: '1', play: false });
    await clearLog(page);
    await step(page, 1);
    await until(page, () => window.__e2e.progress().startsWith('1 / 5 · paused'), undefined, {
        what: '1 / 5 · paused'
    });
    const events = await probe(page, 'count', '[data-wb=event-log] li[data-kind=event]');
    assert(events === 1, `${events} events delivered after one step`);
    assert(await probe(page, 'logHas', ['event', 'callstarted']), 'the stepped event is not callstarted');
});

check(
    'call controls: Accept calls acceptCall and the softphone connects the call',
    async ({ page }) => {
        const accept = await untilProbe(page, 'buttonState', [CONTROLS, 'accept'], {
            what: 'Accept button'
        });
        assert(accept.label === labels.Voice_Controls_Accept, `Accept shows "${accept.label}"`);
        assert(await probe(page, 'pressButton', [CONTROLS, 'accept']), 'Accept is disabled');
        await untilProbe(page, 'logHas', ['method', 'acceptCall'], { what: 'acceptCall in the log' });
        await untilProbe(page, 'logHas', ['event', 'callconnected', 'softphone'], {
            what: 'callconnected from the softphone'
        });
        await untilProbe(page, 'buttonState', [CONTROLS, 'mute'], {
            what: 'the live controls'
        });
    },
    present('voiceCallControls')
);

const ACTIONS = slot('voiceActions', 'c-voice-actions');

/** Clicks the inner <button> of a lightning-button under `selector`; false when missing or disabled. */
const pressIn = (page, selector) =>
    page.evaluate((sel) => {
        const [button] = window.__deep.all(`${sel} >>> button`);
        if (!button || button.disabled) return false;
        button.click();
        return true;
    }, selector);

check(
    'voice actions: "log a complaint" runs the screen flow inline and the case number shows in the results',
    async ({ page }) => {
        await until(page, (sel) => window.__e2e.count(sel) > 0, `${ACTIONS} >>> lightning-button.run`, {
            what: 'the action buttons'
        });
        assert(
            await pressIn(page, `${ACTIONS} >>> lightning-button[data-name="Log_Complaint"]`),
            'no Log a complaint'
        );
        await until(
            page,
            (sel) => window.__e2e.count(sel) > 0,
            `${ACTIONS} >>> lightning-flow [data-wb=flow]`,
            {
                what: 'the flow stand-in'
            }
        );
        assert(
            await pressIn(page, `${ACTIONS} >>> lightning-flow lightning-button[data-wb=flow-finish]`),
            'no Finish'
        );
        const results = await until(
            page,
            (sel) => {
                const text = window.__e2e.text(sel);
                return text.includes('00001026') ? text : null;
            },
            `${ACTIONS} >>> .results`,
            { what: 'the case number in the results' }
        );
        assert(results.includes(labels.Voice_Actions_SampleCaseNumber), 'the output label is missing');
        assert(
            (await probe(page, 'count', `${ACTIONS} >>> .results a[href*="/lightning/r/"]`)) === 1,
            'no record link'
        );
        assert(
            (await probe(page, 'count', `${ACTIONS} >>> lightning-flow`)) === 0,
            'the finished flow stays open'
        );
    },
    present('voiceActions')
);

check(
    'voice actions: "request a callback" confirms, takes the form, runs on the server and shows the task',
    async ({ page }) => {
        await clearLog(page);
        assert(
            await pressIn(page, `${ACTIONS} >>> lightning-button[data-name="Request_Callback"]`),
            'no Request a callback'
        );
        await until(page, (sel) => window.__e2e.count(sel) > 0, `${ACTIONS} >>> lightning-button.yes`, {
            what: 'the confirmation'
        });
        assert(await pressIn(page, `${ACTIONS} >>> lightning-button.yes`), 'no Yes');
        await until(page, (sel) => window.__e2e.count(sel) > 0, `${ACTIONS} >>> form.action-form`, {
            what: 'the form'
        });
        const filled = await page.evaluate((sel) => {
            const [input] = window.__deep.all(sel);
            if (!input) return false;
            input.dispatchEvent(new CustomEvent('change', { detail: { value: '2030-01-02T15:30:00Z' } }));
            return true;
        }, `${ACTIONS} >>> lightning-input[data-variable="callbackTime"]`);
        assert(filled, 'no callback time field');
        assert(await pressIn(page, `${ACTIONS} >>> lightning-button.submit`), 'no Run');
        await untilProbe(page, 'logHas', ['apex', 'VoiceActionController.runAction'], {
            what: 'the runner call'
        });
        await until(
            page,
            (sel) => window.__e2e.text(sel).includes('00T5g00000E2ETKEA3'),
            `${ACTIONS} >>> .results`,
            { what: 'the task id in the results' }
        );
        await page.screenshot({ path: join(ARTIFACTS, '03b-voice-actions.png') });
    },
    present('voiceActions')
);

check(
    'call controls: Mute calls mute() and the button reflects the mute event',
    async ({ page }) => {
        await clearLog(page);
        assert(await probe(page, 'pressButton', [CONTROLS, 'mute']), 'Mute is disabled');
        await untilProbe(page, 'logHas', ['method', 'mute'], { what: 'mute() in the log' });
        await untilProbe(page, 'logHas', ['event', 'mute'], { what: 'the mute event' });
        const state = await until(
            page,
            (args) => {
                const s = window.__e2e.buttonState(args);
                return s && s.label !== '' && !s.disabled ? s : null;
            },
            [CONTROLS, 'mute'],
            { what: 'Mute to settle' }
        );
        assert(state.label === labels.Voice_Controls_Unmute, `after mute the button says "${state.label}"`);
    },
    present('voiceCallControls')
);

check(
    "call controls: Hold on the caller dispatches hold for the roster's Initial_Caller",
    async ({ page }) => {
        await clearLog(page);
        assert(
            await probe(page, 'pressButton', [CONTROLS, 'hold', 'Initial_Caller']),
            'Hold (Initial_Caller) is missing or disabled'
        );
        await untilProbe(page, 'logHas', ['method', 'hold', 'Initial_Caller'], {
            what: "hold('Initial_Caller')"
        });
        await untilProbe(page, 'logHas', ['event', 'hold', CALLER], { what: `hold event for ${CALLER}` });
        await until(
            page,
            (args) => window.__e2e.buttonState(args)?.label === args[3],
            [CONTROLS, 'hold', 'Initial_Caller', labels.Voice_Controls_Resume],
            { what: 'the Resume button' }
        );
        assert(await probe(page, 'pressButton', [CONTROLS, 'hold', 'Initial_Caller']), 'Resume');
        await untilProbe(page, 'logHas', ['event', 'resume', CALLER], { what: 'resume event' });
    },
    present('voiceCallControls')
);

check(
    'call controls: with the only party on hold the status line reads "On hold" (a live region)',
    async ({ page }) => {
        const stateOf = () => probe(page, 'text', `${CONTROLS} >>> .state`);
        assert((await stateOf()).trim() === labels.Voice_Controls_Connected, 'not Connected before the hold');
        assert(await probe(page, 'pressButton', [CONTROLS, 'hold', 'Initial_Caller']), 'Hold is disabled');
        await until(
            page,
            (args) => window.__e2e.text(args[0]).trim() === args[1],
            [`${CONTROLS} >>> .state`, labels.Voice_Controls_OnHold],
            { what: 'the On hold status' }
        );
        const live = await page.evaluate(
            (selector) => window.__deep.all(selector)[0]?.getAttribute('aria-live'),
            `${CONTROLS} >>> .status`
        );
        assert(live === 'polite', `the status line is not a live region (aria-live=${live})`);
        assert(await probe(page, 'pressButton', [CONTROLS, 'hold', 'Initial_Caller']), 'Resume is disabled');
        await until(
            page,
            (args) => window.__e2e.text(args[0]).trim() === args[1],
            [`${CONTROLS} >>> .state`, labels.Voice_Controls_Connected],
            { what: 'Connected again' }
        );
    },
    present('voiceCallControls')
);

check(
    'call controls: a rejected unmute shows its error, re-enables, and the retry recovers',
    async ({ page }) => {
        assert(await probe(page, 'setFault', ['unmute', 'reject']), 'no fault switch for unmute');
        assert(await probe(page, 'pressButton', [CONTROLS, 'mute']), 'Unmute is disabled');
        await until(page, (selector) => window.__e2e.count(selector) > 0, `${CONTROLS} >>> c-error-panel`, {
            what: 'the error panel'
        });
        const state = await until(
            page,
            (args) => {
                const s = window.__e2e.buttonState(args);
                return s && !s.disabled ? s : null;
            },
            [CONTROLS, 'mute'],
            { what: 'the button to re-enable' }
        );
        assert(
            state.label === labels.Voice_Controls_Unmute,
            `after the failure the button says "${state.label}"`
        );
        await page.screenshot({ path: join(ARTIFACTS, '03-fault-error.png') });
        await probe(page, 'setFault', ['unmute', 'ok']);
        assert(await probe(page, 'pressButton', [CONTROLS, 'mute']), 'retry: Unmute is disabled');
        await untilProbe(page, 'logHas', ['event', 'unmute'], { what: 'the unmute event on retry' });
        await until(page, (selector) => window.__e2e.count(selector) === 0, `${CONTROLS} >>> c-error-panel`, {
            what: 'the error to clear after the retry'
        });
    },
    present('voiceCallControls')
);

check(
    'call controls: a hung mute disables the button (no double fire), times out with an error, then recovers',
    async ({ page }) => {
        // The panel's toolkit bridge is an @api property away; a short timeout keeps the suite fast.
        const poked = await page.evaluate(() => {
            const [bridge] = window.__deep.all(
                'wb-component-slot[data-component="voiceCallControls"] >>> c-voice-call-controls >>> c-voice-toolkit'
            );
            if (!bridge) return false;
            bridge.actionTimeoutMs = 1500;
            return true;
        });
        assert(poked, 'c-voice-call-controls has no c-voice-toolkit');
        await clearLog(page);
        await probe(page, 'setFault', ['mute', 'hang']);
        assert(await probe(page, 'pressButton', [CONTROLS, 'mute']), 'Mute is disabled');
        await untilProbe(page, 'logHas', ['method', 'mute', 'fault: hang'], { what: 'the hung mute()' });
        const busy = await probe(page, 'buttonState', [CONTROLS, 'mute']);
        assert(busy?.disabled === true, 'the button is not disabled while mute() is in flight');
        assert(!(await probe(page, 'pressButton', [CONTROLS, 'mute'])), 'a second press went through');
        await untilProbe(page, 'count', `${CONTROLS} >>> c-error-panel`, {
            what: 'the timeout error',
            timeout: 5000
        });
        const calls = await page.evaluate(
            () => window.__deep.all('[data-wb=event-log] li[data-kind=method][data-name=mute]').length
        );
        assert(calls === 1, `mute() was called ${calls} times`);
        await probe(page, 'setFault', ['mute', 'ok']);
        await until(page, (args) => window.__e2e.buttonState(args)?.disabled === false, [CONTROLS, 'mute'], {
            what: 'Mute to re-enable'
        });
        assert(await probe(page, 'pressButton', [CONTROLS, 'mute']), 'retry: Mute is disabled');
        await untilProbe(page, 'logHas', ['event', 'mute'], { what: 'the mute event on retry' });
    },
    present('voiceCallControls')
);

check(
    'transcript: markup in utterances renders as literal text, no element created, no dialog',
    async ({ page }) => {
        await step(page, 4);
        const shown = await until(
            page,
            (selector) => {
                const t = window.__e2e.text(selector);
                return t.includes('onerror=alert(1)') ? t : null;
            },
            TRANSCRIPT,
            { what: 'the markup utterance' }
        );
        assert(shown.includes('<img src=x onerror=alert(1)>'), 'img markup is not shown literally');
        assert(shown.includes('<script>alert(2)</script>'), 'script markup is not shown literally');
        const injected = await page.evaluate(
            (selector) => window.__deep.all(`${selector} >>> img, script, b`).length,
            TRANSCRIPT
        );
        assert(injected === 0, `${injected} element(s) created from utterance text`);
        assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
        await page.locator(css(TRANSCRIPT)).screenshot({ path: join(ARTIFACTS, '04-transcript-markup.png') });
    },
    present('voiceTranscript')
);

check(
    'transcript: search highlights matches',
    async ({ page }) => {
        // Playwright's CSS locators pierce shadow roots; fill() types like a user would.
        await page.locator(css(`${TRANSCRIPT} lightning-input.search input`)).fill('refund');
        const marks = await until(
            page,
            (selector) => {
                const found = window.__deep
                    .all(`${selector} >>> .segment.match`)
                    .map((el) => window.__deep.text(el));
                return found.length ? found : null;
            },
            TRANSCRIPT,
            { what: 'highlighted matches' }
        );
        assert(marks.length === 2, `${marks.length} highlighted matches, expected 2 ("refund" twice)`);
        assert(
            marks.every((m) => m.toLowerCase() === 'refund'),
            `highlighted: ${marks.join(', ')}`
        );
        await page.locator(css(TRANSCRIPT)).screenshot({ path: join(ARTIFACTS, '05-transcript-search.png') });
    },
    present('voiceTranscript')
);

check(
    'design attributes: editing "Keywords to highlight" in the strip sets the panel\'s @api keywords',
    async ({ page }) => {
        const input = '[data-wb=design][data-component="voiceTranscript"] input[data-name="keywords"]';
        const changed = await page.evaluate((selector) => {
            const [field] = window.__deep.all(selector);
            if (!field) return false;
            field.value = 'charged';
            field.dispatchEvent(new Event('change'));
            return true;
        }, input);
        assert(changed, 'no keywords input for voiceTranscript in the developer strip');
        const keywords = await until(
            page,
            (selector) => {
                const found = window.__deep
                    .all(`${selector} >>> .segment.keyword`)
                    .map((el) => window.__deep.text(el));
                return found.length ? found : null;
            },
            TRANSCRIPT,
            { what: 'keyword highlights' }
        );
        assert(
            keywords.every((k) => k === 'charged'),
            `keyword highlights: ${keywords.join(', ')}`
        );
        const prop = await page.evaluate((selector) => window.__deep.all(selector)[0]?.keywords, TRANSCRIPT);
        assert(prop === 'charged', `the panel's keywords property is ${JSON.stringify(prop)}`);
    },
    present('voiceTranscript')
);

const NOTES = 'Refunded the duplicate charge; customer satisfied.';

check(
    'wrap-up: End call opens the form; a failed save shows its error and the retry saves once',
    async ({ page }) => {
        assert(await probe(page, 'pressButton', [CONTROLS, 'end']), 'End call is missing or disabled');
        await untilProbe(page, 'logHas', ['event', 'callended'], { what: 'callended' });
        const wrapUp = WRAP_UP;
        await untilProbe(page, 'count', `${wrapUp} >>> lightning-combobox.disposition`, {
            what: 'the wrap-up form'
        });
        // Pick the outcome and type notes through the real base components, as an agent would.
        await page
            .locator(css(`${wrapUp} lightning-combobox.disposition button`))
            .first()
            .click();
        await page.locator(css(`${wrapUp} lightning-base-combobox-item[data-value="Resolved"]`)).click();
        await page.locator(css(`${wrapUp} lightning-textarea.notes textarea`)).fill(NOTES);
        await probe(page, 'setFault', ['updateRecord', 'reject']);
        assert(await probe(page, 'pressButton', [wrapUp, 'save']), 'Save is missing or disabled');
        await untilProbe(page, 'count', `${wrapUp} >>> c-error-panel.save-error`, { what: 'the save error' });
        await untilProbe(page, 'logHas', ['record', 'updateRecord 0LQ5g00000E2ECALLA', 'Simulated fault'], {
            what: 'the failed write in the log'
        });
        await page.locator(css(wrapUp)).screenshot({ path: join(ARTIFACTS, '06-wrap-up-error.png') });
        await probe(page, 'setFault', ['updateRecord', 'ok']);
        await until(page, (args) => window.__e2e.buttonState(args)?.disabled === false, [wrapUp, 'save'], {
            what: 'Save to re-enable'
        });
        assert(await probe(page, 'pressButton', [wrapUp, 'save']), 'retry: Save is disabled');
        await until(
            page,
            ([selector, saved]) => window.__e2e.text(selector).includes(saved),
            [wrapUp, labels.Voice_WrapUp_Saved],
            {
                what: 'the saved state'
            }
        );
        const record = await probe(page, 'text', '[data-record-id="0LQ5g00000E2ECALLA"]');
        assert(
            record.includes('Call_Disposition__cResolved'),
            'Call_Disposition__c is not Resolved in the store'
        );
        assert(record.includes(`Agent_Call_Notes__c${NOTES}`), 'the notes are not in the store');
        const writes = await page.evaluate(
            () =>
                window.__deep
                    .all('[data-wb=event-log] li[data-kind=record]')
                    .filter(
                        (li) =>
                            li.dataset.name.startsWith('updateRecord') &&
                            window.__deep.text(li).includes('saved')
                    ).length
        );
        assert(writes === 1, `${writes} successful updateRecord calls, expected exactly one`);
        await page.screenshot({ path: join(ARTIFACTS, '07-wrap-up-saved.png') });
    },
    present('voiceWrapUp') && present('voiceCallControls')
);

check(
    "transcript: the hostile scenario's markup stays text",
    async ({ page }) => {
        await loadScenario(page, 'hostile', { speed: 'instant', play: true });
        await until(page, () => window.__e2e.progress().includes('done'), undefined, {
            what: 'hostile replay to finish'
        });
        await page.waitForTimeout(300);
        const shown = await probe(page, 'text', TRANSCRIPT);
        assert(shown.includes('<script>alert(1)</script>'), 'the script utterance is not shown literally');
        assert(shown.includes('<img src=x onerror=alert(1)>'), 'the img utterance is not shown literally');
        const injected = await page.evaluate(
            (selector) => window.__deep.all(`${selector} >>> img, script`).length,
            TRANSCRIPT
        );
        assert(injected === 0, `${injected} element(s) created from utterance text`);
        assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
        // Show the top of the transcript (the hostile stream ends with a very long line).
        await page.evaluate((selector) => {
            const [scroller] = window.__deep.all(`${selector} >>> .scroller`);
            if (scroller) scroller.scrollTop = 0;
        }, TRANSCRIPT);
        await page.locator(css(TRANSCRIPT)).screenshot({ path: join(ARTIFACTS, '08-hostile.png') });
    },
    present('voiceTranscript')
);

const SIGNALS = slot('voiceSignals', 'c-voice-signals');
const VOICE_COLUMN = '[data-wb=voice-column]';

/** Narrows the Voice Extension column to the softphone's 400 px for the checks below. */
async function softphoneWidth(page) {
    await page.evaluate((selector) => {
        const [column] = window.__deep.all(selector);
        column.parentElement.style.gridTemplateColumns = '400px minmax(320px, 1fr) 440px';
    }, VOICE_COLUMN);
}

check(
    'joined mid-call on a bare callconnected: caller controls, no phantom party, quality, roles and signal words',
    async ({ page }) => {
        await loadScenario(page, 'joined-mid-call', { speed: 'instant', play: true });
        await until(page, () => window.__e2e.progress().includes('done'), undefined, {
            what: 'joined-mid-call to finish'
        });
        await softphoneWidth(page);
        const hold = await untilProbe(page, 'buttonState', [CONTROLS, 'hold', 'Initial_Caller'], {
            what: "the caller's Hold"
        });
        assert(
            hold.label === labels.Voice_Controls_Hold && !hold.disabled,
            `caller Hold: ${JSON.stringify(hold)}`
        );
        const parties = await probe(page, 'count', `${CONTROLS} >>> li.participant`);
        assert(
            parties === 1,
            `${parties} participant rows for a two-party call (national vs international number)`
        );
        const merge = await probe(page, 'count', `${CONTROLS} >>> lightning-button[data-id="merge"]`);
        assert(merge === 0, 'Merge is offered on a two-party call');
        const quality = await page.evaluate(
            (selector) => window.__deep.all(selector)[0]?.dataset.quality,
            `${CONTROLS} >>> .quality-badge`
        );
        assert(quality === 'fair', `line quality from the nested audio stats: ${quality}`);
        const speakers = await probe(page, 'text', `${TRANSCRIPT} >>> .speaker`);
        for (const role of [labels.Voice_Transcript_System, labels.Voice_Transcript_Bot]) {
            assert(speakers.includes(role), `no "${role}" speaker in the transcript`);
        }
        const chip = await probe(page, 'text', `${SIGNALS} >>> .chip-value`);
        assert(chip.includes('Billing question'), `category shown as "${chip}", not in words`);
        assert(
            !/\(-?\d+\)/.test(await probe(page, 'text', `${SIGNALS} >>> .sentiment-value`)),
            'raw score shown'
        );
    },
    present('voiceCallControls') && present('voiceTranscript') && present('voiceSignals')
);

check(
    'softphone column at 400 px: keypad and transfer open on demand, the controls stay compact',
    async ({ page }) => {
        const keypads = await probe(page, 'count', `${CONTROLS} >>> c-voice-dtmf-keypad`);
        assert(keypads === 0, 'the keypad is open before the agent asked for it');
        const height = await page.evaluate(
            (selector) => window.__deep.all(selector)[0].getBoundingClientRect().height,
            CONTROLS
        );
        assert(height < 420, `the call controls are ${Math.round(height)} px tall in the softphone column`);
        await page.locator(css(VOICE_COLUMN)).screenshot({ path: join(ARTIFACTS, '10-softphone-400px.png') });
        assert(await probe(page, 'pressButton', [CONTROLS, 'toggle-keypad']), 'no Keypad toggle');
        await untilProbe(page, 'count', `${CONTROLS} >>> c-voice-dtmf-keypad`, {
            what: 'the keypad to open'
        });
        assert(await probe(page, 'pressButton', [CONTROLS, 'toggle-keypad']), 'Keypad toggle disabled');
    },
    present('voiceCallControls')
);

check(
    'missed callended: the next call takes over every panel, with its early events',
    async ({ page }) => {
        await loadScenario(page, 'missed-callended', { speed: 'instant', play: true });
        await until(page, () => window.__e2e.progress().includes('done'), undefined, {
            what: 'missed-callended to finish'
        });
        await until(page, (selector) => window.__e2e.text(selector).includes('+1 212 555 0103'), CONTROLS, {
            what: 'the last call in the controls'
        });
        const transcript = await probe(page, 'text', TRANSCRIPT);
        assert(transcript.includes('Early line of call C.'), "call C's early line is missing");
        assert(!transcript.includes('Call A'), "call A's line is still shown");
        const muted = await probe(page, 'count', `${CONTROLS} >>> .muted-badge`);
        assert(muted === 1, "call C's early mute is not shown");
    },
    present('voiceCallControls') && present('voiceTranscript')
);

check(
    'outbound call rings as "Calling …" with Cancel, never Accept',
    async ({ page }) => {
        await loadScenario(page, 'outbound-preview', { speed: '1', play: false });
        await step(page, 1);
        const calling = labels.Voice_Controls_Calling.replace('{0}', '');
        await until(
            page,
            (args) => window.__e2e.text(args[0]).includes(args[1]),
            [`${CONTROLS} >>> .state`, calling],
            {
                what: 'the Calling status'
            }
        );
        const accept = await probe(page, 'count', `${CONTROLS} >>> lightning-button[data-id="accept"]`);
        assert(accept === 0, "Accept is offered on the agent's own outbound call");
        const cancel = await probe(page, 'buttonState', [CONTROLS, 'end']);
        assert(cancel?.label === labels.Voice_Controls_Cancel, `the end button says "${cancel?.label}"`);
    },
    present('voiceCallControls')
);

check(
    'long values wrap or truncate inside the 400 px column: speaker names, URLs, categories, queue names',
    async ({ page }) => {
        await loadScenario(page, 'long-values', { speed: 'instant', play: true });
        await until(page, () => window.__e2e.progress().includes('done'), undefined, {
            what: 'long-values to finish'
        });
        await softphoneWidth(page);
        await page.waitForTimeout(300);
        const report = await page.evaluate((selector) => {
            const [column] = window.__deep.all(selector);
            const edge = column.getBoundingClientRect().right;
            const cards = window.__deep.all(`${selector} >>> lightning-card`);
            const overflowing = cards
                .filter((card) => card.getBoundingClientRect().width > 0)
                .flatMap((card) =>
                    window.__deep
                        .all('*', card)
                        .filter(
                            (el) =>
                                el.getBoundingClientRect().right > edge + 1 && el.getClientRects().length > 0
                        )
                        .map((el) => `${el.localName}.${[...el.classList].join('.')}`)
                );
            const texts = window.__deep
                .all(`${selector} >>> c-voice-transcript >>> .row .text`)
                .map((el) => Math.round(el.getBoundingClientRect().width));
            return { overflowing: [...new Set(overflowing)].slice(0, 8), texts };
        }, VOICE_COLUMN);
        assert(
            report.overflowing.length === 0,
            `elements past the column edge: ${report.overflowing.join(', ')}`
        );
        assert(
            report.texts.length >= 2 && report.texts.every((w) => w >= 150),
            `transcript text columns are ${report.texts.join(', ')} px wide (a long speaker squeezes them)`
        );
        await page
            .locator(css(VOICE_COLUMN))
            .screenshot({ path: join(ARTIFACTS, '11-long-values-400px.png') });
    },
    present('voiceCallControls') && present('voiceTranscript')
);

check(
    'Voximplant Kit: a simulator inbound call reaches the controls through relay and connector, rings, connects and ends',
    async ({ page }) => {
        // A page without a VoiceCall record: there the panels follow any call (a record page follows only
        // its own VendorCallKey), as the Kit call is not the fixture's.
        await loadScenario(page, 'missed-callended', { speed: '1', play: false });
        await until(
            page,
            () => window.__e2e.text('[data-wb=voximplant-status]').includes('Connected to the local relay'),
            undefined,
            { what: 'the stand-in host to connect to the local relay', timeout: 15_000 }
        );
        assert(
            await probe(page, 'click', '[data-wb=voximplant-play]'),
            'no "Play in the Kit simulator" button'
        );
        // kitScenarios.ts inbound-answered: incoming_call, call_connected, call_disconnected, 1.5 s apart.
        const seen = [];
        for (const state of ['incoming', 'connected', 'ended']) {
            await until(
                page,
                (args) => window.__e2e.count(`${args[0]} >>> .state[data-state="${args[1]}"]`) === 1,
                [CONTROLS, state],
                { what: `the controls to show ${state}`, timeout: 10_000 }
            );
            seen.push(state);
        }
        assert(seen.length === 3, `states seen: ${seen.join(', ')}`);
        // The Kit scenario's call id and caller number, carried through relay and connector unchanged.
        for (const name of ['callstarted', 'callconnected', 'callended'])
            assert(
                await probe(page, 'logHas', ['event', name, '"in-1"']),
                `the event log has no ${name} for the Kit call in-1`
            );
        assert(
            await probe(page, 'logHas', ['event', 'callstarted', '+15550100']),
            "the Kit caller's number did not reach callstarted"
        );
        await page.locator(css(CONTROLS)).screenshot({ path: join(ARTIFACTS, '12-voximplant-kit-call.png') });
    },
    present('voiceCallControls')
);

check('no console errors, page errors or requests beyond loopback during the run', async ({ page }) => {
    await page.screenshot({ path: join(ARTIFACTS, '99-final.png') });
    assert(consoleErrors.length === 0, `console errors:\n${consoleErrors.join('\n')}`);
    assert(
        foreignRequests.length === 0,
        `requests beyond the workbench server:\n${foreignRequests.join('\n')}`
    );
});

async function main() {
    mkdirSync(ARTIFACTS, { recursive: true });
    let server;
    let browser;
    const cleanup = async () => {
        await browser?.close();
        await server?.stop();
    };
    let interrupted = false;
    const onSignal = (signal) => {
        interrupted = true;
        console.log(`# ${signal}: stopping the browser and the workbench`);
        void cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    let passed = 0;
    let failed = 0;
    try {
        server = await startServer(['--scenario', FIXTURE, '--voximplant']);
        baseUrl = server.url;
        browser = await launchChromium();
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await page.addInitScript(installDeepDom);
        await page.addInitScript(installProbes);
        page.on('console', (message) => {
            if (message.type() === 'error') consoleErrors.push(message.text());
        });
        page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
        page.on('request', (request) => {
            const url = request.url();
            if (!url.startsWith(baseUrl) && !url.startsWith('data:')) foreignRequests.push(url);
        });
        page.on('dialog', (dialog) => {
            dialogs.push(`${dialog.type()}: ${dialog.message()}`);
            void dialog.dismiss();
        });
        for (const [index, { name, run }] of checks.entries()) {
            if (interrupted) break;
            const started = Date.now();
            try {
                await run({ page });
                passed += 1;
                console.log(`ok ${index + 1} - ${name} (${Date.now() - started} ms)`);
            } catch (error) {
                failed += 1;
                console.log(`not ok ${index + 1} - ${name}`);
                console.log(
                    `  # ${String(error?.message ?? error)
                        .split('\n')
                        .join('\n  # ')}`
                );
                const shot = join(ARTIFACTS, `failed-${String(index + 1).padStart(2, '0')}.png`);
                await page.screenshot({ path: shot }).catch(() => {});
            }
        }
    } catch (error) {
        failed += 1;
        console.log(`not ok - workbench e2e setup`);
        console.log(
            `  # ${String(error?.message ?? error)
                .split('\n')
                .join('\n  # ')}`
        );
    } finally {
        await cleanup();
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
}

await main();
