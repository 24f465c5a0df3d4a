import VoiceNextBestAction from 'c/voiceNextBestAction';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import { resetPageDedupe } from 'c/voiceToolkit';
import { requestNextBestAction } from 'c/voiceNbaRequests';
import type { ActionResult, VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import {
    CALL_ID,
    OTHER_CALL_ID,
    T0,
    callConnected,
    callIdOnly,
    categorySignal,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';
import { $, fireToolkit, flush, frame, mount as mountComponent, resetDom } from '@jest-tests/dom';

const RECORD_ID = '0LQ5e000000abcdGAA';
const RULES = 'refund=>refund;cancel=>retention;CustomerAngry=>deescalate';

interface NbaElement extends HTMLElement {
    recordId?: string;
    rules?: string;
    windowSeconds?: number;
    paramName?: string | undefined;
    session?: CallSession | undefined;
    toolkit?: Partial<VoiceToolkitElement>;
}

const mount = (props: Partial<NbaElement> = {}): NbaElement =>
    mountComponent<NbaElement>('c-voice-next-best-action', VoiceNextBestAction, {
        recordId: RECORD_ID,
        rules: RULES,
        ...props
    });
const connect = (): Promise<void> => fireToolkit('callconnected', callConnected());
const say = (n: number, text: string, role: 'Customer' | 'Agent' = 'Customer'): Promise<void> =>
    fireToolkit('transcript', transcript(n, text, role));

function nbaCalls(): unknown[][] {
    return voiceToolkitMock.fn('updateNextBestActions').mock.calls;
}

function typeIntent(element: Element, value: string): void {
    const input = $(element, 'lightning-input.intent') as HTMLElement;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-voice-next-best-action', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: T0 });
    });

    afterEach(() => {
        resetDom();
        resetPageDedupe();
        jest.useRealTimers();
    });

    describe('rules', () => {
        it('requests recommendations when a customer says a keyword', async () => {
            const element = mount();
            await connect();
            await say(1, 'I would like a REFUND please');
            expect(nbaCalls()).toEqual([[RECORD_ID, { intent: 'refund' }]]);
            expect($(element, '.params li')?.textContent).toBe('intent: refund');
            expect($(element, '.source')?.textContent).toBe('Rule: refund');
            expect($(element, '.ok')?.textContent).toBe('Recommendations updated.');
        });

        it('ignores agent lines, partial lines and keywords inside other words', async () => {
            mount();
            await connect();
            await say(1, 'Do you want a refund?', 'Agent');
            await say(2, 'Is it refundable');
            voiceToolkitMock.fire('transcript', { ...transcript(3, 'I want to cancel'), partial: true });
            await flush();
            expect(nbaCalls()).toEqual([]);
            voiceToolkitMock.fire('transcript', transcript(3, 'I want to cancel'));
            await flush();
            expect(nbaCalls()).toEqual([[RECORD_ID, { intent: 'retention' }]]);
        });

        it('requests recommendations when a configured signal category fires', async () => {
            mount({ rules: 'customerangry=>deescalate' });
            await connect();
            voiceToolkitMock.fire('intelligencesignal', categorySignal('CustomerAngry'));
            await flush();
            expect(nbaCalls()).toEqual([[RECORD_ID, { intent: 'deescalate' }]]);
        });

        it('evaluates each line once: unrelated events do not re-trigger', async () => {
            mount({ windowSeconds: 0 });
            await connect();
            await say(1, 'refund');
            voiceToolkitMock.fire('mute', callIdOnly());
            voiceToolkitMock.fire('intelligencesignal', categorySignal('Other'));
            await flush();
            await say(2, 'cancel it');
            // Past the bridge's page-wide dedupe window, so the repeat reaches the platform.
            jest.advanceTimersByTime(3000);
            await say(3, 'refund');
            expect(nbaCalls().map((call) => call[1])).toEqual([
                { intent: 'refund' },
                { intent: 'retention' },
                { intent: 'refund' }
            ]);
        });

        it('reports invalid and duplicate rules and keeps the valid ones', async () => {
            const element = mount({ rules: 'refund=>refund; oops ;Refund=>other;=>x;bad*word=>y;a=>b=>c' });
            expect(
                Array.from(element.shadowRoot?.querySelectorAll('.rule-problems li') ?? []).map(
                    (li) => li.textContent
                )
            ).toEqual([
                'Rule 2 "oops": write it as keyword=>intent.',
                'Rule 3 "Refund=>other": the keyword is already used.',
                'Rule 4 "=>x": write it as keyword=>intent.',
                'Rule 5 "bad*word=>y": write it as keyword=>intent.',
                'Rule 6 "a=>b=>c": write it as keyword=>intent.'
            ]);
            await connect();
            await say(1, 'refund');
            expect(nbaCalls()).toEqual([[RECORD_ID, { intent: 'refund' }]]);
        });

        it('keeps evaluating new lines after a long burst', async () => {
            mount();
            await connect();
            for (let n = 1; n <= 600; n++) voiceToolkitMock.fire('transcript', transcript(n, `line ${n}`));
            await flush();
            await say(601, 'refund');
            expect(nbaCalls()).toEqual([[RECORD_ID, { intent: 'refund' }]]);
        });

        it('does nothing without rules', async () => {
            const element = mount({ rules: undefined as unknown as string });
            await connect();
            await say(1, 'refund');
            expect(nbaCalls()).toEqual([]);
            expect($(element, '.rule-problems')).toBeNull();
            expect($(element, '.no-request')?.textContent).toBe('No request sent yet.');
        });

        it('uses the configured parameter name', async () => {
            mount({ paramName: 'topic' });
            await connect();
            await say(1, 'refund');
            expect(nbaCalls()).toEqual([[RECORD_ID, { topic: 'refund' }]]);
        });
    });

    describe('metering', () => {
        it('sends at most one request per window; the latest queued request wins', async () => {
            const element = mount({ windowSeconds: 10 });
            await connect();
            await say(1, 'refund');
            await say(2, 'cancel');
            voiceToolkitMock.fire('intelligencesignal', categorySignal('CustomerAngry'));
            await flush();
            expect(nbaCalls()).toHaveLength(1);
            expect($(element, '.queued')?.textContent).toContain('Queued (intent: deescalate), sends at ');

            jest.advanceTimersByTime(9999);
            await flush();
            expect(nbaCalls()).toHaveLength(1);
            jest.advanceTimersByTime(1);
            await flush();
            expect(nbaCalls().map((call) => call[1])).toEqual([
                { intent: 'refund' },
                { intent: 'deescalate' }
            ]);
            expect($(element, '.queued')).toBeNull();
        });

        it('never sends the same params twice in a row', async () => {
            mount({ windowSeconds: 1 });
            await connect();
            await say(1, 'refund');
            jest.advanceTimersByTime(5000);
            await say(2, 'refund again');
            expect(nbaCalls()).toHaveLength(1);
            await say(3, 'cancel');
            jest.advanceTimersByTime(5000);
            await say(4, 'refund');
            expect(nbaCalls().map((call) => call[1])).toEqual([
                { intent: 'refund' },
                { intent: 'retention' },
                { intent: 'refund' }
            ]);
        });

        it('meters requests from automation with the same window as its rules', async () => {
            const element = mount({ windowSeconds: 10 });
            await connect();
            await say(1, 'refund');
            const fromPlaybook = { recordId: RECORD_ID, intent: 'retention', source: 'Retention playbook' };
            expect(requestNextBestAction(fromPlaybook)).toBe(true);
            expect(requestNextBestAction({ ...fromPlaybook, recordId: '0LQ000000000099AAA' })).toBe(false);
            expect(requestNextBestAction({ ...fromPlaybook, intent: '  ' })).toBe(false);
            await flush();
            expect(nbaCalls()).toHaveLength(1);
            expect($(element, '.queued')?.textContent).toContain('Queued (intent: retention), sends at ');
            jest.advanceTimersByTime(10000);
            await flush();
            expect(nbaCalls().map((call) => call[1])).toEqual([
                { intent: 'refund' },
                { intent: 'retention' }
            ]);
            element.remove();
            expect(requestNextBestAction(fromPlaybook)).toBe(false);
        });

        it('drops a queued request that equals the one just sent', async () => {
            mount({ windowSeconds: 10 });
            await connect();
            await say(1, 'refund');
            await say(2, 'cancel');
            await say(3, 'refund');
            jest.advanceTimersByTime(10000);
            await flush();
            expect(nbaCalls()).toHaveLength(1);
        });

        it('starts over for a new call', async () => {
            mount({ windowSeconds: 0 });
            await connect();
            await say(1, 'refund');
            jest.advanceTimersByTime(3000);
            voiceToolkitMock.fire('callended', callIdOnly());
            voiceToolkitMock.fire('callconnected', callConnected(OTHER_CALL_ID));
            voiceToolkitMock.fire('transcript', transcript(1, 'refund', 'Customer', OTHER_CALL_ID));
            await flush();
            expect(nbaCalls()).toHaveLength(2);
        });

        it('cancels a queued request when removed from the page', async () => {
            const element = mount({ windowSeconds: 10 });
            await connect();
            await say(1, 'refund');
            await say(2, 'cancel');
            element.remove();
            jest.advanceTimersByTime(20000);
            await flush();
            expect(nbaCalls()).toHaveLength(1);
        });

        it('does not show a cancelled request as queued when the panel is put back on the page', async () => {
            const element = mount({ windowSeconds: 10 });
            await connect();
            await say(1, 'refund');
            await say(2, 'cancel');
            expect(element.shadowRoot?.querySelector('.queued')).not.toBeNull();
            element.remove();
            jest.advanceTimersByTime(20000);
            document.body.appendChild(element);
            await flush();
            expect(nbaCalls()).toHaveLength(1);
            expect(element.shadowRoot?.querySelector('.queued')).toBeNull();
        });

        it('normalises invalid settings', () => {
            const element = mount({ windowSeconds: -1, paramName: '1 bad' });
            expect(element.windowSeconds).toBe(10);
            expect(element.paramName).toBe('intent');
            element.paramName = undefined;
            expect(element.paramName).toBe('intent');
            element.windowSeconds = 99999;
            expect(element.windowSeconds).toBe(3600);
        });
    });

    describe('manual intent', () => {
        it('asks for an intent when the box is empty', async () => {
            const element = mount();
            await connect();
            ($(element, '.request') as HTMLElement).click();
            await flush();
            expect($(element, '.manual-error')?.textContent).toBe('Enter an intent.');
            expect(nbaCalls()).toEqual([]);
            typeIntent(element, 'x');
            await flush();
            expect($(element, '.manual-error')).toBeNull();
        });

        it('sends the typed intent on click or Enter, even before a call', async () => {
            const element = mount({ windowSeconds: 0 });
            expect($(element, '.idle')?.textContent).toBe('Recommendations are requested during a call.');
            typeIntent(element, '  billing  ');
            ($(element, '.request') as HTMLElement).click();
            await flush();
            expect(nbaCalls()).toEqual([[RECORD_ID, { intent: 'billing' }]]);
            expect($(element, '.source')?.textContent).toBe('Entered by agent');
            expect($(element, '.time')?.textContent).toContain('Sent at ');

            const input = $(element, 'lightning-input.intent') as HTMLInputElement;
            input.dispatchEvent(new CustomEvent('change'));
            input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
            await flush();
            expect($(element, '.manual-error')).not.toBeNull();
            input.dispatchEvent(new CustomEvent('change', { detail: { value: 'upgrade' } }));
            input.dispatchEvent(new KeyboardEvent('keyup', { key: 'a' }));
            input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
            await flush();
            expect(nbaCalls().map((call) => call[1])).toEqual([{ intent: 'billing' }, { intent: 'upgrade' }]);
        });
    });

    describe('outcome', () => {
        it('shows the in-flight state while the platform works', async () => {
            const deferred = voiceToolkitMock.deferNext('updateNextBestActions');
            const element = mount();
            await connect();
            await say(1, 'refund');
            expect($(element, '.pending')?.textContent).toBe('Sending…');
            deferred.resolve();
            await flush();
            expect($(element, '.pending')).toBeNull();
            expect($(element, '.ok')).not.toBeNull();
        });

        it('shows the failure and lets the agent retry', async () => {
            voiceToolkitMock.rejectNext('updateNextBestActions', new Error('Entitlement exceeded'));
            const element = mount({ windowSeconds: 0 });
            await connect();
            await say(1, 'refund');
            const panel = $(element, 'c-error-panel') as HTMLElement & {
                friendlyMessage?: string;
                errors?: unknown;
            };
            expect(panel.friendlyMessage).toBe('The phone system refused the action. Try again.');
            expect(panel.errors).toBe('Entitlement exceeded');
            // The bridge shares an identical request's outcome page-wide for 2 s; retry after that.
            jest.advanceTimersByTime(3000);
            ($(element, '.retry') as HTMLElement).click();
            await flush();
            expect(nbaCalls()).toHaveLength(2);
            expect($(element, 'c-error-panel')).toBeNull();
            expect($(element, '.ok')).not.toBeNull();
        });

        it('keeps the newer request on display when an older one settles late', async () => {
            const deferred = voiceToolkitMock.deferNext('updateNextBestActions');
            const element = mount({ windowSeconds: 0 });
            await connect();
            await say(1, 'refund');
            typeIntent(element, 'billing');
            ($(element, '.request') as HTMLElement).click();
            await flush();
            deferred.reject(new Error('late'));
            await flush();
            expect($(element, '.params li')?.textContent).toBe('intent: billing');
            expect($(element, 'c-error-panel')).toBeNull();
        });
    });

    describe('states', () => {
        it('explains that a record is needed and never calls without one', async () => {
            const element = mount({ recordId: undefined });
            await connect();
            await say(1, 'refund');
            expect($(element, '.no-record')?.textContent).toBe(
                'Place this component on a Voice Call page to request recommendations.'
            );
            expect(nbaCalls()).toEqual([]);
        });

        it('shows the unavailable state without the toolkit', async () => {
            voiceToolkitMock.withoutMethods();
            const element = mount();
            await flush();
            expect($(frame(element), '.unavailable')?.textContent).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
        });

        it('acts through the parent toolkit when embedded', async () => {
            const updateNextBestActions = jest.fn((): Promise<ActionResult> =>
                Promise.resolve({ ok: true, action: 'updateNextBestActions' })
            );
            const element = mount({ toolkit: { available: true, updateNextBestActions }, windowSeconds: 0 });
            let session = createSession();
            session = applyEvent(session, 'callconnected', callConnected(), T0);
            session = applyEvent(session, 'transcript', transcript(1, 'please cancel'), T0);
            element.session = session;
            element.session = undefined;
            await flush();
            expect(updateNextBestActions).toHaveBeenCalledWith(RECORD_ID, { intent: 'retention' });
            expect(element.session).toBe(session);
            expect(CALL_ID).toBe(session.callId);
        });

        it('shows unavailable when the parent toolkit is unavailable', () => {
            const element = mount({ toolkit: { available: false } });
            expect($(frame(element), '.unavailable')).not.toBeNull();
        });
    });

    it('is accessible', async () => {
        const element = mount({ rules: `${RULES};oops` });
        await connect();
        voiceToolkitMock.rejectNext('updateNextBestActions', new Error('Nope'));
        await say(1, 'refund');
        await say(2, 'cancel');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
