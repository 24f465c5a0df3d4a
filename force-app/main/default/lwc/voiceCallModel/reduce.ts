// Applies one parsed event to a mutable draft of the session. Every handler returns whether the event
// changed anything, so duplicates and no-ops (resume without hold, lower without raise) are counted.
import { AUTO_ID_PREFIX, contentKey, insert, lookup, replace } from './transcriptLog';
import type { Draft } from './session';
import { addPoint } from './sentimentLog';
import type {
    AudioStatsEvent,
    CallPhase,
    CallSession,
    CallStartEvent,
    ConversationEvent,
    HoldSegment,
    IntelligenceSignalEvent,
    ParsedEvent,
    ParsedMessage,
    Participant,
    ParticipantEvent,
    TranscriptEntry
} from './types';

const MAX_NOTES = 500;
const MAX_HOLD_SEGMENTS = 100;
const MAX_CATEGORIES = 500;

const PHASE_RANK: Readonly<Record<CallPhase, number>> = {
    idle: 0,
    ringing: 1,
    connected: 2,
    ended: 3,
    wrapupDone: 4
};

export function advance(current: CallPhase, target: CallPhase): CallPhase {
    return PHASE_RANK[target] > PHASE_RANK[current] ? target : current;
}

export function isLive(phase: CallPhase): boolean {
    return phase === 'ringing' || phase === 'connected';
}

const DIGITS = /\D/g;
const MIN_PHONE_DIGITS = 7;
/** E.164 country codes are one to three digits: a national number and its international form differ by that. */
const MAX_COUNTRY_CODE_DIGITS = 3;

/**
 * Same party: identical string, or the same phone number however it is written. The toolkit tables only
 * say "Phone number" for `participant`, and one call's events have been seen to spell it
 * "+1 (415) 999-0000" and "4159990000": equal digits, or one digit string ending the other with at most a
 * country code in front.
 */
export function sameParty(a: string, b: string): boolean {
    if (a === b) return true;
    const x = a.replace(DIGITS, '');
    const y = b.replace(DIGITS, '');
    const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
    return (
        shorter.length >= MIN_PHONE_DIGITS &&
        longer.length - shorter.length <= MAX_COUNTRY_CODE_DIGITS &&
        longer.endsWith(shorter)
    );
}

/**
 * The roster key of a caller the events never named: `callconnected` only promises `callId` (toolkit
 * events table), so a panel that joins mid-call may know nothing else. The agent still gets the caller's
 * Hold/Resume, which take a participant type, not a number; the first event that names a party fills it in.
 */
export const UNNAMED_CALLER = '';

/** The caller the call began with (the roster's only `initial` row), or null. */
export function initialCaller(session: Pick<CallSession, 'participants'>): Participant | null {
    return session.participants.find((p) => p.role === 'initial') ?? null;
}

function findParty(d: Draft, participant: string): number {
    return d.participants.findIndex((p) => sameParty(p.participant, participant));
}

function unnamedCallerIndex(d: Draft): number {
    const caller = initialCaller(d);
    return caller?.participant === UNNAMED_CALLER ? d.participants.indexOf(caller) : -1;
}

function nameParty(d: Draft, index: number, participant: string): void {
    const list = d.participants.slice();
    list[index] = Object.freeze({ ...list[index], participant });
    setParticipants(d, list);
    const named = (s: HoldSegment): HoldSegment => {
        return s.participant === UNNAMED_CALLER ? Object.freeze({ ...s, participant }) : s;
    };
    d.holdSegments = Object.freeze(d.holdSegments.map(named));
}

/** A live call always has a caller row, named or not. Returns whether one was added. */
export function ensureCaller(d: Draft): boolean {
    if (!isLive(d.phase) || hasInitial(d)) return false;
    setParticipants(d, [
        Object.freeze({ participant: UNNAMED_CALLER, role: 'initial', onHold: false, holdStartedAt: null }),
        ...d.participants
    ]);
    return true;
}

/**
 * The roster index an event's participant refers to. While the caller is unnamed and no third party has
 * joined, a hold/resume naming anyone names the caller (only the caller is on the line).
 */
