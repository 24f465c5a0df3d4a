// What the toolkit contract promises (and no more), and a lifecycle a lost event cannot wedge.
import { applyEvent, callQuality, createSession, initialCaller, sameParty } from '../voiceCallModel';
import { MAX_TEXT_LENGTH } from '../parse';
import type { CallSession } from '../voiceCallModel';

type Step = [type: string, detail: unknown];

function run(steps: readonly Step[], start: CallSession = createSession()): CallSession {
    return steps.reduce(
        (session, [type, detail], i) => applyEvent(session, type, detail, 1000 + i * 100),
        start
    );
}

const said = (callId: string, id: string | null, ts: number, text: string, role = 'EndUser'): Step => [
    'transcript',
    {
        ...(id === null ? {} : { id }),
        callId,
        serverReceivedTimestamp: ts,
        content: { formatType: 'Text', text },
        sender: { role }
    }
];

const category = (value: string, type = 'IntelligenceSignalCategory', callId?: string): Step => [
    'intelligencesignal',
    { ...(callId === undefined ? {} : { callId }), events: [{ type, value, startTime: 1767258000000 }] }
];

describe('c-voice-call-model: contract gaps', () => {
    it('gives a call joined on a bare callconnected a caller row (Hold needs only the participant type)', () => {
        const session = run([['callconnected', { callId: 'A' }]]);
        expect(session.phase).toBe('connected');
        expect(initialCaller(session)).toMatchObject({ participant: '', role: 'initial', onHold: false });
        expect(session.duplicates).toBe(0);
    });

    it('names the unnamed caller from the first hold that names a party, without a phantom party', () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            ['hold', { callId: 'A', participant: '4159990000' }],
            ['resume', { callId: 'A', participant: '+1 (415) 999-0000' }]
        ]);
        expect(session.participants).toEqual([
            { participant: '4159990000', role: 'initial', onHold: false, holdStartedAt: null }
        ]);
        expect(session.holdSegments).toEqual([{ participant: '4159990000', start: 1100, end: 1200 }]);
    });

    it('gives a caller row from a mid-call transcript line too', () => {
        expect(initialCaller(run([said('A', 'u1', 10, 'hello')]))).not.toBeNull();
    });

    it('does not count a first callstarted with only a call id as a duplicate', () => {
        const session = run([['callstarted', { callId: 'A' }]]);
        expect(session).toMatchObject({ phase: 'ringing', duplicates: 0, accepted: 1 });
    });

    it('treats national and international spellings of one number as one party', () => {
        expect(sameParty('4159990000', '+1 (415) 999-0000')).toBe(true);
        expect(sameParty('+44 20 7946 0018', '02079460018')).toBe(false);
        expect(sameParty('555-0100', '+1 212 555 0100')).toBe(false);
        const session = run([
            ['callstarted', { callId: 'A', callType: 'inbound', participant: '+1 (415) 999-0000' }],
            ['callconnected', { callId: 'A' }],
            ['hold', { callId: 'A', participant: '4159990000' }]
        ]);
        expect(session.participants).toHaveLength(1);
        expect(session.participants[0].onHold).toBe(true);
    });

    it.each([
        ['IntelligenceSignalCategory', 'RefundRequest'],
        ['IntelligenceSignal__Category', 'RefundRequest'],
        ['IntelligenceSignal__Category', { value: 'RefundRequest' }]
    ])('accepts the documented category spelling %s with value %j', (type, value) => {
        const session = run([['callconnected', { callId: 'A' }], category(value as string, type, 'A')]);
        expect(session.signals.categories.map((c) => c.value)).toEqual(['RefundRequest']);
    });

    it('accepts the chapter 3 sentiment spelling with a string value', () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            [
                'intelligencesignal',
                {
                    callId: 'A',
                    events: [
                        {
                            type: 'IntelligenceSignal__Sentiment',
                            value: '-300',
                            startTime: 1,
                            participant: 'CUSTOMER'
                        }
                    ]
                }
            ]
        ]);
        expect(session.signals.sentiment[0]).toMatchObject({ participant: 'CUSTOMER', latest: -300 });
    });

    it('still rejects a signal type no page documents', () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            category('X', 'IntelligenceSignalTopic', 'A')
        ]);
        expect(session.rejected.reasons).toEqual({ 'intelligencesignal.noValidSignals': 1 });
    });

    it('gives a signal without a call id to the connected call only, never to an ended one (two tabs)', () => {
        const oldTab = run([
            ['callconnected', { callId: 'A' }],
            ['callended', { callId: 'A' }],
            category('Late')
        ]);
        expect(oldTab.signals.categories).toHaveLength(0);
        expect(oldTab.ignoredOtherCall).toBe(1);
        const ringing = run([['callstarted', { callId: 'B' }], category('Early')]);
        expect(ringing.signals.categories).toHaveLength(0);
        const newTab = run([['callconnected', { callId: 'B' }], category('Now')]);
        expect(newTab.signals.categories.map((c) => c.value)).toEqual(['Now']);
    });

    it('reads the nested audio stats the connector SDK publishes, both channels at once', () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            [
                'audiostats',
                {
                    callId: 'A',
                    stats: [
                        {
                            inputChannelStats: { packetsLost: 1, packetsCount: 1000, jitterBufferMillis: 12 },
                            outputChannelStats: {
                                packetsLost: 80,
                                packetsCount: 1000,
                                roundTripTimeMillis: 90
                            }
                        }
                    ]
                }
            ]
        ]);
        expect(session.audioStats.inputChannelStats).toMatchObject({
            packetsLost: 1,
            jitterBufferMillis: 12
        });
        expect(session.audioStats.outputChannelStats).toMatchObject({ packetsLost: 80, receivedAt: 1100 });
        expect(callQuality(session)).toBe('poor');
        expect(run([['audiostats', { callId: 'A', stats: [{ nothing: 1 }] }]]).rejected.count).toBe(1);
    });

    it.each([
        [{ packetsLost: 0, packetsCount: 500, jitterBufferMillis: 10, roundTripTimeMillis: 80 }, 'good'],
        [{ packetsLost: 10, packetsCount: 500 }, 'fair'],
        [{ jitterBufferMillis: 150 }, 'poor'],
        [{ roundTripTimeMillis: 350 }, 'fair']
    ])('rates %j as %s', (counters, quality) => {
        const session = run([['audiostats', { callId: 'A', stats: 'inputChannelStats', ...counters }]]);
        expect(callQuality(session)).toBe(quality);
    });

    it('has no quality before any stats', () => {
        expect(callQuality(createSession())).toBeNull();
    });

    it('raises the flag again when a second request for help reuses the id after a lower', () => {
        const flag = (type: string, ts: number): Step => [
            type,
            {
                id: 'same-id',
                callId: 'A',
                serverReceivedTimestamp: ts,
                content: { text: type === 'flagraise' ? `help ${ts}` : null },
                sender: { role: 'Agent' }
            }
        ];
        const session = run([
            ['callconnected', { callId: 'A' }],
            flag('flagraise', 10),
            flag('flaglower', 20),
            flag('flagraise', 10),
            flag('flagraise', 30)
        ]);
        expect(session.flag).toMatchObject({ raised: true, reason: 'help 30', raisedAt: 30 });
        // The re-delivered first raise (same id and time) while lowered changes nothing.
        expect(session.duplicates).toBe(1);
    });

    it('keeps notes and transcript lines that reuse an id, and still drops re-deliveries', () => {
        const note = (ts: number, text: string): Step => [
            'note',
            {
                id: 'n',
                callId: 'A',
                serverReceivedTimestamp: ts,
                content: { text },
                sender: { role: 'Supervisor' }
            }
        ];
        const session = run([
            ['callconnected', { callId: 'A' }],
            note(10, 'first'),
            note(20, 'second'),
            note(20, 'second'),
            said('A', 'A', 30, 'my card'),
            said('A', 'A', 40, 'was charged twice'),
            said('A', 'A', 40, 'was charged twice')
        ]);
        expect(session.notes.map((n) => n.text)).toEqual(['first', 'second']);
        expect(new Set(session.notes.map((n) => n.id)).size).toBe(2);
        expect(session.transcript.map((t) => t.text)).toEqual(['my card', 'was charged twice']);
        expect(new Set(session.transcript.map((t) => t.id)).size).toBe(2);
        expect(session.duplicates).toBe(2);
    });

    it('never splits a surrogate pair when cutting long text', () => {
        const text = `${'a'.repeat(MAX_TEXT_LENGTH - 1)}😀tail`;
        const [line] = run([said('A', 'u', 1, text)]).transcript;
        expect(line.text).toBe(`${'a'.repeat(MAX_TEXT_LENGTH - 1)}…`);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(line.text)).toBe(false);
    });
});

