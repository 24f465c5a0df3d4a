// The workbench in Chromium, as one story on one page: the --scenario fixture autoplays, then each check
// loads what it needs and leaves the page to the next (serial: a failed step skips the rest).
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { VIEWPORT } from '../browser.mjs';
import { SCENARIOS_DIR } from '../serve.mjs';
import {
    ACTIONS,
    CALLER,
    CONTROLS,
    FIXTURE_ID,
    MISSING_COMPONENT,
    SIGNALS,
    TRANSCRIPT,
    VOICE_COLUMN,
    WRAP_UP,
    baseButton,
    bundles,
    clearLog,
    expectLogged,
    inspectorRecord,
    labels,
    loadScenario,
    logEntries,
    playToEnd,
    present,
    press,
    progress,
    screenshot,
    setFault,
    softphoneWidth,
    step,
    workbenchUrl
} from './workbench-page.mjs';

test.describe.configure({ mode: 'serial' });

/** @type {import('@playwright/test').Page} */
let page;
const consoleErrors = [];
const dialogs = [];
const foreignRequests = [];

test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    page = await context.newPage();
    const origin = workbenchUrl();
    page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith('data:')) foreignRequests.push(url);
    });
    page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
    });
});

test.afterAll(async () => {
    await page?.context().close();
});

/** A check that drives `components`: when one of them is no longer an exposed bundle it fails. */
function check(name, components, body) {
    test(name, async () => {
        expect(present(...components), MISSING_COMPONENT).toBe(true);
        await body();
    });
}

const joinedText = async (selector) => (await page.locator(selector).allTextContents()).join('\n');

check('page loads without console errors', [], async () => {
    await page.goto(workbenchUrl(), { waitUntil: 'load' });
    await expect(page.locator('wb-app')).toHaveCount(1);
    await expect(page.locator('[data-wb=subtitle]')).toHaveCount(1);
    await page.waitForTimeout(500);
    await screenshot(page, '01-loaded.png');
    expect(consoleErrors, 'console errors').toEqual([]);
});

check('scenario list loads (jest-tests/scenarios plus the --scenario file)', [], async () => {
    const ids = readdirSync(SCENARIOS_DIR)
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.replace(/\.json$/, ''));
    for (const id of [...ids, FIXTURE_ID]) {
        await expect(
            page.locator(`[data-wb=scenario-picker] option[value="${id}"]`).first(),
            `${id} missing from the picker`
        ).toBeAttached();
    }
});

check('--scenario autoplays that file', [], async () => {
    const response = await page.request.get(
        `${workbenchUrl()}api/scenarios/${encodeURIComponent(FIXTURE_ID)}`
    );
    await expect(page.locator('[data-wb=subtitle]')).toContainText((await response.json()).name);
    await expect(progress(page)).toHaveText(/playing|done/);
});

check('labels adapter resolves a real label from CustomLabels.labels-meta.xml', [], async () => {
    const expected = labels.Voice_ToolkitUnavailable;
    expect(expected, 'Voice_ToolkitUnavailable is not in the labels file').toBeTruthy();
    await expect(page.locator('[data-wb=label-sample]')).toHaveText(expected);
});

check('every exposed component is mounted with its App Builder properties, none crashed', [], async () => {
    const problems = [];
    for (const bundle of bundles.filter((b) => b.exposed && b.hasTemplate)) {
        const mounted = await page.locator(`wb-component-slot[data-component="${bundle.name}"]`).count();
        if (mounted !== 1) {
            const reason = await joinedText(`[data-wb=broken][data-component="${bundle.name}"]`);
            problems.push(`${bundle.name} is not on the page${reason ? `: ${reason.trim()}` : ''}`);
            continue;
        }
        const inputs = await page
            .locator(`[data-wb=design][data-component="${bundle.name}"] .wb-attribute`)
            .count();
        if (inputs !== bundle.properties.length) {
            problems.push(
                `${bundle.name}: ${inputs} design attribute inputs, .js-meta.xml has ${bundle.properties.length}`
            );
        }
    }
    const crashes = await joinedText('[data-wb=crash]');
    if (crashes) problems.push(crashes);
    expect(problems).toEqual([]);
});

check('a scenario plays and the event log fills', [], async () => {
    await playToEnd(page, 'inbound-ivr-case');
    const events = await page.locator('[data-wb=event-log] li[data-kind=event]').count();
    expect(events, "the scenario's 21 events in the log").toBeGreaterThanOrEqual(21);
    await expectLogged(page, 'event', 'callstarted');
    await expectLogged(page, 'event', 'wrapupended');
    await screenshot(page, '02-inbound-played.png');
});

