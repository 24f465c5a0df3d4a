/**
 * c/voiceCallModel — the pure call model every panel uses (no DOM, no timers, no platform imports).
 *
 * Public API:
 * - `TOOLKIT_EVENT_NAMES` — the 20 toolkit event names (19 LWC events + `intelligencesignal`).
 * - `parseToolkitEvent(type, detail): ParsedEvent | Rejection` — `unknown` payload → typed event or a
 *   rejection with a reason code. Never throws, never mutates or keeps `detail`.
 * - `createSession(options?): CallSession` — an idle session (`maxTranscript`, default 5,000).
 * - `applyEvent(session, type, detail, now): CallSession` — parse + reduce into a new frozen snapshot;
 *   `now` is the receipt time in ms (the model reads no clock). Never throws.
 * - `summarizeSession(session): SessionSummary` — the JSON summary of the replay CLI.
 * - Helpers for panels: `isOnCall`, `hasThreeWay`, `participantsOnHold`, `initialCaller`,
 *   `currentHoldMs`, `latestTranscript`, `isRejection`, `isGeneratedId`, `normalizeRole`, `DEFAULT_MAX_TRANSCRIPT`.
 *
 * Call-id policy (docs/call-lifecycle.md):
 * - An idle session adopts the call id of the first valid event that carries one. `callstarted` →
 *   ringing, `callconnected` → connected, `callended`/`wrapupended` → ended/wrap-up done; any other event
 *   means the component joined mid-call → connected (a later `callstarted` before any `callconnected`
 *   moves it back to ringing: the event was early, not mid-call). A live call always has a caller row.
 * - A `callstarted`/`callconnected` for another call id always starts a fresh session for it, also while
 *   a call is live (a missed `callended` never wedges the desktop); after a call ended or while it rings,
 *   any event of another id starts the next call, so its early events are kept. `previousCallId` names the
 *   replaced call.
 * - While a call is connected, control events for another id are ignored and counted in `ignoredOtherCall`;
 *   conversation events may be an earlier transfer leg's (`relatedCallIds`, see `isEarlierLeg`).
 * - An intelligence signal without a call id belongs to the connected call only (else ignored).
 * - Phases only move forward (idle → ringing → connected → ended → wrapupDone) within one call.
 *
 * Snapshots: frozen instances whose fields are plain frozen arrays/objects of primitives (never a payload
 * object). `transcript` is a getter, materialised on first read and cached, so reducing stays O(1) amortised
 * for in-order utterances; JSON/spread copies of a snapshot therefore omit it (use `summarizeSession`).
 * Panels that show only the newest lines should use `latestTranscript` (O(count)).
 * Every snapshot holds `eventCount === accepted + rejected.count + ignoredOtherCall`; `duplicates` counts
 * accepted events that changed nothing (re-deliveries, resume without hold, lower without raise...).
 */
import { parseToolkitEvent } from './parse';
import { advance, ensureCaller, isLive, reduceEvent } from './reduce';
import { draftFrom, freshDraft, logOf, makeSession } from './session';
import type { Draft } from './session';
import { AUTO_ID_PREFIX, latest } from './transcriptLog';
import type { CallSession, ParsedEvent, Participant, Rejection, TranscriptEntry } from './types';

export { TOOLKIT_EVENT_NAMES } from './types';
export { parseToolkitEvent, normalizeRole } from './parse';
export { summarizeSession } from './summary';
export { callQuality } from './quality';
export type { CallQuality } from './quality';
export { UNNAMED_CALLER, initialCaller, sameParty } from './reduce';
export { createSession, DEFAULT_MAX_TRANSCRIPT } from './session';
export type { SessionSummary } from './summary';
export type {
    AudioStats,
    AudioStatsChannel,
    AudioStatsSample,
    CallPhase,
    CallSession,
    CallType,
    CategorySignal,
    FlagState,
    HoldSegment,
    Note,
    ParsedEvent,
    ParsedMessage,
    Participant,
    ParticipantRole,
    Rejection,
    SenderRole,
    SentimentPoint,
    SentimentSeries,
    SentimentSignal,
    SessionOptions,
    Signals,
    ToolkitEventName,
    TranscriptEntry
} from './types';

/** Earlier legs remembered per call (a transfer chain is a handful of legs). */
const MAX_RELATED_CALLS = 10;

function countRejection(d: Draft, rejection: Rejection): void {
    const key = `${rejection.type}.${rejection.reason}`;
    const reasons = Object.freeze({ ...d.rejected.reasons, [key]: (d.rejected.reasons[key] ?? 0) + 1 });
    d.rejected = Object.freeze({ count: d.rejected.count + 1, reasons });
}

/** Phase implied by the first event of a call we had not seen start. */
function joinPhase(event: ParsedEvent): Draft['phase'] {
    switch (event.type) {
        case 'callstarted':
            return 'ringing';
        case 'callended':
            return 'ended';
        case 'wrapupended':
            return 'wrapupDone';
        default:
            return 'connected';
    }
}

/** Events that carry what was said or signalled, which chapter 3 keys on the first leg's vendor call key. */
const CONVERSATION_TYPES: ReadonlySet<ParsedEvent['type']> = new Set<ParsedEvent['type']>([
    'transcript',
    'note',
    'flagraise',
    'flaglower',
    'intelligencesignal'
]);

/** Whether anything was said or signalled in this call yet (under its own id or an earlier leg's). */
function hasConversation(d: Draft): boolean {
    return (
        d.log.entries.size + d.log.entries.evicted > 0 ||
        d.notes.length > 0 ||
        d.flag.raisedAt !== null ||
        d.signals.categories.length + d.signals.sentiment.length > 0
    );
}

