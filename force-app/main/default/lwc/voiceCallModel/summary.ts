// The JSON summary printed by the replay CLI (the replay contract in the README) and asserted by scenario tests.
import type { CallSession, CategorySignal, Participant, SenderRole, TranscriptEntry } from './types';

/** Session fields the summary shows as they are. */
type CopiedFields =
    | 'callId'
    | 'callType'
    | 'phase'
    | 'muted'
    | 'recordingPaused'
    | 'holdCount'
    | 'totalHoldMs'
    | 'transcriptCount'
    | 'ignoredOtherCall'
    | 'duplicates'
    | 'accepted';

/** The replay contract: session fields as they are, plus a few projected or renamed ones. */
export interface SessionSummary extends Pick<CallSession, CopiedFields> {
    readonly participants: readonly Pick<Participant, 'participant' | 'role' | 'onHold'>[];
    readonly transcript: readonly Pick<TranscriptEntry, 'id' | 'role' | 'text' | 'timestamp'>[];
    readonly trimmed: CallSession['transcriptTrimmed'];
    readonly flag: { raised: boolean; by: string | null; text: string | null; loweredBy: string | null };
    readonly notes: readonly { text: string; role: SenderRole; by: string }[];
    readonly signals: {
        categories: readonly Pick<CategorySignal, 'value' | 'score'>[];
        /** Latest sentiment per participant (an own-property map, safe for any participant string). */
        sentiment: Readonly<Record<string, number>>;
    };
    readonly rejected: { count: number; reasons: Readonly<Record<string, number>> };
    readonly events: CallSession['eventCount'];
}

/** Plain JSON-ready summary of a session (new objects, safe to serialise or compare). */
export function summarizeSession(session: CallSession): SessionSummary {
    const { flag } = session;
    return {
        callId: session.callId,
        callType: session.callType,
        phase: session.phase,
        muted: session.muted,
        recordingPaused: session.recordingPaused,
        participants: session.participants.map(({ participant, role, onHold }) => ({
            participant,
            role,
            onHold
        })),
        holdCount: session.holdCount,
        totalHoldMs: session.totalHoldMs,
        transcript: session.transcript.map(({ id, role, text, timestamp }) => ({
            id,
            role,
            text,
            timestamp
        })),
        transcriptCount: session.transcriptCount,
        trimmed: session.transcriptTrimmed,
        flag: {
            raised: flag.raised,
            by: flag.raisedBy ?? flag.raisedByRole,
            text: flag.reason,
            loweredBy: flag.loweredBy ?? flag.loweredByRole
        },
        notes: session.notes.map((n) => ({ text: n.text, role: n.role, by: n.displayName ?? n.role })),
        signals: {
            categories: session.signals.categories.map(({ value, score }) => ({ value, score })),
            // fromEntries defines own properties, so a participant named "__proto__" stays a plain key.
            sentiment: Object.fromEntries(session.signals.sentiment.map((s) => [s.participant, s.latest]))
        },
        rejected: { count: session.rejected.count, reasons: { ...session.rejected.reasons } },
        ignoredOtherCall: session.ignoredOtherCall,
        duplicates: session.duplicates,
        accepted: session.accepted,
        events: session.eventCount
    };
}
