/**
 * Intelligence signals panel: detected categories as chips (newest first, confidence, time), sentiment per
 * participant as a gauge with a trend line, and a banner when an admin-configured category fires.
 * Signals reach the model as the `intelligencesignal` event (Aura: INTELLIGENCE_SIGNAL; the LWC event name
 * is not documented and needs confirming on a real org). Re-renders only when `session.signals` changes.
 */
import { api } from 'lwc';
import { createSession } from 'c/voiceCallModel';
import type { CallPhase, CallSession, Signals } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { toBoundedInteger } from 'c/voiceUtil';
import { formatClock, formatLabel } from 'c/voiceFormat';
import TITLE from '@salesforce/label/c.Voice_Signals_Title';
import EMPTY from '@salesforce/label/c.Voice_Signals_Empty';
import NO_SIGNALS from '@salesforce/label/c.Voice_Signals_NoSignals';
import CATEGORIES from '@salesforce/label/c.Voice_Signals_Categories';
import SENTIMENT from '@salesforce/label/c.Voice_Signals_Sentiment';
import CONFIDENCE from '@salesforce/label/c.Voice_Signals_Confidence';
import ALERT from '@salesforce/label/c.Voice_Signals_Alert';
import DISMISS from '@salesforce/label/c.Voice_Signals_Dismiss';
import POSITIVE from '@salesforce/label/c.Voice_Signals_Positive';
import NEUTRAL from '@salesforce/label/c.Voice_Signals_Neutral';
import NEGATIVE from '@salesforce/label/c.Voice_Signals_Negative';
import SENTIMENT_VALUE from '@salesforce/label/c.Voice_Signals_SentimentValue';
import {
    alertSet,
    categoryKey,
    categoryName,
    categoryNames,
    chipView,
    newestFirst,
    seriesView,
    signalTimeMs
} from './signalsView';
import type { ChipView, SeriesView, SignalLabels } from './signalsView';

export const DEFAULT_MAX_CATEGORIES = 20;
const DEFAULT_ALERTS = 'CustomerAngry';

const SIGNAL_LABELS: SignalLabels = Object.freeze({
    confidence: CONFIDENCE,
    tones: Object.freeze({ positive: POSITIVE, neutral: NEUTRAL, negative: NEGATIVE }),
    sentimentValue: SENTIMENT_VALUE
});

const EMPTY_SIGNALS: Signals = createSession().signals;

export default class VoiceSignals extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    /** Categories that raise the banner, comma-separated, any case (design attribute). */
    @api
    get alertCategories(): string {
        return this._alertCategories;
    }
    set alertCategories(value: string) {
        this._alertCategories = typeof value === 'string' ? value : DEFAULT_ALERTS;
        this.alerts = alertSet(this._alertCategories);
    }

    /** Agent-facing names for category API values, `Value=Name, …` (design attribute; default: in words). */
    @api
    get categoryLabels(): string {
        return this._categoryLabels;
    }
    set categoryLabels(value: string) {
        this._categoryLabels = typeof value === 'string' ? value : '';
        this.names = categoryNames(this._categoryLabels);
    }

    /** Chips shown at most (design attribute, default 20). */
    @api
    get maxCategories(): number {
        return this._maxCategories;
    }
    set maxCategories(value: number) {
        this._maxCategories = toBoundedInteger(value, { min: 1, max: 200, fallback: DEFAULT_MAX_CATEGORIES });
    }

    readonly labels = Object.freeze({
        title: TITLE,
        empty: EMPTY,
        noSignals: NO_SIGNALS,
        categories: CATEGORIES,
        sentiment: SENTIMENT,
        dismiss: DISMISS,
        negative: NEGATIVE,
        positive: POSITIVE
    });

    signals: Signals = EMPTY_SIGNALS;
    phase: CallPhase = 'idle';
    dismissedKey: string | null = null;

    private _alertCategories = DEFAULT_ALERTS;
    private _maxCategories = DEFAULT_MAX_CATEGORIES;
    private alerts: ReadonlySet<string> = alertSet(DEFAULT_ALERTS);
    private _categoryLabels = '';
    private names: ReadonlyMap<string, string> = new Map();

    protected override get idle(): boolean {
        return this.phase === 'idle';
    }

    get chips(): ChipView[] {
        return newestFirst(this.signals.categories, this._maxCategories).map((category) =>
            chipView(category, this.alerts, SIGNAL_LABELS, formatClock, this.names)
        );
    }

    get hasChips(): boolean {
        return this.signals.categories.length > 0;
    }

    get series(): SeriesView[] {
        return this.signals.sentiment.map((series) => seriesView(series, SIGNAL_LABELS));
    }

    get hasSeries(): boolean {
        return this.signals.sentiment.length > 0;
    }

    get hasNoSignals(): boolean {
        return !this.hasChips && !this.hasSeries;
    }

    /** The newest configured category that fired, unless the agent dismissed that very firing. */
    get alert(): { key: string; text: string } | null {
        const [newest] = newestFirst(
            this.signals.categories.filter((c) => this.alerts.has(c.value.toLowerCase())),
            1
        );
        if (newest === undefined || categoryKey(newest) === this.dismissedKey) return null;
        const name = categoryName(newest.value, this.names);
        const text = formatLabel(ALERT, name, formatClock(signalTimeMs(newest.startTime)));
        return { key: categoryKey(newest), text };
    }

    handleDismiss(event: Event): void {
        this.dismissedKey = (event.currentTarget as HTMLElement).dataset.key ?? null;
    }

    /** Only signal and phase changes touch reactive state, so transcript bursts do not re-render this panel. */
    protected override sessionChanged(session: CallSession): void {
        if (session.signals !== this.signals) this.signals = session.signals;
        if (session.phase !== this.phase) this.phase = session.phase;
    }
}
