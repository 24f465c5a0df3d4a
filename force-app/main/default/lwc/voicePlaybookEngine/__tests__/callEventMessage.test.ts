import { applyEvent, createSession } from 'c/voiceCallModel';
import {
    CALL_EVENT_MESSAGE_VERSION,
    diffEdges,
    emptyMemory,
    toCallEventMessage
} from 'c/voicePlaybookEngine';
import {
    CALL_ID,
    CALLER,
    T0,
    callConnected,
    categorySignal,
    participant,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';

describe('call event messages', () => {
    it('carries the documented fields, plain and frozen, per edge kind', () => {
        let session = applyEvent(createSession(), 'callconnected', callConnected(), T0);
        let memory = diffEdges(emptyMemory(), session).memory;
        session = applyEvent(session, 'transcript', transcript(1, '<b>hi</b>'), T0 + 1);
        session = applyEvent(session, 'intelligencesignal', categorySignal('churn', 700), T0 + 2);
        session = applyEvent(session, 'hold', participant(CALLER), T0 + 3);
        const { edges } = diffEdges(memory, session);
        memory = diffEdges(memory, session).memory;
        const messages = edges.map((edge) => toCallEventMessage(edge, session, '0LQ000000000001AAA', 42));
        expect(messages.map((m) => m.type)).toEqual(['TranscriptLine', 'CategoryDetected', 'HoldStarted']);
        expect(messages[0]).toEqual({
            version: CALL_EVENT_MESSAGE_VERSION,
            type: 'TranscriptLine',
            key: `${CALL_ID}|line|msg-1`,
            callId: CALL_ID,
            voiceCallId: '0LQ000000000001AAA',
            callType: 'inbound',
            phase: 'connected',
            caller: CALLER,
            participant: null,
            line: { id: 'msg-1', role: 'Customer', text: '<b>hi</b>' },
            category: null,
            at: 42
        });
        expect(messages[1].category).toEqual({ value: 'churn', score: 700 });
        expect(messages[2]).toMatchObject({ participant: CALLER, line: null, category: null });
        expect(Object.isFrozen(messages[0])).toBe(true);
        expect(JSON.parse(JSON.stringify(messages[0]))).toEqual(messages[0]);
        expect(memory.callId).toBe(CALL_ID);
    });

    it('reports unknown call facts as null', () => {
        const session = applyEvent(createSession(), 'callconnected', { callId: 'x' }, T0);
        const [edge] = diffEdges(emptyMemory(), session).edges;
        expect(toCallEventMessage(edge, session, null, 1)).toMatchObject({
            voiceCallId: null,
            callType: null,
            caller: null
        });
    });
});
