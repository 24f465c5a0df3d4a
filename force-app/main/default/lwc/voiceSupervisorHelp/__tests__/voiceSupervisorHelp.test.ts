import VoiceSupervisorHelp from 'c/voiceSupervisorHelp';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import { resetClaims } from 'c/voicePageOnce';
import { formatClock } from 'c/voiceFormat';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import { resetUiRecordApiMock, updateRecord } from '@jest-tests/lightning/uiRecordApi/uiRecordApi';
import { toastMock } from '@jest-tests/lightning/platformShowToastEvent/platformShowToastEvent';
import * as ev from '@jest-tests/fixtures/toolkitEvents';
import * as objectInfoApi from 'lightning/uiObjectInfoApi';
import {
    $ as shadowQuery,
    frame,
    text,
    texts,
    fireToolkit as fire,
    flush,
    mountSettled,
    parentToolkit,
    resetDom
} from '@jest-tests/dom';

/** sfdx-lwc-jest's built-in stub makes this an LDS test wire adapter. */
const objectInfo = objectInfoApi.getObjectInfo as unknown as { emit(value: unknown): void };

const RECORD_ID = '0LQ000000000001AAA';
const HOSTILE = '<img src=x onerror=alert(1)>';

type Stub = HTMLElement & { label?: string; disabled?: boolean; friendlyMessage?: string; errors?: unknown };

const mount = (props: Record<string, unknown> = {}): Promise<HTMLElement> =>
    mountSettled('c-voice-supervisor-help', VoiceSupervisorHelp, { recordId: RECORD_ID, ...props });
const $ = (element: Element, selector: string): Stub | null => shadowQuery<Stub>(element, selector);

function saveButton(element: HTMLElement): Stub {
    const found = $(element, 'lightning-button[data-id="save"]');
    if (!found) throw new Error('no save button');
    return found;
}

const raise = (): ConversationArgs =>
    ev.message(1, 'Customer wants a manager', { role: 'Agent', displayName: 'Ann Agent', id: 'flag-1' });
const lower = (): ConversationArgs =>
    ev.message(5, null, { role: 'Supervisor', displayName: 'Sam Supervisor', id: 'lower-1' });
const note = (n: number, body: string, role: 'Supervisor' | 'Agent' = 'Supervisor'): ConversationArgs =>
    ev.message(n, body, {
        role,
        displayName: role === 'Agent' ? 'Ann Agent' : 'Sam Supervisor',
        id: `note-${n}`
    });
type ConversationArgs = ReturnType<typeof ev.message>;