check("the record inspector shows the scenario's records", [], async () => {
    await expect(inspectorRecord(page, '0LQ5g000000AbC1GAK')).toHaveCount(1);
    await expect(inspectorRecord(page, '5005g00000XyZ1AAAV'), 'the related Case').toContainText(
        'Duplicate charge'
    );
});

check(
    "playbooks: the caller's record opens once on connect, the caller card shows the name and the cases",
    [],
    async () => {
        // The inbound-ivr-case records hold the playbooks and the caller search answer. Played at x1, not
        // instant: the panels remount on load and read their definitions first, as they would long before a
        // call in an org; a connect that is long over is no reason to pop a record. Another scenario is loaded
        // first so that loadScenario waits for this load, not the previous one.
        const CALLER_ID = '0035g00000Dana1AAA';
        const CASE = '5005g00000XyZ1AAAV';
        await loadScenario(page, FIXTURE_ID, { speed: '1', play: false });
        await loadScenario(page, 'inbound-ivr-case', { speed: '1', play: true });
        await expect(page.locator('[data-wb=console-tabs]')).toContainText(CALLER_ID);
        await expect(
            page.locator('c-voice-playbooks .banner-text').filter({ hasText: 'asked for a refund' }).first()
        ).toBeAttached({ timeout: 15_000 });
        const tabs = await page.locator('[data-wb=console-tab]').allTextContents();
        const opened = (id) => tabs.filter((tab) => tab.includes(id)).length;
        expect(opened(CALLER_ID), `the caller's record tabs: ${tabs.join(' | ')}`).toBe(1);
        expect(opened(CASE), `the IVR-linked case tabs: ${tabs.join(' | ')}`).toBe(1);
        expect(
            tabs.some((tab) => tab.includes('subtab') && tab.includes(CALLER_ID)),
            'the caller opened outside the call tab'
        ).toBe(true);
        const names = await page.locator('c-voice-playbooks .caller-name').allTextContents();
        expect(names.length, 'the caller card in the panel and the desktop').toBeGreaterThanOrEqual(2);
        expect(new Set(names)).toEqual(new Set(['Dana Whitfield']));
        const caseLinks = await page.locator('c-voice-playbooks .case-link').allTextContents();
        expect(caseLinks, 'the caller card lists the IVR-linked case number').toContain('00001026');
        const lms = await joinedText('[data-wb=event-log] li[data-kind=lms]');
        expect(lms, 'a Voice_Call_Event__c message was published').toContain('Voice_Call_Event__c');
        const connects = lms.split('"type":"CallConnected"').length - 1;
        expect(connects, 'CallConnected messages on the message channel').toBe(1);
        await screenshot(page, '02b-playbooks.png');
    }
);

check('every toolkit element on the page is registered with the softphone', [], async () => {
    const elements = await page.locator('lightning-service-cloud-voice-toolkit-api').count();
    const state = await page.locator('[data-wb=call-state]').textContent();
    const reported = /toolkit elements: (\d+)/.exec(state ?? '')?.[1];
    expect(elements, 'toolkit elements on the page').toBeGreaterThan(0);
    expect(Number(reported), `the softphone reports ${reported}`).toBe(elements);
});

check('step sends exactly one event and pauses', [], async () => {
    await loadScenario(page, FIXTURE_ID, { speed: '1', play: false });
    await clearLog(page);
    await step(page, 1);
    await expect(progress(page)).toHaveText(/^1 \/ 5 · paused/);
    await expect(page.locator('[data-wb=event-log] li[data-kind=event]')).toHaveCount(1);
    await expectLogged(page, 'event', 'callstarted');
});

check(
    'call controls: Accept calls acceptCall and the softphone connects the call',
    ['voiceCallControls'],
    async () => {
        const accept = baseButton(page, CONTROLS, 'accept');
        await expect(accept).toHaveText(labels.Voice_Controls_Accept);
        await press(accept);
        await expectLogged(page, 'method', 'acceptCall');
        await expectLogged(page, 'event', 'callconnected', 'softphone');
        await expect(baseButton(page, CONTROLS, 'mute')).toBeAttached();
    }
);

