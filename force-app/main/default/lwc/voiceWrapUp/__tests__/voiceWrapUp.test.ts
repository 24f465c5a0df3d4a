import { createElement } from 'lwc';
import VoiceWrapUp from 'c/voiceWrapUp';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import * as objectInfoApi from 'lightning/uiObjectInfoApi';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import { resetUiRecordApiMock, updateRecord } from '@jest-tests/lightning/uiRecordApi/uiRecordApi';
import * as ev from '@jest-tests/fixtures/toolkitEvents';
import {
    $ as shadowQuery,
    fireToolkit as fire,
    flush,
    frame,
    mount as mountComponent,
    must as mustFind,
    parentToolkit,
    resetDom,
    text
} from '@jest-tests/dom';

/** sfdx-lwc-jest's built-in stub makes these LDS test wire adapters. */
interface TestAdapter {
    emit(value: unknown, filter?: (config: unknown) => boolean): void;
    error(body?: unknown): void;
}
const objectInfo = objectInfoApi.getObjectInfo as unknown as TestAdapter;
const picklist = objectInfoApi.getPicklistValues as unknown as TestAdapter;

const RECORD_ID = '0LQ000000000001AAA';
/** VoiceCall.CallResolution is a picklist; these stand for the org's values. */
const RESOLUTIONS = {
    defaultValue: { label: 'Resolved', value: 'Resolved' },
    values: [
        { label: 'Resolved', value: 'Resolved' },
        { label: 'Escalated', value: 'Escalated' }
    ]
};
/** Emits picklist values to the wire of one field only (both picklists use getPicklistValues). */
const forField = (field: string) => (config: unknown) => JSON.stringify(config).includes(field);
const OUTCOMES = {
    defaultValue: null,
    values: [
        { label: 'Resolved', value: 'Resolved' },
        { label: 'Follow-Up Required', value: 'Follow_Up_Required' }
    ]
};

type Stub = HTMLElement & {
    label?: string;
    value?: string;
    disabled?: boolean;
    options?: unknown;
    friendlyMessage?: string;
    errors?: unknown;
    maxLength?: number;
    required?: boolean;
};

async function mount(props: Record<string, unknown> = {}): Promise<HTMLElement> {
    const element = mountComponent('c-voice-wrap-up', VoiceWrapUp, { recordId: RECORD_ID, ...props });
    objectInfo.emit({ apiName: 'VoiceCall', defaultRecordTypeId: '012000000000000AAA', fields: {} });
    await flush(); // the picklist wires get their config once the record type is known
    picklist.emit(OUTCOMES, forField('Call_Disposition__c'));
    picklist.emit(RESOLUTIONS, forField('CallResolution'));
    await flush();
    return element;
}

const $ = (element: Element, selector: string): Stub | null => shadowQuery<Stub>(element, selector);
const must = (element: Element, selector: string): Stub => mustFind<Stub>(element, selector);

