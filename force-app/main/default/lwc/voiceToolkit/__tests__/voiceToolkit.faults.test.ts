// Whatever the platform returns or throws, every action settles as a value, no rejection goes unhandled,
// and the in-flight guard is released; the record page's call filter cannot be bypassed by the payload.
import { createElement } from 'lwc';
import VoiceToolkit from 'c/voiceToolkit';
import type { SessionChangeDetail, VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import { CALL_ID, callConnected, transcript } from '@jest-tests/fixtures/toolkitEvents';
import { flush, resetDom } from '@jest-tests/dom';

function mount(props: Partial<Pick<VoiceToolkitElement, 'vendorCallKey'>> = {}): {
    element: VoiceToolkitElement;
    changes: SessionChangeDetail[];
} {
    const element = createElement('c-voice-toolkit', { is: VoiceToolkit }) as unknown as VoiceToolkitElement;
    Object.assign(element, props);
    const changes: SessionChangeDetail[] = [];
    element.addEventListener('sessionchange', (event) => {
        changes.push((event as CustomEvent<SessionChangeDetail>).detail);
    });
    document.body.appendChild(element);
    return { element, changes };
}

describe('c-voice-toolkit: faulty platform answers', () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
        unhandled.push(reason);
    };
    beforeAll(() => process.on('unhandledRejection', onUnhandled));
    afterAll(() => process.off('unhandledRejection', onUnhandled));
    afterEach(resetDom);

    const throwingMessage = (): object =>
        Object.defineProperty({}, 'message', {
            get() {
                throw new Error('getter');
            }
        });

    const faults: Array<[string, () => unknown, string]> = [
        [
            'a then() that throws',
            () => ({
                then() {
                    throw new Error('then threw');
                }
            }),
            'threw'
        ],
        [
            'a then getter that throws',
            () =>
                Object.defineProperty({}, 'then', {
                    get() {
                        throw new Error('getter threw');
                    }
                }),
            'threw'
        ],
        ['a rejection whose message getter throws', () => Promise.reject(throwingMessage()), 'rejected'],
        [
            'a fulfilled { success: false }',
            () => Promise.resolve({ success: false, errorMessage: 'No line' }),
            'rejected'
        ],
        [
            'a then that calls back twice',
            () => ({
                then(ok: () => void, no: (e: unknown) => void) {
                    ok();
                    no('x');
                }
            }),
            'ok'
        ]
    ];

    it.each(faults)('settles %s and releases Mute for the next press', async (_label, answer, code) => {
        voiceToolkitMock.fn('mute').mockImplementationOnce(answer);
        const { element } = mount();
        const result = await element.mute();
        expect(result.ok ? 'ok' : result.code).toBe(code);
        expect(element.inFlight).toEqual([]);
        expect(await element.mute()).toEqual({ ok: true, action: 'mute' });
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(unhandled).toEqual([]);
    });

    it('keeps the platform message of a { success: false } answer for the details', async () => {
        voiceToolkitMock
            .fn('hold')
            .mockImplementationOnce(() => Promise.resolve({ success: false, errorMessage: 'No line' }));
        const { element } = mount();
        expect(await element.hold('Initial_Caller')).toEqual({
            ok: false,
            action: 'hold',
            code: 'rejected',
            message: 'No line'
        });
    });

    it('ends a declined ringing call here, since the guide promises no event after declineCall', async () => {
        const { element, changes } = mount();
        voiceToolkitMock.fire('callstarted', {
            callId: CALL_ID,
            callType: 'inbound',
            participant: '+14155550100'
        });
        await flush();
        expect((await element.declineCall()).ok).toBe(true);
        await flush();
        expect(changes[changes.length - 1].session.phase).toBe('ended');
        voiceToolkitMock.fire('callended', { callId: CALL_ID });
        await flush();
        expect(element.session.duplicates).toBe(1);
    });

    it('does not end the call when declineCall fails', async () => {
        voiceToolkitMock.rejectNext('declineCall', new Error('no'));
        const { element } = mount();
        voiceToolkitMock.fire('callstarted', { callId: CALL_ID });
        await flush();
        expect((await element.declineCall()).ok).toBe(false);
        expect(element.session.phase).toBe('ringing');
    });
});

describe("c-voice-toolkit: the record page's call filter", () => {
    afterEach(resetDom);

    it('is not bypassed by a numeric callId, and the own call still gets through', async () => {
        const { element } = mount({ vendorCallKey: CALL_ID });
        voiceToolkitMock.fire('callconnected', { callId: 12345 });
        await flush();
        expect(element.session.callId).toBeNull();
        voiceToolkitMock.fire('callconnected', callConnected(CALL_ID));
        voiceToolkitMock.fire('transcript', transcript(1, 'ours'));
        await flush();
        expect(element.session.callId).toBe(CALL_ID);
        expect(element.session.transcript.map((t) => t.text)).toEqual(['ours']);
    });

    it('turns a payload whose callId getter throws into a rejection, not a page error', async () => {
        const { element } = mount({ vendorCallKey: CALL_ID });
        const hostile = Object.defineProperty({}, 'callId', {
            get() {
                throw new Error('gotcha');
            }
        });
        expect(() => voiceToolkitMock.fire('mute', hostile)).not.toThrow();
        await flush();
        expect(element.session.rejected.reasons).toEqual({ 'mute.unreadable': 1 });
    });

    it("follows the transferred leg's transcript keyed on the first leg's id", async () => {
        const { element } = mount({ vendorCallKey: CALL_ID });
        voiceToolkitMock.fire('callconnected', callConnected(CALL_ID));
        voiceToolkitMock.fire('transcript', transcript(1, 'from the first leg', 'Customer', 'first-leg-id'));
        await flush();
        expect(element.session.transcript.map((t) => t.text)).toEqual(['from the first leg']);
        expect(element.session.callId).toBe(CALL_ID);
    });

    it("gives a signal without callId to the connected call's tab, not to the ended call's tab", async () => {
        const oldTab = mount({ vendorCallKey: 'call-A' }).element;
        const newTab = mount({ vendorCallKey: 'call-B' }).element;
        voiceToolkitMock.fire('callconnected', { callId: 'call-A' });
        voiceToolkitMock.fire('callended', { callId: 'call-A' });
        voiceToolkitMock.fire('callconnected', { callId: 'call-B' });
        voiceToolkitMock.fire('intelligencesignal', {
            events: [{ type: 'IntelligenceSignal__Category', value: 'RefundRequest', startTime: 1 }]
        });
        await flush();
        expect(oldTab.session.signals.categories).toHaveLength(0);
        expect(newTab.session.signals.categories.map((c) => c.value)).toEqual(['RefundRequest']);
    });
});