function resolveParty(d: Draft, participant: string, type: ParticipantEvent['type']): number {
    const index = findParty(d, participant);
    if (index >= 0 || type === 'participantadded') return index;
    const unnamed = unnamedCallerIndex(d);
    if (unnamed < 0 || d.participants.length > 1) return index;
    nameParty(d, unnamed, participant);
    return unnamed;
}

function setParticipants(d: Draft, list: Participant[]): void {
    d.participants = Object.freeze(list);
}

function startHold(d: Draft, index: number, now: number): void {
    const party = d.participants[index];
    const list = d.participants.slice();
    list[index] = Object.freeze({ ...party, onHold: true, holdStartedAt: now });
    setParticipants(d, list);
    const segments = [
        ...d.holdSegments,
        Object.freeze({ participant: party.participant, start: now, end: null })
    ];
    d.holdSegments = Object.freeze(segments.slice(-MAX_HOLD_SEGMENTS));
    d.holdCount++;
}

function endHold(d: Draft, index: number, now: number): void {
    const party = d.participants[index];
    const list = d.participants.slice();
    list[index] = Object.freeze({ ...party, onHold: false, holdStartedAt: null });
    setParticipants(d, list);
    const segments = d.holdSegments.slice();
    for (let i = segments.length - 1; i >= 0; i--) {
        const segment = segments[i];
        if (segment.end === null && segment.participant === party.participant) {
            const end = Math.max(now, segment.start);
            segments[i] = Object.freeze({ ...segment, end });
            d.totalHoldMs += end - segment.start;
            break;
        }
    }
    d.holdSegments = Object.freeze(segments);
}

function releaseAllHolds(d: Draft, now: number): boolean {
    let changed = false;
    for (let i = 0; i < d.participants.length; i++) {
        if (d.participants[i].onHold) {
            endHold(d, i, now);
            changed = true;
        }
    }
    return changed;
}

function addParty(d: Draft, participant: string, role: Participant['role']): number {
    const party: Participant = Object.freeze({ participant, role, onHold: false, holdStartedAt: null });
    setParticipants(d, [...d.participants, party]);
    return d.participants.length - 1;
}

function hasInitial(d: Draft): boolean {
    return initialCaller(d) !== null;
}

function applyCallStart(d: Draft, e: CallStartEvent, now: number): boolean {
    const { phase, callType, connectedAt } = d;
    const parties = d.participants.length;
    const named = d.participants.map((p) => p.participant).join('\u0000');
    d.phase = advance(d.phase, e.type === 'callstarted' ? 'ringing' : 'connected');
    // Joined on an early event (mute, a transcript line) before `callstarted`: the call was taken as
    // connected; `callstarted` without any `callconnected` yet proves it is still ringing.
    if (e.type === 'callstarted' && d.phase === 'connected' && d.connectedAt === null) d.phase = 'ringing';
    d.startedAt ??= now;
    if (e.type === 'callconnected') d.connectedAt ??= now;
    d.callType ??= e.callType;
    if (e.participant !== null && findParty(d, e.participant) < 0) {
        const unnamed = unnamedCallerIndex(d);
        if (unnamed >= 0) nameParty(d, unnamed, e.participant);
        else if (!hasInitial(d)) addParty(d, e.participant, 'initial');
    }
    return (
        phase !== d.phase ||
        callType !== d.callType ||
        connectedAt !== d.connectedAt ||
        parties !== d.participants.length ||
        named !== d.participants.map((p) => p.participant).join('\u0000')
    );
}

function endCall(d: Draft, now: number): void {
    d.endedAt ??= now;
    releaseAllHolds(d, now);
}

function applyParticipant(d: Draft, e: ParticipantEvent, now: number): boolean {
    const index = resolveParty(d, e.participant, e.type);
    switch (e.type) {
        case 'participantadded':
            if (index >= 0) return false;
            addParty(d, e.participant, 'thirdParty');
            return true;
        case 'participantremoved':
            if (index < 0) return false;
            if (d.participants[index].onHold) endHold(d, index, now);
            setParticipants(
                d,
                d.participants.filter((_, i) => i !== index)
            );
            return true;
        case 'hold': {
            if (!isLive(d.phase) || (index >= 0 && d.participants[index].onHold)) return false;
            const at =
                index >= 0 ? index : addParty(d, e.participant, hasInitial(d) ? 'thirdParty' : 'initial');
            startHold(d, at, now);
            return true;
        }
        default:
            if (index < 0 || !d.participants[index].onHold) return false;
            endHold(d, index, now);
            return true;
    }
}