function change(element: HTMLElement, selector: string, value: unknown): void {
    must(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function save(element: HTMLElement): Promise<void> {
    must(element, 'form').dispatchEvent(new CustomEvent('submit', { cancelable: true }));
    await flush();
}

async function endCall(): Promise<void> {
    await fire('callconnected', ev.callConnected());
    await fire('callended', ev.callIdOnly());
}

async function fill(element: HTMLElement): Promise<void> {
    change(element, 'lightning-combobox.disposition', 'Resolved');
    change(element, 'lightning-combobox.resolution', 'Escalated');
    change(element, 'lightning-textarea', '<img src=x onerror=alert(1)> called back');
    await flush();
}

describe('c-voice-wrap-up', () => {
    afterEach(() => {
        resetDom();
        resetUiRecordApiMock();
    });

    describe('states', () => {
        it('shows the idle state before and during the call', async () => {
            const element = await mount();
            expect(text(frame(element), '.idle')).toBe('The wrap-up form opens when the call ends.');
            await fire('callconnected', ev.callConnected());
            expect(text(frame(element), '.idle')).toBe('The wrap-up form opens when the call ends.');
            expect($(element, 'form')).toBeNull();
        });

        it('opens the form when the call ends, with outcomes from the picklist', async () => {
            const element = await mount();
            await endCall();
            const combobox = must(element, 'lightning-combobox.disposition');
            expect(combobox.options).toEqual(OUTCOMES.values);
            expect(combobox.required).toBe(true);
            expect(combobox.disabled).toBe(false);
        });

        it('offers the CallResolution picklist values, never a free-text box', async () => {
            const element = await mount();
            await endCall();
            const resolution = must(element, 'lightning-combobox.resolution');
            expect(resolution.options).toEqual(RESOLUTIONS.values);
            expect(resolution.disabled).toBe(false);
            expect($(element, 'lightning-input.resolution')).toBeNull();
        });

        it('disables the resolution picker until its values load', async () => {
            const element = createElement('c-voice-wrap-up', { is: VoiceWrapUp });
            Object.assign(element, { recordId: RECORD_ID });
            document.body.appendChild(element);
            objectInfo.emit({ apiName: 'VoiceCall', defaultRecordTypeId: '012000000000000AAA', fields: {} });
            await flush();
            picklist.emit(OUTCOMES, forField('Call_Disposition__c'));
            await flush();
            await endCall();
            expect(must(element, 'lightning-combobox.resolution').disabled).toBe(true);
        });

        it('shows unavailable without the toolkit', async () => {
            voiceToolkitMock.withoutMethods();
            const element = await mount();
            expect(text(frame(element), '.unavailable')).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
        });

        it('shows that wrap-up ended when nothing was entered', async () => {
            const element = await mount();
            await endCall();
            await fire('wrapupended', ev.callIdOnly());
            expect(text(element, '.ended')).toBe('After-call work has ended.');
            expect($(element, 'form')).toBeNull();
        });

        it('keeps unsaved input when wrap-up ends', async () => {
            const element = await mount();
            await endCall();
            change(element, 'lightning-textarea', 'half written');
            await fire('wrapupended', ev.callIdOnly());
            expect(must(element, 'lightning-textarea').value).toBe('half written');
        });

        it('starts a fresh form for the next call once the previous one is saved', async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            await save(element);
            await fire('wrapupended', ev.callIdOnly());
            await fire('callconnected', ev.callConnected(ev.OTHER_CALL_ID));
            await fire('callended', ev.callIdOnly(ev.OTHER_CALL_ID));
            expect(must(element, 'lightning-textarea').value).toBe('');
            expect(must(element, 'lightning-combobox.disposition').value).toBe('');
            expect($(element, '.carried-over')).toBeNull();
        });

        it("keeps the previous call's unsaved work through the next call and saves it to its own record", async () => {
            const element = await mount();
            const pending: boolean[] = [];
            element.addEventListener('wrapuppending', (e) => pending.push((e as CustomEvent).detail.pending));
            await endCall();
            await fill(element);
            await fire('wrapupended', ev.callIdOnly());
            Object.assign(element, { recordId: '0LQ000000000002AAA' });
            await fire('callconnected', ev.callConnected(ev.OTHER_CALL_ID));
            expect(must(element, 'lightning-textarea').value).toBe(
                '<img src=x onerror=alert(1)> called back'
            );
            expect(text(element, '.carried-over')).toBe(
                'Unsaved wrap-up from the previous call. Save or discard it.'
            );
            expect(pending).toEqual([true]);
            await save(element);
            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(jest.mocked(updateRecord).mock.calls[0][0].fields.Id).toBe(RECORD_ID);
            expect(pending).toEqual([true, false]);
            // The form now belongs to the new call: empty, and it opens when that call ends.
            await fire('callended', ev.callIdOnly(ev.OTHER_CALL_ID));
            expect(must(element, 'lightning-textarea').value).toBe('');
            expect($(element, '.carried-over')).toBeNull();
        });

        it("lets the agent discard the previous call's unsaved work", async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            await fire('callconnected', ev.callConnected(ev.OTHER_CALL_ID));
            must(element, 'lightning-button[data-id="discard"]').click();
            await flush();
            expect($(element, '.carried-over')).toBeNull();
            expect($(element, 'form')).toBeNull();
            expect(updateRecord).not.toHaveBeenCalled();
        });
    });

    describe('back-to-back calls', () => {
        const THIRD = 'c3c3c3c3-0000-4000-8000-000000000003';

        it("gives B its own form after A's unsaved draft, when B ends and C rings", async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            await fire('callconnected', ev.callConnected(ev.OTHER_CALL_ID));
            await fire('callended', ev.callIdOnly(ev.OTHER_CALL_ID));
            await fire('callstarted', { callId: THIRD, callType: 'inbound', participant: '+14155550123' });
            // A's draft first, then B's own (empty) form, still marked as a previous call's.
            await save(element);
            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(must(element, 'lightning-textarea').value).toBe('');
            expect(text(element, '.carried-over')).toBe(
                'Unsaved wrap-up from the previous call. Save or discard it.'
            );
            change(element, 'lightning-combobox', 'Resolved');
            await flush();
            await save(element);
            expect(updateRecord).toHaveBeenCalledTimes(2);
            expect($(element, '.carried-over')).toBeNull();
        });

        it('skips a call that only rang (declined) on the way to the live one', async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            await fire('callstarted', { callId: ev.OTHER_CALL_ID });
            await fire('callstarted', { callId: THIRD });
            must(element, 'lightning-button[data-id="discard"]').click();
            await flush();
            expect($(element, '.carried-over')).toBeNull();
            expect($(element, 'form')).toBeNull();
        });

        it('shows the call saved in a second wrap-up panel on the page once the first saved it', async () => {
            const first = await mount();
            const second = await mount();
            await endCall();
            await fill(first);
            await save(first);
            expect($(second, 'form')).toBeNull();
            expect(text(second, '.saved')).toContain('Wrap-up saved.');
        });
    });

    describe('validation', () => {
        it('requires an outcome before saving', async () => {
            const element = await mount();
            await endCall();
            await save(element);
            expect(text(element, '.disposition-error')).toBe('Select a call outcome.');
            expect(updateRecord).not.toHaveBeenCalled();
        });

        it('lets the admin make the outcome optional', async () => {
            const element = await mount({ optionalDisposition: true });
            await endCall();
            expect(must(element, 'lightning-combobox.disposition').required).toBe(false);
            await save(element);
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    CallResolution: null,
                    Call_Disposition__c: null,
                    Agent_Call_Notes__c: ''
                }
            });
        });

        it('limits the notes length and counts characters', async () => {
            const element = await mount({ notesMaxLength: 10 });
            await endCall();
            change(element, 'lightning-combobox.disposition', 'Resolved');
            change(element, 'lightning-textarea', 'x'.repeat(11));
            await flush();
            expect(text(element, '.notes-count')).toBe('11/10');
            expect(text(element, '.notes-error')).toBe('Notes can be at most 10 characters.');
            expect(must(element, 'lightning-textarea').maxLength).toBe(10);
            await save(element);
            expect(updateRecord).not.toHaveBeenCalled();
        });

        it('falls back to the field length for a nonsense limit', async () => {
            const element = await mount({ notesMaxLength: -3 });
            await endCall();
            expect(text(element, '.notes-count')).toBe('0/32768');
        });

        it('caps the limit at the field length', async () => {
            const element = await mount({ notesMaxLength: 100000 });
            await endCall();
            expect(text(element, '.notes-count')).toBe('0/32768');
        });
    });

    describe('saving', () => {
        it('saves once to the VoiceCall and shows the saved state', async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            let release: () => void = () => undefined;
            updateRecord.mockImplementationOnce(
                () =>
                    new Promise((resolve) => {
                        release = () => resolve({ apiName: 'VoiceCall', id: RECORD_ID, fields: {} });
                    })
            );
            await save(element);
            expect(must(element, 'lightning-button[data-id="save"]').disabled).toBe(true);
            expect(must(element, 'lightning-button[data-id="save"]').label).toBe('Saving…');
            await save(element);
            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    CallResolution: 'Escalated',
                    Call_Disposition__c: 'Resolved',
                    Agent_Call_Notes__c: '<img src=x onerror=alert(1)> called back'
                }
            });
            release();
            await flush();
            expect($(element, 'form')).toBeNull();
            expect(text(element, '.saved')).toBe('Wrap-up saved.');
        });

        it('shows the error, keeps the input and saves on retry', async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            updateRecord.mockRejectedValueOnce({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' } });
            await save(element);
            const panel = must(element, 'c-error-panel.save-error');
            expect(panel.friendlyMessage).toBe('Could not save the wrap-up');
            expect(panel.errors).toEqual({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' } });
            expect(must(element, 'lightning-button[data-id="save"]').disabled).toBe(false);
            expect(must(element, 'lightning-combobox.disposition').value).toBe('Resolved');

            await save(element);
            expect(updateRecord).toHaveBeenCalledTimes(2);
            expect($(element, 'c-error-panel.save-error')).toBeNull();
            expect($(element, '.saved')).not.toBeNull();
        });

        it('keeps a failed save retryable after wrap-up ended', async () => {
            const element = await mount({ optionalDisposition: true });
            await endCall();
            updateRecord.mockRejectedValueOnce(new Error('offline'));
            await save(element);
            await fire('wrapupended', ev.callIdOnly());
            expect($(element, 'c-error-panel.save-error')).not.toBeNull();
        });

        it('lets the agent edit after saving until wrap-up ends', async () => {
            const element = await mount();
            await endCall();
            await fill(element);
            await save(element);
            must(element, 'lightning-button[data-id="edit"]').click();
            await flush();
            expect(must(element, 'lightning-combobox.resolution').value).toBe('Escalated');
            await save(element);
            await fire('wrapupended', ev.callIdOnly());
            expect($(element, '.saved')).not.toBeNull();
            expect($(element, 'lightning-button[data-id="edit"]')).toBeNull();
        });

        it('cannot save without a VoiceCall record', async () => {
            const element = await mount({ recordId: undefined });
            await endCall();
            await fill(element);
            expect(text(element, '.needs-record')).toBe('Open the voice call record to save the wrap-up.');
            expect(must(element, 'lightning-button[data-id="save"]').disabled).toBe(true);
            await save(element);
            expect(updateRecord).not.toHaveBeenCalled();
        });

        it('leaves CallResolution alone when the admin hid it', async () => {
            const element = await mount({ hideResolution: true });
            await endCall();
            expect($(element, 'lightning-combobox.resolution')).toBeNull();
            change(element, 'lightning-combobox.disposition', 'Resolved');
            await save(element);
            expect(updateRecord).toHaveBeenCalledWith({
                fields: { Id: RECORD_ID, Call_Disposition__c: 'Resolved', Agent_Call_Notes__c: '' }
            });
        });

        it('treats change events without a value as empty', async () => {
            const element = await mount();
            await endCall();
            change(element, 'lightning-combobox.disposition', undefined);
            change(element, 'lightning-combobox.resolution', undefined);
            change(element, 'lightning-textarea', undefined);
            await flush();
            expect(text(element, '.notes-count')).toBe('0/32768');
        });
    });

    describe('outcomes', () => {
        it('shows why outcomes could not load and disables the picker', async () => {
            const element = createElement('c-voice-wrap-up', { is: VoiceWrapUp });
            Object.assign(element, { recordId: RECORD_ID });
            document.body.appendChild(element);
            objectInfo.error({ message: 'No access to VoiceCall' });
            await flush();
            await endCall();
            expect(must(element, 'c-error-panel.outcomes-error').friendlyMessage).toBe(
                'Could not load call outcomes'
            );
            expect(must(element, 'lightning-combobox.disposition').disabled).toBe(true);
        });

        it('reports a picklist failure too', async () => {
            const element = createElement('c-voice-wrap-up', { is: VoiceWrapUp });
            Object.assign(element, { recordId: RECORD_ID });
            document.body.appendChild(element);
            objectInfo.emit({ apiName: 'VoiceCall', defaultRecordTypeId: '012000000000000AAA', fields: {} });
            picklist.error({ message: 'boom' });
            await flush();
            await endCall();
            expect($(element, 'c-error-panel.outcomes-error')).not.toBeNull();
        });
    });

    describe('embedded', () => {
        function ended(): CallSession {
            const connected = applyEvent(createSession(), 'callconnected', ev.callConnected(), 1);
            return applyEvent(connected, 'callended', ev.callIdOnly(), 2);
        }

        it('renders the parent snapshot without a bridge of its own', async () => {
            const toolkit = parentToolkit(true);
            const element = await mount({ toolkit, session: ended() });
            expect($(element, 'form')).not.toBeNull();
        });

        it('shows unavailable when the parent bridge is', async () => {
            const toolkit = parentToolkit(false);
            const element = await mount({ toolkit, session: createSession() });
            expect($(frame(element), '.unavailable')).not.toBeNull();
        });
    });

    it('is accessible with the form open and an error shown', async () => {
        const element = await mount();
        await endCall();
        await save(element);
        updateRecord.mockRejectedValueOnce(new Error('offline'));
        change(element, 'lightning-combobox.disposition', 'Resolved');
        await save(element);
        await expect(element).toBeAccessible();
    });

    it('is accessible in the saved state', async () => {
        const element = await mount();
        await endCall();
        await fill(element);
        await save(element);
        await expect(element).toBeAccessible();
    });
});
