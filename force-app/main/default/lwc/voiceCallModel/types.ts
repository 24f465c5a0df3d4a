// Public shapes of the call model. Every snapshot field is plain, frozen data built from primitives:
// nothing in a snapshot is ever a reference to a toolkit payload object.

/** The 19 LWC toolkit events plus the intelligence signal (documented for Aura as INTELLIGENCE_SIGNAL). */
export const TOOLKIT_EVENT_NAMES = Object.freeze([
    'audiostats',
    'callstarted',
    'callconnected',
    'callended',
    'hold',
    'resume',
    'mute',
    'unmute',
    'participantadded',
    'participantremoved',
    'conference',
    'swap',
    'pauserecording',
    'resumerecording',
    'transcript',
    'wrapupended',
    'flagraise',
    'flaglower',
    'note',
    'intelligencesignal'
] as const);

export type ToolkitEventName = (typeof TOOLKIT_EVENT_NAMES)[number];

/** Monotonic: a late event never moves a call back (e.g. `callconnected` after `callended`). */
export type CallPhase = 'idle' | 'ringing' | 'connected' | 'ended' | 'wrapupDone';
export type CallType = 'inbound' | 'outbound';
export type ParticipantRole = 'initial' | 'thirdParty';
/** Normalised sender role; the payload's own spelling is kept in `rawRole`. */
export type SenderRole = 'Agent' | 'Customer' | 'Supervisor' | 'Bot' | 'System' | 'Unknown';
export type AudioStatsChannel = 'inputChannelStats' | 'outputChannelStats';

export interface Participant {
    /** The participant string the events carry (phone number or Quick Connect name); the roster key. */
    readonly participant: string;
    readonly role: ParticipantRole;
    readonly onHold: boolean;
    readonly holdStartedAt: number | null;
}

export interface HoldSegment {
    readonly participant: string;
    readonly start: number;
    /** `null` while the hold is still open. */
    readonly end: number | null;
}

export interface TranscriptEntry {
    /** Payload `id`/`messageId`, or a generated `~auto:<n>` when the payload has none. */
    readonly id: string;
    readonly role: SenderRole;
    readonly rawRole: string;
    readonly displayName?: string;
    readonly text: string;
    /** Server received timestamp (ms); falls back to the client timestamp, then to the receipt time. */
    readonly timestamp: number;
    readonly clientTimestamp?: number;
    readonly partial: boolean;
}

export interface Note {
    readonly id: string;
    readonly role: SenderRole;
    readonly rawRole: string;
    readonly displayName?: string;
    readonly text: string;
    readonly timestamp: number;
}

export interface FlagState {
    /** Message id of the raise, so a re-delivered raise after a lower does not raise again. */
    readonly id: string | null;
    readonly raised: boolean;
    readonly raisedBy: string | null;
    readonly raisedByRole: SenderRole | null;
    readonly raisedAt: number | null;
    readonly reason: string | null;
    readonly loweredBy: string | null;
    readonly loweredByRole: SenderRole | null;
    readonly loweredAt: number | null;
}

export interface CategorySignal {
    readonly value: string;
    /** Confidence 1..1000, `null` when the vendor sent none. */
    readonly score: number | null;
    readonly startTime: number;
    readonly endTime?: number;
    readonly participant?: string;
}

export interface SentimentPoint {
    readonly time: number;
    /** Clamped to -1000..1000. */
    readonly value: number;
}

export interface SentimentSeries {
    readonly participant: string;
    readonly points: readonly SentimentPoint[];
    readonly latest: number;
}

export interface Signals {
    readonly categories: readonly CategorySignal[];
    readonly sentiment: readonly SentimentSeries[];
}

export interface AudioStatsSample {
    readonly packetsLost: number | null;
    readonly packetsCount: number | null;
    readonly jitterBufferMillis: number | null;
    readonly roundTripTimeMillis: number | null;
    readonly statsCount: number | null;
    readonly receivedAt: number;
}

export interface AudioStats {
    readonly inputChannelStats: AudioStatsSample | null;
    readonly outputChannelStats: AudioStatsSample | null;
}

export interface Rejections {
    readonly count: number;
    /** `<event type>.<reason code>` → count, e.g. `transcript.missingText`. */
    readonly reasons: Readonly<Record<string, number>>;
}

