/**
 * Supervisor alert monitor: a live banner for the newest RealtimeAlertEvent (lightning/empApi) and the
 * recent history from the Voice_Alert__c log (VoiceAlertController), with an acknowledge action.
 * Alert text, including the payload, is only ever rendered as text. See docs/alert-monitor.md.
 */
import { LightningElement, api, wire } from 'lwc';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpSubscription } from 'lightning/empApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { toBoolean, toBoundedInteger } from 'c/voiceUtil';
import { refreshApex } from '@salesforce/apex';
import getRecentAlerts from '@salesforce/apex/VoiceAlertController.getRecentAlerts';
import type { ApexWireResult } from '@salesforce/apex/VoiceAlertController.getRecentAlerts';
import acknowledgeAlert from '@salesforce/apex/VoiceAlertController.acknowledgeAlert';
import { reduceErrors } from 'c/ldsUtils';
import { formatClock, formatLabel } from 'c/voiceFormat';
import {
    DEFAULT_MINIMUM_SEVERITY,
    meetsMinimum,
    nameOfRecord,
    parseHistory,
    parseLiveAlert,
    severitiesFor,
    toMinimumSeverity
} from './alertModel';
import type { HistoryAlert, LiveAlert, MinimumSeverity, Severity } from './alertModel';
import { LABELS, SEVERITY_LABELS } from './labels';

export const CHANNEL = '/event/RealtimeAlertEvent';
// lightning/empApi's `onError` takes a handler and offers no way to remove it
// (https://developer.salesforce.com/docs/component-library/bundle/lightning-emp-api/documentation): a handler
// per component instance would keep every removed monitor (and its DOM) alive for the page's life. One
// handler per page fans out to the monitors that are connected now; a removed one leaves the set and is freed.

type Listener = (error: unknown) => void;

const listeners = new Set<Listener>();
let registered = false;

function dispatch(error: unknown): void {
    for (const listener of [...listeners]) listener(error);
}

/** Starts delivering streaming errors to `listener`; the returned function stops it. */
function listenForStreamingErrors(listener: Listener): () => void {
    if (!registered) {
        registered = true;
        onError(dispatch);
    }
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}

/** -1: only events published after subscribing; older ones are in the history. */
const REPLAY_NEW_EVENTS = -1;
export const DEFAULT_HISTORY_SIZE = 20;
/** VoiceAlertController.MAX_ALERTS. */
const MAX_HISTORY_SIZE = 200;
/** Characters of payload rendered before "Show more". */
export const PAYLOAD_PREVIEW_LENGTH = 2000;
/**
 * The alert's log record is written by the platform-event trigger while the event reaches us, so the history
 * is refreshed a moment later; a burst of events is one refresh.
 */
export const REFRESH_DELAY_MS = 2000;

type StreamingState = 'connecting' | 'live' | 'unavailable';

type WiredAlerts = ApexWireResult;

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

