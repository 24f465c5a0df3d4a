import { createElement } from 'lwc';
import VoiceAlertMonitor, { CHANNEL, PAYLOAD_PREVIEW_LENGTH, REFRESH_DELAY_MS } from 'c/voiceAlertMonitor';
import { formatClock } from 'c/voiceFormat';
import getRecentAlerts from '@salesforce/apex/VoiceAlertController.getRecentAlerts';
import acknowledgeAlert from '@salesforce/apex/VoiceAlertController.acknowledgeAlert';
import { refreshApex } from '@salesforce/apex';
import {
    empApiMock,
    isEmpEnabled,
    onError,
    subscribe,
    unsubscribe
} from '@jest-tests/lightning/empApi/empApi';
import { toastMock } from '@jest-tests/lightning/platformShowToastEvent/platformShowToastEvent';
import type { EmpSubscription } from 'lightning/empApi';
import alertRows from './data/alertRows.json';
import { $, $$, flush, mountSettled, must, resetDom } from '@jest-tests/dom';

jest.mock(
    '@salesforce/apex/VoiceAlertController.getRecentAlerts',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/VoiceAlertController.acknowledgeAlert', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface ApexTestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, httpStatus?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}

interface MonitorElement extends HTMLElement {
    historySize?: unknown;
    minimumSeverity?: unknown;
    hideBanner?: unknown;
}

const wireAdapter = getRecentAlerts as unknown as ApexTestWireAdapter;
const acknowledge = acknowledgeAlert as unknown as jest.Mock;
const refresh = refreshApex as unknown as jest.Mock;

const EVENT_TIME = '2025-03-04T10:15:30.000Z';
const HOSTILE = '<img src=x onerror=alert(1)>';

function liveEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        Name: 'Queue wait time high',
        Description: 'Average wait above 120 s',
        Severity: 'Critical',
        Source: 'CloudWatch/QueueWait',
        Payload: '{"threshold":120}',
        EventDateTime: EVENT_TIME,
        EventUuid: 'uuid-1',
        ...overrides
    };
}

const mount = (props: Partial<MonitorElement> = {}): Promise<MonitorElement> =>
    mountSettled<MonitorElement>('c-voice-alert-monitor', VoiceAlertMonitor, props);