describe('c-voice-supervisor-help', () => {
    afterEach(() => {
        resetDom();
        toastMock.reset();
        resetUiRecordApiMock();
        resetClaims();
    });

    describe('states', () => {
        it('shows the idle state before a call', async () => {
            const element = await mount();
            expect(text(frame(element), '.idle')).toBe(
                'Flags and supervisor notes appear here during a call.'
            );
        });

        it('shows unavailable without the toolkit', async () => {
            voiceToolkitMock.withoutMethods();
            const element = await mount();
            expect(text(frame(element), '.unavailable')).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
        });

        it('shows empty flag and notes during a quiet call', async () => {
            const element = await mount();
            await fire('callconnected', ev.callConnected());
            expect(text(element, '.no-flag')).toBe('No flag raised.');
            expect(text(element, '.no-notes')).toBe('No notes yet.');
            expect(saveButton(element).disabled).toBe(true);
        });
    });

    describe('flag', () => {
        it('shows who raised it, when and why, then who lowered it', async () => {
            const element = await mount();
            await fire('callconnected', ev.callConnected());
            await fire('flagraise', raise());
            expect(text(element, '.flag-state')).toBe('Flag raised');
            expect(text(element, '.raised-by')).toBe(
                `Raised by Ann Agent (Agent) at ${formatClock(ev.T0 + 1000)}`
            );
            expect(text(element, '.reason-text')).toBe('Customer wants a manager');

            await fire('flaglower', lower());
            expect(text(element, '.flag-state')).toBe('Flag lowered');
            expect(text(element, '.lowered-by')).toBe(
                `Lowered by Sam Supervisor (Supervisor) at ${formatClock(ev.T0 + 5000)}`
            );
        });

        it('renders a hostile reason literally', async () => {
            const element = await mount();
            await fire('callconnected', ev.callConnected());
            await fire('flagraise', ev.message(1, HOSTILE, { role: 'Agent', id: 'flag-x' }));
            expect(text(element, '.reason-text')).toBe(HOSTILE);
            expect(text(element, '.raised-by')).toContain('Unnamed');
            expect(element.shadowRoot?.querySelector('img')).toBeNull();
        });

        it('toasts once when a supervisor lowers the flag, even with two panels on the page', async () => {
            await mount();
            await mount();
            await fire('callconnected', ev.callConnected());
            await fire('flagraise', raise());
            await fire('flaglower', lower());
            await fire('flaglower', lower());
            expect(toastMock.toasts()).toEqual([
                { title: 'Sam Supervisor lowered the flag', variant: 'info' }
            ]);
        });

        it('does not toast the agent lowering their own flag', async () => {
            await mount();
            await fire('callconnected', ev.callConnected());
            await fire('flagraise', raise());
            await fire('flaglower', ev.message(6, null, { role: 'Agent', id: 'lower-2' }));
            expect(toastMock.toasts()).toEqual([]);
        });
    });

    describe('notes', () => {
        it('lists the thread with sender, role and time, as text', async () => {
            const element = await mount();
            await fire('callconnected', ev.callConnected());
            await fire('note', note(2, HOSTILE));
            await fire('note', note(3, 'On it', 'Agent'));
            expect(texts(element, '.note-sender')).toEqual(['Sam Supervisor', 'Ann Agent']);
            expect(texts(element, '.note-role')).toEqual(['Supervisor', 'Agent']);
            expect(texts(element, '.note-time')).toEqual([
                formatClock(ev.T0 + 2000),
                formatClock(ev.T0 + 3000)
            ]);
            expect(texts(element, '.note-text')).toEqual([HOSTILE, 'On it']);
            expect(element.shadowRoot?.querySelector('img')).toBeNull();
        });

        it('toasts each supervisor note once across panels, and never the agent’s own', async () => {
            await mount();
            await mount();
            await fire('callconnected', ev.callConnected());
            await fire('note', note(2, 'Offer the refund'));
            await fire('note', note(2, 'Offer the refund'));
            await fire('note', note(3, 'ok', 'Agent'));
            await fire('note', note(4, 'Then close'));
            expect(toastMock.toasts()).toEqual([
                { title: 'New note from Sam Supervisor', message: 'Offer the refund', variant: 'info' },
                { title: 'New note from Sam Supervisor', message: 'Then close', variant: 'info' }
            ]);
        });

        it('stays quiet when the admin turned notifications off', async () => {
            await mount({ hideNoteToasts: true });
            await fire('callconnected', ev.callConnected());
            await fire('note', note(2, 'Offer the refund'));
            expect(toastMock.toasts()).toEqual([]);
        });
    });

    describe('save notes to the call', () => {
        async function withThread(props: Record<string, unknown> = {}): Promise<HTMLElement> {
            const element = await mount(props);
            await fire('callconnected', ev.callConnected());
            await fire('flagraise', raise());
            await fire('note', note(2, 'Offer the refund'));
            await fire('flaglower', lower());
            toastMock.reset();
            return element;
        }

        it('writes the thread as plain text, oldest first, and confirms', async () => {
            const element = await withThread();
            saveButton(element).click();
            await flush();
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    Supervisor_Notes__c: [
                        `Flag raised by Ann Agent (Agent) at ${new Date(ev.T0 + 1000).toISOString()}: Customer wants a manager`,
                        `[${new Date(ev.T0 + 2000).toISOString()}] Sam Supervisor (Supervisor): Offer the refund`,
                        `Flag lowered by Sam Supervisor (Supervisor) at ${new Date(ev.T0 + 5000).toISOString()}`
                    ].join('\n')
                }
            });
            expect(toastMock.toasts()).toEqual([{ title: 'Notes saved to the call', variant: 'success' }]);
            expect(saveButton(element).disabled).toBe(false);
        });

        it('saves once while in flight', async () => {
            const element = await withThread();
            let release: () => void = () => undefined;
            updateRecord.mockImplementationOnce(
                () =>
                    new Promise((resolve) => {
                        release = () => resolve({ apiName: 'VoiceCall', id: RECORD_ID, fields: {} });
                    })
            );
            saveButton(element).click();
            await flush();
            expect(saveButton(element).disabled).toBe(true);
            expect(saveButton(element).label).toBe('Saving notes…');
            saveButton(element).click();
            await flush();
            expect(updateRecord).toHaveBeenCalledTimes(1);
            release();
            await flush();
            expect(saveButton(element).label).toBe('Save notes to call');
        });

        it('shows the error, re-enables and saves on retry', async () => {
            const element = await withThread();
            updateRecord.mockRejectedValueOnce({ body: { message: 'INSUFFICIENT_ACCESS' } });
            saveButton(element).click();
            await flush();
            expect(toastMock.last()).toEqual({
                title: 'Could not save notes to the call',
                variant: 'error',
                mode: 'sticky'
            });
            expect($(element, 'c-error-panel.save-error')?.errors).toEqual({
                body: { message: 'INSUFFICIENT_ACCESS' }
            });
            expect(saveButton(element).disabled).toBe(false);
            saveButton(element).click();
            await flush();
            expect(updateRecord).toHaveBeenCalledTimes(2);
            expect($(element, 'c-error-panel.save-error')).toBeNull();
        });

        it('is disabled without a VoiceCall record', async () => {
            const element = await withThread({ recordId: undefined });
            expect(text(element, '.needs-record')).toBe('Open the voice call record to save notes.');
            expect(saveButton(element).disabled).toBe(true);
            saveButton(element).click();
            await flush();
            expect(updateRecord).not.toHaveBeenCalled();
        });

        it('keeps the newest text when the thread is longer than the field', async () => {
            const element = await withThread();
            // The model caps one note at 10,000 characters: four long notes overflow the 32,768 field.
            for (const n of [11, 12, 13, 14]) voiceToolkitMock.fire('note', note(n, 'x'.repeat(9000)));
            await flush();
            saveButton(element).click();
            await flush();
            const saved = (updateRecord.mock.calls[0][0].fields.Supervisor_Notes__c as string) ?? '';
            expect(saved).toHaveLength(32768);
            expect(saved.endsWith('x')).toBe(true);
        });

        it('explains and disables saving for users who cannot edit the field', async () => {
            const element = await withThread();
            objectInfo.emit({ apiName: 'VoiceCall', defaultRecordTypeId: '012000000000000AAA', fields: {} });
            await flush();
            expect(text(element, '.no-access')).toBe("You don't have permission to save notes to the call.");
            expect(saveButton(element).disabled).toBe(true);
            objectInfo.emit({
                apiName: 'VoiceCall',
                defaultRecordTypeId: '012000000000000AAA',
                fields: {
                    Supervisor_Notes__c: {
                        apiName: 'Supervisor_Notes__c',
                        label: 'Supervisor Notes',
                        updateable: true
                    }
                }
            });
            await flush();
            expect($(element, '.no-access')).toBeNull();
            expect(saveButton(element).disabled).toBe(false);
        });

        it('is hidden when the admin turned it off', async () => {
            const element = await withThread({ hideSaveNotes: true });
            expect($(element, 'lightning-button[data-id="save"]')).toBeNull();
        });
    });

    describe('embedded', () => {
        function withNote(): CallSession {
            const connected = applyEvent(createSession(), 'callconnected', ev.callConnected(), 1);
            return applyEvent(connected, 'note', note(2, 'From the parent'), 2);
        }

        it('renders and announces the parent snapshot', async () => {
            const toolkit = parentToolkit(true);
            const element = await mount({ toolkit, session: withNote() });
            expect(texts(element, '.note-text')).toEqual(['From the parent']);
            expect(toastMock.toasts()).toHaveLength(1);
        });

        it('shows unavailable when the parent bridge is', async () => {
            const toolkit = parentToolkit(false);
            const element = await mount({ toolkit, session: createSession() });
            expect($(frame(element), '.unavailable')).not.toBeNull();
        });
    });

    it('is accessible with a raised flag, notes and a save error', async () => {
        const element = await mount();
        await fire('callconnected', ev.callConnected());
        await fire('flagraise', raise());
        await fire('note', note(2, HOSTILE));
        updateRecord.mockRejectedValueOnce(new Error('offline'));
        saveButton(element).click();
        await flush();
        await expect(element).toBeAccessible();
    });

    it('is accessible with a lowered flag', async () => {
        const element = await mount();
        await fire('callconnected', ev.callConnected());
        await fire('flagraise', raise());
        await fire('flaglower', lower());
        await expect(element).toBeAccessible();
    });
});
