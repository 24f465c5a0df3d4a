// Building snapshots. `IDLE_FIELDS` is the one table of a session's fields (with their values before any
// call); a snapshot is a frozen `Session`, whose constructor is the one place the fields are copied.
import { AUTO_ID_PREFIX, emptyLog, logFrom, toArray } from './transcriptLog';
import type { TranscriptLog } from './transcriptLog';
import type { CallSession, FlagState, SessionOptions, TranscriptEntry } from './types';

export const DEFAULT_MAX_TRANSCRIPT = 5000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The counts a snapshot reads off its transcript log. */
type TranscriptCounts = 'transcriptCount' | 'transcriptTrimmed' | 'maxTranscript';

/** Snapshot fields that live as plain data (the transcript and its counts come from the log). */
export type SessionFields = Omit<CallSession, 'transcript' | TranscriptCounts>;

/** The transcript state behind a snapshot: the log and the counter for generated ids. */
interface SessionState {
    readonly log: TranscriptLog;
    readonly seq: number;
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

/** Every plain field of a session with its value before any call. */
export const IDLE_FIELDS: SessionFields = Object.freeze({
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
    signals: Object.freeze({ categories: NONE, sentiment: NONE }),
    audioStats: Object.freeze({ inputChannelStats: null, outputChannelStats: null }),
    rejected: Object.freeze({ count: 0, reasons: Object.freeze({}) }),
    ignoredOtherCall: 0,
    duplicates: 0,
    accepted: 0,
    eventCount: 0,
    lastEventType: null,
    lastEventAt: null,
    version: 0
});

function capOf(options: SessionOptions | undefined): number {
    const wanted = options?.maxTranscript;
    return typeof wanted === 'number' && Number.isFinite(wanted) && wanted >= 1
        ? Math.floor(wanted)
        : DEFAULT_MAX_TRANSCRIPT;
}

/**
 * The transcript state sits under symbol keys: JSON, `Object.keys` and templates never see it, and plain
 * stores keep it cheap (a non-enumerable `defineProperty` per event cost more than the rest of a snapshot).
 * A spread copy carries it, but a copy is not a `Session`, so its state is rebuilt from what it shows.
 */
const LOG: unique symbol = Symbol('voiceCallModel.log');
const SEQ: unique symbol = Symbol('voiceCallModel.seq');

/** A session while one event is reduced into it: every field writable, plus its transcript state. */
export interface Draft extends Mutable<SessionFields>, Mutable<SessionState> {}

/**
 * A draft, frozen into the snapshot by `makeSession`. A class rather than an object literal so every
 * snapshot shares one fast shape (named stores, in the same order: a loop over the field names costs far
 * more per event); the transcript is a prototype getter (materialised on first read), so JSON/spread copies
 * of a snapshot do not carry it: use `summarizeSession` for JSON.
 */
class Session {
    constructor(from: SessionFields, state: SessionState) {
        this.callId = from.callId;
        this.previousCallId = from.previousCallId;
        this.relatedCallIds = from.relatedCallIds;
        this.callType = from.callType;
        this.phase = from.phase;
        this.startedAt = from.startedAt;
        this.clockOffsetMs = from.clockOffsetMs;
        this.connectedAt = from.connectedAt;
        this.endedAt = from.endedAt;
        this.wrapupEndedAt = from.wrapupEndedAt;
        this.participants = from.participants;
        this.muted = from.muted;
        this.recordingPaused = from.recordingPaused;
        this.holdSegments = from.holdSegments;
        this.totalHoldMs = from.totalHoldMs;
        this.holdCount = from.holdCount;
        this.transcriptCount = 0;
        this.transcriptTrimmed = 0;
        this.maxTranscript = 0;
        this.flag = from.flag;
        this.notes = from.notes;
        this.signals = from.signals;
        this.audioStats = from.audioStats;
        this.rejected = from.rejected;
        this.ignoredOtherCall = from.ignoredOtherCall;
        this.duplicates = from.duplicates;
        this.accepted = from.accepted;
        this.eventCount = from.eventCount;
        this.lastEventType = from.lastEventType;
        this.lastEventAt = from.lastEventAt;
        this.version = from.version;
        this[LOG] = state.log;
        this[SEQ] = state.seq;
    }

    get log(): TranscriptLog {
        return this[LOG];
    }

    set log(log: TranscriptLog) {
        this[LOG] = log;
    }

    get seq(): number {
        return this[SEQ];
    }

    set seq(seq: number) {
        this[SEQ] = seq;
    }

    get transcript(): readonly TranscriptEntry[] {
        return toArray(this[LOG]);
    }
}

// The class gets its field types from this interface of the same name (declaration merging), so the fields
// are not listed a second time.
interface Session extends Mutable<Omit<CallSession, 'transcript'>> {
    [LOG]: TranscriptLog;
    [SEQ]: number;
}

/** Freezes a draft into a snapshot. */
export function makeSession(d: Draft): CallSession {
    const session = d as Session;
    session.transcriptCount = d.log.entries.size;
    session.transcriptTrimmed = d.log.entries.evicted;
    session.maxTranscript = d.log.entries.capacity;
    return Object.freeze(session);
}

/** An idle draft (the draft of a brand-new call, too: same cap, when a new call replaces an ended one). */
export function freshDraft(cap: number): Draft {
    return new Session(IDLE_FIELDS, { log: emptyLog(cap), seq: 0 });
}

/** A new idle session. */
export function createSession(options?: SessionOptions): CallSession {
    return makeSession(freshDraft(capOf(options)));
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

/** A copy made outside this module may predate a field or carry a foreign value where a list belongs. */
function normalized(copy: CallSession): SessionFields {
    return {
        ...copy,
        previousCallId: copy.previousCallId ?? null,
        relatedCallIds: Array.isArray(copy.relatedCallIds) ? copy.relatedCallIds : NONE,
        clockOffsetMs: copy.clockOffsetMs ?? null
    };
}

/** The draft every event starts from. */
export function draftFrom(session: CallSession): Draft {
    if (session instanceof Session) return new Session(session, session);
    return new Session(normalized(session), recover(session));
}

/** The transcript state of a snapshot (for O(count) reads such as `latestTranscript`). */
export function logOf(session: CallSession): TranscriptLog {
    return session instanceof Session ? session.log : recover(session).log;
}
