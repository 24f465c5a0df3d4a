import { formatClock, formatLabel } from 'c/voiceFormat';
import SOURCE from '@salesforce/label/c.Voice_Alerts_Source';
import ACKNOWLEDGED_BY from '@salesforce/label/c.Voice_Alerts_AcknowledgedBy';
import ACKNOWLEDGE_NAMED from '@salesforce/label/c.Voice_Alerts_AcknowledgeNamed';
import ANNOUNCEMENT from '@salesforce/label/c.Voice_Alerts_Announcement';
import PAYLOAD_TRUNCATED from '@salesforce/label/c.Voice_Alerts_PayloadTruncated';
import CRITICAL from '@salesforce/label/c.Voice_Alerts_SeverityCritical';
import type { HistoryAlert, LiveAlert, Severity } from '../alertModel';
import {
    PAYLOAD_PREVIEW_LENGTH,
    announcementText,
    bannerView,
    cachedBannerView,
    historyRowView
} from '../alertView';

const EVENT_TIME = '2026-11-22T14:03:27.000Z';

// Labels read as their real text (jest-tests/labels): asserted literally, or through the imported label.
const COMMON = {
    alertName: 'Queue wait',
    source: 'CloudWatch/QueueWait',
    description: 'Average wait above 120 s',
    eventTime: Date.parse(EVENT_TIME)
};

function live(overrides: Partial<LiveAlert> = {}): LiveAlert {
    return { ...COMMON, severity: 'Critical', payload: '', ...overrides };
}

function logged(overrides: Partial<HistoryAlert> = {}): HistoryAlert {
    const open = { acknowledged: false, acknowledgedBy: '', acknowledgedAt: null };
    return { ...COMMON, ...open, id: 'a01000000000001AAA', severity: 'Warning', ...overrides };
}