function emit(payload: Record<string, unknown>): number {
    return empApiMock.emit(CHANNEL, payload);
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
    let resolve: (value: T) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

describe('c-voice-alert-monitor', () => {
    afterEach(() => {
        resetDom();
        empApiMock.reset();
        toastMock.reset();
        jest.useRealTimers();
    });

    describe('lightning/empApi', () => {
        it('subscribes to RealtimeAlertEvent for new events and unsubscribes on disconnect', async () => {
            const element = await mount();
            expect(isEmpEnabled).toHaveBeenCalled();
            expect(subscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
            expect(empApiMock.subscribedChannels()).toEqual([CHANNEL]);
            expect($(element, '.streaming-live')?.textContent).toBe('Live');

            element.remove();
            await flush();
            expect(unsubscribe).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }));
            expect(empApiMock.subscribedChannels()).toEqual([]);
            expect(emit(liveEvent())).toBe(0);
        });

        it('registers one error handler per page however often monitors mount, so a removed one is freed', async () => {
            // empApi cannot remove an onError handler: one registered per instance would keep every removed
            // monitor alive. The page-wide handler was registered by an earlier mount (or is registered now).
            const before = onError.mock.calls.length;
            const element = await mount();
            element.remove();
            document.body.appendChild(element);
            await flush();
            const other = await mount();
            other.remove();
            expect(onError.mock.calls.length - before).toBeLessThanOrEqual(1);
            expect(empApiMock.subscribedChannels()).toEqual([CHANNEL]);
            empApiMock.emitError({ subscription: CHANNEL });
            await flush();
            expect($(element, '.streaming-unavailable')).not.toBeNull();
        });

        it('subscribes once when moved before the first handshake finished', async () => {
            const element = createElement('c-voice-alert-monitor', { is: VoiceAlertMonitor });
            document.body.appendChild(element);
            element.remove();
            document.body.appendChild(element);
            await flush();
            expect(empApiMock.subscribedChannels()).toEqual([CHANNEL]);
        });

        it('shows connecting until the subscription is confirmed', async () => {
            const pending = deferred<EmpSubscription>();
            subscribe.mockReturnValueOnce(pending.promise);
            const element = await mount();
            expect($(element, '.streaming-connecting')?.textContent).toBe('Connecting');
            expect($(element, '.streaming-live')).toBeNull();
        });

        it('drops a subscription that completes after the component is gone', async () => {
            const pending = deferred<EmpSubscription>();
            subscribe.mockReturnValueOnce(pending.promise);
            const element = await mount();
            element.remove();
            const late: EmpSubscription = { id: 'late', channel: CHANNEL, replayId: -1 };
            pending.resolve(late);
            await flush();
            expect(unsubscribe).toHaveBeenCalledWith(late);
        });

        it('ignores unsubscribe failures', async () => {
            unsubscribe.mockImplementationOnce(() => Promise.reject(new Error('gone')));
            const element = await mount();
            element.remove();
            await flush();
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('does not subscribe when removed before streaming is checked', async () => {
            const element = createElement('c-voice-alert-monitor', { is: VoiceAlertMonitor });
            document.body.appendChild(element);
            element.remove();
            await flush();
            expect(subscribe).not.toHaveBeenCalled();
        });

        it('shows the unavailable state and still the history when streaming is disabled', async () => {
            empApiMock.setEnabled(false);
            const element = await mount();
            wireAdapter.emit(alertRows);
            await flush();
            expect(subscribe).not.toHaveBeenCalled();
            expect(must(element, '.streaming-unavailable').textContent).toContain(
                'Live alerts are unavailable. Use Refresh to update the recent alerts.'
            );
            expect($$(element, '.history-row').length).toBeGreaterThan(0);
        });

        it('shows the unavailable state when subscribing fails', async () => {
            subscribe.mockImplementationOnce(() => Promise.reject(new Error('handshake failed')));
            const element = await mount();
            expect($(element, '.streaming-unavailable')).not.toBeNull();
            expect($(element, '.streaming-live')).toBeNull();
        });

        it('does not touch state when subscribing fails after disconnect', async () => {
            const pending = deferred<EmpSubscription>();
            subscribe.mockReturnValueOnce(pending.promise);
            const element = await mount();
            element.remove();
            pending.reject(new Error('late failure'));
            await flush();
            expect(unsubscribe).not.toHaveBeenCalled();
        });

        it('turns unavailable on a streaming error and live again when events flow', async () => {
            const element = await mount();
            empApiMock.emitError({ subscription: '/event/OtherEvent', error: '403' });
            await flush();
            expect($(element, '.streaming-unavailable')).toBeNull();

            empApiMock.emitError({ subscription: CHANNEL, error: '403::Unknown client' });
            await flush();
            expect($(element, '.streaming-unavailable')).not.toBeNull();

            emit(liveEvent());
            await flush();
            expect($(element, '.streaming-unavailable')).toBeNull();
            expect($(element, '.streaming-live')).not.toBeNull();
        });

        it('treats an error without a channel as unavailable', async () => {
            const element = await mount();
            empApiMock.emitError('network down');
            await flush();
            expect($(element, '.streaming-unavailable')).not.toBeNull();
        });

        it('ignores errors and messages after disconnect', async () => {
            const element = await mount();
            const listener = subscribe.mock.calls[0][2];
            element.remove();
            empApiMock.emitError({ subscription: CHANNEL });
            listener({ channel: CHANNEL, data: { payload: liveEvent() } });
            await flush();
            expect(refresh).not.toHaveBeenCalled();
        });
    });

    describe('hostile values', () => {
        it.each(['__proto__', 'constructor', 'toString'])(
            'shows a severity of %s as Unknown',
            async (severity) => {
                const element = await mount();
                emit(liveEvent({ Severity: severity }));
                await flush();
                expect(must(element, '.banner-severity').textContent).toBe('Unknown');
            }
        );

        it('survives an EventDateTime outside the Date range, live and in history rows', async () => {
            const element = await mount();
            emit(liveEvent({ EventDateTime: 1e20 }));
            wireAdapter.emit([
                {
                    Id: 'a01000000000001AAA',
                    Name: 'Far future',
                    Severity__c: '__proto__',
                    Event_Time__c: 9e15
                },
                {
                    Id: 'a01000000000002AAA',
                    Name: 'Odd',
                    Severity__c: 'constructor',
                    Event_Time__c: '+275760-09-14'
                }
            ]);
            await flush();
            expect($$(element, '.history-row')).toHaveLength(2);
            expect($(element, '.banner')).not.toBeNull();
        });
    });

    describe('live banner', () => {
        it('renders the newest alert with severity, name, time and source', async () => {
            const element = await mount();
            emit(liveEvent({ Name: 'First', EventUuid: 'a' }));
            emit(liveEvent({ Name: 'Second', EventUuid: 'b' }));
            await flush();
            const banner = must(element, 'section.banner');
            expect(banner.classList).toContain('slds-theme_error');
            expect(banner.dataset.severity).toBe('Critical');
            expect(must(element, '.banner-severity').textContent).toBe('Critical');
            expect(must(element, '.banner-name').textContent).toBe('Second');
            expect(must(element, '.banner-time').textContent).toBe(formatClock(Date.parse(EVENT_TIME)));
            expect(must(element, '.banner-time').getAttribute('datetime')).toBe(EVENT_TIME);
            expect(must(element, '.banner-source').textContent).toBe('Source: CloudWatch/QueueWait');
            expect(must(element, '.banner-description').textContent).toBe('Average wait above 120 s');
            expect(must(element, '.announcer').textContent).toBe('New Critical alert: Second');
        });

        it.each([
            ['critical', 'Critical', 'slds-theme_error', 'bare-inverse'],
            [' WARNING ', 'Warning', 'slds-theme_warning', 'bare'],
            ['warn', 'Warning', 'slds-theme_warning', 'bare'],
            ['Information', 'Information', 'slds-theme_info', 'bare-inverse'],
            ['Informational', 'Information', 'slds-theme_info', 'bare-inverse'],
            ['INFO', 'Information', 'slds-theme_info', 'bare-inverse'],
            ['', 'Unknown', 'slds-theme_shade', 'bare'],
            ['Sev1', 'Unknown', 'slds-theme_shade', 'bare'],
            [undefined, 'Unknown', 'slds-theme_shade', 'bare']
        ])('shows severity %p as %s', async (raw, severity, theme, dismissVariant) => {
            const element = await mount();
            emit(liveEvent({ Severity: raw }));
            await flush();
            const banner = must(element, 'section.banner');
            expect(banner.dataset.severity).toBe(severity);
            expect(banner.classList).toContain(theme);
            expect(must(element, '.banner-severity').textContent).toBe(severity);
            expect(
                (must(element, 'lightning-button-icon.dismiss') as HTMLElement & { variant: string }).variant
            ).toBe(dismissVariant);
        });

        it('renders a hostile payload and name as literal text', async () => {
            const element = await mount();
            emit(liveEvent({ Name: HOSTILE, Payload: `${HOSTILE}\n  <script>alert(2)</script>` }));
            await flush();
            expect(element.shadowRoot?.querySelector('img')).toBeNull();
            expect(element.shadowRoot?.querySelector('script')).toBeNull();
            expect(must(element, '.banner-name').textContent).toBe(HOSTILE);
            expect(must(element, 'pre.payload').textContent).toBe(`${HOSTILE}\n  <script>alert(2)</script>`);
            expect(must(element, 'details.payload-section summary').textContent).toBe('Payload');
            expect($(element, '.payload-toggle')).toBeNull();
        });

        it('shortens a long payload until Show more is pressed', async () => {
            const payload = 'x'.repeat(PAYLOAD_PREVIEW_LENGTH) + 'TAIL';
            const element = await mount();
            emit(liveEvent({ Payload: payload }));
            await flush();
            const toggle = must(element, '.payload-toggle');
            expect(must(element, 'pre.payload').textContent).toHaveLength(PAYLOAD_PREVIEW_LENGTH);
            expect(must(element, '.payload-truncated').textContent).toBe(
                `Showing the first ${PAYLOAD_PREVIEW_LENGTH} of ${payload.length} characters.`
            );
            expect(toggle.getAttribute('aria-expanded')).toBe('false');
            expect(toggle.textContent?.trim()).toBe('Show more');

            toggle.click();
            await flush();
            expect(must(element, 'pre.payload').textContent).toBe(payload);
            expect($(element, '.payload-truncated')).toBeNull();
            expect(toggle.getAttribute('aria-expanded')).toBe('true');
            expect(toggle.textContent?.trim()).toBe('Show less');

            toggle.click();
            await flush();
            expect(must(element, 'pre.payload').textContent).toHaveLength(PAYLOAD_PREVIEW_LENGTH);
        });

        it('omits the payload section and source for alerts without them', async () => {
            const element = await mount();
            emit(liveEvent({ Payload: { nested: true }, Source: '  ' }));
            await flush();
            expect($(element, '.payload-section')).toBeNull();
            expect(must(element, '.banner-source').textContent).toBe('');
        });

        it('falls back to the unnamed label, CreatedDate and the arrival time', async () => {
            const element = await mount();
            const created = '2025-03-04T09:00:00.000Z';
            emit(liveEvent({ Name: '   ', EventDateTime: 'not a date', CreatedDate: created }));
            await flush();
            expect(must(element, '.banner-name').textContent).toBe('Unnamed alert');
            expect(must(element, '.banner-time').getAttribute('datetime')).toBe(created);

            const before = Date.now();
            emit(liveEvent({ EventDateTime: null, EventUuid: undefined }));
            await flush();
            const shown = Date.parse(must(element, '.banner-time').getAttribute('datetime') ?? '');
            expect(shown).toBeGreaterThanOrEqual(before - 1000);

            emit(liveEvent({ EventDateTime: Date.parse(EVENT_TIME), Name: 'epoch' }));
            await flush();
            expect(must(element, '.banner-time').getAttribute('datetime')).toBe(EVENT_TIME);

            emit(liveEvent({ EventDateTime: Number.NaN, CreatedDate: '', Name: 'nan' }));
            await flush();
            expect(must(element, '.banner-name').textContent).toBe('nan');
        });

        it('ignores messages without a payload object', async () => {
            const element = await mount();
            const listener = subscribe.mock.calls[0][2];
            listener({ channel: CHANNEL, data: { payload: 'text' } } as never);
            listener({ channel: CHANNEL } as never);
            listener(null as never);
            await flush();
            expect($(element, 'section.banner')).toBeNull();
        });

        it('is dismissible', async () => {
            const element = await mount();
            emit(liveEvent());
            await flush();
            must(element, 'lightning-button-icon.dismiss').click();
            await flush();
            expect($(element, 'section.banner')).toBeNull();
            expect(must(element, '.announcer').textContent).toBe('');
        });

        it('shows no banner when hideBanner is on, but still refreshes the history', async () => {
            jest.useFakeTimers();
            const element = await mount({ hideBanner: 'true' });
            wireAdapter.emit(alertRows);
            emit(liveEvent());
            await flush();
            expect($(element, 'section.banner')).toBeNull();
            jest.advanceTimersByTime(REFRESH_DELAY_MS);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect((element as MonitorElement).hideBanner).toBe(true);
        });

        it('reads hideBanner booleans and keeps the default for anything else', async () => {
            const element = await mount({ hideBanner: true });
            expect(element.hideBanner).toBe(true);
            element.hideBanner = 'maybe';
            expect(element.hideBanner).toBe(false);
            element.hideBanner = 'false';
            emit(liveEvent());
            await flush();
            expect($(element, 'section.banner')).not.toBeNull();
        });

        it('refreshes the history once per burst, after the log has been written', async () => {
            jest.useFakeTimers();
            const element = await mount();
            wireAdapter.emit(alertRows);
            emit(liveEvent({ EventUuid: 'a' }));
            emit(liveEvent({ EventUuid: 'b' }));
            await flush();
            expect(refresh).not.toHaveBeenCalled();
            jest.advanceTimersByTime(REFRESH_DELAY_MS);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(refresh.mock.calls[0][0]).toEqual(expect.objectContaining({ data: alertRows }));

            emit(liveEvent({ EventUuid: 'c' }));
            element.remove();
            jest.advanceTimersByTime(REFRESH_DELAY_MS);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
        });

        it('ignores live alerts below the minimum severity', async () => {
            jest.useFakeTimers();
            const element = await mount({ minimumSeverity: 'critical' });
            wireAdapter.emit(alertRows);
            expect(wireAdapter.getLastConfig()).toEqual({ maxAlerts: 20, severities: ['Critical'] });
            expect((element as MonitorElement).minimumSeverity).toBe('Critical');
            emit(liveEvent({ Severity: 'Warning' }));
            emit(liveEvent({ Severity: '' }));
            await flush();
            jest.advanceTimersByTime(REFRESH_DELAY_MS);
            expect($(element, 'section.banner')).toBeNull();
            expect(refresh).not.toHaveBeenCalled();

            emit(liveEvent({ Severity: 'CRITICAL' }));
            await flush();
            expect($(element, 'section.banner')).not.toBeNull();
        });

        it('asks for Warning and above, or everything by default', async () => {
            const warning = await mount({ minimumSeverity: 'Warning' });
            expect(wireAdapter.getLastConfig()).toEqual({
                maxAlerts: 20,
                severities: ['Critical', 'Warning']
            });
            warning.remove();
            await mount({ minimumSeverity: 'bogus' });
            expect(wireAdapter.getLastConfig()).toEqual({
                maxAlerts: 20,
                severities: ['Critical', 'Warning', 'Information', 'Unknown']
            });
        });
    });

    describe('history (getRecentAlerts)', () => {
        it('shows a spinner until the wire provisions', async () => {
            const element = await mount();
            expect($(element, 'lightning-spinner')).not.toBeNull();
            expect($(element, '.history-empty')).toBeNull();
        });

        it('renders valid rows and drops malformed ones', async () => {
            const element = await mount();
            wireAdapter.emit([
                ...alertRows,
                null,
                'row',
                [],
                { Name: 'no id' },
                { Id: '   ', Name: 'blank id' },
                { Id: 42, Name: 'numeric id' },
                { Id: 'a0X000000000009', Name: { nested: 'object' } },
                { Id: 'a0X000000000001', Name: 'duplicate of the first row' }
            ]);
            await flush();
            const rows = $$(element, '.history-row');
            expect(rows.map((row) => row.dataset.id)).toEqual([
                'a0X000000000001',
                'a0X000000000002',
                'a0X000000000003',
                'a0X000000000004'
            ]);
            expect(rows.map((row) => row.dataset.severity)).toEqual([
                'Critical',
                'Warning',
                'Information',
                'Unknown'
            ]);
            const first = rows[0];
            expect(first.querySelector('.history-name')?.textContent).toBe('Contact flow errors');
            expect(first.querySelector('.severity')?.className).toContain('slds-theme_error');
            expect(first.querySelector('.history-time')?.textContent).toBe(
                formatClock(Date.parse('2025-03-04T10:00:00.000Z'))
            );
            expect(first.querySelector('.history-source')?.textContent).toBe(
                'Source: CloudWatch/ContactFlow'
            );
            expect(first.querySelector('button.acknowledge')?.getAttribute('aria-label')).toBe(
                'Acknowledge Contact flow errors'
            );
            expect(rows[1].querySelector('.acknowledged')?.textContent).toBe(
                'Acknowledged by Sam Supervisor'
            );
            expect(rows[2].querySelector('.acknowledged')?.textContent).toBe('Acknowledged');
            expect(rows[3].querySelector('.history-name')?.textContent).toBe('Unnamed alert');
            expect(rows[3].querySelector('.history-source')).toBeNull();
            expect(rows[3].querySelector('.history-time')?.textContent).toBe('');
        });

        it('shows the empty state for no rows or a non-list result', async () => {
            const element = await mount();
            wireAdapter.emit({ unexpected: 'shape' });
            await flush();
            expect($(element, '.history-empty')?.textContent).toBe('No recent alerts.');
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('shows the error panel when the wire fails', async () => {
            const element = await mount();
            wireAdapter.error({ message: 'Insufficient access' });
            await flush();
            const panel = must(element, 'c-error-panel') as HTMLElement & {
                friendlyMessage: string;
                errors: unknown;
            };
            expect(panel.friendlyMessage).toBe('Could not load recent alerts');
            expect(panel.shadowRoot?.textContent).toContain('Insufficient access');
            expect($(element, '.history-empty')).toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();

            wireAdapter.emit(alertRows);
            await flush();
            expect($(element, 'c-error-panel')).toBeNull();
        });

        it('passes the clamped history size', async () => {
            const big = await mount({ historySize: 500 });
            expect(wireAdapter.getLastConfig().maxAlerts).toBe(200);
            expect((big as MonitorElement).historySize).toBe(200);
            big.remove();
            await mount({ historySize: 'abc' });
            expect(wireAdapter.getLastConfig().maxAlerts).toBe(20);
            document.body.replaceChildren();
            await mount({ historySize: 0 });
            expect(wireAdapter.getLastConfig().maxAlerts).toBe(20);
            document.body.replaceChildren();
            await mount({ historySize: '5' });
            expect(wireAdapter.getLastConfig().maxAlerts).toBe(5);
        });

        it('refreshes on demand and shows a failed refresh', async () => {
            const element = await mount();
            wireAdapter.emit(alertRows);
            await flush();
            must(element, 'lightning-button-icon.refresh').click();
            await flush();
            expect(refresh).toHaveBeenCalledWith(expect.objectContaining({ data: alertRows }));
            expect($(element, 'c-error-panel')).toBeNull();

            refresh.mockRejectedValueOnce({ body: { message: 'Session expired' } });
            must(element, 'lightning-button-icon.refresh').click();
            await flush();
            expect(refresh).toHaveBeenCalledTimes(2);
            expect($(element, 'c-error-panel')).not.toBeNull();
            expect($$(element, '.history-row')).toHaveLength(4);
        });
    });

    describe('acknowledge (acknowledgeAlert)', () => {
        async function mountWithHistory(): Promise<MonitorElement> {
            const element = await mount();
            wireAdapter.emit(alertRows);
            await flush();
            return element;
        }

        function ackButton(element: HTMLElement): HTMLButtonElement {
            return must(element, 'li[data-id="a0X000000000001"] button.acknowledge') as HTMLButtonElement;
        }

        it('disables the button while in flight, toasts success and refreshes', async () => {
            const pending = deferred<unknown>();
            acknowledge.mockReturnValueOnce(pending.promise);
            const element = await mountWithHistory();
            const button = ackButton(element);
            button.click();
            button.click();
            await flush();
            expect(acknowledge).toHaveBeenCalledTimes(1);
            expect(acknowledge).toHaveBeenCalledWith({ alertId: 'a0X000000000001' });
            expect(button.disabled).toBe(true);
            expect(button.textContent?.trim()).toBe('Acknowledging…');
            expect(button.getAttribute('aria-label')).toBe('Acknowledging…');

            pending.resolve({
                Id: 'a0X000000000001',
                Name: 'Contact flow errors (server)',
                Acknowledged__c: true
            });
            await flush();
            expect(toastMock.last()).toEqual({
                title: 'Alert acknowledged',
                message: 'Contact flow errors (server)',
                variant: 'success'
            });
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(ackButton(element).disabled).toBe(false);
        });

        it('falls back to the row name when the result has none', async () => {
            acknowledge.mockResolvedValueOnce(null);
            const element = await mountWithHistory();
            ackButton(element).click();
            await flush();
            expect(toastMock.last()?.message).toBe('Contact flow errors');
        });

        it('toasts the reduced error and re-enables the button on failure', async () => {
            acknowledge.mockRejectedValueOnce({ body: { message: 'The alert could not be acknowledged.' } });
            const element = await mountWithHistory();
            ackButton(element).click();
            await flush();
            expect(toastMock.last()).toEqual({
                title: 'Alert not acknowledged',
                message: 'The alert could not be acknowledged.',
                variant: 'error'
            });
            expect(refresh).not.toHaveBeenCalled();
            expect(ackButton(element).disabled).toBe(false);
            expect(ackButton(element).textContent?.trim()).toBe('Acknowledge');
        });

        it('uses the generic failure text for an error without a message', async () => {
            acknowledge.mockRejectedValueOnce({});
            const element = await mountWithHistory();
            ackButton(element).click();
            await flush();
            expect(toastMock.last()?.message).toBe(
                'The alert could not be acknowledged. It may be deleted, or you cannot edit it.'
            );
        });

        it('ignores a click without an alert id', async () => {
            const element = await mountWithHistory();
            const button = ackButton(element);
            delete button.dataset.id;
            button.click();
            await flush();
            expect(acknowledge).not.toHaveBeenCalled();
        });
    });

    it('is accessible', async () => {
        const element = await mount();
        wireAdapter.emit(alertRows);
        emit(liveEvent({ Payload: 'y'.repeat(PAYLOAD_PREVIEW_LENGTH + 1) }));
        await flush();
        await expect(element).toBeAccessible();
    });

    it('is accessible when streaming is unavailable and the history failed', async () => {
        empApiMock.setEnabled(false);
        const element = await mount();
        wireAdapter.error();
        await flush();
        await expect(element).toBeAccessible();
    });
});
