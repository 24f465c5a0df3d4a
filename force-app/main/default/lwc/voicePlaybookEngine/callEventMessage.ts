// The message published on the Voice_Call_Event Lightning Message Channel for each edge: plain, frozen,
// versioned data (docs/playbooks.md, "Following the call from other components"). Built from the snapshot's
// public fields only; transcript text is the caller's words and must be rendered as text by subscribers.
import { initialCaller } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { Edge } from './edges';

export const CALL_EVENT_MESSAGE_VERSION = 1;

export interface CallEventMessage {
    readonly version: number;
    readonly type: string;
    readonly key: string;
    readonly callId: string;
    readonly voiceCallId: string | null;
    readonly callType: string | null;
    readonly phase: string;
    readonly caller: string | null;
    readonly participant: string | null;
    readonly line: { readonly id: string; readonly role: string; readonly text: string } | null;
    readonly category: { readonly value: string; readonly score: number | null } | null;
    readonly at: number;
}

export function toCallEventMessage(
    edge: Edge,
    session: CallSession,
    voiceCallId: string | null,
    at: number
): CallEventMessage {
    return Object.freeze({
        version: CALL_EVENT_MESSAGE_VERSION,
        type: edge.trigger,
        key: edge.key,
        callId: edge.callId,
        voiceCallId,
        callType: session.callType,
        phase: session.phase,
        caller: initialCaller(session)?.participant || null, // a caller row joined mid-call has no number yet
        participant: edge.participant ?? null,
        line: edge.line
            ? Object.freeze({ id: edge.line.id, role: edge.line.role, text: edge.line.text })
            : null,
        category: edge.category
            ? Object.freeze({ value: edge.category.value, score: edge.category.score })
            : null,
        at
    });
}