check(
    'voice actions: "log a complaint" runs the screen flow inline and the case number shows in the results',
    ['voiceActions'],
    async () => {
        await expect(page.locator(`${ACTIONS} lightning-button.run`).first()).toBeAttached();
        await press(page.locator(`${ACTIONS} lightning-button[data-name="Log_Complaint"] button`));
        await expect(page.locator(`${ACTIONS} lightning-flow [data-wb=flow]`).first()).toBeAttached();
        await press(page.locator(`${ACTIONS} lightning-flow lightning-button[data-wb=flow-finish] button`));
        const results = page.locator(`${ACTIONS} .results`);
        await expect(results).toContainText('00001026');
        await expect(results).toContainText(labels.Voice_Actions_SampleCaseNumber);
        await expect(page.locator(`${ACTIONS} .results a[href*="/lightning/r/"]`)).toHaveCount(1);
        await expect(page.locator(`${ACTIONS} lightning-flow`), 'the finished flow stays open').toHaveCount(
            0
        );
    }
);

check(
    'voice actions: "request a callback" confirms, takes the form, runs on the server and shows the task',
    ['voiceActions'],
    async () => {
        await clearLog(page);
        await press(page.locator(`${ACTIONS} lightning-button[data-name="Request_Callback"] button`));
        await press(page.locator(`${ACTIONS} lightning-button.yes button`));
        await expect(page.locator(`${ACTIONS} form.action-form`)).toBeAttached();
        // lightning-input reports its value in a `change` event's detail.
        await page
            .locator(`${ACTIONS} lightning-input[data-variable="callbackTime"]`)
            .evaluate((input) =>
                input.dispatchEvent(new CustomEvent('change', { detail: { value: '2030-01-02T15:30:00Z' } }))
            );
        await press(page.locator(`${ACTIONS} lightning-button.submit button`));
        await expectLogged(page, 'apex', 'VoiceActionController.runAction');
        await expect(page.locator(`${ACTIONS} .results`)).toContainText('00T5g00000E2ETKEA3');
        await screenshot(page, '03b-voice-actions.png');
    }
);

check(
    'call controls: Mute calls mute() and the button reflects the mute event',
    ['voiceCallControls'],
    async () => {
        await clearLog(page);
        const mute = baseButton(page, CONTROLS, 'mute');
        await press(mute);
        await expectLogged(page, 'method', 'mute');
        await expectLogged(page, 'event', 'mute');
        await expect(mute).toBeEnabled();
        await expect(mute).toHaveText(labels.Voice_Controls_Unmute);
    }
);

check(
    "call controls: Hold on the caller dispatches hold for the roster's Initial_Caller",
    ['voiceCallControls'],
    async () => {
        await clearLog(page);
        const hold = baseButton(page, CONTROLS, 'hold', 'Initial_Caller');
        await press(hold);
        await expectLogged(page, 'method', 'hold', 'Initial_Caller');
        await expectLogged(page, 'event', 'hold', CALLER);
        await expect(hold).toHaveText(labels.Voice_Controls_Resume);
        await press(hold);
        await expectLogged(page, 'event', 'resume', CALLER);
    }
);

check(
    'call controls: with the only party on hold the status line reads "On hold" (a live region)',
    ['voiceCallControls'],
    async () => {
        const state = page.locator(`${CONTROLS} .state`);
        const hold = baseButton(page, CONTROLS, 'hold', 'Initial_Caller');
        await expect(state, 'Connected before the hold').toHaveText(labels.Voice_Controls_Connected);
        await press(hold);
        await expect(state).toHaveText(labels.Voice_Controls_OnHold);
        await expect(page.locator(`${CONTROLS} .status`).first()).toHaveAttribute('aria-live', 'polite');
        await press(hold);
        await expect(state).toHaveText(labels.Voice_Controls_Connected);
    }
);

check(
    'call controls: a rejected unmute shows its error, re-enables, and the retry recovers',
    ['voiceCallControls'],
    async () => {
        const mute = baseButton(page, CONTROLS, 'mute');
        const error = page.locator(`${CONTROLS} c-error-panel`);
        await setFault(page, 'unmute', 'reject');
        await press(mute);
        await expect(error.first()).toBeAttached();
        await expect(mute).toBeEnabled();
        await expect(mute, 'the label after the failure').toHaveText(labels.Voice_Controls_Unmute);
        await screenshot(page, '03-fault-error.png');
        await setFault(page, 'unmute', 'ok');
        await press(mute);
        await expectLogged(page, 'event', 'unmute');
        await expect(error, 'the error clears after the retry').toHaveCount(0);
    }
);

