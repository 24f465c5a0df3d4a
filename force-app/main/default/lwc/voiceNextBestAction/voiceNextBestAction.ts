/**
 * Next Best Action panel: turns customer utterances and intelligence signal categories into metered
 * `updateNextBestActions(recordId, { intent })` requests (admin rules), plus a manual intent box.
 * Metering: at most one request per `windowSeconds` per panel (the latest pending request wins) and never
 * the same params twice in a row; identical requests from other panels on the page share one call in the
 * bridge (`dedupeAcrossPage`). Recommendations render in Salesforce's Actions & Recommendations component.
 */
import { api } from 'lwc';
import { latestTranscript } from 'c/voiceCallModel';
import type { CallSession, TranscriptEntry } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { toBoundedInteger } from 'c/voiceUtil';
import type { ActionResult, VoiceToolkitElement } from 'c/voiceToolkit';
import { describeActionFailure } from 'c/voiceActionMessages';
import type { ActionErrorView } from 'c/voiceActionMessages';
import { formatClock, formatLabel } from 'c/voiceFormat';
import { listenForNbaRequests } from 'c/voiceNbaRequests';
import type { NbaRequest } from 'c/voiceNbaRequests';
import TITLE from '@salesforce/label/c.Voice_Nba_Title';
import NO_RECORD from '@salesforce/label/c.Voice_Nba_NoRecord';
import IDLE from '@salesforce/label/c.Voice_Nba_Idle';
import HINT from '@salesforce/label/c.Voice_Nba_Hint';
import INTENT from '@salesforce/label/c.Voice_Nba_Intent';
import INTENT_PLACEHOLDER from '@salesforce/label/c.Voice_Nba_IntentPlaceholder';
import INTENT_REQUIRED from '@salesforce/label/c.Voice_Nba_IntentRequired';
import REQUEST from '@salesforce/label/c.Voice_Nba_Request';
import LAST_REQUEST from '@salesforce/label/c.Voice_Nba_LastRequest';
import NO_REQUEST from '@salesforce/label/c.Voice_Nba_NoRequest';
import PENDING from '@salesforce/label/c.Voice_Nba_Pending';
import QUEUED from '@salesforce/label/c.Voice_Nba_Queued';
import OK from '@salesforce/label/c.Voice_Nba_Ok';
import RETRY from '@salesforce/label/c.Voice_Nba_Retry';
import SENT_AT from '@salesforce/label/c.Voice_Nba_SentAt';
import SOURCE_RULE from '@salesforce/label/c.Voice_Nba_SourceRule';
import SOURCE_MANUAL from '@salesforce/label/c.Voice_Nba_SourceManual';
import BAD_RULES from '@salesforce/label/c.Voice_Nba_BadRules';
import RULE_INVALID from '@salesforce/label/c.Voice_Nba_RuleInvalid';
import RULE_DUPLICATE from '@salesforce/label/c.Voice_Nba_RuleDuplicate';
import { paramsKey, parseRules, rulesForCategory, rulesForUtterance } from './nbaRules';
import type { NbaRule, ParsedRules } from './nbaRules';

export const DEFAULT_WINDOW_SECONDS = 10;
const MAX_WINDOW_SECONDS = 3600;
const DEFAULT_PARAM_NAME = 'intent';
/** Recently replaced partial lines are re-checked this far back from the newest line. */
const LOOKBACK = 16;
/** A panel opened mid-call evaluates at most this many of the newest lines once. */
const FIRST_LOOK = 64;
const MAX_REMEMBERED = 500;
const MAX_INTENT_LENGTH = 255;

type Params = Readonly<Record<string, string>>;
type Outcome = 'pending' | 'ok' | 'error';

interface Request {
    readonly params: Params;
    /** Rule keyword, or null for the manual box. */
    readonly rule: string | null;
    /** Retry and manual requests may repeat the previous params on purpose. */
    readonly repeatable: boolean;
}

interface LastRequest extends Request {
    readonly outcome: Outcome;
    readonly at: number;
    readonly error: ActionErrorView | null;
}

interface LastView {
    readonly params: { key: string; text: string }[];
    readonly source: string;
    readonly time: string;
    readonly pending: boolean;
    readonly ok: boolean;
    readonly error: ActionErrorView | null;
}

function paramLines(params: Params): { key: string; text: string }[] {
    return Object.keys(params).map((key) => ({ key, text: `${key}: ${params[key]}` }));
}

function remember(set: Set<string>, key: string): void {
    set.add(key);
    if (set.size > MAX_REMEMBERED) set.delete(set.values().next().value as string);
}

