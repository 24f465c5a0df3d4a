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
 * Call-id policy:
 * - An idle session adopts the call id of the first valid event that carries one. `callstarted` →
 *   ringing, `callconnected` → connected, `callended`/`wrapupended` → ended/wrap-up done; any other event
 *   means the component joined mid-call → connected.
 * - Events for another call id are ignored and counted in `ignoredOtherCall` (multi-tab, transfer legs),
 *   as is an intelligence signal without a call id while idle.
 * - A `callstarted`/`callconnected` for a different call id once the active call has ended (or its
 *   wrap-up is done) starts a fresh session for the new call (same options, counters from zero).
 *   While a call is live, a new call id never takes over; `createSession()` is the explicit reset.
 * - Phases only move forward: idle → ringing → connected → ended → wrapupDone.
 *
 * Snapshots: frozen instances whose fields are plain frozen arrays/objects of primitives (never a payload
 * object). `transcript` is a getter, materialised on first read and cached, so reducing stays O(1) amortised
 * for in-order utterances; JSON/spread copies of a snapshot therefore omit it (use `summarizeSession`).
 * Panels that show only the newest lines should use `latestTranscript` (O(count)).
 * Every snapshot holds `eventCount === accepted + rejected.count + ignoredOtherCall`; `duplicates` counts
 * accepted events that changed nothing (re-deliveries, resume without hold, lower without raise...).
 */
import { parseToolkitEvent } from './parse';
import { advance, isLive, reduceEvent } from './reduce';
import type { Draft } from './reduce';
import { draftFrom, freshDraft, logOf, makeSession } from './session';
import { AUTO_ID_PREFIX, latest } from './transcriptLog';
import type { CallSession, ParsedEvent, Participant, Rejection, TranscriptEntry } from './types';

export { TOOLKIT_EVENT_NAMES } from './types';
export { parseToolkitEvent, normalizeRole } from './parse';
export { summarizeSession } from './summary';
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

/** The draft the event applies to: this call's, a fresh one for a new call, or null (not ours). */
function target(d: Draft, event: ParsedEvent, now: number): Draft | null {
    if (event.callId === null || event.callId === d.callId) return d.callId === null ? null : d;
    const startsCall = event.type === 'callstarted' || event.type === 'callconnected';
    if (d.callId !== null && !(startsCall && !isLive(d.phase))) return null;
    // A new call after an ended one starts from zero; the stream's version keeps counting.
    const base = d.callId === null ? d : { ...freshDraft(d.log.cap), version: d.version, eventCount: 1 };
    base.callId = event.callId;
    base.phase = advance('idle', joinPhase(event));
    base.startedAt = now;
    return base;
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
    const active = target(d, parsed, at);
    if (active === null) {
        d.ignoredOtherCall++;
        return makeSession(d);
    }
    if (!reduceEvent(active, parsed, at)) active.duplicates++;
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

export function initialCaller(session: CallSession): Participant | null {
    return session.participants.find((p) => p.role === 'initial') ?? null;
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
