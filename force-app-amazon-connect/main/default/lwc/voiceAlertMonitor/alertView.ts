/**
 * Pure view logic of the alert monitor: what the banner and each history row show for a parsed alert
 * (severity look and label, clock and ISO time, source, payload preview, acknowledge text). Nothing here
 * touches the DOM; every string that reaches the template is plain text (never HTML).
 */
import { formatClock, formatIso, formatLabel } from 'c/voiceFormat';
import type { HistoryAlert, LiveAlert, Severity } from './alertModel';
import { LABELS, SEVERITY_LABELS } from './labels';

/** Characters of payload rendered before "Show more". */
export const PAYLOAD_PREVIEW_LENGTH = 2000;

interface SeverityLook {
    readonly theme: string;
    readonly badge: string;
    readonly icon: string;
    readonly iconVariant: string | undefined;
}

const LOOKS: Readonly<Record<Severity, SeverityLook>> = Object.freeze({
    Critical: {
        theme: 'slds-theme_error',
        badge: 'slds-theme_error',
        icon: 'utility:error',
        iconVariant: 'inverse'
    },
    Warning: {
        theme: 'slds-theme_warning',
        badge: 'slds-theme_warning',
        icon: 'utility:warning',
        iconVariant: undefined
    },
    Information: {
        theme: 'slds-theme_info',
        badge: 'slds-theme_info',
        icon: 'utility:info',
        iconVariant: 'inverse'
    },
    Unknown: {
        theme: 'slds-theme_shade',
        badge: 'slds-badge_lightest',
        icon: 'utility:notification',
        iconVariant: undefined
    }
});

export interface BannerView {
    readonly className: string;
    readonly severity: Severity;
    readonly severityLabel: string;
    readonly icon: string;
    readonly iconVariant: string | undefined;
    readonly dismissVariant: string;
    readonly alertName: string;
    readonly timeText: string;
    readonly isoTime: string;
    readonly sourceText: string;
    readonly description: string;
    readonly hasPayload: boolean;
    readonly isPayloadLong: boolean;
    readonly payloadText: string;
    readonly showTruncatedNote: boolean;
    readonly truncatedText: string;
    readonly toggleLabel: string;
    readonly expandedAria: string;
}

export interface HistoryRowView {
    readonly id: string;
    readonly alertName: string;
    readonly severity: Severity;
    readonly severityLabel: string;
    readonly badgeClass: string;
    readonly timeText: string;
    readonly isoTime: string;
    readonly hasSource: boolean;
    readonly sourceText: string;
    readonly description: string;
    readonly acknowledged: boolean;
    readonly acknowledgedText: string;
    readonly pending: boolean;
    readonly acknowledgeText: string;
    readonly acknowledgeAria: string;
}

export function bannerView(alert: LiveAlert, expanded: boolean): BannerView {
    const look = LOOKS[alert.severity];
    const long = alert.payload.length > PAYLOAD_PREVIEW_LENGTH;
    return Object.freeze({
        className: `banner slds-box slds-box_x-small slds-m-bottom_small ${look.theme}`,
        severity: alert.severity,
        severityLabel: SEVERITY_LABELS[alert.severity],
        icon: look.icon,
        iconVariant: look.iconVariant,
        dismissVariant: look.iconVariant === 'inverse' ? 'bare-inverse' : 'bare',
        alertName: alert.alertName,
        timeText: formatClock(alert.eventTime),
        isoTime: formatIso(alert.eventTime),
        sourceText: alert.source === '' ? '' : formatLabel(LABELS.source, alert.source),
        description: alert.description,
        hasPayload: alert.payload !== '',
        isPayloadLong: long,
        payloadText: expanded ? alert.payload : alert.payload.slice(0, PAYLOAD_PREVIEW_LENGTH),
        showTruncatedNote: long && !expanded,
        truncatedText: formatLabel(LABELS.payloadTruncated, PAYLOAD_PREVIEW_LENGTH, alert.payload.length),
        toggleLabel: expanded ? LABELS.showLess : LABELS.showMore,
        expandedAria: String(expanded)
    });
}

const bannerViews = new WeakMap<LiveAlert, { readonly expanded: boolean; readonly view: BannerView }>();

/**
 * The banner view, built once per alert and payload state: the template reads the banner getter once per
 * binding, and an unchanged view keeps the template from re-diffing.
 */
export function cachedBannerView(alert: LiveAlert, expanded: boolean): BannerView {
    const cached = bannerViews.get(alert);
    if (cached?.expanded === expanded) return cached.view;
    const view = bannerView(alert, expanded);
    bannerViews.set(alert, { expanded, view });
    return view;
}

function acknowledgedText(alert: HistoryAlert): string {
    return alert.acknowledgedBy === ''
        ? LABELS.acknowledged
        : formatLabel(LABELS.acknowledgedBy, alert.acknowledgedBy);
}

/** A history row; `pending` while its acknowledgement is in flight. */
export function historyRowView(alert: HistoryAlert, pending: boolean): HistoryRowView {
    return {
        id: alert.id,
        alertName: alert.alertName,
        severity: alert.severity,
        severityLabel: SEVERITY_LABELS[alert.severity],
        badgeClass: `severity slds-badge ${LOOKS[alert.severity].badge}`,
        timeText: formatClock(alert.eventTime),
        isoTime: formatIso(alert.eventTime),
        hasSource: alert.source !== '',
        sourceText: formatLabel(LABELS.source, alert.source),
        description: alert.description,
        acknowledged: alert.acknowledged,
        acknowledgedText: acknowledgedText(alert),
        pending,
        acknowledgeText: pending ? LABELS.acknowledging : LABELS.acknowledge,
        // Names the alert for screen readers; starts with the visible text (WCAG label in name).
        acknowledgeAria: pending
            ? LABELS.acknowledging
            : formatLabel(LABELS.acknowledgeNamed, alert.alertName)
    };
}

/** The polite live-region text for the newest alert; empty for none. */
export function announcementText(alert: LiveAlert | null): string {
    return alert === null
        ? ''
        : formatLabel(LABELS.announcement, SEVERITY_LABELS[alert.severity], alert.alertName);
}
