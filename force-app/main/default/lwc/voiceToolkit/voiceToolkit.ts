/**
 * c/voiceToolkit — the only code that touches `<lightning-service-cloud-voice-toolkit-api>`.
 *
 * Usage in a panel:
 * ```html
 * <c-voice-toolkit lwc:ref="toolkit" vendor-call-key={vendorCallKey}
 *     onsessionchange={handleSessionChange} ontoolkitunavailable={handleUnavailable}></c-voice-toolkit>
 * ```
 * ```ts
 * const result = await (this.refs?.toolkit as VoiceToolkitElement).hold('Initial_Caller');
 * if (!result.ok) this.error = labelFor(result.code);
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
import type { CallSession } from 'c/voiceCallModel';
import type {
    ContactType,
    EndCallParticipantType,
    NextBestActionParams,
    ParticipantType
} from 'lightning/serviceCloudVoiceToolkitApi';
import { describeError, failed, outcomeOf } from './actionResult';
import type { ActionName, ActionResult } from './actionResult';
import { PAGE_DEDUPE_WINDOW_MS, dedupeAcrossPage, nextBestActionsKey } from './pageDedupe';
import {
    checkAddParticipant,
    checkDigits,
    checkEndCallParticipantType,
    checkNextBestActions,
    checkParticipantType,
    checkPhone
} from './validate';
import type { Checked } from './validate';

export type {
    ActionFailure,
    ActionFailureCode,
    ActionName,
    ActionResult,
    ActionSuccess
} from './actionResult';
export { PAGE_DEDUPE_WINDOW_MS, dedupeAcrossPage, nextBestActionsKey, resetPageDedupe } from './pageDedupe';
export { normalizePhone } from './validate';

export const DEFAULT_ACTION_TIMEOUT_MS = 10000;

const ACTION_NAMES: readonly ActionName[] = Object.freeze([
    'mute',
    'unmute',
    'hold',
    'resume',
    'endCall',
    'acceptCall',
    'declineCall',
    'pauseRecording',
    'resumeRecording',
    'startPreviewCall',
    'merge',
    'swap',
    'addParticipant',
    'sendDigits',
    'updateNextBestActions'
]);

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

/** The public surface of `<c-voice-toolkit>` as a parent sees it through `lwc:ref`. */
export interface VoiceToolkitElement extends HTMLElement {
    vendorCallKey: string | undefined;
    maxTranscript: number | undefined;
    actionTimeoutMs: number;
    readonly session: CallSession;
    readonly available: boolean;
    readonly missingMethods: readonly ActionName[];
    readonly inFlight: readonly string[];
    mute(): Promise<ActionResult>;
    unmute(): Promise<ActionResult>;
    hold(participantType: ParticipantType): Promise<ActionResult>;
    resume(participantType: ParticipantType): Promise<ActionResult>;
    endCall(participantType?: EndCallParticipantType): Promise<ActionResult>;
    acceptCall(): Promise<ActionResult>;
    declineCall(): Promise<ActionResult>;
    pauseRecording(): Promise<ActionResult>;
    resumeRecording(): Promise<ActionResult>;
    startPreviewCall(phoneNumber: string): Promise<ActionResult>;
    merge(): Promise<ActionResult>;
    swap(): Promise<ActionResult>;
    addParticipant(
        contactType: ContactType,
        contactValue: string,
        isBlindTransfer: boolean
    ): Promise<ActionResult>;
    sendDigits(digits: string): Promise<ActionResult>;
    updateNextBestActions(recordId: string, params: NextBestActionParams): Promise<ActionResult>;
}

const NO_ARGS: Checked = Object.freeze({ ok: true, args: Object.freeze([]) });

type ToolkitCall = (...args: readonly unknown[]) => unknown;

/** The `then` of a thenable, read once (a getter may throw or change its answer), else null. */
function thenOf(value: unknown): ((...args: unknown[]) => unknown) | null {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return null;
    const then: unknown = Reflect.get(value, 'then');
    return typeof then === 'function' ? (then as (...args: unknown[]) => unknown) : null;
}

function missingMethods(element: Element | undefined): ActionName[] {
    if (!element) return [...ACTION_NAMES];
    const methods = element as unknown as Record<string, unknown>;
    return ACTION_NAMES.filter((name) => typeof methods[name] !== 'function');
}

/** VoiceCall ids start with this key prefix; other record pages do not filter by call. */
const VOICE_CALL_KEY_PREFIX = '0LQ';

/** Whether a record id names a VoiceCall (its key prefix), i.e. the page follows that one call. */
export function isVoiceCallId(recordId: unknown): boolean {
    return typeof recordId === 'string' && recordId.trim().startsWith(VOICE_CALL_KEY_PREFIX);
}

