import { createElement } from 'lwc';
import VoiceToolkit, {
    DEFAULT_ACTION_TIMEOUT_MS,
    PAGE_DEDUPE_WINDOW_MS,
    resetPageDedupe
} from 'c/voiceToolkit';
import type {
    ActionResult,
    SessionChangeDetail,
    ToolkitUnavailableDetail,
    VoiceToolkitElement
} from 'c/voiceToolkit';
import { TOOLKIT_EVENT_NAMES } from 'c/voiceCallModel';
import type { ToolkitMethodName } from 'lightning/serviceCloudVoiceToolkitApi';
import {
    TOOLKIT_METHOD_NAMES,
    voiceToolkitMock
} from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import {
    CALL_ID,
    OTHER_CALL_ID,
    callConnected,
    callIdOnly,
    categorySignal,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';
import { getRecord } from '@jest-tests/lightning/uiRecordApi/uiRecordApi';
import { flush as flushMicrotasks, resetDom } from '@jest-tests/dom';

const RECORD_ID = '0LQ5e000000abcdGAA';

function voiceCallRecord(vendorCallKey: string | null): object {
    return {
        apiName: 'VoiceCall',
        id: RECORD_ID,
        fields: { VendorCallKey: { value: vendorCallKey, displayValue: null } }
    };
}

interface Mounted {
    element: VoiceToolkitElement;
    changes: SessionChangeDetail[];
    unavailable: ToolkitUnavailableDetail[];
}

function mount(
    props: Partial<
        Pick<VoiceToolkitElement, 'vendorCallKey' | 'maxTranscript' | 'actionTimeoutMs'> & {
            recordId: string;
        }
    > = {}
): Mounted {
    const element = createElement('c-voice-toolkit', { is: VoiceToolkit }) as unknown as VoiceToolkitElement;
    Object.assign(element, props);
    const changes: SessionChangeDetail[] = [];
    const unavailable: ToolkitUnavailableDetail[] = [];
    element.addEventListener('sessionchange', (event) => {
        changes.push((event as CustomEvent<SessionChangeDetail>).detail);
    });
    element.addEventListener('toolkitunavailable', (event) => {
        unavailable.push((event as CustomEvent<ToolkitUnavailableDetail>).detail);
    });
    document.body.appendChild(element);
    return { element, changes, unavailable };
}

describe('c-voice-toolkit', () => {
    afterEach(() => {
        resetDom();
        resetPageDedupe();
        jest.useRealTimers();
    });

    describe('listeners', () => {
        it('attaches exactly one listener per toolkit event after the first render', () => {
            mount();
            expect(voiceToolkitMock.listenedEvents()).toEqual([...TOOLKIT_EVENT_NAMES].sort());
            for (const name of TOOLKIT_EVENT_NAMES) {
                expect(voiceToolkitMock.listenerStats(name)).toEqual({ added: 1, removed: 0, active: 1 });
            }
        });

        it('keeps adds and removes balanced over 50 mount/unmount cycles', () => {
            for (let i = 0; i < 50; i++) {
                const { element } = mount();
                document.body.removeChild(element);
            }
            expect(voiceToolkitMock.instances()).toHaveLength(0);
            for (const name of TOOLKIT_EVENT_NAMES) {
                expect(voiceToolkitMock.listenerStats(name)).toEqual({ added: 50, removed: 50, active: 0 });
            }
        });

        it('keeps one listener per event when properties change and across reconnects', async () => {
            const { element, changes } = mount();
            element.vendorCallKey = CALL_ID;
            element.maxTranscript = 10;
            element.actionTimeoutMs = 500;
            await flushMicrotasks();
            for (let i = 0; i < 3; i++) {
                document.body.removeChild(element);
                document.body.appendChild(element);
            }
            for (const name of TOOLKIT_EVENT_NAMES) expect(voiceToolkitMock.listenerCount(name)).toBe(1);
            voiceToolkitMock.fire('callconnected', callConnected());
            await flushMicrotasks();
            expect(changes).toHaveLength(1);
            expect(changes[0].session.callId).toBe(CALL_ID);
        });

        it('stops listening once disconnected', async () => {
            const { element, changes } = mount();
            document.body.removeChild(element);
            expect(voiceToolkitMock.fire('callconnected', callConnected())).toBe(0);
            await flushMicrotasks();
            expect(changes).toHaveLength(0);
            for (const name of TOOLKIT_EVENT_NAMES) expect(voiceToolkitMock.listenerCount(name)).toBe(0);
        });
    });

    describe('sessionchange', () => {
        it('folds a burst of 100 transcript events into one sessionchange', async () => {
            const { element, changes } = mount();
            voiceToolkitMock.fire('callconnected', callConnected());
            for (let i = 0; i < 100; i++) voiceToolkitMock.fire('transcript', transcript(i, `line ${i}`));
            expect(changes).toHaveLength(0);
            expect(element.session.transcriptCount).toBe(100);
            await flushMicrotasks();
            expect(changes).toHaveLength(1);
            expect(changes[0].events).toBe(101);
            expect(changes[0].session).toBe(element.session);
            expect(changes[0].session.phase).toBe('connected');
        });

        it('dispatches again for a later burst', async () => {
            const { changes } = mount();
            voiceToolkitMock.fire('callconnected', callConnected());
            await flushMicrotasks();
            voiceToolkitMock.fire('mute', callIdOnly());
            voiceToolkitMock.fire('intelligencesignal', categorySignal('CustomerAngry'));
            await flushMicrotasks();
            expect(changes.map((c) => c.events)).toEqual([1, 2]);
            expect(changes[1].session.muted).toBe(true);
            expect(changes[1].session.signals.categories[0].value).toBe('CustomerAngry');
        });

        it('feeds malformed payloads to the model, which counts them as rejected', async () => {
            const { changes } = mount();
            // eslint-disable-next-line @lwc/lwc/prefer-custom-event -- a payload-less event, as a broken platform might send
            voiceToolkitMock.dispatch(() => new Event('transcript'));
            voiceToolkitMock.fire('callconnected', 'not an object');
            await flushMicrotasks();
            expect(changes).toHaveLength(1);
            expect(changes[0].session.rejected.count).toBe(2);
        });

        it('drops a pending sessionchange when the component is removed before the flush', async () => {
            const { element, changes } = mount();
            voiceToolkitMock.fire('callconnected', callConnected());
            document.body.removeChild(element);
            await flushMicrotasks();
            expect(changes).toHaveLength(0);
            expect(element.session.callId).toBe(CALL_ID);
        });

        it('passes maxTranscript to the model', async () => {
            const { element } = mount({ maxTranscript: 5 });
            voiceToolkitMock.fire('callconnected', callConnected());
            for (let i = 0; i < 10; i++) voiceToolkitMock.fire('transcript', transcript(i, `line ${i}`));
            expect(element.maxTranscript).toBe(5);
            expect(element.session.maxTranscript).toBe(5);
            expect(element.session.transcriptCount).toBe(5);
            expect(element.session.transcriptTrimmed).toBe(5);
        });

        it('ignores an invalid maxTranscript and does not replace a session that has events', () => {
            const { element } = mount({ maxTranscript: 0 });
            expect(element.maxTranscript).toBeUndefined();
            expect(element.session.maxTranscript).toBe(5000);
            voiceToolkitMock.fire('callconnected', callConnected());
            element.maxTranscript = 3;
            expect(element.session.callId).toBe(CALL_ID);
            expect(element.session.maxTranscript).toBe(5000);
        });
    });

    describe('vendorCallKey', () => {
        it('ignores events for another call id', async () => {
            const { element, changes } = mount({ vendorCallKey: ` ${CALL_ID} ` });
            expect(element.vendorCallKey).toBe(CALL_ID);
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            voiceToolkitMock.fire('transcript', transcript(1, 'other tab', 'Customer', OTHER_CALL_ID));
            await flushMicrotasks();
            expect(changes).toHaveLength(0);
            voiceToolkitMock.fire('callconnected', callConnected(CALL_ID));
            voiceToolkitMock.fire('transcript', transcript(2, 'ours'));
            await flushMicrotasks();
            expect(changes).toHaveLength(1);
            expect(changes[0].session.callId).toBe(CALL_ID);
            expect(changes[0].session.transcript.map((t) => t.text)).toEqual(['ours']);
        });

        it('lets payloads that are not objects through to the model, which rejects them', async () => {
            const { changes } = mount({ vendorCallKey: CALL_ID });
            // eslint-disable-next-line @lwc/lwc/prefer-custom-event -- a payload-less event, as a broken platform might send
            voiceToolkitMock.dispatch(() => new Event('callended'));
            voiceToolkitMock.fire('mute', null);
            await flushMicrotasks();
            expect(changes[0].session.rejected.count).toBe(2);
        });

        it('lets events without a call id through to the model', async () => {
            const { changes } = mount({ vendorCallKey: CALL_ID });
            voiceToolkitMock.fire('callconnected', callConnected());
            voiceToolkitMock.fire('intelligencesignal', { events: categorySignal('Refund').events });
            await flushMicrotasks();
            expect(changes[0].events).toBe(2);
            expect(changes[0].session.signals.categories.map((c) => c.value)).toEqual(['Refund']);
        });

        it('starts an empty session when the key changes after events arrived', async () => {
            const { element, changes } = mount({ vendorCallKey: CALL_ID });
            voiceToolkitMock.fire('callconnected', callConnected());
            await flushMicrotasks();
            element.vendorCallKey = CALL_ID;
            element.vendorCallKey = OTHER_CALL_ID;
            await flushMicrotasks();
            expect(changes).toHaveLength(2);
            expect(changes[1].events).toBe(0);
            expect(changes[1].session.callId).toBeNull();
            element.vendorCallKey = '';
            expect(element.vendorCallKey).toBeUndefined();
        });
    });

    describe('recordId on a VoiceCall record page', () => {
        it("reads the record's VendorCallKey and follows only that call", async () => {
            const { changes } = mount({ recordId: RECORD_ID });
            await flushMicrotasks();
            expect(getRecord.getLastConfig()).toEqual(
                expect.objectContaining({ recordId: RECORD_ID, fields: [expect.anything()] })
            );
            getRecord.emit(voiceCallRecord(CALL_ID));
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            voiceToolkitMock.fire('callconnected', callConnected(CALL_ID));
            await flushMicrotasks();
            expect(changes).toHaveLength(1);
            expect(changes[0].session.callId).toBe(CALL_ID);
            expect(changes[0].session.ignoredOtherCall).toBe(0);
        });

        it("keeps the call's own events that arrived before the record loaded", async () => {
            const { changes } = mount({ recordId: RECORD_ID });
            voiceToolkitMock.fire('callconnected', callConnected(CALL_ID));
            voiceToolkitMock.fire('transcript', transcript(1, 'early words'));
            await flushMicrotasks();
            getRecord.emit(voiceCallRecord(CALL_ID));
            voiceToolkitMock.fire('transcript', transcript(2, 'later words', 'Customer', OTHER_CALL_ID));
            await flushMicrotasks();
            const latest = changes[changes.length - 1].session;
            expect(latest.callId).toBe(CALL_ID);
            expect(latest.transcript.map((t) => t.text)).toEqual(['early words']);
        });

        it('starts over when the record names another call than the one already followed', async () => {
            const { changes } = mount({ recordId: RECORD_ID });
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            await flushMicrotasks();
            getRecord.emit(voiceCallRecord(CALL_ID));
            await flushMicrotasks();
            expect(changes[changes.length - 1].session.callId).toBeNull();
        });

        it('does not look up records that are not VoiceCalls and does not filter there', async () => {
            const { changes } = mount({ recordId: '500000000000001AAA' });
            await flushMicrotasks();
            expect(getRecord.getLastConfig()?.recordId).toBeUndefined();
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            await flushMicrotasks();
            expect(changes[0].session.callId).toBe(OTHER_CALL_ID);
        });

        it('stays unfiltered when the record cannot be read, and an explicit vendorCallKey wins', async () => {
            const { element, changes } = mount({ recordId: RECORD_ID });
            getRecord.error();
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            await flushMicrotasks();
            expect(changes[0].session.callId).toBe(OTHER_CALL_ID);
            element.vendorCallKey = CALL_ID;
            getRecord.emit(voiceCallRecord(OTHER_CALL_ID));
            await flushMicrotasks();
            expect(changes[1].session.callId).toBeNull();
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            voiceToolkitMock.fire('callconnected', callConnected(CALL_ID));
            await flushMicrotasks();
            expect(changes[changes.length - 1].session.callId).toBe(CALL_ID);
        });
    });

    describe('unavailable toolkit', () => {
        it('dispatches toolkitunavailable once when the element has no methods', async () => {
            voiceToolkitMock.withoutMethods();
            const { element, unavailable } = mount();
            document.body.removeChild(element);
            document.body.appendChild(element);
            expect(unavailable).toEqual([{ missing: [...TOOLKIT_METHOD_NAMES], available: false }]);
            expect(element.available).toBe(false);
            await expect(element.mute()).resolves.toEqual({
                ok: false,
                action: 'mute',
                code: 'unavailable',
                message: 'toolkit method mute is not available'
            });
        });

        it('reports only the missing methods and keeps the others working', async () => {
            voiceToolkitMock.withoutMethods(['merge', 'swap']);
            const { element, unavailable } = mount();
            expect(unavailable).toEqual([{ missing: ['merge', 'swap'], available: true }]);
            // One missing method must not hide everything: events and the other actions keep working.
            expect(element.available).toBe(true);
            expect(element.missingMethods).toEqual(['merge', 'swap']);
            expect((await element.merge()).ok).toBe(false);
            expect(await element.mute()).toEqual({ ok: true, action: 'mute' });
        });

        it('is available when every method exists', () => {
            const { element, unavailable } = mount();
            expect(element.available).toBe(true);
            expect(unavailable).toHaveLength(0);
        });

        it('answers unavailable before it is connected', async () => {
            const element = createElement('c-voice-toolkit', {
                is: VoiceToolkit
            }) as unknown as VoiceToolkitElement;
            expect((await element.acceptCall()).ok).toBe(false);
            expect(voiceToolkitMock.fn('acceptCall')).not.toHaveBeenCalled();
        });
    });

    describe('actions: success', () => {
        const cases: Array<[string, ToolkitMethodName, unknown[], unknown[]]> = [
            ['mute', 'mute', [], []],
            ['unmute', 'unmute', [], []],
            ['hold the caller', 'hold', ['Initial_Caller'], ['Initial_Caller']],
            ['hold the third party', 'hold', ['Third_Party'], ['Third_Party']],
            ['resume', 'resume', ['Third_Party'], ['Third_Party']],
            ['end the call', 'endCall', [], []],
            ['remove a participant', 'endCall', ['Third_Party'], ['Third_Party']],
            ['end the agent leg', 'endCall', ['Agent'], ['Agent']],
            ['accept', 'acceptCall', [], []],
            ['decline', 'declineCall', [], []],
            ['pause recording', 'pauseRecording', [], []],
            ['resume recording', 'resumeRecording', [], []],
            ['preview dial (normalised)', 'startPreviewCall', ['+1 (415) 555-0100'], ['+14155550100']],
            ['merge', 'merge', [], []],
            ['swap', 'swap', [], []],
            [
                'add a phone number',
                'addParticipant',
                ['PhoneNumber', '415.555.0100', false],
                ['PhoneNumber', '4155550100', false]
            ],
            [
                'blind transfer to a queue ARN',
                'addParticipant',
                [
                    'AgentOrQueueId',
                    'arn:aws:connect:us-east-1:123456789012:instance/abc/transfer-destination/q-1',
                    true
                ],
                [
                    'AgentOrQueueId',
                    'arn:aws:connect:us-east-1:123456789012:instance/abc/transfer-destination/q-1',
                    true
                ]
            ],
            ['send digits', 'sendDigits', ['0123456789*#ABCD,'], ['0123456789*#ABCD,']],
            [
                'update next best actions',
                'updateNextBestActions',
                [RECORD_ID, { intent: 'refund' }],
                [RECORD_ID, { intent: 'refund' }]
            ]
        ];

        it.each(cases)('%s calls %s on the element', async (_label, method, args, expected) => {
            const { element } = mount();
            const invoke = element[method] as (...a: unknown[]) => Promise<ActionResult>;
            const result = await invoke.apply(element, args);
            expect(result).toEqual({ ok: true, action: method });
            expect(voiceToolkitMock.fn(method)).toHaveBeenCalledTimes(1);
            expect(voiceToolkitMock.fn(method)).toHaveBeenCalledWith(...expected);
            expect(element.inFlight).toEqual([]);
        });

        it('treats an undefined return as success (the guide documents no return values)', async () => {
            voiceToolkitMock.returnUndefined('acceptCall');
            const { element } = mount();
            await expect(element.acceptCall()).resolves.toEqual({ ok: true, action: 'acceptCall' });
            expect(element.inFlight).toEqual([]);
        });

        it('waits for a function-shaped thenable', async () => {
            const thenable = Object.assign(() => undefined, {
                then: (_resolve: () => void, reject: (e: unknown) => void) => reject(new Error('late'))
            });
            voiceToolkitMock.fn('mute').mockImplementationOnce(() => thenable);
            const { element } = mount();
            await expect(element.mute()).resolves.toMatchObject({
                ok: false,
                code: 'rejected',
                message: 'late'
            });
        });

        it('treats a non-thenable return value as success', async () => {
            voiceToolkitMock.fn('mute').mockImplementationOnce(() => ({ then: 'not a function' }));
            const { element } = mount();
            await expect(element.mute()).resolves.toEqual({ ok: true, action: 'mute' });
        });
    });

    describe('actions: invalid arguments', () => {
        const many = Object.fromEntries(Array.from({ length: 21 }, (_v, i) => [`k${i}`, 'v']));
        const cases: Array<[string, ToolkitMethodName, unknown[]]> = [
            ['hold with Agent', 'hold', ['Agent']],
            ['hold without a participant', 'hold', [undefined]],
            ['resume with a typo', 'resume', ['initial_caller']],
            ['endCall with an unknown party', 'endCall', ['Customer']],
            ['a too short phone', 'startPreviewCall', ['12']],
            ['a phone with letters', 'startPreviewCall', ['1-800-FLOWERS']],
            ['a phone that is a number', 'startPreviewCall', [4155550100]],
            ['an unknown contact type', 'addParticipant', ['Email', 'a@b.c', false]],
            ['a bad transfer phone', 'addParticipant', ['PhoneNumber', 'call me', false]],
            ['an id with whitespace', 'addParticipant', ['AgentOrQueueId', 'queue one', false]],
            ['an empty id', 'addParticipant', ['AgentOrQueueId', '', false]],
            ['an over-long id', 'addParticipant', ['AgentOrQueueId', 'a'.repeat(257), false]],
            ['a non-boolean blind flag', 'addParticipant', ['PhoneNumber', '+14155550100', 'yes']],
            ['empty digits', 'sendDigits', ['']],
            ['lower-case or foreign digits', 'sendDigits', ['12x']],
            ['65 digits', 'sendDigits', ['1'.repeat(65)]],
            ['digits as a number', 'sendDigits', [5]],
            ['a short record id', 'updateNextBestActions', ['0LQ5e', { intent: 'x' }]],
            ['a record id with symbols', 'updateNextBestActions', ['0LQ5e000000abcd-AA', { intent: 'x' }]],
            ['null params', 'updateNextBestActions', [RECORD_ID, null]],
            ['array params', 'updateNextBestActions', [RECORD_ID, ['refund']]],
            ['Map params', 'updateNextBestActions', [RECORD_ID, new Map([['intent', 'x']])]],
            ['a non-string value', 'updateNextBestActions', [RECORD_ID, { score: 5 }]],
            ['a nested value', 'updateNextBestActions', [RECORD_ID, { intent: { a: 'b' } }]],
            ['too many keys', 'updateNextBestActions', [RECORD_ID, many]],
            ['an empty key', 'updateNextBestActions', [RECORD_ID, { '': 'x' }]],
            ['an over-long key', 'updateNextBestActions', [RECORD_ID, { ['k'.repeat(81)]: 'x' }]],
            ['an over-long value', 'updateNextBestActions', [RECORD_ID, { intent: 'x'.repeat(1001) }]]
        ];

        it.each(cases)('rejects %s without calling the element', async (_label, method, args) => {
            const { element } = mount();
            const invoke = element[method] as (...a: unknown[]) => Promise<ActionResult>;
            const result = await invoke.apply(element, args);
            expect(result).toMatchObject({ ok: false, action: method, code: 'invalid' });
            expect(result.ok || result.message.length > 0).toBe(true);
            expect(voiceToolkitMock.fn(method)).not.toHaveBeenCalled();
        });

        it('accepts params with a null prototype', async () => {
            const params = Object.assign(Object.create(null) as Record<string, string>, { intent: 'refund' });
            const { element } = mount();
            await expect(element.updateNextBestActions(RECORD_ID, params)).resolves.toMatchObject({
                ok: true
            });
        });
    });

    describe('actions: in flight', () => {
        it('answers busy for the same action and arguments until the first settles', async () => {
            const deferred = voiceToolkitMock.deferNext('hold');
            const { element } = mount();
            const first = element.hold('Initial_Caller');
            expect(element.inFlight).toEqual(['hold:["Initial_Caller"]']);
            await expect(element.hold('Initial_Caller')).resolves.toMatchObject({ ok: false, code: 'busy' });
            await expect(element.hold('Third_Party')).resolves.toEqual({ ok: true, action: 'hold' });
            expect(voiceToolkitMock.fn('hold')).toHaveBeenCalledTimes(2);
            deferred.resolve();
            await expect(first).resolves.toEqual({ ok: true, action: 'hold' });
            expect(element.inFlight).toEqual([]);
            await expect(element.hold('Initial_Caller')).resolves.toEqual({ ok: true, action: 'hold' });
        });

        it('treats two spellings of one number as the same action', async () => {
            const deferred = voiceToolkitMock.deferNext('startPreviewCall');
            const { element } = mount();
            const first = element.startPreviewCall('+1 415 555 0100');
            await expect(element.startPreviewCall('+1 (415) 555-0100')).resolves.toMatchObject({
                code: 'busy'
            });
            expect(element.inFlight).toEqual(['startPreviewCall:["+14155550100"]']);
            deferred.resolve();
            await expect(first).resolves.toEqual({ ok: true, action: 'startPreviewCall' });
        });

        it('frees the action after a failure so the agent can retry', async () => {
            voiceToolkitMock.rejectNext('mute', new Error('no line'));
            const { element } = mount();
            await expect(element.mute()).resolves.toMatchObject({ ok: false, code: 'rejected' });
            await expect(element.mute()).resolves.toEqual({ ok: true, action: 'mute' });
        });
    });

    describe('actions: failures', () => {
        it('turns a synchronous throw into threw', async () => {
            voiceToolkitMock.throwNext('swap', new Error('boom'));
            const { element } = mount();
            await expect(element.swap()).resolves.toEqual({
                ok: false,
                action: 'swap',
                code: 'threw',
                message: 'boom'
            });
            expect(element.inFlight).toEqual([]);
        });

        const rejections: Array<[string, unknown, string]> = [
            ['an Error', new Error('Call not found'), 'Call not found'],
            ['a string', 'line busy', 'line busy'],
            ['an object with message', { message: 'denied' }, 'denied'],
            ['an Apex-style body', { body: { message: 'insufficient access' } }, 'insufficient access'],
            ['an object with an empty message', { message: ' ', body: null }, 'Unknown error'],
            ['an empty string', '', 'Unknown error'],
            ['a number', 42, 'Unknown error'],
            ['null', null, 'Unknown error']
        ];

        it.each(rejections)('turns a rejection with %s into rejected', async (_label, error, message) => {
            voiceToolkitMock.rejectNext('merge', error);
            const { element } = mount();
            await expect(element.merge()).resolves.toEqual({
                ok: false,
                action: 'merge',
                code: 'rejected',
                message
            });
        });

        it('caps very long platform messages', async () => {
            voiceToolkitMock.rejectNext('unmute', new Error('x'.repeat(5000)));
            const { element } = mount();
            const result = await element.unmute();
            expect(result.ok === false && result.message.length).toBe(500);
        });

        it('times out a hung call after the default 10 s and releases it', async () => {
            jest.useFakeTimers();
            voiceToolkitMock.hangNext('endCall');
            const { element } = mount();
            expect(element.actionTimeoutMs).toBe(DEFAULT_ACTION_TIMEOUT_MS);
            let result: ActionResult | undefined;
            const pending = element.endCall().then((r) => (result = r));
            jest.advanceTimersByTime(DEFAULT_ACTION_TIMEOUT_MS - 1);
            await flushMicrotasks();
            expect(result).toBeUndefined();
            expect(element.inFlight).toEqual(['endCall:[]']);
            jest.advanceTimersByTime(1);
            await flushMicrotasks();
            expect(result).toEqual({
                ok: false,
                action: 'endCall',
                code: 'timeout',
                message: 'endCall did not finish within 10000 ms'
            });
            expect(element.inFlight).toEqual([]);
            expect(jest.getTimerCount()).toBe(0);
            await pending;
        });

        it('honours actionTimeoutMs and ignores a settlement after the timeout', async () => {
            jest.useFakeTimers();
            const deferred = voiceToolkitMock.deferNext('pauseRecording');
            const { element } = mount({ actionTimeoutMs: 500 });
            const pending = element.pauseRecording();
            jest.advanceTimersByTime(500);
            await expect(pending).resolves.toMatchObject({ ok: false, code: 'timeout' });
            deferred.resolve();
            await flushMicrotasks();
            await expect(pending).resolves.toMatchObject({ code: 'timeout' });
        });

        it('clears the timer when the call settles in time', async () => {
            jest.useFakeTimers();
            const deferred = voiceToolkitMock.deferNext('resumeRecording');
            const { element } = mount();
            const pending = element.resumeRecording();
            expect(jest.getTimerCount()).toBe(1);
            deferred.reject('nope');
            await expect(pending).resolves.toMatchObject({ code: 'rejected', message: 'nope' });
            expect(jest.getTimerCount()).toBe(0);
        });

        it.each([[-1], [0], [Number.NaN], ['soon']])('falls back to the default timeout for %p', (value) => {
            const { element } = mount();
            element.actionTimeoutMs = value as number;
            expect(element.actionTimeoutMs).toBe(DEFAULT_ACTION_TIMEOUT_MS);
        });
    });

    describe('next best actions across the page', () => {
        it('calls the element once for identical requests from two instances', async () => {
            const a = mount();
            const b = mount();
            const [first, second] = await Promise.all([
                a.element.updateNextBestActions(RECORD_ID, { intent: 'refund', tier: 'gold' }),
                b.element.updateNextBestActions(RECORD_ID, { tier: 'gold', intent: 'refund' })
            ]);
            expect(first).toEqual({ ok: true, action: 'updateNextBestActions' });
            expect(second).toEqual({ ok: true, action: 'updateNextBestActions', deduped: true });
            expect(voiceToolkitMock.fn('updateNextBestActions')).toHaveBeenCalledTimes(1);
        });

        it('still calls for different params or another record', async () => {
            const a = mount();
            const b = mount();
            await a.element.updateNextBestActions(RECORD_ID, { intent: 'refund' });
            await b.element.updateNextBestActions(RECORD_ID, { intent: 'retention' });
            await b.element.updateNextBestActions('0LQ5e000000abcd', { intent: 'refund' });
            expect(voiceToolkitMock.fn('updateNextBestActions')).toHaveBeenCalledTimes(3);
        });

        it('calls again once the window has passed', async () => {
            jest.useFakeTimers();
            const a = mount();
            const b = mount();
            await a.element.updateNextBestActions(RECORD_ID, { intent: 'refund' });
            jest.advanceTimersByTime(PAGE_DEDUPE_WINDOW_MS);
            await expect(b.element.updateNextBestActions(RECORD_ID, { intent: 'refund' })).resolves.toEqual({
                ok: true,
                action: 'updateNextBestActions'
            });
            expect(voiceToolkitMock.fn('updateNextBestActions')).toHaveBeenCalledTimes(2);
        });

        it('lets an immediate retry after a failure reach the platform again', async () => {
            voiceToolkitMock.rejectNext('updateNextBestActions', new Error('busy backend'));
            const { element } = mount();
            const failed = await element.updateNextBestActions(RECORD_ID, { intent: 'refund' });
            expect(failed.ok).toBe(false);
            await expect(element.updateNextBestActions(RECORD_ID, { intent: 'refund' })).resolves.toEqual({
                ok: true,
                action: 'updateNextBestActions'
            });
            expect(voiceToolkitMock.fn('updateNextBestActions')).toHaveBeenCalledTimes(2);
        });

        it('shares a failure with the instance that joined it', async () => {
            const deferred = voiceToolkitMock.deferNext('updateNextBestActions');
            const a = mount();
            const b = mount();
            const first = a.element.updateNextBestActions(RECORD_ID, { intent: 'refund' });
            const second = b.element.updateNextBestActions(RECORD_ID, { intent: 'refund' });
            deferred.reject(new Error('entitlement exceeded'));
            const failure = {
                ok: false,
                action: 'updateNextBestActions',
                code: 'rejected',
                message: 'entitlement exceeded'
            };
            await expect(first).resolves.toEqual(failure);
            await expect(second).resolves.toEqual(failure);
            expect(voiceToolkitMock.fn('updateNextBestActions')).toHaveBeenCalledTimes(1);
        });

        it('answers busy for the same instance while its request is in flight', async () => {
            const deferred = voiceToolkitMock.deferNext('updateNextBestActions');
            const { element } = mount();
            const first = element.updateNextBestActions(RECORD_ID, { intent: 'refund' });
            await expect(
                element.updateNextBestActions(RECORD_ID, { intent: 'refund' })
            ).resolves.toMatchObject({
                code: 'busy'
            });
            deferred.resolve();
            await expect(first).resolves.toMatchObject({ ok: true });
        });
    });
});