describe('voiceAlertMonitor alertView', () => {
    describe('bannerView', () => {
        it.each<[Severity, string, string, string | undefined, string]>([
            ['Critical', 'slds-theme_error', 'utility:error', 'inverse', 'bare-inverse'],
            ['Warning', 'slds-theme_warning', 'utility:warning', undefined, 'bare'],
            ['Information', 'slds-theme_info', 'utility:info', 'inverse', 'bare-inverse'],
            ['Unknown', 'slds-theme_shade', 'utility:notification', undefined, 'bare']
        ])('gives %s its theme, icon and dismiss variant', (severity, theme, icon, iconVariant, dismiss) => {
            const view = bannerView(live({ severity }), false);
            expect(view.className).toBe(`banner slds-box slds-box_x-small slds-m-bottom_small ${theme}`);
            expect(view.severity).toBe(severity);
            // Each severity's label (Voice_Alerts_Severity*) reads as the severity's name.
            expect(view.severityLabel).toBe(severity);
            expect(view.icon).toBe(icon);
            expect(view.iconVariant).toBe(iconVariant);
            expect(view.dismissVariant).toBe(dismiss);
        });

        it('shows the name, clock and ISO time, source and description as given', () => {
            const view = bannerView(live({ alertName: '<b>x</b>' }), false);
            expect(view.alertName).toBe('<b>x</b>');
            expect(view.timeText).toBe(formatClock(Date.parse(EVENT_TIME)));
            expect(view.isoTime).toBe(EVENT_TIME);
            expect(view.sourceText).toBe(formatLabel(SOURCE, 'CloudWatch/QueueWait'));
            expect(view.description).toBe('Average wait above 120 s');
            expect(Object.isFrozen(view)).toBe(true);
        });

        it('has no source text and no payload section for an alert without them', () => {
            const view = bannerView(live({ source: '', payload: '' }), false);
            expect(view.sourceText).toBe('');
            expect(view.hasPayload).toBe(false);
            expect(view.isPayloadLong).toBe(false);
            expect(view.showTruncatedNote).toBe(false);
        });

        it('shows a short payload whole', () => {
            const view = bannerView(live({ payload: '{"queue":"Billing"}' }), false);
            expect(view.hasPayload).toBe(true);
            expect(view.isPayloadLong).toBe(false);
            expect(view.payloadText).toBe('{"queue":"Billing"}');
        });

        it('previews a long payload until expanded', () => {
            const payload = 'x'.repeat(PAYLOAD_PREVIEW_LENGTH) + 'TAIL';
            const collapsed = bannerView(live({ payload }), false);
            expect(collapsed.isPayloadLong).toBe(true);
            expect(collapsed.payloadText).toHaveLength(PAYLOAD_PREVIEW_LENGTH);
            expect(collapsed.showTruncatedNote).toBe(true);
            expect(collapsed.truncatedText).toBe(
                formatLabel(PAYLOAD_TRUNCATED, PAYLOAD_PREVIEW_LENGTH, payload.length)
            );
            expect(collapsed.toggleLabel).toBe('Show more');
            expect(collapsed.expandedAria).toBe('false');

            const expanded = bannerView(live({ payload }), true);
            expect(expanded.payloadText).toBe(payload);
            expect(expanded.showTruncatedNote).toBe(false);
            expect(expanded.toggleLabel).toBe('Show less');
            expect(expanded.expandedAria).toBe('true');
        });
    });

    describe('cachedBannerView', () => {
        it('builds the view once per alert and payload state', () => {
            const alert = live();
            const first = cachedBannerView(alert, false);
            expect(cachedBannerView(alert, false)).toBe(first);
            const expanded = cachedBannerView(alert, true);
            expect(expanded).not.toBe(first);
            expect(expanded.expandedAria).toBe('true');
            expect(cachedBannerView(alert, true)).toBe(expanded);
            expect(cachedBannerView(live(), false)).not.toBe(first);
        });
    });

    describe('historyRowView', () => {
        it('shows an open alert with an acknowledge button named after it', () => {
            const row = historyRowView(logged(), false);
            expect(row.id).toBe('a01000000000001AAA');
            expect(row.severityLabel).toBe('Warning');
            expect(row.badgeClass).toBe('severity slds-badge slds-theme_warning');
            expect(row.timeText).toBe(formatClock(Date.parse(EVENT_TIME)));
            expect(row.isoTime).toBe(EVENT_TIME);
            expect(row.hasSource).toBe(true);
            expect(row.sourceText).toBe(formatLabel(SOURCE, 'CloudWatch/QueueWait'));
            expect(row.acknowledged).toBe(false);
            expect(row.pending).toBe(false);
            expect(row.acknowledgeText).toBe('Acknowledge');
            expect(row.acknowledgeAria).toBe(formatLabel(ACKNOWLEDGE_NAMED, 'Queue wait'));
        });

        it('says acknowledging while the acknowledgement is in flight', () => {
            const row = historyRowView(logged(), true);
            expect(row.pending).toBe(true);
            expect(row.acknowledgeText).toBe('Acknowledging…');
            expect(row.acknowledgeAria).toBe('Acknowledging…');
        });

        it('names who acknowledged, or just that it was', () => {
            expect(
                historyRowView(logged({ acknowledged: true, acknowledgedBy: 'Sam' }), false).acknowledgedText
            ).toBe(formatLabel(ACKNOWLEDGED_BY, 'Sam'));
            expect(historyRowView(logged({ acknowledged: true }), false).acknowledgedText).toBe(
                'Acknowledged'
            );
        });

        it('has no time without an event time and no source without one', () => {
            const row = historyRowView(logged({ eventTime: null, source: '', severity: 'Unknown' }), false);
            expect(row.timeText).toBe('');
            expect(row.isoTime).toBe('');
            expect(row.hasSource).toBe(false);
            expect(row.badgeClass).toBe('severity slds-badge slds-badge_lightest');
        });
    });

    describe('announcementText', () => {
        it('announces the newest alert by severity and name, nothing without one', () => {
            expect(announcementText(live({ alertName: 'Second' }))).toBe(
                formatLabel(ANNOUNCEMENT, CRITICAL, 'Second')
            );
            expect(announcementText(null)).toBe('');
        });
    });
});