function trimmedOrUndefined(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export default class VoiceToolkit extends LightningElement {
    /** When set, events whose `callId` differs are dropped (duplicates from other tabs on a VoiceCall page). */
    @api
    get vendorCallKey(): string | undefined {
        return this._vendorCallKey;
    }
    set vendorCallKey(value: string | undefined) {
        this._vendorCallKey = trimmedOrUndefined(value);
        this.applyCallFilter();
    }

    /**
     * The hosting record. On a VoiceCall record page the bridge reads its `VendorCallKey` and filters by it,
     * so a panel open in several tabs only follows its own call. An explicit `vendorCallKey` wins.
     */
    @api recordId: string | undefined;

    get voiceCallId(): string | undefined {
        const id = trimmedOrUndefined(this.recordId);
        return id !== undefined && id.startsWith(VOICE_CALL_KEY_PREFIX) ? id : undefined;
    }

    @wire(getRecord, { recordId: '$voiceCallId', fields: [VENDOR_CALL_KEY] })
    wiredVoiceCall({ data }: GetRecordResult): void {
        // An unreadable record (no access, deleted) leaves the bridge unfiltered rather than deaf.
        this._recordVendorCallKey = data
            ? trimmedOrUndefined(getFieldValue(data, VENDOR_CALL_KEY))
            : undefined;
        this.applyCallFilter();
    }

    private get callFilter(): string | undefined {
        return this._vendorCallKey ?? this._recordVendorCallKey;
    }

    private applyCallFilter(): void {
        const next = this.callFilter;
        if (next === this._appliedFilter) return;
        this._appliedFilter = next;
        // Another call: start from an empty session rather than mixing two calls. Events of this very call that
        // arrived before the filter was known (the VoiceCall record loads after the first events) are kept.
        const current = this._session.callId;
        if (next !== undefined && current !== null && current !== next) {
            this._session = createSession({ maxTranscript: this._maxTranscript });
            this.scheduleFlush(0);
        }
    }

    /** Transcript cap handed to the model (default 5,000). Applies to sessions created after it is set. */
    @api
    get maxTranscript(): number | undefined {
        return this._maxTranscript;
    }
    set maxTranscript(value: number | undefined) {
        this._maxTranscript = toBoundedInteger(value, {
            min: 1,
            max: Number.MAX_SAFE_INTEGER,
            fallback: undefined
        });
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
        this._actionTimeoutMs = toBoundedInteger(value, {
            min: 1,
            max: Number.MAX_SAFE_INTEGER,
            fallback: DEFAULT_ACTION_TIMEOUT_MS
        });
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
        return Object.freeze([...this._inFlight]);
    }

    private _vendorCallKey: string | undefined;
    private _recordVendorCallKey: string | undefined;
    private _appliedFilter: string | undefined;
    private _maxTranscript: number | undefined;
    private _actionTimeoutMs = DEFAULT_ACTION_TIMEOUT_MS;
    private _session: CallSession = createSession();
    private _available = true;
    private _missing: readonly ActionName[] = Object.freeze([]);
    private _unavailableSent = false;
    private _inFlight = new Set<string>();
    private _attachedTo: Element | null = null;
    private _pendingEvents = 0;
    private _flushScheduled = false;
    private _connected = false;

    private readonly handleToolkitEvent = (event: Event): void => {
        const detail: unknown = (event as Partial<CustomEvent>).detail;
        const next = applyEvent(this._session, event.type, detail, Date.now());
        // Filtered on what the model made of the event, never on the raw payload: a numeric `callId` or one
        // whose getter throws cannot take the record's page over (the parser reads it once, safely).
        const filter = this._appliedFilter;
        if (filter !== undefined && next.callId !== null && next.callId !== filter) return;
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

    @api mute(): Promise<ActionResult> {
        return this.run('mute', NO_ARGS);
    }

    @api unmute(): Promise<ActionResult> {
        return this.run('unmute', NO_ARGS);
    }

    @api hold(participantType: ParticipantType): Promise<ActionResult> {
        return this.run('hold', checkParticipantType(participantType));
    }

    @api resume(participantType: ParticipantType): Promise<ActionResult> {
        return this.run('resume', checkParticipantType(participantType));
    }

    @api endCall(participantType?: EndCallParticipantType): Promise<ActionResult> {
        return this.run('endCall', checkEndCallParticipantType(participantType));
    }

    @api acceptCall(): Promise<ActionResult> {
        return this.run('acceptCall', NO_ARGS);
    }

    /**
     * The guide documents no event after `declineCall`: once it succeeds the ringing call ends here (a
     * `callended` that follows is a duplicate), so a declined call never stays on screen.
     */
    @api async declineCall(): Promise<ActionResult> {
        const { callId, phase } = this._session;
        const result = await this.run('declineCall', NO_ARGS);
        if (
            result.ok &&
            callId !== null &&
            this._session.callId === callId &&
            this._session.phase === phase
        ) {
            this._session = applyEvent(this._session, 'callended', { callId }, Date.now());
            this.scheduleFlush(1);
        }
        return result;
    }

    @api pauseRecording(): Promise<ActionResult> {
        return this.run('pauseRecording', NO_ARGS);
    }

    @api resumeRecording(): Promise<ActionResult> {
        return this.run('resumeRecording', NO_ARGS);
    }

    @api startPreviewCall(phoneNumber: string): Promise<ActionResult> {
        return this.run('startPreviewCall', checkPhone(phoneNumber));
    }

    @api merge(): Promise<ActionResult> {
        return this.run('merge', NO_ARGS);
    }

    @api swap(): Promise<ActionResult> {
        return this.run('swap', NO_ARGS);
    }

    @api addParticipant(
        contactType: ContactType,
        contactValue: string,
        isBlindTransfer: boolean
    ): Promise<ActionResult> {
        return this.run('addParticipant', checkAddParticipant(contactType, contactValue, isBlindTransfer));
    }

    @api sendDigits(digits: string): Promise<ActionResult> {
        return this.run('sendDigits', checkDigits(digits));
    }

    /** Identical (recordId, params) requests from any instance on the page within the dedupe window call once. */
    @api updateNextBestActions(recordId: string, params: NextBestActionParams): Promise<ActionResult> {
        return this.run('updateNextBestActions', checkNextBestActions(recordId, params));
    }

    // ---- listeners ----

    private attach(): void {
        const element = this.refs?.api;
        if (element === this._attachedTo) return;
        this.detach();
        const missing = missingMethods(element);
        this._missing = Object.freeze(missing);
        if (missing.length > 0)
            this.markUnavailable(missing, !!element && missing.length < ACTION_NAMES.length);
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

    // ---- actions ----

    private run(action: ActionName, checked: Checked): Promise<ActionResult> {
        if (!checked.ok) return Promise.resolve(failed(action, 'invalid', checked.message));
        const element = this._attachedTo as unknown as Record<string, unknown> | null;
        const method = element?.[action];
        if (typeof method !== 'function') {
            return Promise.resolve(
                failed(action, 'unavailable', `toolkit method ${action} is not available`)
            );
        }
        // Keyed on the validated (normalised) arguments, so two spellings of one number are one action.
        const key = `${action}:${JSON.stringify(checked.args)}`;
        if (this._inFlight.has(key)) {
            return Promise.resolve(failed(action, 'busy', `${action} is already in progress`));
        }
        const call = (): Promise<ActionResult> =>
            this.invoke(action, key, () => (method as ToolkitCall).call(element, ...checked.args));
        if (action !== 'updateNextBestActions') return call();
        const [recordId, params] = checked.args as [string, Readonly<Record<string, string>>];
        const { result, shared } = dedupeAcrossPage(
            nextBestActionsKey(recordId, params),
            call,
            PAGE_DEDUPE_WINDOW_MS,
            Date.now(),
            (outcome) => outcome.ok
        );
        return shared
            ? result.then((r) => (r.ok ? Object.freeze({ ...r, deduped: true as const }) : r))
            : result;
    }

    private invoke(action: ActionName, key: string, call: () => unknown): Promise<ActionResult> {
        let returned: unknown;
        let then: ((...args: unknown[]) => unknown) | null;
        try {
            returned = call();
            then = thenOf(returned);
        } catch (error) {
            return Promise.resolve(failed(action, 'threw', describeError(error)));
        }
        // The guide documents no return values and some methods return nothing: only a thenable can fail later.
        if (then === null) return Promise.resolve(outcomeOf(action, returned));
        this._inFlight.add(key);
        return new Promise<ActionResult>((resolve) => {
            let timer: ReturnType<typeof setTimeout> | undefined;
            const settle = (result: ActionResult): void => {
                if (timer === undefined) return;
                clearTimeout(timer);
                timer = undefined;
                this._inFlight.delete(key);
                resolve(result);
            };
            // A hung platform call must not leave the button disabled forever; the timeout releases it.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            timer = setTimeout(() => {
                const ms = this._actionTimeoutMs;
                settle(failed(action, 'timeout', `${action} did not finish within ${ms} ms`));
            }, this._actionTimeoutMs);
            try {
                then.call(
                    returned,
                    (value: unknown) => settle(outcomeOf(action, value)),
                    (error: unknown) => settle(failed(action, 'rejected', describeError(error)))
                );
            } catch (error) {
                // A `then` that throws: the in-flight guard is released at once, never left to the timeout.
                settle(failed(action, 'threw', describeError(error)));
            }
        });
    }
}