check(
    'call controls: a hung mute disables the button (no double fire), times out with an error, then recovers',
    ['voiceCallControls'],
    async () => {
        // The panel's toolkit bridge is an @api property away; a short timeout keeps the suite fast.
        await page
            .locator(`${CONTROLS} c-voice-toolkit`)
            .first()
            .evaluate((bridge) => Object.assign(bridge, { actionTimeoutMs: 1500 }));
        await clearLog(page);
        await setFault(page, 'mute', 'hang');
        const mute = baseButton(page, CONTROLS, 'mute');
        await press(mute);
        await expectLogged(page, 'method', 'mute', 'fault: hang');
        await expect(mute, 'disabled while mute() is in flight').toBeDisabled();
        // A second press, as an impatient agent would: the disabled button must not call mute() again.
        await mute.click({ force: true });
        await expect(page.locator(`${CONTROLS} c-error-panel`).first()).toBeAttached({ timeout: 5000 });
        await expect(logEntries(page, 'method', 'mute'), 'mute() calls').toHaveCount(1);
        await setFault(page, 'mute', 'ok');
        await press(mute);
        await expectLogged(page, 'event', 'mute');
    }
);

check(
    'transcript: markup in utterances renders as literal text, no element created, no dialog',
    ['voiceTranscript'],
    async () => {
        await step(page, 4);
        const transcript = page.locator(TRANSCRIPT);
        await expect(transcript).toContainText('onerror=alert(1)');
        await expect(transcript, 'img markup shown literally').toContainText('<img src=x onerror=alert(1)>');
        await expect(transcript, 'script markup shown literally').toContainText('<script>alert(2)</script>');
        await expect(
            page.locator(`${TRANSCRIPT} :is(img, script, b)`),
            'elements from utterance text'
        ).toHaveCount(0);
        expect(dialogs, 'dialogs opened').toEqual([]);
        await screenshot(transcript, '04-transcript-markup.png');
    }
);

check('transcript: search highlights matches', ['voiceTranscript'], async () => {
    await page.locator(`${TRANSCRIPT} lightning-input.search input`).fill('refund');
    const marks = page.locator(`${TRANSCRIPT} .segment.match`);
    await expect(marks, '"refund" twice').toHaveCount(2);
    const texts = await marks.allTextContents();
    expect(texts.map((text) => text.toLowerCase())).toEqual(['refund', 'refund']);
    await screenshot(page.locator(TRANSCRIPT), '05-transcript-search.png');
});

check(
    'design attributes: editing "Keywords to highlight" in the strip sets the panel\'s @api keywords',
    ['voiceTranscript'],
    async () => {
        await page
            .locator('[data-wb=design][data-component="voiceTranscript"] input[data-name="keywords"]')
            .evaluate((field) => {
                Object.assign(field, { value: 'charged' });
                field.dispatchEvent(new Event('change'));
            });
        const keywords = page.locator(`${TRANSCRIPT} .segment.keyword`);
        await expect(keywords.first()).toBeAttached();
        expect(new Set(await keywords.allTextContents())).toEqual(new Set(['charged']));
        const prop = await page.locator(TRANSCRIPT).evaluate((panel) => Reflect.get(panel, 'keywords'));
        expect(prop, "the panel's keywords property").toBe('charged');
    }
);

const NOTES = 'Refunded the duplicate charge; customer satisfied.';

check(
    'wrap-up: End call opens the form; a failed save shows its error and the retry saves once',
    ['voiceWrapUp', 'voiceCallControls'],
    async () => {
        await press(baseButton(page, CONTROLS, 'end'));
        await expectLogged(page, 'event', 'callended');
        await expect(page.locator(`${WRAP_UP} lightning-combobox.disposition`)).toBeAttached();
        // Pick the outcome and type notes through the real base components, as an agent would.
        await page.locator(`${WRAP_UP} lightning-combobox.disposition button`).first().click();
        await page.locator(`${WRAP_UP} lightning-base-combobox-item[data-value="Resolved"]`).click();
        await page.locator(`${WRAP_UP} lightning-textarea.notes textarea`).fill(NOTES);
        await setFault(page, 'updateRecord', 'reject');
        const save = baseButton(page, WRAP_UP, 'save');
        await press(save);
        await expect(page.locator(`${WRAP_UP} c-error-panel.save-error`).first()).toBeAttached();
        await expectLogged(page, 'record', 'updateRecord 0LQ5g00000E2ECALLA', 'Simulated fault');
        await screenshot(page.locator(WRAP_UP), '06-wrap-up-error.png');
        await setFault(page, 'updateRecord', 'ok');
        await press(save);
        await expect(page.locator(WRAP_UP)).toContainText(labels.Voice_WrapUp_Saved);
        const record = inspectorRecord(page, '0LQ5g00000E2ECALLA');
        await expect(record, 'Call_Disposition__c in the store').toContainText('Call_Disposition__cResolved');
        await expect(record, 'the notes in the store').toContainText(`Agent_Call_Notes__c${NOTES}`);
        const writes = page
            .locator('[data-wb=event-log] li[data-kind=record][data-name^="updateRecord"]')
            .filter({ hasText: /saved/ });
        await expect(writes, 'successful updateRecord calls').toHaveCount(1);
        await screenshot(page, '07-wrap-up-saved.png');
    }
);