function swap(d: Draft, now: number): boolean {
    const held = d.participants.filter((p) => p.onHold).length;
    if (held === 0 || held === d.participants.length || !isLive(d.phase)) return false;
    const wasHeld = d.participants.map((p) => p.onHold);
    wasHeld.forEach((onHold, i) => (onHold ? endHold(d, i, now) : startHold(d, i, now)));
    return true;
}

function messageTime(m: ParsedMessage, now: number): number {
    return m.serverTimestamp ?? m.clientTimestamp ?? now;
}

/**
 * The entry an utterance updates or repeats. The LWC events table calls `id` a "unique call identifier" (the
 * Aura table: "unique identifier for the message"), and one id has been seen on several messages of a call:
 * the id alone does not identify a message. Same id: a partial is updated in place, and a final is a
 * re-delivery only with the same text and timestamp; anything else is a distinct message, keyed like one
 * without an id, by (role, timestamp, text).
 */
function transcriptMatch(
    d: Draft,
    m: ParsedMessage,
    text: string,
    timestamp: number
): { key: string; existing: TranscriptEntry | undefined } {
    if (m.id !== null) {
        const byId = lookup(d.log, m.id);
        if (byId === undefined) return { key: m.id, existing: undefined };
        // A partial after its final is stale (the final is kept); a final's exact repeat is a re-delivery.
        if (byId.partial || m.partial || (byId.text === text && byId.timestamp === timestamp)) {
            return { key: m.id, existing: byId };
        }
    }
    const key = contentKey(m.rawRole, timestamp, text);
    return { key, existing: lookup(d.log, key) };
}

function applyTranscript(d: Draft, e: ConversationEvent, now: number): boolean {
    const m = e.message;
    const text = m.text ?? '';
    const timestamp = messageTime(m, now);
    const { key, existing } = transcriptMatch(d, m, text, timestamp);
    if (d.clockOffsetMs === null && m.serverTimestamp !== null) d.clockOffsetMs = now - m.serverTimestamp;
    if (existing !== undefined) {
        if (!existing.partial || (m.partial && existing.text === text)) return false;
        // Partial → final (or a longer partial): same place and timestamp, so order never breaks.
        const updated: TranscriptEntry = Object.freeze({
            ...existing,
            text,
            partial: m.partial,
            ...(m.displayName === null ? {} : { displayName: m.displayName })
        });
        d.log = replace(d.log, existing, updated);
        return true;
    }
    const entry: TranscriptEntry = Object.freeze({
        id: key === m.id ? m.id : `${AUTO_ID_PREFIX}${d.seq++}`,
        role: m.role,
        rawRole: m.rawRole,
        ...(m.displayName === null ? {} : { displayName: m.displayName }),
        text,
        timestamp,
        ...(m.clientTimestamp === null ? {} : { clientTimestamp: m.clientTimestamp }),
        partial: m.partial
    });
    d.log = insert(d.log, entry, key);
    return true;
}

function applyFlag(d: Draft, e: ConversationEvent, now: number): boolean {
    const m = e.message;
    const at = messageTime(m, now);
    if (e.type === 'flagraise') {
        // A re-delivery repeats the id and the time; the same id later is a new request for help (the id is
        // documented as the call identifier, so one call's raises can share it).
        if (m.id !== null && d.flag.id === m.id && d.flag.raisedAt === at) return false;
        d.flag = Object.freeze({
            id: m.id,
            raised: true,
            raisedBy: m.displayName,
            raisedByRole: m.role,
            raisedAt: at,
            reason: m.text,
            loweredBy: null,
            loweredByRole: null,
            loweredAt: null
        });
        return true;
    }
    if (!d.flag.raised) return false;
    d.flag = Object.freeze({
        ...d.flag,
        raised: false,
        loweredBy: m.displayName,
        loweredByRole: m.role,
        loweredAt: at
    });
    return true;
}

