// Building snapshots. Fields are copied explicitly (never spread from a snapshot: that would run the
// transcript getter and materialise the whole transcript) so every snapshot has the same shape.
import { AUTO_ID_PREFIX, emptyLog, logFrom, toArray } from './transcriptLog';
import type { TranscriptLog } from './transcriptLog';
import type { Draft } from './reduce';
import type { CallSession, FlagState, SessionOptions, TranscriptEntry } from './types';

export const DEFAULT_MAX_TRANSCRIPT = 5000;

/** Internal state hangs off each snapshot under a non-enumerable symbol: invisible to JSON, spread and templates. */
const STATE: unique symbol = Symbol('voiceCallModel.state');

interface SessionState {
    readonly log: TranscriptLog;
    readonly seq: number;
}

interface WithState {
    readonly [STATE]?: SessionState;
}

const EMPTY_FLAG: FlagState = Object.freeze({
    id: null,
    raised: false,
    raisedBy: null,
    raisedByRole: null,
    raisedAt: null,
    reason: null,
    loweredBy: null,
    loweredByRole: null,
    loweredAt: null
});
const NONE = Object.freeze([]);
const NO_SIGNALS = Object.freeze({ categories: NONE, sentiment: NONE });
const NO_AUDIO = Object.freeze({ inputChannelStats: null, outputChannelStats: null });
const NO_REJECTIONS = Object.freeze({ count: 0, reasons: Object.freeze({}) });

function capOf(options: SessionOptions | undefined): number {
    const wanted = options?.maxTranscript;
    return typeof wanted === 'number' && Number.isFinite(wanted) && wanted >= 1
        ? Math.floor(wanted)
        : DEFAULT_MAX_TRANSCRIPT;
}

/**
 * A frozen snapshot. A class rather than an object literal so every snapshot shares one fast shape; the
 * transcript is a prototype getter (materialised on first read), so JSON/spread copies of a snapshot do not
 * carry it: use `summarizeSession` for JSON.
 */
class Snapshot implements CallSession {
    readonly callId: CallSession['callId'];
    readonly previousCallId: CallSession['previousCallId'];
    readonly relatedCallIds: CallSession['relatedCallIds'];
    readonly callType: CallSession['callType'];
    readonly phase: CallSession['phase'];
    readonly startedAt: number | null;
    readonly clockOffsetMs: number | null;
    readonly connectedAt: number | null;
    readonly endedAt: number | null;
    readonly wrapupEndedAt: number | null;
    readonly participants: CallSession['participants'];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly holdSegments: CallSession['holdSegments'];
    readonly totalHoldMs: number;
    readonly holdCount: number;
    readonly transcriptCount: number;
    readonly transcriptTrimmed: number;
    readonly maxTranscript: number;
    readonly flag: CallSession['flag'];
    readonly notes: CallSession['notes'];
    readonly signals: CallSession['signals'];
    readonly audioStats: CallSession['audioStats'];
    readonly rejected: CallSession['rejected'];
    readonly ignoredOtherCall: number;
    readonly duplicates: number;
    readonly accepted: number;
    readonly eventCount: number;
    readonly lastEventType: CallSession['lastEventType'];
    readonly lastEventAt: number | null;
    readonly version: number;

    constructor(d: Draft) {
        this.callId = d.callId;
        this.previousCallId = d.previousCallId;
        this.relatedCallIds = d.relatedCallIds;
        this.callType = d.callType;
        this.phase = d.phase;
        this.startedAt = d.startedAt;
        this.clockOffsetMs = d.clockOffsetMs;
        this.connectedAt = d.connectedAt;
        this.endedAt = d.endedAt;
        this.wrapupEndedAt = d.wrapupEndedAt;
        this.participants = d.participants;
        this.muted = d.muted;
        this.recordingPaused = d.recordingPaused;
        this.holdSegments = d.holdSegments;
        this.totalHoldMs = d.totalHoldMs;
        this.holdCount = d.holdCount;
        this.transcriptCount = d.log.entries.size;
        this.transcriptTrimmed = d.log.entries.evicted;
        this.maxTranscript = d.log.entries.capacity;
        this.flag = d.flag;
        this.notes = d.notes;
        this.signals = d.signals;
        this.audioStats = d.audioStats;
        this.rejected = d.rejected;
        this.ignoredOtherCall = d.ignoredOtherCall;
        this.duplicates = d.duplicates;
        this.accepted = d.accepted;
        this.eventCount = d.eventCount;
        this.lastEventType = d.lastEventType;
        this.lastEventAt = d.lastEventAt;
        this.version = d.version;
        const state: SessionState = Object.freeze({ log: d.log, seq: d.seq });
        Object.defineProperty(this, STATE, { value: state });
        Object.freeze(this);
    }

