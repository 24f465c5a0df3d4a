/**
 * c/voiceToolkit — the only code that touches `<lightning-service-cloud-voice-toolkit-api>`. This file is
 * the LWC wiring; the parts live beside it: `actionRunner.ts` (validation, in-flight guard, timeout, typed
 * results), `callFilter.ts` (which events belong to this component's call), `pageDedupe.ts`.
 *
 * Usage in a panel (standalone; inside `c-voice-agent-desktop` the parent hands its bridge down instead):
 * ```html
 * <c-voice-toolkit lwc:ref="toolkit" vendor-call-key={vendorCallKey}
 *     onsessionchange={handleSessionChange} ontoolkitunavailable={handleUnavailable}></c-voice-toolkit>
 * ```
 * ```ts
 * import { describeActionFailure } from 'c/voiceActionMessages';
 * import type { VoiceToolkitElement } from 'c/voiceToolkit';
 *
 * async handleHold(): Promise<void> {
 *     const result = await (this.refs?.toolkit as VoiceToolkitElement).hold('Initial_Caller');
 *     this.actionError = result.ok ? undefined : describeActionFailure(result); // headline label + detail
 * }
 * ```
 *
 * Events (neither bubbles nor composed):
 * - `sessionchange` — `detail: { session: CallSession; events: number }`. Every toolkit event is fed to
 *   `c/voiceCallModel` at once; events that arrive in the same task produce one `sessionchange` (flushed in
 *   a microtask) carrying the latest snapshot and how many events it folds in.
 * - `toolkitunavailable` — `detail: { missing: ActionName[]; available: boolean }`, at most once per
 *   instance, when the toolkit element is absent or lacks methods (not in the softphone, old platform).
 *   Panels degrade per capability: `available` (and the detail's) turns false only when the element is
 *   absent or has none of the methods; otherwise events still flow and only the missing actions answer
 *   `unavailable` (`missingMethods` lists them, e.g. to leave their buttons out).
 *
 * Actions return `Promise<ActionResult>` and never throw (see actionResult.ts for the failure codes).
 */
import { LightningElement, api, wire } from 'lwc';
import { toBoundedInteger } from 'c/voiceUtil';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import type { GetRecordResult } from 'lightning/uiRecordApi';
import VENDOR_CALL_KEY from '@salesforce/schema/VoiceCall.VendorCallKey';
import { TOOLKIT_EVENT_NAMES, applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession, ToolkitEventName } from 'c/voiceCallModel';
import type { ToolkitEventDetailMap } from 'lightning/serviceCloudVoiceToolkitApi';
import { TOOLKIT_METHOD_NAMES } from 'c/voiceToolkitMethods';
import type { ToolkitMethodArgs, ToolkitMethods } from 'c/voiceToolkitMethods';
import type { ActionName, ActionResult } from './actionResult';
import { ActionRunner, DEFAULT_ACTION_TIMEOUT_MS, missingMethods } from './actionRunner';
import { CallFilter, voiceCallIdOf } from './callFilter';

export type {
    ActionFailure,
    ActionFailureCode,
    ActionName,
    ActionResult,
    ActionSuccess
} from './actionResult';
export { DEFAULT_ACTION_TIMEOUT_MS } from './actionRunner';
export { isVoiceCallId } from './callFilter';
export { PAGE_DEDUPE_WINDOW_MS, dedupeAcrossPage, nextBestActionsKey, resetPageDedupe } from './pageDedupe';
export { normalizePhone } from 'c/voiceToolkitMethods';

export interface SessionChangeDetail {
    readonly session: CallSession;
    /** Toolkit events folded into this change (a burst yields one `sessionchange`). */
    readonly events: number;
}

export interface ToolkitUnavailableDetail {
    /** Toolkit methods the element lacks (all of them when the element is missing). */
    readonly missing: readonly ActionName[];
    /** False only when nothing works (no element, or none of the methods): events and the rest still work. */
    readonly available: boolean;
}

/** Every toolkit method as an action of the bridge: the documented arguments in, a typed result out. */
export type ToolkitActions = ToolkitMethods<Promise<ActionResult>>;

/** The public surface of `<c-voice-toolkit>` as a parent sees it through `lwc:ref`. */
export interface VoiceToolkitElement extends HTMLElement, ToolkitActions {
    vendorCallKey: string | undefined;
    maxTranscript: number | undefined;
    actionTimeoutMs: number;
    readonly session: CallSession;
    readonly available: boolean;
    readonly missingMethods: readonly ActionName[];
    readonly inFlight: readonly string[];
}