check("transcript: the hostile scenario's markup stays text", ['voiceTranscript'], async () => {
    await playToEnd(page, 'hostile');
    await page.waitForTimeout(300);
    const transcript = page.locator(TRANSCRIPT);
    await expect(transcript, 'the script utterance shown literally').toContainText(
        '<script>alert(1)</script>'
    );
    await expect(transcript, 'the img utterance shown literally').toContainText(
        '<img src=x onerror=alert(1)>'
    );
    await expect(page.locator(`${TRANSCRIPT} :is(img, script)`), 'elements from utterance text').toHaveCount(
        0
    );
    expect(dialogs, 'dialogs opened').toEqual([]);
    // Show the top of the transcript (the hostile stream ends with a very long line).
    await page
        .locator(`${TRANSCRIPT} .scroller`)
        .first()
        .evaluate((scroller) => {
            scroller.scrollTop = 0;
        });
    await screenshot(transcript, '08-hostile.png');
});

check(
    'joined mid-call on a bare callconnected: caller controls, no phantom party, quality, roles and signal words',
    ['voiceCallControls', 'voiceTranscript', 'voiceSignals'],
    async () => {
        await playToEnd(page, 'joined-mid-call');
        await softphoneWidth(page);
        const hold = baseButton(page, CONTROLS, 'hold', 'Initial_Caller');
        await expect(hold).toHaveText(labels.Voice_Controls_Hold);
        await expect(hold).toBeEnabled();
        await expect(
            page.locator(`${CONTROLS} li.participant`),
            'participant rows for a two-party call (national vs international number)'
        ).toHaveCount(1);
        await expect(
            page.locator(`${CONTROLS} lightning-button[data-id="merge"]`),
            'Merge on a two-party call'
        ).toHaveCount(0);
        await expect(
            page.locator(`${CONTROLS} .quality-badge`).first(),
            'line quality from the nested audio stats'
        ).toHaveAttribute('data-quality', 'fair');
        const speakers = await joinedText(`${TRANSCRIPT} .speaker`);
        for (const role of [labels.Voice_Transcript_System, labels.Voice_Transcript_Bot]) {
            expect(speakers, `a "${role}" speaker in the transcript`).toContain(role);
        }
        expect(await joinedText(`${SIGNALS} .chip-value`), 'the category in words').toContain(
            'Billing question'
        );
        expect(await joinedText(`${SIGNALS} .sentiment-value`), 'raw score shown').not.toMatch(/\(-?\d+\)/);
    }
);

check(
    'softphone column at 400 px: keypad and transfer open on demand, the controls stay compact',
    ['voiceCallControls'],
    async () => {
        const keypad = page.locator(`${CONTROLS} c-voice-dtmf-keypad`);
        await expect(keypad, 'the keypad before the agent asked for it').toHaveCount(0);
        const box = await page.locator(CONTROLS).boundingBox();
        expect(box?.height, 'the call controls height in the softphone column (px)').toBeLessThan(420);
        await screenshot(page.locator(VOICE_COLUMN), '10-softphone-400px.png');
        const toggle = baseButton(page, CONTROLS, 'toggle-keypad');
        await press(toggle);
        await expect(keypad.first()).toBeAttached();
        await press(toggle);
    }
);

check(
    'missed callended: the next call takes over every panel, with its early events',
    ['voiceCallControls', 'voiceTranscript'],
    async () => {
        await playToEnd(page, 'missed-callended');
        await expect(page.locator(CONTROLS)).toContainText('+1 212 555 0103');
        const transcript = page.locator(TRANSCRIPT);
        await expect(transcript, "call C's early line").toContainText('Early line of call C.');
        await expect(transcript, "call A's line").not.toContainText('Call A');
        await expect(page.locator(`${CONTROLS} .muted-badge`), "call C's early mute").toHaveCount(1);
    }
);