    get transcript(): readonly TranscriptEntry[] {
        return toArray(logOf(this));
    }
}

/** Freezes a draft into a snapshot. */
export function makeSession(d: Draft): CallSession {
    return new Snapshot(d);
}

/** A mutable copy of a snapshot's fields plus its transcript state. */
function draftOf(s: CallSession, state: SessionState): Draft {
    return {
        callId: s.callId,
        previousCallId: s.previousCallId ?? null,
        relatedCallIds: Array.isArray(s.relatedCallIds) ? s.relatedCallIds : NONE,
        callType: s.callType,
        phase: s.phase,
        startedAt: s.startedAt,
        clockOffsetMs: s.clockOffsetMs ?? null,
        connectedAt: s.connectedAt,
        endedAt: s.endedAt,
        wrapupEndedAt: s.wrapupEndedAt,
        participants: s.participants,
        muted: s.muted,
        recordingPaused: s.recordingPaused,
        holdSegments: s.holdSegments,
        totalHoldMs: s.totalHoldMs,
        holdCount: s.holdCount,
        flag: s.flag,
        notes: s.notes,
        signals: s.signals,
        audioStats: s.audioStats,
        rejected: s.rejected,
        ignoredOtherCall: s.ignoredOtherCall,
        duplicates: s.duplicates,
        accepted: s.accepted,
        eventCount: s.eventCount,
        lastEventType: s.lastEventType,
        lastEventAt: s.lastEventAt,
        version: s.version,
        log: state.log,
        seq: state.seq
    };
}

function idleDraft(cap: number): Draft {
    return {
        callId: null,
        previousCallId: null,
        relatedCallIds: NONE,
        callType: null,
        phase: 'idle',
        startedAt: null,
        clockOffsetMs: null,
        connectedAt: null,
        endedAt: null,
        wrapupEndedAt: null,
        participants: NONE,
        muted: false,
        recordingPaused: false,
        holdSegments: NONE,
        totalHoldMs: 0,
        holdCount: 0,
        flag: EMPTY_FLAG,
        notes: NONE,
        signals: NO_SIGNALS,
        audioStats: NO_AUDIO,
        rejected: NO_REJECTIONS,
        ignoredOtherCall: 0,
        duplicates: 0,
        accepted: 0,
        eventCount: 0,
        lastEventType: null,
        lastEventAt: null,
        version: 0,
        log: emptyLog(cap),
        seq: 0
    };
}

/** A new idle session. */
export function createSession(options?: SessionOptions): CallSession {
    return makeSession(idleDraft(capOf(options)));
}

/** A draft for a brand-new call (same cap), used when a new call replaces an ended one. */
export function freshDraft(cap: number): Draft {
    return idleDraft(cap);
}

/** Rebuilds the transcript state of a snapshot copied outside this module (e.g. by a spread). */
function recover(session: CallSession): SessionState {
    const entries: readonly TranscriptEntry[] = Array.isArray(session.transcript) ? session.transcript : [];
    const log = logFrom(
        entries,
        capOf({ maxTranscript: session.maxTranscript }),
        Number(session.transcriptTrimmed) || 0
    );
    // Generated ids must stay unique: continue after the highest one the copy carries.
    const seq = entries.reduce(
        (max, e) => {
            const n = e.id.startsWith(AUTO_ID_PREFIX) ? Number(e.id.slice(AUTO_ID_PREFIX.length)) + 1 : 0;
            return Number.isInteger(n) && n > max ? n : max;
        },
        Number(session.transcriptCount) || 0
    );
    return { log, seq };
}

function stateOf(session: CallSession): SessionState {
    return (session as CallSession & WithState)[STATE] ?? recover(session);
}

/** The draft every event starts from. */
export function draftFrom(session: CallSession): Draft {
    return draftOf(session, stateOf(session));
}

/** The transcript state of a snapshot (for O(count) reads such as `latestTranscript`). */
export function logOf(session: CallSession): TranscriptLog {
    return stateOf(session).log;
}