function isoOf(epochMs: number | null): string {
    const date = new Date(epochMs ?? Number.NaN);
    // toISOString throws outside the Date range; a render getter must never throw.
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function clockOf(epochMs: number | null): string {
    return epochMs === null ? '' : formatClock(epochMs);
}

const bannerViews = new WeakMap<LiveAlert, { readonly expanded: boolean; readonly view: BannerView }>();

function bannerView(alert: LiveAlert, expanded: boolean): BannerView {
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
        timeText: clockOf(alert.eventTime),
        isoTime: isoOf(alert.eventTime),
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

export default class VoiceAlertMonitor extends LightningElement {
    /** History rows shown (design attribute, 1..200, default 20). */
    @api
    get historySize(): number {
        return this.maxAlerts;
    }
    set historySize(value: number) {
        this.maxAlerts = toBoundedInteger(value, {
            min: 1,
            max: MAX_HISTORY_SIZE,
            fallback: DEFAULT_HISTORY_SIZE
        });
    }

    /** Lowest severity shown in the banner and the history (design attribute, default Information = all). */
    @api
    get minimumSeverity(): MinimumSeverity {
        return this.minimum;
    }
    set minimumSeverity(value: MinimumSeverity) {
        this.minimum = toMinimumSeverity(value);
        this.severityFilter = severitiesFor(this.minimum);
    }

    /** Hide the live banner (design attribute, default false). */
    @api
    get hideBanner(): boolean {
        return !this.bannerEnabled;
    }
    set hideBanner(value: boolean) {
        this.bannerEnabled = !toBoolean(value, false);
    }

    readonly labels = LABELS;

    // Wire parameters: plain fields, so the wire sees a stable array until the admin changes the filter.
    maxAlerts = DEFAULT_HISTORY_SIZE;
    severityFilter: string[] = severitiesFor(DEFAULT_MINIMUM_SEVERITY);

    liveAlert: LiveAlert | null = null;
    payloadExpanded = false;
    streaming: StreamingState = 'connecting';
    history: readonly HistoryAlert[] = [];
    historyLoaded = false;
    loadError: unknown = null;
    pendingIds: readonly string[] = [];

    private minimum: MinimumSeverity = DEFAULT_MINIMUM_SEVERITY;
    private bannerEnabled = true;
    private connected = false;
    /** Bumped on every connect, so a handshake from an earlier connection cannot subscribe twice. */
    private connection = 0;
    private stopErrors: (() => void) | null = null;
    private subscription: EmpSubscription | null = null;
    private wiredAlerts: WiredAlerts = {};
    private refreshTimer: ReturnType<typeof setTimeout> | null = null;

    @wire(getRecentAlerts, {
        maxAlerts: '$maxAlerts',
        severities: '$severityFilter'
    })
    wiredRecentAlerts(value: WiredAlerts): void {
        this.wiredAlerts = value;
        if (value.error) {
            this.loadError = value.error;
            this.historyLoaded = true;
        } else if (value.data !== undefined) {
            this.loadError = null;
            this.history = parseHistory(value.data, LABELS.unnamed);
            this.historyLoaded = true;
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        this.connection += 1;
        this.streaming = 'connecting';
        this.stopErrors ??= listenForStreamingErrors(this.handleStreamingError);
        void this.startStreaming(this.connection);
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopErrors?.();
        this.stopErrors = null;
        if (this.refreshTimer !== null) {
            clearTimeout(this.refreshTimer);
            this.refreshTimer = null;
        }
        const subscription = this.subscription;
        this.subscription = null;
        if (subscription) this.stopSubscription(subscription);
    }

    // ---- streaming ----

    private isCurrent(connection: number): boolean {
        return this.connected && connection === this.connection;
    }

    private async startStreaming(connection: number): Promise<void> {
        try {
            const enabled = await isEmpEnabled();
            if (!this.isCurrent(connection)) return;
            if (!enabled) {
                this.streaming = 'unavailable';
                return;
            }
            const subscription = await subscribe(CHANNEL, REPLAY_NEW_EVENTS, (message: unknown) =>
                this.handleMessage(message)
            );
            if (!this.isCurrent(connection)) {
                // Disconnected while the handshake was under way: do not leave a subscription behind.
                this.stopSubscription(subscription);
                return;
            }
            this.subscription = subscription;
            if (this.streaming === 'connecting') this.streaming = 'live';
        } catch {
            if (this.isCurrent(connection)) this.streaming = 'unavailable';
        }
    }

    private stopSubscription(subscription: EmpSubscription): void {
        // Nothing useful to do if unsubscribing fails: the component is gone.
        unsubscribe(subscription).catch(() => undefined);
    }

    private readonly handleStreamingError = (error: unknown): void => {
        if (!this.connected) return;
        // onError reports every streaming failure on the page; ignore ones that name another channel.
        const channel =
            typeof error === 'object' && error !== null && 'subscription' in error
                ? error.subscription
                : undefined;
        if (typeof channel === 'string' && channel !== CHANNEL) return;
        this.streaming = 'unavailable';
    };

    private handleMessage(message: unknown): void {
        if (!this.connected) return;
        const alert = parseLiveAlert(message, LABELS.unnamed, Date.now());
        if (!alert) return;
        // A delivered event proves the stream works again after an earlier error.
        this.streaming = 'live';
        if (!meetsMinimum(alert.severity, this.minimum)) return;
        this.liveAlert = alert;
        this.payloadExpanded = false;
        this.scheduleRefresh();
    }

    private scheduleRefresh(): void {
        if (this.refreshTimer !== null) return;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- wait for the trigger to log the alert
        this.refreshTimer = setTimeout(() => {
            this.refreshTimer = null;
            void this.refreshHistory();
        }, REFRESH_DELAY_MS);
    }

    private async refreshHistory(): Promise<void> {
        try {
            // The wire provisions an empty value on connect, before any refresh can be asked for.
            await refreshApex(this.wiredAlerts);
        } catch (error) {
            this.loadError = error;
        }
    }

    // ---- view state ----

    get isLive(): boolean {
        return this.streaming === 'live';
    }

    get isConnecting(): boolean {
        return this.streaming === 'connecting';
    }

    get isStreamingUnavailable(): boolean {
        return this.streaming === 'unavailable';
    }

    get announcement(): string {
        const alert = this.liveAlert;
        return alert === null
            ? ''
            : formatLabel(LABELS.announcement, SEVERITY_LABELS[alert.severity], alert.alertName);
    }

    /** The banner's view of the newest alert, or null when there is none or the banner is off. */
    get banner(): BannerView | null {
        const alert = this.liveAlert;
        if (alert === null || !this.bannerEnabled) return null;
        // The template reads this getter once per binding: build the view once per alert and toggle state.
        const cached = bannerViews.get(alert);
        if (cached?.expanded === this.payloadExpanded) return cached.view;
        const view = bannerView(alert, this.payloadExpanded);
        bannerViews.set(alert, { expanded: this.payloadExpanded, view });
        return view;
    }

    get hasHistory(): boolean {
        return this.history.length > 0;
    }

    get hasLoadError(): boolean {
        return this.loadError !== null;
    }

    get isHistoryEmpty(): boolean {
        return this.historyLoaded && this.loadError === null && this.history.length === 0;
    }

    get isHistoryLoading(): boolean {
        return !this.historyLoaded;
    }

    get historyRows(): HistoryRowView[] {
        return this.history.map((alert) => {
            const pending = this.pendingIds.includes(alert.id);
            return {
                id: alert.id,
                alertName: alert.alertName,
                severity: alert.severity,
                severityLabel: SEVERITY_LABELS[alert.severity],
                badgeClass: `severity slds-badge ${LOOKS[alert.severity].badge}`,
                timeText: clockOf(alert.eventTime),
                isoTime: isoOf(alert.eventTime),
                hasSource: alert.source !== '',
                sourceText: formatLabel(LABELS.source, alert.source),
                description: alert.description,
                acknowledged: alert.acknowledged,
                acknowledgedText:
                    alert.acknowledgedBy === ''
                        ? LABELS.acknowledged
                        : formatLabel(LABELS.acknowledgedBy, alert.acknowledgedBy),
                pending,
                acknowledgeText: pending ? LABELS.acknowledging : LABELS.acknowledge,
                // Names the alert for screen readers; starts with the visible text (WCAG label in name).
                acknowledgeAria: pending
                    ? LABELS.acknowledging
                    : formatLabel(LABELS.acknowledgeNamed, alert.alertName)
            };
        });
    }

    // ---- actions ----

    handleDismiss(): void {
        this.liveAlert = null;
        this.payloadExpanded = false;
    }

    handleTogglePayload(): void {
        this.payloadExpanded = !this.payloadExpanded;
    }

    handleRefresh(): void {
        void this.refreshHistory();
    }

    async handleAcknowledge(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement | null)?.dataset.id;
        if (!id || this.pendingIds.includes(id)) return;
        const row = this.history.find((alert) => alert.id === id);
        this.pendingIds = [...this.pendingIds, id];
        try {
            const result: unknown = await acknowledgeAlert({ alertId: id });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: LABELS.ackSuccess,
                    message: nameOfRecord(result) || row?.alertName || '',
                    variant: 'success'
                })
            );
            // Keep the button disabled until the history shows the acknowledgement.
            await this.refreshHistory();
        } catch (error) {
            this.dispatchEvent(
                new ShowToastEvent({
                    title: LABELS.ackFailed,
                    message: reduceErrors(error).join(' ') || LABELS.ackFailedDetail,
                    variant: 'error'
                })
            );
        } finally {
            this.pendingIds = this.pendingIds.filter((pendingId) => pendingId !== id);
        }
    }
}
