import { applyEvent, createSession, latestTranscript } from '../voiceCallModel';
import type { CallSession } from '../voiceCallModel';
import { IDLE_FIELDS } from '../session';

const CALL = 'call-fields';
const TRANSCRIPT_COUNTS = ['transcriptCount', 'transcriptTrimmed', 'maxTranscript'];

/** A call in which as many fields as a stream can reach hold something other than their idle value. */
function busySession(): CallSession {
    const steps: [string, unknown][] = [
        ['callconnected', { callId: 'call-before' }],
        ['callended', { callId: 'call-before' }],
        ['callconnected', { callId: CALL, callType: 'inbound', participant: '+14155550100' }],
        ['hold', { callId: CALL, participant: '+14155550100' }],
        ['mute', { callId: CALL }],
        ['pauserecording', { callId: CALL }],
        ['transcript', { callId: CALL, id: 'u1', serverReceivedTimestamp: 50, content: { text: 'hi' } }],
        ['note', { callId: CALL, id: 'n1', content: { text: 'note' }, sender: { role: 'Supervisor' } }],
        ['flagraise', { callId: CALL, id: 'f1', content: { text: 'help' } }],
        [
            'intelligencesignal',
            {
                callId: CALL,
                events: [{ type: 'IntelligenceSignalSentiment', value: 5, startTime: 60, participant: 'C' }]
            }
        ],
        ['audiostats', { callId: CALL, stats: 'inputChannelStats', packetsLost: 0, packetsCount: 10 }],
        ['transcript', { callId: 'call-other', content: { text: 'not ours' } }],
        ['transcript', { callId: CALL, id: 'u1', serverReceivedTimestamp: 50, content: { text: 'hi' } }],
        ['resume', { callId: CALL, participant: '+14155550100' }]
    ];
    return steps.reduce((s, [type, detail], i) => applyEvent(s, type, detail, 1000 + i), createSession());
}

describe('session fields', () => {
    it('a snapshot has exactly the fields of the idle table plus the transcript counts, nothing else', () => {
        const keys = Object.keys(busySession());
        expect(keys.filter((k) => !TRANSCRIPT_COUNTS.includes(k))).toEqual(Object.keys(IDLE_FIELDS));
        expect(keys.filter((k) => TRANSCRIPT_COUNTS.includes(k))).toEqual(TRANSCRIPT_COUNTS);
    });

    it('a new session holds the idle value of every field', () => {
        const session = createSession({ maxTranscript: 7 });
        for (const [key, idle] of Object.entries(IDLE_FIELDS)) {
            expect([key, session[key as keyof CallSession]]).toEqual([key, idle]);
        }
        expect([session.transcriptCount, session.transcriptTrimmed, session.maxTranscript]).toEqual([
            0, 0, 7
        ]);
    });

    it('every field is carried to the next snapshot by an event that changes nothing but the counters', () => {
        const before = busySession();
        const after = applyEvent(before, 'unknownevent', {}, 5000);
        const counters = ['version', 'eventCount', 'rejected'];
        const busy = Object.keys(IDLE_FIELDS).filter(
            (key) => before[key as keyof CallSession] !== IDLE_FIELDS[key as keyof typeof IDLE_FIELDS]
        );
        // The stream reaches most fields; the few it leaves idle are still checked for being carried.
        expect(busy.length).toBeGreaterThan(20);
        for (const key of Object.keys(IDLE_FIELDS).filter((k) => !counters.includes(k))) {
            expect([key, after[key as keyof CallSession]]).toEqual([key, before[key as keyof CallSession]]);
            expect(after[key as keyof CallSession]).toBe(before[key as keyof CallSession]);
        }
        expect(after.version).toBe(before.version + 1);
        expect(after.transcript).toBe(before.transcript);
    });

    it('the transcript state stays out of JSON and the field list', () => {
        const session = busySession();
        const json = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
        expect(Object.keys(json)).toEqual(Object.keys(session));
        expect(Object.keys(session)).not.toContain('log');
        expect(Object.keys(session)).not.toContain('transcript');
    });

    it('a copy made outside the model that lacks newer fields is read with their idle values', () => {
        const {
            previousCallId: _previous,
            relatedCallIds: _related,
            clockOffsetMs: _offset,
            ...older
        } = busySession();
        const copy = { ...older, transcript: busySession().transcript } as unknown as CallSession;
        const next = applyEvent(copy, 'mute', { callId: CALL }, 6000);
        expect(next.previousCallId).toBeNull();
        expect(next.relatedCallIds).toEqual([]);
        expect(next.clockOffsetMs).toBeNull();
        expect(next.transcript.map((e) => e.text)).toEqual(['hi']);
        expect(latestTranscript(copy, 5).map((e) => e.id)).toEqual(['u1']);
    });
});