describe('c-voice-call-model: a lifecycle that never wedges', () => {
    it('lets a new call take over when callended of the live one was lost', () => {
        const session = run([
            ['callstarted', { callId: 'A', callType: 'inbound', participant: '+14155550100' }],
            ['callconnected', { callId: 'A' }],
            said('A', 'a1', 10, 'call A'),
            ['callstarted', { callId: 'B', callType: 'inbound', participant: '+14155550199' }]
        ]);
        expect(session).toMatchObject({
            callId: 'B',
            previousCallId: 'A',
            phase: 'ringing',
            transcriptCount: 0
        });
        expect(initialCaller(session)?.participant).toBe('+14155550199');
    });

    it('lets a new call replace a ringing call that was declined or abandoned without callended', () => {
        const session = run([
            ['callstarted', { callId: 'A' }],
            ['callstarted', { callId: 'B' }],
            ['callconnected', { callId: 'B' }]
        ]);
        expect(session).toMatchObject({ callId: 'B', phase: 'connected' });
    });

    it("keeps a later call's early events (before its callstarted) and still rings", () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            ['callended', { callId: 'A' }],
            said('B', 'b0', 5, 'early line'),
            ['mute', { callId: 'B' }],
            ['callstarted', { callId: 'B', callType: 'inbound', participant: '+14155550199' }]
        ]);
        expect(session).toMatchObject({ callId: 'B', phase: 'ringing', muted: true, transcriptCount: 1 });
    });

    it('keeps late lines of the replaced call out of the next one', () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            ['callconnected', { callId: 'B' }],
            said('A', 'a9', 90, 'late line of A')
        ]);
        expect(session).toMatchObject({ callId: 'B', transcriptCount: 0, ignoredOtherCall: 1 });
    });

    it("shows a transferred leg the transcript and signals keyed on the first leg's id", () => {
        const session = run([
            ['callstarted', { callId: 'leg-2', callType: 'inbound', participant: '+14155550100' }],
            ['callconnected', { callId: 'leg-2' }],
            said('leg-1', 't1', 10, 'I was transferred'),
            category('Transfer', 'IntelligenceSignalCategory', 'leg-1'),
            said('leg-2', 't2', 20, 'under my own id too')
        ]);
        expect(session.relatedCallIds).toEqual(['leg-1']);
        expect(session.transcript.map((t) => t.text)).toEqual(['I was transferred', 'under my own id too']);
        expect(session.signals.categories).toHaveLength(1);
    });

    it("ignores another call's lines once this call has its own conversation", () => {
        const session = run([
            ['callconnected', { callId: 'A' }],
            said('A', 'a1', 10, 'mine'),
            said('other', 'o1', 20, 'from another tab')
        ]);
        expect(session).toMatchObject({ transcriptCount: 1, ignoredOtherCall: 1, relatedCallIds: [] });
    });
});
