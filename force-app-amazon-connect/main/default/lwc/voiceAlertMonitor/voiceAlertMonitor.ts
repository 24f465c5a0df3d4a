/**
 * Supervisor alert monitor: a live banner for the newest RealtimeAlertEvent (lightning/empApi) and the
 * recent history from the Voice_Alert__c log (VoiceAlertController), with an acknowledge action.
 * Alert text, including the payload, is only ever rendered as text. See docs/alert-monitor.md.
 */
import { LightningElement, api, wire } from 'lwc';
import { isEmpEnabled, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpSubscription } from 'lightning/empApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { toBoolean, toBoundedInteger } from 'c/voiceUtil';
import { refreshApex } from '@salesforce/apex';
import getRecentAlerts from '@salesforce/apex/VoiceAlertController.getRecentAlerts';
import type { ApexWireResult } from '@salesforce/apex/VoiceAlertController.getRecentAlerts';
import acknowledgeAlert from '@salesforce/apex/VoiceAlertController.acknowledgeAlert';
import { reduceErrors } from 'c/ldsUtils';
import {
    DEFAULT_MINIMUM_SEVERITY,
    meetsMinimum,
    nameOfRecord,
    parseHistory,
    parseLiveAlert,
    severitiesFor,
    toMinimumSeverity
} from './alertModel';
import type { HistoryAlert, LiveAlert, MinimumSeverity } from './alertModel';
import { LABELS } from './labels';
import { announcementText, cachedBannerView, historyRowView } from './alertView';
import type { BannerView, HistoryRowView } from './alertView';
import { isForOtherChannel, listenForStreamingErrors } from './streamingErrors';

export { PAYLOAD_PREVIEW_LENGTH } from './alertView';

export const CHANNEL = '/event/RealtimeAlertEvent';
/** -1: only events published after subscribing; older ones are in the history. */
const REPLAY_NEW_EVENTS = -1;
export const DEFAULT_HISTORY_SIZE = 20;
/** VoiceAlertController.MAX_ALERTS. */
const MAX_HISTORY_SIZE = 200;
/**
 * The alert's log record is written by the platform-event trigger while the event reaches us, so the history
 * is refreshed a moment later; a burst of events is one refresh.
 */
export const REFRESH_DELAY_MS = 2000;

type StreamingState = 'connecting' | 'live' | 'unavailable';

type WiredAlerts = ApexWireResult;

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
        if (!this.connected || isForOtherChannel(error, CHANNEL)) return;
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
        return announcementText(this.liveAlert);
    }

    /** The banner's view of the newest alert, or null when there is none or the banner is off. */
    get banner(): BannerView | null {
        const alert = this.liveAlert;
        if (alert === null || !this.bannerEnabled) return null;
        return cachedBannerView(alert, this.payloadExpanded);
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
        return this.history.map((alert) => historyRowView(alert, this.pendingIds.includes(alert.id)));
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