/** Recommendations are requested for `recordId`, the VoiceCall. */
export default class VoiceNextBestAction extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    /** `keyword=>intent` pairs separated by `;` (design attribute). */
    @api
    get rules(): string {
        return this._rules;
    }
    set rules(value: string) {
        this._rules = typeof value === 'string' ? value : '';
        this.parsed = parseRules(this._rules);
    }

    /** Minimum seconds between two requests of this panel (design attribute, default 10). */
    @api
    get windowSeconds(): number {
        return this._windowSeconds;
    }
    set windowSeconds(value: number) {
        this._windowSeconds = toBoundedInteger(value, {
            min: 0,
            max: MAX_WINDOW_SECONDS,
            fallback: DEFAULT_WINDOW_SECONDS
        });
    }

    /** Key of the request parameter the strategy reads as `$Request.<key>` (design attribute, default `intent`). */
    @api
    get paramName(): string {
        return this._paramName;
    }
    set paramName(value: string) {
        const trimmed = typeof value === 'string' ? value.trim() : '';
        this._paramName = /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(trimmed) ? trimmed : DEFAULT_PARAM_NAME;
    }

    readonly labels = Object.freeze({
        title: TITLE,
        noRecord: NO_RECORD,
        idle: IDLE,
        hint: HINT,
        intent: INTENT,
        intentPlaceholder: INTENT_PLACEHOLDER,
        request: REQUEST,
        lastRequest: LAST_REQUEST,
        noRequest: NO_REQUEST,
        pending: PENDING,
        retry: RETRY,
        ok: OK,
        badRules: BAD_RULES
    });

    manualIntent = '';
    manualError = '';
    last: LastRequest | null = null;
    /** Waiting for the metering window; replaced by any later request (the latest wins). */
    queued: Request | null = null;

    private _rules = '';
    private parsed: ParsedRules = parseRules('');
    private _windowSeconds = DEFAULT_WINDOW_SECONDS;
    private _paramName = DEFAULT_PARAM_NAME;
    private callId: string | null = null;
    private seenLines = 0;
    private newestSeen: TranscriptEntry | undefined;
    private evaluatedLines = new Set<string>();
    private seenCategories = new Set<string>();
    private lastSentKey: string | null = null;
    private lastSentAt = Number.NEGATIVE_INFINITY;
    private timer: ReturnType<typeof setTimeout> | null = null;

    get hasRecord(): boolean {
        return typeof this.recordId === 'string' && this.recordId.trim() !== '';
    }

    get isIdle(): boolean {
        return this.view.phase === 'idle';
    }

    get ruleProblems(): { key: string; text: string }[] {
        return this.parsed.problems.map((problem) => ({
            key: String(problem.position),
            text: formatLabel(
                problem.kind === 'duplicate' ? RULE_DUPLICATE : RULE_INVALID,
                problem.position,
                problem.text
            )
        }));
    }

    get hasRuleProblems(): boolean {
        return this.parsed.problems.length > 0;
    }

    get requestDisabled(): boolean {
        return !this.hasRecord || this.unavailable;
    }

    /** The last request sent and its outcome, as the template shows it. */
    get lastView(): LastView | null {
        const last = this.last;
        if (last === null) return null;
        return {
            params: paramLines(last.params),
            source: last.rule === null ? SOURCE_MANUAL : formatLabel(SOURCE_RULE, last.rule),
            time: formatLabel(SENT_AT, formatClock(last.at)),
            pending: last.outcome === 'pending',
            ok: last.outcome === 'ok',
            error: last.error
        };
    }

    get queuedText(): string {
        const queued = this.queued;
        if (queued === null) return '';
        const params = paramLines(queued.params).map((line) => line.text);
        return formatLabel(QUEUED, params.join(', '), formatClock(this.lastSentAt + this.windowMs));
    }

    private get windowMs(): number {
        return this._windowSeconds * 1000;
    }

    private stopListening: (() => void) | null = null;

    override connectedCallback(): void {
        // Automation (playbooks) asks for recommendations through this panel, so its meter covers them too.
        this.stopListening = listenForNbaRequests((request) => this.takeRequest(request));
    }

    override disconnectedCallback(): void {
        // Leaving the page cancels a queued request (and its "queued" line, which would otherwise stay stale).
        this.stopListening?.();
        this.stopListening = null;
        this.queued = null;
        this.clearTimer();
    }

    /** A playbook's request for this panel's call goes through the same metering as the rules'. */
    private takeRequest(request: NbaRequest): boolean {
        if (!this.hasRecord || this.unavailable || request.recordId !== String(this.recordId).trim())
            return false;
        const intent = request.intent.trim().slice(0, MAX_INTENT_LENGTH);
        if (intent === '') return false;
        this.offer({
            params: Object.freeze({ [this._paramName]: intent }),
            rule: request.source,
            repeatable: false
        });
        return true;
    }

    // ---- session input ----

    protected override sessionChanged(session: CallSession): void {
        if (session.callId !== this.callId) this.startCall(session.callId);
        if (session.phase === 'idle' || this.parsed.rules.length === 0) return;
        this.evaluateLines(session);
        this.evaluateSignals(session);
    }

    /** A new call: forget what was evaluated and sent for the previous one. */
    private startCall(callId: string | null): void {
        this.callId = callId;
        this.seenLines = 0;
        this.newestSeen = undefined;
        this.evaluatedLines = new Set();
        this.seenCategories = new Set();
        this.lastSentKey = null;
        this.queued = null;
        this.clearTimer();
    }

    /** Only lines that arrived (or became final) since the last evaluation; never the whole history. */
    private evaluateLines(session: CallSession): void {
        const total = session.transcriptTrimmed + session.transcriptCount;
        const newest = latestTranscript(session, 1)[0];
        if (total === this.seenLines && newest === this.newestSeen) return;
        const fresh = Math.max(0, total - this.seenLines);
        const look = Math.min(
            session.transcriptCount,
            fresh + LOOKBACK,
            this.seenLines === 0 ? FIRST_LOOK : Infinity
        );
        this.seenLines = total;
        this.newestSeen = newest;
        for (const entry of latestTranscript(session, look)) {
            if (entry.role !== 'Customer' || entry.partial || this.evaluatedLines.has(entry.id)) continue;
            remember(this.evaluatedLines, entry.id);
            for (const rule of rulesForUtterance(this.parsed.rules, entry.text)) this.fire(rule);
        }
    }

    /** Categories are appended in arrival order: walk back from the newest to the first one already seen. */
    private evaluateSignals(session: CallSession): void {
        const categories = session.signals.categories;
        const fresh: string[] = [];
        for (let i = categories.length - 1; i >= 0; i--) {
            const key = `${categories[i].value}\u0000${categories[i].startTime}`;
            if (this.seenCategories.has(key)) break;
            remember(this.seenCategories, key);
            fresh.unshift(categories[i].value);
        }
        for (const value of fresh) {
            for (const rule of rulesForCategory(this.parsed.rules, value)) this.fire(rule);
        }
    }

    private fire(rule: NbaRule): void {
        this.offer({
            params: Object.freeze({ [this._paramName]: rule.intent }),
            rule: rule.keyword,
            repeatable: false
        });
    }

    // ---- manual box ----

    handleIntentChange(event: CustomEvent<{ value?: string }>): void {
        this.manualIntent = event.detail?.value ?? '';
        this.manualError = '';
    }

    handleIntentKey(event: KeyboardEvent): void {
        if (event.key === 'Enter') this.handleManualSubmit();
    }

    handleManualSubmit(): void {
        const intent = this.manualIntent.trim().slice(0, MAX_INTENT_LENGTH);
        if (intent === '') {
            this.manualError = INTENT_REQUIRED;
            return;
        }
        this.offer({ params: Object.freeze({ [this._paramName]: intent }), rule: null, repeatable: true });
    }

    handleRetry(): void {
        if (this.last) this.offer({ params: this.last.params, rule: this.last.rule, repeatable: true });
    }

    // ---- metering ----

    /** Sends now if the window allows, else queues (replacing any queued request: the latest wins). */
    private offer(request: Request): void {
        if (!this.hasRecord || this.unavailable) return;
        if (!request.repeatable && paramsKey(request.params) === this.lastSentKey) {
            // Back on the topic already requested: the recommendations shown still fit, drop the queued one.
            this.queued = null;
            return;
        }
        const wait = this.lastSentAt + this.windowMs - Date.now();
        if (wait <= 0) {
            this.send(request);
            return;
        }
        this.queued = request;
        if (this.timer !== null) return;
        // Metering window: NBA requests are billed per call, so at most one leaves this panel per window.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            this.timer = null;
            const queued = this.queued;
            this.queued = null;
            if (queued) this.offer(queued);
        }, wait);
    }

    private async send(request: Request): Promise<void> {
        // `offer` checked availability: in standalone mode the bridge is always rendered.
        const toolkit = this.bridge as VoiceToolkitElement;
        const recordId = String(this.recordId).trim();
        const at = Date.now();
        const sent: LastRequest = { ...request, outcome: 'pending', at, error: null };
        this.lastSentKey = paramsKey(request.params);
        this.lastSentAt = at;
        this.last = sent;
        const result: ActionResult = await toolkit.updateNextBestActions(recordId, request.params);
        // A newer request took the display over while this one was in flight.
        if (this.last !== sent) return;
        this.last = result.ok
            ? { ...request, outcome: 'ok', at, error: null }
            : { ...request, outcome: 'error', at, error: describeActionFailure(result) };
    }

    private clearTimer(): void {
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
    }
}