/** Immutable snapshot of one call. `eventCount === accepted + rejected.count + ignoredOtherCall` always. */
export interface CallSession {
    readonly callId: string | null;
    /** The call this session replaced (its late events are not taken as an earlier leg of this one). */
    readonly previousCallId: string | null;
    /** Earlier legs of this call (transfer): their conversation events belong to this call. */
    readonly relatedCallIds: readonly string[];
    readonly callType: CallType | null;
    readonly phase: CallPhase;
    readonly startedAt: number | null;
    /**
     * Receipt time minus server timestamp of the first utterance that had one: how far this browser's clock
     * is from the server's. Lets a panel put call-relative times on one time base (`startedAt` is receipt
     * time, utterance timestamps are server time).
     */
    readonly clockOffsetMs: number | null;
    readonly connectedAt: number | null;
    readonly endedAt: number | null;
    readonly wrapupEndedAt: number | null;
    readonly participants: readonly Participant[];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly holdSegments: readonly HoldSegment[];
    /** Sum of closed hold segments; see `currentHoldMs` for the open ones. */
    readonly totalHoldMs: number;
    readonly holdCount: number;
    /** Ordered by timestamp (ties: arrival order). Materialised on first read, then cached. */
    readonly transcript: readonly TranscriptEntry[];
    readonly transcriptCount: number;
    readonly transcriptTrimmed: number;
    readonly maxTranscript: number;
    readonly flag: FlagState;
    readonly notes: readonly Note[];
    readonly signals: Signals;
    readonly audioStats: AudioStats;
    readonly rejected: Rejections;
    /** Events for another call, or that could not be attributed to any call. */
    readonly ignoredOtherCall: number;
    /** Accepted events that changed nothing because they were already applied (subset of `accepted`). */
    readonly duplicates: number;
    readonly accepted: number;
    readonly eventCount: number;
    readonly lastEventType: ToolkitEventName | null;
    readonly lastEventAt: number | null;
    /** +1 per applied event (accepted, rejected or ignored). */
    readonly version: number;
}

export interface SessionOptions {
    /** Transcript cap (default 5,000); the oldest utterances are trimmed and counted. */
    readonly maxTranscript?: number;
}

// ---- parser output ----

export interface ParsedMessage {
    readonly id: string | null;
    readonly role: SenderRole;
    readonly rawRole: string;
    readonly displayName: string | null;
    readonly text: string | null;
    readonly serverTimestamp: number | null;
    readonly clientTimestamp: number | null;
    readonly partial: boolean;
}

export interface SentimentSignal {
    readonly participant: string;
    readonly time: number;
    readonly value: number;
}

interface CallEventBase {
    readonly ok: true;
    readonly callId: string;
}

export interface CallStartEvent extends CallEventBase {
    readonly type: 'callstarted' | 'callconnected';
    readonly callType: CallType | null;
    readonly participant: string | null;
}

export interface CallOnlyEvent extends CallEventBase {
    readonly type:
        | 'callended'
        | 'mute'
        | 'unmute'
        | 'conference'
        | 'swap'
        | 'pauserecording'
        | 'resumerecording'
        | 'wrapupended';
}

export interface ParticipantEvent extends CallEventBase {
    readonly type: 'hold' | 'resume' | 'participantadded' | 'participantremoved';
    readonly participant: string;
}

export type AudioStatsReading = Omit<AudioStatsSample, 'receivedAt'>;

export interface AudioStatsEvent extends CallEventBase {
    readonly type: 'audiostats';
    /** One or both channels (the nested connector SDK shape can carry both). */
    readonly samples: Readonly<Partial<Record<AudioStatsChannel, AudioStatsReading>>>;
}

export interface ConversationEvent extends CallEventBase {
    readonly type: 'transcript' | 'flagraise' | 'flaglower' | 'note';
    readonly message: ParsedMessage;
}

export interface IntelligenceSignalEvent {
    readonly ok: true;
    readonly type: 'intelligencesignal';
    /** Optional in the Aura payload: without it the signal belongs to the active call. */
    readonly callId: string | null;
    readonly categories: readonly CategorySignal[];
    readonly sentiments: readonly SentimentSignal[];
    /** Entries of `detail.events` that were malformed and skipped. */
    readonly skipped: number;
}

export type ParsedEvent =
    | CallStartEvent
    | CallOnlyEvent
    | ParticipantEvent
    | AudioStatsEvent
    | ConversationEvent
    | IntelligenceSignalEvent;

export interface Rejection {
    readonly ok: false;
    /** The event type as received (may be unknown). */
    readonly type: string;
    /** Short code, e.g. `missingCallId`, `detailNotObject`, `unknownEventType`. */
    readonly reason: string;
}