type Args<M extends ActionName> = ToolkitMethodArgs<M>;

/** Both numeric properties take any positive whole number. */
const POSITIVE = Object.freeze({ min: 1, max: Number.MAX_SAFE_INTEGER });

type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * The bridge listens to the model's event list; the element's type declares the payloads. An event added to
 * one and not the other does not compile.
 */
export const LISTENS_TO_EVERY_DECLARED_EVENT: SameNames<ToolkitEventName, keyof ToolkitEventDetailMap> = true;

export default class VoiceToolkit extends LightningElement implements ToolkitActions {
    /** When set, events whose `callId` differs are dropped (duplicates from other tabs on a VoiceCall page). */
    @api
    get vendorCallKey(): string | undefined {
        return this.filter.explicitKey;
    }
    set vendorCallKey(value: string | undefined) {
        this.followFilter(this.filter.setExplicitKey(value));
    }

    /**
     * The hosting record. On a VoiceCall record page the bridge reads its `VendorCallKey` and filters by it,
     * so a panel open in several tabs only follows its own call. An explicit `vendorCallKey` wins.
     */
    @api recordId: string | undefined;

    get voiceCallId(): string | undefined {
        return voiceCallIdOf(this.recordId);
    }

    @wire(getRecord, { recordId: '$voiceCallId', fields: [VENDOR_CALL_KEY] })
    wiredVoiceCall({ data }: GetRecordResult): void {
        // An unreadable record (no access, deleted) leaves the bridge unfiltered rather than deaf.
        this.followFilter(this.filter.setRecordKey(data ? getFieldValue(data, VENDOR_CALL_KEY) : undefined));
    }

    /** Transcript cap handed to the model (default 5,000). Applies to sessions created after it is set. */
    @api
    get maxTranscript(): number | undefined {
        return this._maxTranscript;
    }
    set maxTranscript(value: number | undefined) {
        this._maxTranscript = toBoundedInteger(value, { ...POSITIVE, fallback: undefined });
        if (this._session.version === 0) {
            this._session = createSession({ maxTranscript: this._maxTranscript });
        }
    }

    /** How long an action may stay unsettled before it resolves as `timeout` (ms, default 10,000). */
    @api
    get actionTimeoutMs(): number {
        return this._actionTimeoutMs;
    }
    set actionTimeoutMs(value: number) {
        this._actionTimeoutMs = toBoundedInteger(value, { ...POSITIVE, fallback: DEFAULT_ACTION_TIMEOUT_MS });
    }

    /** Latest snapshot (read-only; updated synchronously per event, announced by `sessionchange`). */
    @api
    get session(): CallSession {
        return this._session;
    }

    /** False once the element turned out missing or without any method; a partial element stays available. */
    @api
    get available(): boolean {
        return this._available;
    }

    /** Toolkit methods the element lacks (their actions answer `unavailable`). */
    @api
    get missingMethods(): readonly ActionName[] {
        return this._missing;
    }

    /** Keys (`action:args`) of actions awaiting the platform, e.g. to show a spinner on a button. */
    @api
    get inFlight(): readonly string[] {
        return this.runner.inFlight;
    }

    private readonly filter = new CallFilter();
    private readonly runner = new ActionRunner({
        element: () => this._attachedTo,
        timeoutMs: () => this._actionTimeoutMs
    });
    private _maxTranscript: number | undefined;
    private _actionTimeoutMs = DEFAULT_ACTION_TIMEOUT_MS;
    private _session: CallSession = createSession();
    private _available = true;
    private _missing: readonly ActionName[] = Object.freeze([]);
    private _unavailableSent = false;
    private _attachedTo: Element | null = null;
    private _pendingEvents = 0;
    private _flushScheduled = false;
    private _connected = false;

    private readonly handleToolkitEvent = (event: Event): void => {
        const detail: unknown = (event as Partial<CustomEvent>).detail;
        const next = applyEvent(this._session, event.type, detail, Date.now());
        if (!this.filter.follows(next)) return;
        this._session = next;
        this.scheduleFlush(1);
    };

    override connectedCallback(): void {
        this._connected = true;
    }

    override renderedCallback(): void {
        this.attach();
    }

    override disconnectedCallback(): void {
        this._connected = false;
        this.detach();
    }

    @api mute(...args: Args<'mute'>): Promise<ActionResult> {
        return this.runner.run('mute', args);
    }