check('outbound call rings as "Calling …" with Cancel, never Accept', ['voiceCallControls'], async () => {
    await loadScenario(page, 'outbound-preview', { speed: '1', play: false });
    await step(page, 1);
    await expect(page.locator(`${CONTROLS} .state`)).toContainText(
        labels.Voice_Controls_Calling.replace('{0}', '')
    );
    await expect(
        page.locator(`${CONTROLS} lightning-button[data-id="accept"]`),
        "Accept on the agent's own outbound call"
    ).toHaveCount(0);
    await expect(baseButton(page, CONTROLS, 'end')).toHaveText(labels.Voice_Controls_Cancel);
});

/** Elements of the visible cards in the column that end past its right edge, and the transcript text widths. */
async function columnOverflow() {
    const column = page.locator(VOICE_COLUMN);
    const box = await column.boundingBox();
    if (!box) throw new Error('the Voice Extension column is not rendered');
    const edge = box.x + box.width;
    const cards = column.locator('lightning-card');
    const overflowing = new Set();
    for (let i = 0; i < (await cards.count()); i += 1) {
        const card = cards.nth(i);
        if (((await card.boundingBox())?.width ?? 0) <= 0) continue;
        const past = await card
            .locator('*')
            .evaluateAll(
                (elements, right) =>
                    elements
                        .filter(
                            (el) =>
                                el.getBoundingClientRect().right > right + 1 && el.getClientRects().length > 0
                        )
                        .map((el) => `${el.localName}.${[...el.classList].join('.')}`),
                edge
            );
        for (const name of past) overflowing.add(name);
    }
    const texts = await column
        .locator('c-voice-transcript .row .text')
        .evaluateAll((elements) => elements.map((el) => Math.round(el.getBoundingClientRect().width)));
    return { overflowing: [...overflowing].slice(0, 8), texts };
}

check(
    'long values wrap or truncate inside the 400 px column: speaker names, URLs, categories, queue names',
    ['voiceCallControls', 'voiceTranscript'],
    async () => {
        await playToEnd(page, 'long-values');
        await softphoneWidth(page);
        await page.waitForTimeout(300);
        const report = await columnOverflow();
        expect(report.overflowing, 'elements past the column edge').toEqual([]);
        expect(report.texts.length, 'transcript text columns').toBeGreaterThanOrEqual(2);
        expect(
            report.texts.every((width) => width >= 150),
            `transcript text columns are ${report.texts.join(', ')} px wide (a long speaker squeezes them)`
        ).toBe(true);
        await screenshot(page.locator(VOICE_COLUMN), '11-long-values-400px.png');
    }
);

check(
    'Voximplant Kit: a simulator inbound call reaches the controls through relay and connector, rings, connects and ends',
    ['voiceCallControls'],
    async () => {
        // A page without a VoiceCall record: there the panels follow any call (a record page follows only
        // its own VendorCallKey), as the Kit call is not the fixture's.
        await loadScenario(page, 'missed-callended', { speed: '1', play: false });
        await expect(page.locator('[data-wb=voximplant-status]')).toContainText(
            'Connected to the local relay',
            {
                timeout: 15_000
            }
        );
        await page.locator('[data-wb=voximplant-play]').click();
        // kitScenarios.ts inbound-answered: incoming_call, call_connected, call_disconnected, 1.5 s apart.
        for (const state of ['incoming', 'connected', 'ended']) {
            await expect(
                page.locator(`${CONTROLS} .state[data-state="${state}"]`),
                `the controls show ${state}`
            ).toHaveCount(1, { timeout: 10_000 });
        }
        // The Kit scenario's call id and caller number, carried through relay and connector unchanged.
        for (const name of ['callstarted', 'callconnected', 'callended'])
            await expectLogged(page, 'event', name, '"in-1"');
        await expectLogged(page, 'event', 'callstarted', '+15550100');
        await screenshot(page.locator(CONTROLS), '12-voximplant-kit-call.png');
    }
);

check('no console errors, page errors or requests beyond loopback during the run', [], async () => {
    await screenshot(page, '99-final.png');
    expect(consoleErrors, 'console errors').toEqual([]);
    expect(foreignRequests, 'requests beyond the workbench server').toEqual([]);
});
