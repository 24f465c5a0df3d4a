import VoiceCallControls from 'c/voiceCallControls';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { ActionResult, VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import * as ev from '@jest-tests/fixtures/toolkitEvents';
import {
    $ as shadowQuery,
    $$ as shadowQueryAll,
    fireToolkit as fire,
    flush,
    frame,
    mountSettled,
    parentToolkit,
    resetDom,
    shadow,
    text
} from '@jest-tests/dom';

const THIRD = '+14155550123';

interface Props {
    recordId?: string;
    toolkit?: VoiceToolkitElement;
    session?: CallSession;
    hideRecording?: boolean;
    hideKeypad?: boolean;
    hideTransfer?: boolean;
    hideConference?: boolean;
    hidePreviewDial?: boolean;
}

type Stub = HTMLElement & { label?: string; disabled?: boolean; value?: string; checked?: boolean };

const mount = (props: Props = {}): Promise<HTMLElement> =>
    mountSettled('c-voice-call-controls', VoiceCallControls, props);
const $ = (element: Element, selector: string): Stub | null => shadowQuery<Stub>(element, selector);
const $$ = (element: Element, selector: string): Stub[] => shadowQueryAll<Stub>(element, selector);
const connect = (): Promise<void> => fire('callconnected', ev.callConnected());

function button(element: Element, id: string, type?: string): Stub {
    const selector = type
        ? `lightning-button[data-id="${id}"][data-type="${type}"]`
        : `lightning-button[data-id="${id}"]`;
    const found = $(element, selector);
    if (!found) throw new Error(`no button ${selector}`);
    return found;
}

function keypad(element: Element): ShadowRoot {
    const host = $(element, 'c-voice-dtmf-keypad');
    if (!host) throw new Error('no keypad');
    return shadow(host);
}

function transferForm(element: Element): ShadowRoot {
    const host = $(element, 'c-voice-transfer-form');
    if (!host) throw new Error('no transfer form');
    return shadow(host);
}

function change(target: Element | null, detail: Record<string, unknown>): void {
    if (!target) throw new Error('no input');
    target.dispatchEvent(new CustomEvent('change', { detail }));
}

function submit(form: Element | null): void {
    if (!form) throw new Error('no form');
    form.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
}

/** Keypad and transfer open on demand: presses the drawer's toggle when it is there. */
async function openDrawer(element: Element, toggle: 'toggle-keypad' | 'toggle-transfer'): Promise<void> {
    $(element, `lightning-button[data-id="${toggle}"]`)?.click();
    await flush();
}

async function threeWay(): Promise<void> {
    await connect();
    await fire('participantadded', ev.participant(THIRD));
}

describe('c-voice-call-controls', () => {
    afterEach(() => {
        resetDom();
        jest.useRealTimers();
    });

    describe('states', () => {
        it('shows the idle state and the preview dial before a call', async () => {
            const element = await mount();
            expect(text(element, '.idle')).toBe('No active call.');
            expect($(element, '.live')).toBeNull();
            expect($(element, 'form.dial')).not.toBeNull();
        });

        it('shows the unavailable state when the toolkit element is missing', async () => {
            voiceToolkitMock.withoutMethods();
            const element = await mount();
            expect(text(frame(element), '.unavailable')).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
            expect($(element, 'form.dial')).toBeNull();
        });

        it('offers accept and decline while ringing, with the caller as text', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted(ev.CALL_ID, '<img src=x onerror=alert(1)>'));
            expect(text(element, '.caller')).toBe('<img src=x onerror=alert(1)>');
            expect(shadow(element).querySelector('img')).toBeNull();
            expect(button(element, 'accept').label).toBe('Accept');
            expect(button(element, 'decline').label).toBe('Decline');
            expect($(element, 'form.dial')).toBeNull();
        });

        it('shows the talk time after the call ended and offers the dialer again', async () => {
            jest.useFakeTimers();
            const element = await mount();
            await connect();
            jest.advanceTimersByTime(65000);
            await fire('callended', ev.callIdOnly());
            expect(text(element, '.ended')).toBe('Call ended after 01:05.');
            expect($(element, '.call-time')).toBeNull();
            expect($(element, 'form.dial')).not.toBeNull();
        });
    });

    describe('answering', () => {
        it('accepts once while in flight and re-enables after the platform answers', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted());
            const deferred = voiceToolkitMock.deferNext('acceptCall');
            button(element, 'accept').click();
            button(element, 'accept').click();
            await flush();
            expect(voiceToolkitMock.fn('acceptCall')).toHaveBeenCalledTimes(1);
            expect(button(element, 'accept').disabled).toBe(true);
            expect(button(element, 'decline').disabled).toBe(true);
            expect(text(element, '.busy')).toBe('Working…');
            deferred.resolve();
            await flush();
            expect(button(element, 'accept').disabled).toBe(false);
            expect($(element, '.busy')).toBeNull();
        });

        it('shows a rejected accept and lets the agent retry', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted());
            voiceToolkitMock.rejectNext('acceptCall', new Error('<b>softphone busy</b>'));
            button(element, 'accept').click();
            await flush();
            const panel = $(element, 'c-error-panel') as
                (Stub & { friendlyMessage?: string; errors?: unknown }) | null;
            expect(panel?.friendlyMessage).toBe('The phone system refused the action. Try again.');
            expect(panel?.errors).toBe('<b>softphone busy</b>');
            expect(button(element, 'accept').disabled).toBe(false);

            button(element, 'accept').click();
            await flush();
            expect(voiceToolkitMock.fn('acceptCall')).toHaveBeenCalledTimes(2);
            expect($(element, 'c-error-panel')).toBeNull();
        });

        it('declines the call', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted());
            button(element, 'decline').click();
            await flush();
            expect(voiceToolkitMock.fn('declineCall')).toHaveBeenCalledTimes(1);
        });

        it('clears a stale error when the call moves on', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted());
            voiceToolkitMock.throwNext('acceptCall', new Error('boom'));
            button(element, 'accept').click();
            await flush();
            expect(($(element, 'c-error-panel') as Stub & { friendlyMessage?: string }).friendlyMessage).toBe(
                'The action failed. Try again.'
            );
            await connect();
            expect($(element, 'c-error-panel')).toBeNull();
        });
    });

    describe('while connected', () => {
        it('mutes, and shows muted only once the toolkit says so', async () => {
            const element = await mount();
            await connect();
            expect(button(element, 'mute').label).toBe('Mute');
            button(element, 'mute').click();
            await flush();
            expect(voiceToolkitMock.fn('mute')).toHaveBeenCalledTimes(1);
            expect(button(element, 'mute').label).toBe('Mute');
            expect($(element, '.muted-badge')).toBeNull();

            await fire('mute', ev.callIdOnly());
            expect(button(element, 'mute').label).toBe('Unmute');
            expect(text(element, '.muted-badge')).toBe('Muted');
            button(element, 'mute').click();
            await flush();
            expect(voiceToolkitMock.fn('unmute')).toHaveBeenCalledTimes(1);
        });

        it('runs the call timer and stops it when the call ends', async () => {
            jest.useFakeTimers();
            const element = await mount();
            await connect();
            expect(text(element, '.call-time')).toBe('Call time 00:00');
            jest.advanceTimersByTime(65000);
            await flush();
            expect(text(element, '.call-time')).toBe('Call time 01:05');
            expect(jest.getTimerCount()).toBe(1);
            await fire('callended', ev.callIdOnly());
            expect(jest.getTimerCount()).toBe(0);
        });

        it('clears the clock when removed from the page', async () => {
            jest.useFakeTimers();
            const element = await mount();
            await connect();
            expect(jest.getTimerCount()).toBe(1);
            element.remove();
            expect(jest.getTimerCount()).toBe(0);
        });

        it('holds and resumes the caller, with a hold timer from the snapshot', async () => {
            jest.useFakeTimers();
            const element = await mount();
            await connect();
            const hold = button(element, 'hold', 'Initial_Caller');
            expect(hold.label).toBe('Hold');
            hold.click();
            await flush();
            expect(voiceToolkitMock.fn('hold')).toHaveBeenCalledWith('Initial_Caller');

            await fire('hold', ev.participant(ev.CALLER));
            expect(button(element, 'hold', 'Initial_Caller').label).toBe('Resume');
            jest.advanceTimersByTime(5000);
            await flush();
            expect(text(element, '.hold-time')).toBe('On hold 00:05');

            button(element, 'hold', 'Initial_Caller').click();
            await flush();
            expect(voiceToolkitMock.fn('resume')).toHaveBeenCalledWith('Initial_Caller');
            await fire('resume', ev.participant(ev.CALLER));
            expect($(element, '.hold-time')).toBeNull();
        });

        it('ends the call for the agent', async () => {
            const element = await mount();
            await connect();
            button(element, 'end').click();
            await flush();
            expect(voiceToolkitMock.fn('endCall')).toHaveBeenCalledWith();
        });

        it('releases a hung action after the timeout and shows it', async () => {
            jest.useFakeTimers();
            const element = await mount();
            await connect();
            voiceToolkitMock.hangNext('endCall');
            button(element, 'end').click();
            await flush();
            expect(button(element, 'end').disabled).toBe(true);
            jest.advanceTimersByTime(10000);
            await flush();
            expect(button(element, 'end').disabled).toBe(false);
            expect(($(element, 'c-error-panel') as Stub & { friendlyMessage?: string }).friendlyMessage).toBe(
                'The phone system did not answer in time. Try again.'
            );
        });

        it('renders a hostile participant name literally', async () => {
            const element = await mount();
            await connect();
            await fire('participantadded', ev.participant('<script>alert(1)</script>'));
            const names = $$(element, '.participant-name').map((n) => n.textContent);
            expect(names).toEqual([ev.CALLER, '<script>alert(1)</script>']);
            expect(shadow(element).querySelector('script')).toBeNull();
        });
    });

    describe('recording', () => {
        it('pauses and resumes from the snapshot state', async () => {
            const element = await mount();
            await connect();
            expect(button(element, 'recording').label).toBe('Pause recording');
            button(element, 'recording').click();
            await flush();
            expect(voiceToolkitMock.fn('pauseRecording')).toHaveBeenCalledTimes(1);
            await fire('pauserecording', ev.callIdOnly());
            expect(button(element, 'recording').label).toBe('Resume recording');
            expect(text(element, '.recording-badge')).toBe('Recording paused');
            button(element, 'recording').click();
            await flush();
            expect(voiceToolkitMock.fn('resumeRecording')).toHaveBeenCalledTimes(1);
        });

        it('is hidden when the admin turned recording off', async () => {
            const element = await mount({ hideRecording: true });
            await connect();
            await fire('pauserecording', ev.callIdOnly());
            expect($(element, 'lightning-button[data-id="recording"]')).toBeNull();
            expect($(element, '.recording-badge')).toBeNull();
        });
    });

    describe('three-way call', () => {
        it('removes a specific participant', async () => {
            const element = await mount();
            await threeWay();
            expect($$(element, '.participant-role').map((n) => n.textContent)).toEqual([
                'Caller',
                'Third party'
            ]);
            button(element, 'remove', 'Third_Party').click();
            await flush();
            expect(voiceToolkitMock.fn('endCall')).toHaveBeenCalledWith('Third_Party');
            button(element, 'remove', 'Initial_Caller').click();
            await flush();
            expect(voiceToolkitMock.fn('endCall')).toHaveBeenCalledWith('Initial_Caller');
        });

        it('enables merge and swap only when someone is on hold', async () => {
            const element = await mount();
            await threeWay();
            expect(button(element, 'merge').disabled).toBe(true);
            expect(button(element, 'swap').disabled).toBe(true);
            await fire('hold', ev.participant(ev.CALLER));
            expect(button(element, 'merge').disabled).toBe(false);
            expect(button(element, 'swap').disabled).toBe(false);

            button(element, 'swap').click();
            await flush();
            expect(voiceToolkitMock.fn('swap')).toHaveBeenCalledTimes(1);
            button(element, 'merge').click();
            await flush();
            expect(voiceToolkitMock.fn('merge')).toHaveBeenCalledTimes(1);

            await fire('hold', ev.participant(THIRD));
            expect(button(element, 'swap').disabled).toBe(true);
            expect(button(element, 'merge').disabled).toBe(false);
        });

        it('holds the third party by its participant type', async () => {
            const element = await mount();
            await threeWay();
            button(element, 'hold', 'Third_Party').click();
            await flush();
            expect(voiceToolkitMock.fn('hold')).toHaveBeenCalledWith('Third_Party');
        });

        it('has no remove buttons on a two-party call', async () => {
            const element = await mount();
            await connect();
            expect($(element, 'lightning-button[data-id="remove"]')).toBeNull();
            expect($(element, '.conference')).toBeNull();
        });
    });

    describe('keypad', () => {
        it('sends one tone per key press', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-keypad');
            const keys = Array.from(keypad(element).querySelectorAll<HTMLButtonElement>('button.key'));
            expect(keys.map((k) => k.textContent?.trim())).toEqual([
                '1',
                '2',
                '3',
                'A',
                '4',
                '5',
                '6',
                'B',
                '7',
                '8',
                '9',
                'C',
                '*',
                '0',
                '#',
                'D'
            ]);
            keys[13].click();
            await flush();
            expect(voiceToolkitMock.fn('sendDigits')).toHaveBeenCalledWith('0');
        });

        it('sends a typed sequence and validates it first', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-keypad');
            const pad = keypad(element);
            change(pad.querySelector('lightning-input.digits'), { value: '12x' });
            submit(pad.querySelector('form.sequence'));
            await flush();
            expect(pad.querySelector('.digits-error')?.textContent).toBe(
                'Use 0-9, *, #, A-D or comma (up to 64).'
            );
            expect(voiceToolkitMock.fn('sendDigits')).not.toHaveBeenCalled();

            change(pad.querySelector('lightning-input.digits'), { value: ' 12,#a ' });
            await flush();
            expect(pad.querySelector('.digits-error')).toBeNull();
            submit(pad.querySelector('form.sequence'));
            await flush();
            expect(voiceToolkitMock.fn('sendDigits')).toHaveBeenCalledWith('12,#A');
        });

        it('disables the keys while a send is in flight', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-keypad');
            const deferred = voiceToolkitMock.deferNext('sendDigits');
            const first = keypad(element).querySelector<HTMLButtonElement>('button.key');
            first?.click();
            await flush();
            expect(first?.disabled).toBe(true);
            first?.click();
            submit(keypad(element).querySelector('form.sequence'));
            expect(voiceToolkitMock.fn('sendDigits')).toHaveBeenCalledTimes(1);
            deferred.resolve();
            await flush();
            expect(first?.disabled).toBe(false);
        });

        it('is hidden when the admin turned it off', async () => {
            const element = await mount({ hideKeypad: true });
            await connect();
            await openDrawer(element, 'toggle-keypad');
            expect($(element, 'c-voice-dtmf-keypad')).toBeNull();
        });
    });

    describe('add participant and transfer', () => {
        it('adds a participant by phone number and clears the form', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-transfer');
            const form = transferForm(element);
            change(form.querySelector('lightning-input.destination'), { value: '+1 (415) 555-0123' });
            await flush();
            expect((form.querySelector('lightning-button[data-id="submit"]') as Stub).label).toBe(
                'Add participant'
            );
            submit(form.querySelector('form'));
            await flush();
            expect(voiceToolkitMock.fn('addParticipant')).toHaveBeenCalledWith('PhoneNumber', THIRD, false);
            expect((form.querySelector('lightning-input.destination') as Stub).value).toBe('');
        });

        it('blind-transfers to a queue id', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-transfer');
            const form = transferForm(element);
            change(form.querySelector('lightning-radio-group'), { value: 'AgentOrQueueId' });
            change(form.querySelector('lightning-input.destination'), { value: ' queue/Support-1 ' });
            change(form.querySelector('lightning-input.blind'), { checked: true });
            await flush();
            expect((form.querySelector('lightning-input.destination') as Stub).label).toBe(
                'Agent or queue ID'
            );
            expect((form.querySelector('lightning-button[data-id="submit"]') as Stub).label).toBe('Transfer');
            submit(form.querySelector('form'));
            await flush();
            expect(voiceToolkitMock.fn('addParticipant')).toHaveBeenCalledWith(
                'AgentOrQueueId',
                'queue/Support-1',
                true
            );
        });

        it('explains an invalid destination and does not call the toolkit', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-transfer');
            const form = transferForm(element);
            change(form.querySelector('lightning-input.destination'), { value: 'call me' });
            submit(form.querySelector('form'));
            await flush();
            expect(form.querySelector('.destination-error')?.textContent).toBe('Enter a valid phone number.');

            change(form.querySelector('lightning-radio-group'), { value: 'AgentOrQueueId' });
            change(form.querySelector('lightning-input.destination'), { value: '   ' });
            submit(form.querySelector('form'));
            await flush();
            expect(form.querySelector('.destination-error')?.textContent).toBe('Enter an agent or queue ID.');
            expect(voiceToolkitMock.fn('addParticipant')).not.toHaveBeenCalled();
        });

        it('keeps the form and shows the error when the transfer fails', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-transfer');
            voiceToolkitMock.rejectNext('addParticipant', 'No such queue');
            const form = transferForm(element);
            change(form.querySelector('lightning-input.destination'), { value: '4155550123' });
            submit(form.querySelector('form'));
            await flush();
            expect((form.querySelector('lightning-input.destination') as Stub).value).toBe('4155550123');
            expect(($(element, 'c-error-panel') as Stub & { errors?: unknown }).errors).toBe('No such queue');
            expect((form.querySelector('lightning-button[data-id="submit"]') as Stub).disabled).toBe(false);
        });

        it('ignores a submit while the previous request is in flight', async () => {
            const element = await mount();
            await connect();
            await openDrawer(element, 'toggle-transfer');
            voiceToolkitMock.hangNext('addParticipant');
            const form = transferForm(element);
            change(form.querySelector('lightning-input.destination'), { value: '4155550123' });
            submit(form.querySelector('form'));
            await flush();
            submit(form.querySelector('form'));
            await flush();
            expect(voiceToolkitMock.fn('addParticipant')).toHaveBeenCalledTimes(1);
        });

        it('hides transfer and conference controls when the admin turned them off', async () => {
            const element = await mount({ hideTransfer: true, hideConference: true });
            await threeWay();
            expect($(element, 'c-voice-transfer-form')).toBeNull();
            expect($(element, '.conference')).toBeNull();
        });
    });

    describe('preview dial', () => {
        it('validates the number, dials and clears it', async () => {
            const element = await mount();
            change($(element, 'lightning-input.dial-number'), { value: 'abc' });
            submit($(element, 'form.dial'));
            await flush();
            expect(text(element, '.dial-error')).toBe('Enter a valid phone number.');
            expect(voiceToolkitMock.fn('startPreviewCall')).not.toHaveBeenCalled();

            change($(element, 'lightning-input.dial-number'), { value: '(415) 555-0123' });
            await flush();
            expect($(element, '.dial-error')).toBeNull();
            submit($(element, 'form.dial'));
            await flush();
            expect(voiceToolkitMock.fn('startPreviewCall')).toHaveBeenCalledWith('4155550123');
            expect($(element, 'lightning-input.dial-number')?.value).toBe('');
        });

        it('keeps the number when the dial fails', async () => {
            const element = await mount();
            voiceToolkitMock.rejectNext('startPreviewCall', 'Not allowed');
            change($(element, 'lightning-input.dial-number'), { value: '4155550123' });
            submit($(element, 'form.dial'));
            await flush();
            expect($(element, 'lightning-input.dial-number')?.value).toBe('4155550123');
            expect($(element, 'c-error-panel')).not.toBeNull();
        });

        it('is hidden when the admin turned it off', async () => {
            const element = await mount({ hidePreviewDial: true });
            expect($(element, 'form.dial')).toBeNull();
        });
    });

    describe('embedded in the agent desktop', () => {
        function fakeToolkit(available = true): VoiceToolkitElement {
            const ok = (action: string): Promise<ActionResult> =>
                Promise.resolve({ ok: true, action } as ActionResult);
            return parentToolkit(available, {
                mute: jest.fn(() => ok('mute')),
                hold: jest.fn(() => ok('hold'))
            });
        }

        function connectedSession(): CallSession {
            return applyEvent(createSession(), 'callconnected', ev.callConnected(), Date.now());
        }

        it('renders the parent snapshot and acts through the parent bridge', async () => {
            const toolkit = fakeToolkit();
            const element = await mount({ toolkit, session: connectedSession() });
            expect(voiceToolkitMock.instances()).toHaveLength(0);
            button(element, 'mute').click();
            await flush();
            expect(toolkit.mute).toHaveBeenCalledTimes(1);
        });

        it('follows a new snapshot from the parent', async () => {
            const toolkit = fakeToolkit();
            const element = await mount({ toolkit, session: createSession() });
            expect($(element, '.idle')).not.toBeNull();
            (element as HTMLElement & { session: CallSession }).session = connectedSession();
            await flush();
            expect($(element, '.live')).not.toBeNull();
        });

        it('shows unavailable when the parent bridge is', async () => {
            const element = await mount({ toolkit: fakeToolkit(false), session: createSession() });
            expect($(frame(element), '.unavailable')).not.toBeNull();
        });
    });

    describe('what the agent sees', () => {
        it('rings an outbound call as "Calling …" with Cancel, never Accept, and no "Caller" label', async () => {
            const element = await mount();
            await fire('callstarted', { callId: ev.CALL_ID, callType: 'outbound', participant: THIRD });
            expect(text(element, '.state')).toBe('Calling +14155550123');
            expect($(element, 'lightning-button[data-id="accept"]')).toBeNull();
            expect(button(element, 'end').label).toBe('Cancel');
            button(element, 'end').click();
            await flush();
            expect(voiceToolkitMock.fn('endCall')).toHaveBeenCalledTimes(1);
            expect(voiceToolkitMock.fn('acceptCall')).not.toHaveBeenCalled();
            await fire('callconnected', ev.callIdOnly());
            expect(text(element, '.participant-role')).toBe('Called party');
        });

        it('gives working caller controls when the first event is a bare callconnected', async () => {
            const element = await mount();
            await fire('callconnected', ev.callIdOnly());
            expect(text(element, '.participant-name')).toBe('Number not shown');
            button(element, 'hold', 'Initial_Caller').click();
            await flush();
            expect(voiceToolkitMock.fn('hold')).toHaveBeenCalledWith('Initial_Caller');
        });

        it('says "On hold" when the only party is held, and "Conference" after a merge', async () => {
            const element = await mount();
            await connect();
            expect(text(element, '.state')).toBe('Connected');
            await fire('hold', ev.participant(ev.CALLER));
            expect(text(element, '.state')).toBe('On hold');
            await fire('resume', ev.participant(ev.CALLER));
            await fire('participantadded', ev.participant(THIRD));
            await fire('hold', ev.participant(ev.CALLER));
            expect(text(element, '.state')).toBe('Connected');
            await fire('conference', ev.callIdOnly());
            expect(text(element, '.state')).toBe('Conference');
            expect($(element, '.status')?.getAttribute('aria-live')).toBe('polite');
        });

        it('shows mute and paused recording as badges in the status line', async () => {
            const element = await mount();
            await connect();
            await fire('mute', ev.callIdOnly());
            await fire('pauserecording', ev.callIdOnly());
            expect(text(element, '.status .muted-badge')).toBe('Muted');
            expect(text(element, '.status .recording-badge')).toBe('Recording paused');
        });

        it('shows call quality from the nested audio stats', async () => {
            const element = await mount();
            await connect();
            await fire('audiostats', {
                callId: ev.CALL_ID,
                stats: [{ inputChannelStats: { packetsLost: 90, packetsCount: 1000 } }]
            });
            expect($(element, '.quality-badge')?.dataset.quality).toBe('poor');
            expect(text(element, '.quality-badge')).toBe('Line poor');
        });

        it('keeps keypad and transfer closed until asked, and closes them for the next call', async () => {
            const element = await mount();
            await connect();
            expect($(element, 'c-voice-dtmf-keypad')).toBeNull();
            expect($(element, 'c-voice-transfer-form')).toBeNull();
            await openDrawer(element, 'toggle-keypad');
            expect($(element, 'c-voice-dtmf-keypad')).not.toBeNull();
            expect(button(element, 'toggle-keypad').getAttribute('aria-expanded')).toBe('true');
            await fire('callended', ev.callIdOnly());
            await fire('callconnected', ev.callConnected(ev.OTHER_CALL_ID));
            expect($(element, 'c-voice-dtmf-keypad')).toBeNull();
        });

        it('keeps the clicked control in place: Accept becomes Mute, Decline becomes End call', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted());
            const accept = button(element, 'accept');
            const decline = button(element, 'decline');
            await fire('callconnected', ev.callIdOnly());
            expect(button(element, 'mute')).toBe(accept);
            expect(button(element, 'end')).toBe(decline);
            await fire('callended', ev.callIdOnly());
            expect(button(element, 'end')).toBe(decline);
            expect(button(element, 'end').disabled).toBe(true);
        });

        it('puts the error under the controls, lets the agent dismiss it, and folds the details', async () => {
            voiceToolkitMock.rejectNext('mute', new Error('mute did not finish within 10000 ms'));
            const element = await mount();
            await connect();
            button(element, 'mute').click();
            await flush();
            const panel = $(element, 'c-error-panel') as Stub & {
                detailsLabel?: string;
                dismissLabel?: string;
            };
            expect(panel.detailsLabel).toBe('Details for your admin');
            const order = Array.from(shadow(element).querySelectorAll('.actions, c-error-panel'));
            expect(order.map((e) => e.localName)).toEqual(['div', 'c-error-panel']);
            panel.dispatchEvent(new CustomEvent('dismiss'));
            await flush();
            expect($(element, 'c-error-panel')).toBeNull();
        });

        it('leaves out only the controls whose toolkit method is missing', async () => {
            voiceToolkitMock.withoutMethods(['sendDigits', 'startPreviewCall', 'merge']);
            const element = await mount();
            expect($(frame(element), '.unavailable')).toBeNull();
            expect($(element, 'form.dial')).toBeNull();
            await threeWay();
            expect($(element, 'lightning-button[data-id="toggle-keypad"]')).toBeNull();
            expect($(element, 'lightning-button[data-id="merge"]')).toBeNull();
            expect($(element, 'lightning-button[data-id="toggle-transfer"]')).not.toBeNull();
            button(element, 'mute').click();
            await flush();
            expect(voiceToolkitMock.fn('mute')).toHaveBeenCalledTimes(1);
        });

        it('does not offer dialling on a VoiceCall record page, which follows only its own call', async () => {
            const element = await mount({ recordId: '0LQ5e000000abcdGAA' });
            expect($(element, 'form.dial')).toBeNull();
            const elsewhere = await mount({ recordId: '5005e000000abcdAAA' });
            expect($(elsewhere, 'form.dial')).not.toBeNull();
        });
    });

    describe('accessibility', () => {
        it('is accessible while ringing', async () => {
            const element = await mount();
            await fire('callstarted', ev.callStarted());
            await expect(element).toBeAccessible();
        });

        it('is accessible during a three-way call with a hold and an error', async () => {
            const element = await mount();
            await threeWay();
            await fire('hold', ev.participant(ev.CALLER));
            voiceToolkitMock.rejectNext('mute', 'offline');
            button(element, 'mute').click();
            await flush();
            await expect(element).toBeAccessible();
        });
    });
});