function applyNote(d: Draft, e: ConversationEvent, now: number): boolean {
    const m = e.message;
    const timestamp = messageTime(m, now);
    const text = m.text ?? '';
    // Keyed on the message, not the id alone: notes that reuse an id are still distinct notes.
    if (d.notes.some((n) => n.timestamp === timestamp && n.text === text)) return false;
    const idTaken = m.id !== null && d.notes.some((n) => n.id === m.id);
    // The shared counter keeps generated ids unique even once the capped list stops growing.
    const id = m.id !== null && !idTaken ? m.id : `${AUTO_ID_PREFIX}note:${timestamp}:${d.seq++}`;
    const note = Object.freeze({
        id,
        role: m.role,
        rawRole: m.rawRole,
        ...(m.displayName === null ? {} : { displayName: m.displayName }),
        text,
        timestamp
    });
    d.notes = Object.freeze([...d.notes, note].slice(-MAX_NOTES));
    return true;
}

function applySignals(d: Draft, e: IntelligenceSignalEvent): boolean {
    let changed = false;
    let categories = d.signals.categories;
    for (const category of e.categories) {
        if (categories.some((c) => c.value === category.value && c.startTime === category.startTime))
            continue;
        categories = [...categories, Object.freeze(category)].slice(-MAX_CATEGORIES);
        changed = true;
    }
    let sentiment = d.signals.sentiment;
    for (const signal of e.sentiments) {
        const index = sentiment.findIndex((s) => s.participant === signal.participant);
        const series = addPoint(index >= 0 ? sentiment[index] : undefined, signal.participant, {
            time: signal.time,
            value: signal.value
        });
        if (series === null) continue;
        sentiment = index >= 0 ? sentiment.map((s, i) => (i === index ? series : s)) : [...sentiment, series];
        changed = true;
    }
    if (changed) {
        d.signals = Object.freeze({
            categories: Object.freeze(categories),
            sentiment: Object.freeze(sentiment)
        });
    }
    return changed;
}

function applyAudioStats(d: Draft, e: AudioStatsEvent, now: number): boolean {
    d.audioStats = Object.freeze({
        ...d.audioStats,
        ...Object.fromEntries(
            Object.entries(e.samples).map(([channel, sample]) => [
                channel,
                Object.freeze({ ...sample, receivedAt: now })
            ])
        )
    });
    return true;
}

function setFlagField(d: Draft, field: 'muted' | 'recordingPaused', value: boolean): boolean {
    if (d[field] === value) return false;
    d[field] = value;
    return true;
}

/** Applies an event already attributed to this call. Returns false when it changed nothing. */
export function reduceEvent(d: Draft, e: ParsedEvent, now: number): boolean {
    switch (e.type) {
        case 'callstarted':
        case 'callconnected':
            return applyCallStart(d, e, now);
        case 'callended': {
            const changed = d.endedAt === null;
            d.phase = advance(d.phase, 'ended');
            endCall(d, now);
            return changed;
        }
        case 'wrapupended': {
            const changed = d.wrapupEndedAt === null;
            d.phase = advance(d.phase, 'wrapupDone');
            d.wrapupEndedAt ??= now;
            endCall(d, now);
            return changed;
        }
        case 'hold':
        case 'resume':
        case 'participantadded':
        case 'participantremoved':
            return applyParticipant(d, e, now);
        case 'conference':
            return releaseAllHolds(d, now);
        case 'swap':
            return swap(d, now);
        case 'mute':
        case 'unmute':
            return setFlagField(d, 'muted', e.type === 'mute');
        case 'pauserecording':
        case 'resumerecording':
            return setFlagField(d, 'recordingPaused', e.type === 'pauserecording');
        case 'transcript':
            return applyTranscript(d, e, now);
        case 'flagraise':
        case 'flaglower':
            return applyFlag(d, e, now);
        case 'note':
            return applyNote(d, e, now);
        case 'intelligencesignal':
            return applySignals(d, e);
        default:
            return applyAudioStats(d, e, now);
    }
}
