import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import { diffEdges, emptyMemory } from 'c/voicePlaybookEngine';
import type { Edge, EdgeMemory } from 'c/voicePlaybookEngine';
import {
    CALL_ID,
    CALLER,
    T0,
    callConnected,
    callIdOnly,
    callStarted,
    categorySignal,
    message,
    participant,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';

const SCENARIOS = join(__dirname, '..', '..', '..', '..', '..', '..', 'jest-tests', 'scenarios');
const SEED = 20261201;

type Event = readonly [string, unknown];

/** Feeds events one by one and diffs after each, as the panel does. */
function edgesOf(events: readonly Event[], start: EdgeMemory = emptyMemory()): Edge[] {
    let session: CallSession = createSession();
    let memory = start;
    const edges: Edge[] = [];
    events.forEach(([type, detail], i) => {
        session = applyEvent(session, type, detail, T0 + i);
        const diff = diffEdges(memory, session);
        memory = diff.memory;
        edges.push(...diff.edges);
    });
    return edges;
}

const triggers = (edges: readonly Edge[]): string[] => edges.map((e) => e.trigger);

describe('edges', () => {
    it('reports the life of a call once each, in order', () => {
        const edges = edgesOf([
            ['callstarted', callStarted()],
            ['callconnected', callConnected()],
            ['transcript', transcript(1, 'hello')],
            ['hold', participant(CALLER)],
            ['resume', participant(CALLER)],
            ['mute', callIdOnly()],
            ['unmute', callIdOnly()],
            ['pauserecording', callIdOnly()],
            ['resumerecording', callIdOnly()],
            ['flagraise', message(2, 'help', { role: 'Agent' })],
            ['flaglower', message(3, 'ok', { role: 'Supervisor' })],
            ['note', message(4, 'note', { role: 'Supervisor' })],
            ['intelligencesignal', categorySignal('churn')],
            ['participantadded', participant('+15550001111')],
            ['participantremoved', participant('+15550001111')],
            ['callended', callIdOnly()],
            ['wrapupended', callIdOnly()]
        ]);
        expect(triggers(edges)).toEqual([
            'CallStarted',
            'CallConnected',
            'TranscriptLine',
            'HoldStarted',
            'HoldEnded',
            'Muted',
            'Unmuted',
            'RecordingPaused',
            'RecordingResumed',
            'FlagRaised',
            'FlagLowered',
            'NoteAdded',
            'CategoryDetected',
            'ParticipantAdded',
            'ParticipantRemoved',
            'CallEnded',
            'WrapUpDone'
        ]);
        expect(edges[2].line?.text).toBe('hello');
        expect(edges[12].category?.value).toBe('churn');
        expect(edges[13].participant).toBe('+15550001111');
    });

    it('reports a call that ends while ringing as missed, and never connected afterwards', () => {
        const edges = edgesOf([
            ['callstarted', callStarted()],
            ['callended', callIdOnly()],
            ['callconnected', callConnected()]
        ]);
        expect(triggers(edges)).toEqual(['CallStarted', 'CallMissed', 'CallEnded']);
    });

    it('yields nothing for the same snapshot twice, or before a call', () => {
        const idle = diffEdges(emptyMemory(), createSession());
        expect(idle.edges).toEqual([]);
        const session = applyEvent(createSession(), 'callconnected', callConnected(), T0);
        const first = diffEdges(emptyMemory(), session);
        // A call first seen at connect has started too.
        expect(triggers(first.edges)).toEqual(['CallStarted', 'CallConnected']);
        expect(diffEdges(first.memory, session).edges).toEqual([]);
        expect(diffEdges({ ...first.memory, last: null }, session).edges).toEqual([]);
    });

    it('reports a transcript line once, when it turns final, however often it is re-sent', () => {
        const partial = { ...transcript(1, 'I want to canc'), partial: true };
        const final = transcript(1, 'I want to cancel');
        const edges = edgesOf([
            ['callconnected', callConnected()],
            ['transcript', partial],
            ['transcript', partial],
            ['transcript', final],
            ['transcript', final],
            ['transcript', { ...final, partial: true }]
        ]);
        expect(triggers(edges)).toEqual(['CallStarted', 'CallConnected', 'TranscriptLine']);
        expect(edges[2].line?.text).toBe('I want to cancel');
    });

    it('starts afresh for the next call', () => {
        const edges = edgesOf([
            ['callconnected', callConnected()],
            ['callended', callIdOnly()],
            ['callconnected', callConnected('call-2')]
        ]);
        expect(edges.map((e) => `${e.callId}:${e.trigger}`)).toEqual([
            `${CALL_ID}:CallStarted`,
            `${CALL_ID}:CallConnected`,
            `${CALL_ID}:CallEnded`,
            'call-2:CallStarted',
            'call-2:CallConnected'
        ]);
    });

    it('never reports a key twice for any order, duplication or corruption of events', () => {
        const pool: Event[] = [
            ['callstarted', callStarted()],
            ['callconnected', callConnected()],
            ['transcript', transcript(1, 'one')],
            ['transcript', { ...transcript(2, 'tw'), partial: true }],
            ['transcript', transcript(2, 'two')],
            ['hold', participant(CALLER)],
            ['resume', participant(CALLER)],
            ['flagraise', message(5, 'flag', { role: 'Agent' })],
            ['flaglower', message(6, 'done', { role: 'Supervisor' })],
            ['note', message(7, 'n', { role: 'Supervisor' })],
            ['intelligencesignal', categorySignal('churn')],
            ['participantadded', participant('+15550001111')],
            ['callended', callIdOnly()],
            ['wrapupended', callIdOnly()],
            ['transcript', { nonsense: true }],
            ['callconnected', callConnected('other-call')]
        ];
        fc.assert(
            fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (events) => {
                const keys = edgesOf(events).map((e) => e.key);
                expect(new Set(keys).size).toBe(keys.length);
            }),
            { seed: SEED, numRuns: 300 }
        );
    });

    it('hostile scenario: no key twice', () => {
        const scenario = JSON.parse(readFileSync(join(SCENARIOS, 'hostile.json'), 'utf8')) as {
            events: { type: string; detail: unknown }[];
        };
        const keys = edgesOf(scenario.events.map((e) => [e.type, e.detail] as const)).map((e) => e.key);
        expect(keys.length).toBeGreaterThan(0);
        expect(new Set(keys).size).toBe(keys.length);
    });
});
