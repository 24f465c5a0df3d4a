// The shared platform mocks behave as documented in jest-tests/README.md.
import { NavigationMixin, navigationMock } from '../navigation/navigation';
import {
    getFieldDisplayValue,
    getFieldValue,
    notifyRecordUpdateAvailable,
    resetUiRecordApiMock,
    updateRecord
} from '../uiRecordApi/uiRecordApi';
import { empApiMock, isEmpEnabled, onError, subscribe, unsubscribe } from '../empApi/empApi';
import {
    SHOW_TOAST_EVENT_NAME,
    ShowToastEvent,
    toastMock
} from '../platformShowToastEvent/platformShowToastEvent';
import type { PageReference } from 'lightning/navigation';
import type { RecordRepresentation } from 'lightning/uiRecordApi';

describe('jest-tests platform mocks', () => {
    afterEach(() => {
        navigationMock.reset();
        resetUiRecordApiMock();
        empApiMock.reset();
        toastMock.reset();
    });

    describe('lightning/navigation', () => {
        class Base {}
        const Navigating = NavigationMixin(Base) as unknown as new () => Record<
            symbol,
            (...a: unknown[]) => unknown
        >;
        const pageRef: PageReference = {
            type: 'standard__recordPage',
            attributes: { recordId: '001', actionName: 'view' }
        };

        it('records Navigate and GenerateUrl', async () => {
            const component = new Navigating();
            component[NavigationMixin.Navigate](pageRef, true);
            navigationMock.setGeneratedUrl('https://x.invalid/001');
            await expect(component[NavigationMixin.GenerateUrl](pageRef)).resolves.toBe(
                'https://x.invalid/001'
            );
            expect(navigationMock.lastPageReference()).toBe(pageRef);
            expect(navigationMock.navigateCalls()).toEqual([{ pageReference: pageRef, replace: true }]);
            expect(navigationMock.generateUrlCalls()).toEqual([pageRef]);
        });

        it('starts empty after reset', () => {
            expect(navigationMock.lastPageReference()).toBeUndefined();
        });
    });

    describe('lightning/uiRecordApi', () => {
        const record: RecordRepresentation = {
            apiName: 'VoiceCall',
            id: '0LQ000000000001AAA',
            fields: {
                CallDisposition: { value: 'resolved', displayValue: 'Resolved' },
                RelatedRecord: {
                    value: {
                        apiName: 'Case',
                        id: '500',
                        fields: { CaseNumber: { value: '42', displayValue: null } }
                    },
                    displayValue: null
                }
            }
        };

        it('reads field values and display values, following relationships', () => {
            expect(getFieldValue(record, 'VoiceCall.CallDisposition')).toBe('resolved');
            expect(
                getFieldValue(record, {
                    objectApiName: 'VoiceCall',
                    fieldApiName: 'RelatedRecord.CaseNumber'
                })
            ).toBe('42');
            expect(getFieldDisplayValue(record, 'VoiceCall.CallDisposition')).toBe('Resolved');
            expect(getFieldValue(record, 'VoiceCall.Missing')).toBeUndefined();
            expect(getFieldValue(undefined, 'VoiceCall.CallDisposition')).toBeUndefined();
            expect(() => getFieldValue(record, 'CallDisposition')).toThrow(TypeError);
        });

        it('resolves updateRecord with the echoed record and can be made to fail', async () => {
            await expect(updateRecord({ fields: { Id: '0LQ1', Notes__c: 'n' } })).resolves.toMatchObject({
                id: '0LQ1',
                fields: { Notes__c: { value: 'n' } }
            });
            updateRecord.mockRejectedValueOnce(new Error('locked'));
            await expect(updateRecord({ fields: { Id: '0LQ1' } })).rejects.toThrow('locked');
            await expect(notifyRecordUpdateAvailable([{ recordId: '0LQ1' }])).resolves.toBeUndefined();
        });
    });

    describe('lightning/empApi', () => {
        it('delivers emitted messages to subscribers until they unsubscribe', async () => {
            const received: unknown[] = [];
            const subscription = await subscribe('/event/RealtimeAlertEvent', -1, (m) =>
                received.push(m.data.payload)
            );
            expect(empApiMock.emit('/event/RealtimeAlertEvent', { Name: 'HighLatency' })).toBe(1);
            expect(empApiMock.subscribedChannels()).toEqual(['/event/RealtimeAlertEvent']);
            await expect(unsubscribe(subscription)).resolves.toMatchObject({ successful: true });
            expect(empApiMock.emit('/event/RealtimeAlertEvent', { Name: 'Again' })).toBe(0);
            expect(received).toEqual([{ Name: 'HighLatency' }]);
        });

        it('calls onError handlers and reports enablement', async () => {
            const handler = jest.fn();
            onError(handler);
            empApiMock.emitError({ error: 'handshake' });
            expect(handler).toHaveBeenCalledWith({ error: 'handshake' });
            empApiMock.setEnabled(false);
            await expect(isEmpEnabled()).resolves.toBe(false);
        });
    });

    describe('lightning/platformShowToastEvent', () => {
        it('builds the platform event and records it', () => {
            const event = new ShowToastEvent({ title: 'Saved', variant: 'success' });
            expect(event.type).toBe(SHOW_TOAST_EVENT_NAME);
            expect(event.bubbles && event.composed).toBe(true);
            expect(toastMock.last()).toEqual({ title: 'Saved', variant: 'success' });
            expect(toastMock.toasts()).toHaveLength(1);
        });
    });
});