    @api unmute(...args: Args<'unmute'>): Promise<ActionResult> {
        return this.runner.run('unmute', args);
    }

    @api hold(...args: Args<'hold'>): Promise<ActionResult> {
        return this.runner.run('hold', args);
    }

    @api resume(...args: Args<'resume'>): Promise<ActionResult> {
        return this.runner.run('resume', args);
    }

    @api endCall(...args: Args<'endCall'>): Promise<ActionResult> {
        return this.runner.run('endCall', args);
    }

    @api acceptCall(...args: Args<'acceptCall'>): Promise<ActionResult> {
        return this.runner.run('acceptCall', args);
    }

    /**
     * The guide documents no event after `declineCall`: once it succeeds the ringing call ends here (a
     * `callended` that follows is a duplicate), so a declined call never stays on screen.
     */
    @api async declineCall(...args: Args<'declineCall'>): Promise<ActionResult> {
        const { callId, phase } = this._session;
        const result = await this.runner.run('declineCall', args);
        const unchanged = this._session.callId === callId && this._session.phase === phase;
        if (result.ok && callId !== null && unchanged) {
            this._session = applyEvent(this._session, 'callended', { callId }, Date.now());
            this.scheduleFlush(1);
        }
        return result;
    }

    @api pauseRecording(...args: Args<'pauseRecording'>): Promise<ActionResult> {
        return this.runner.run('pauseRecording', args);
    }

    @api resumeRecording(...args: Args<'resumeRecording'>): Promise<ActionResult> {
        return this.runner.run('resumeRecording', args);
    }

    @api startPreviewCall(...args: Args<'startPreviewCall'>): Promise<ActionResult> {
        return this.runner.run('startPreviewCall', args);
    }

    @api merge(...args: Args<'merge'>): Promise<ActionResult> {
        return this.runner.run('merge', args);
    }

    @api swap(...args: Args<'swap'>): Promise<ActionResult> {
        return this.runner.run('swap', args);
    }

    @api addParticipant(...args: Args<'addParticipant'>): Promise<ActionResult> {
        return this.runner.run('addParticipant', args);
    }

    @api sendDigits(...args: Args<'sendDigits'>): Promise<ActionResult> {
        return this.runner.run('sendDigits', args);
    }

    /** Identical (recordId, params) requests from any instance on the page within the dedupe window call once. */
    @api updateNextBestActions(...args: Args<'updateNextBestActions'>): Promise<ActionResult> {
        return this.runner.run('updateNextBestActions', args);
    }

    /** A changed filter that excludes the followed call starts an empty session rather than mixing two calls. */
    private followFilter(changed: boolean): void {
        if (!changed || this.filter.follows(this._session)) return;
        this._session = createSession({ maxTranscript: this._maxTranscript });
        this.scheduleFlush(0);
    }

    private attach(): void {
        const element = this.refs?.api;
        if (element === this._attachedTo) return;
        this.detach();
        const missing = missingMethods(element);
        this._missing = Object.freeze(missing);
        if (missing.length > 0)
            this.markUnavailable(missing, !!element && missing.length < TOOLKIT_METHOD_NAMES.length);
        if (!element) return;
        for (const name of TOOLKIT_EVENT_NAMES) element.addEventListener(name, this.handleToolkitEvent);
        this._attachedTo = element;
    }

    private detach(): void {
        const element = this._attachedTo;
        if (!element) return;
        for (const name of TOOLKIT_EVENT_NAMES) element.removeEventListener(name, this.handleToolkitEvent);
        this._attachedTo = null;
    }

    private markUnavailable(missing: readonly ActionName[], partly: boolean): void {
        this._available = partly;
        if (this._unavailableSent) return;
        this._unavailableSent = true;
        const detail: ToolkitUnavailableDetail = Object.freeze({
            missing: Object.freeze([...missing]),
            available: partly
        });
        this.dispatchEvent(new CustomEvent<ToolkitUnavailableDetail>('toolkitunavailable', { detail }));
    }

    private scheduleFlush(events: number): void {
        this._pendingEvents += events;
        if (this._flushScheduled) return;
        this._flushScheduled = true;
        Promise.resolve().then(() => this.flush());
    }

    private flush(): void {
        this._flushScheduled = false;
        const events = this._pendingEvents;
        this._pendingEvents = 0;
        if (!this._connected) return;
        const detail: SessionChangeDetail = Object.freeze({ session: this._session, events });
        this.dispatchEvent(new CustomEvent<SessionChangeDetail>('sessionchange', { detail }));
    }
}