/**
 * Whether a conversation event under another call id belongs to this live call as an earlier leg. The
 * Create a Transcript and Send a Real-Time Conversation Event sections (Telephony Integration API) key
 * transcripts and signals on "the vendorCallKey of the first voice call record created for the call", so
 * after a transfer they may arrive under the first leg's id while the softphone names the second leg.
 * Taken as the earlier leg: the first such id while the call is connected and nothing was said in it yet
 * (a transferred leg hears everything under the first leg's id), never the call this session replaced.
 * Once the call has its own conversation, other ids stay out (another tab's or an old call's late lines).
 */
function isEarlierLeg(d: Draft, event: ParsedEvent, callId: string): boolean {
    if (d.relatedCallIds.includes(callId)) return true;
    return (
        d.phase === 'connected' &&
        CONVERSATION_TYPES.has(event.type) &&
        callId !== d.previousCallId &&
        d.relatedCallIds.length === 0 &&
        !hasConversation(d)
    );
}

function startsCall(event: ParsedEvent): boolean {
    return event.type === 'callstarted' || event.type === 'callconnected';
}

/**
 * The draft the event applies to: this call's, a fresh one for a new call, or null (not ours).
 * - No call id (only the intelligence signal may omit it): the live, connected call owns it; never an
 *   ended call (an old tab would show the next call's categories) and never a call still ringing.
 * - A `callstarted`/`callconnected` for another id always takes over, also from a live call: a missed
 *   `callended` (or a declined or abandoned ringing call) must never lock the desktop on a dead call.
 * - Once the call has ended, or while it only rings (a ringing call has nothing to protect, and one the
 *   caller abandoned gets no `callended` we can count on), any event of another id starts the next call, so
 *   that call's early events are kept.
 */
function target(d: Draft, event: ParsedEvent, now: number): { draft: Draft; fresh: boolean } | null {
    const callId = event.callId;
    if (callId === null)
        return d.callId !== null && d.phase === 'connected' ? { draft: d, fresh: false } : null;
    if (callId === d.callId) return { draft: d, fresh: false };
    if (d.callId !== null && !startsCall(event) && d.phase === 'connected') {
        if (!isEarlierLeg(d, event, callId)) return null;
        if (!d.relatedCallIds.includes(callId)) {
            d.relatedCallIds = Object.freeze([...d.relatedCallIds, callId].slice(-MAX_RELATED_CALLS));
        }
        return { draft: d, fresh: false };
    }
    if (d.callId !== null && d.relatedCallIds.includes(callId)) return { draft: d, fresh: false };
    // A new call starts from zero; the stream's version keeps counting.
    const base = d.callId === null ? d : freshDraft(d.log.entries.capacity);
    if (base !== d) {
        base.version = d.version;
        base.eventCount = 1;
    }
    base.previousCallId = d.callId;
    base.callId = callId;
    base.phase = advance('idle', joinPhase(event));
    base.startedAt = now;
    return { draft: base, fresh: true };
}

/**
 * Parses and reduces one toolkit event into a new snapshot. `now` is the receipt time (ms). Never throws:
 * malformed payloads are counted in `rejected`, events for other calls in `ignoredOtherCall`.
 */
export function applyEvent(session: CallSession, type: string, detail: unknown, now: number): CallSession {
    const d = draftFrom(session);
    const at = Number.isFinite(now) ? now : (d.lastEventAt ?? 0);
    d.version++;
    d.eventCount++;
    const parsed = parseToolkitEvent(type, detail);
    if (!parsed.ok) {
        countRejection(d, parsed);
        return makeSession(d);
    }
    const found = target(d, parsed, at);
    if (found === null) {
        d.ignoredOtherCall++;
        return makeSession(d);
    }
    const active = found.draft;
    const changed = reduceEvent(active, parsed, at);
    // The caller row appears when a call begins (whatever its first event), not after a party left.
    const addedCaller = (found.fresh || startsCall(parsed)) && ensureCaller(active);
    if (!changed && !addedCaller && !found.fresh) active.duplicates++;
    active.accepted++;
    active.lastEventType = parsed.type;
    active.lastEventAt = at;
    return makeSession(active);
}

// ---- derived helpers for panels ----

export function isRejection(result: ParsedEvent | Rejection): result is Rejection {
    return !result.ok;
}

/** Ringing or connected. */
export function isOnCall(session: CallSession): boolean {
    return isLive(session.phase);
}

/** A third party is on the line (two or more parties besides the agent). */
export function hasThreeWay(session: CallSession): boolean {
    return isLive(session.phase) && session.participants.length >= 2;
}

export function participantsOnHold(session: CallSession): readonly Participant[] {
    return Object.freeze(session.participants.filter((p) => p.onHold));
}

/** Total hold time including holds still open at `now`. */
export function currentHoldMs(session: CallSession, now: number): number {
    let open = 0;
    for (const segment of session.holdSegments) {
        if (segment.end === null) open += Math.max(0, now - segment.start);
    }
    return session.totalHoldMs + open;
}

/** The newest `count` utterances, O(count) instead of materialising the whole transcript. */
export function latestTranscript(session: CallSession, count: number): readonly TranscriptEntry[] {
    return latest(logOf(session), count);
}

/** Whether an id is one the model generated (the payload had none). */
export function isGeneratedId(id: string): boolean {
    return id.startsWith(AUTO_ID_PREFIX);
}
