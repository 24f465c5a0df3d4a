import {
    TOOLKIT_EVENT_NAMES,
    applyEvent,
    createSession,
    currentHoldMs,
    hasThreeWay,
    initialCaller,
    isGeneratedId,
    isOnCall,
    isRejection,
    latestTranscript,
    normalizeRole,
    parseToolkitEvent,
    participantsOnHold,
    summarizeSession
} from '../voiceCallModel';
import type { CallSession } from '../voiceCallModel';
import guide from './data/guidePayloads.json';

const CALL = 'call-1';

type Step = [type: string, detail: unknown];

function run(steps: readonly Step[], start: CallSession = createSession(), t0 = 1000): CallSession {
    return steps.reduce(
        (session, [type, detail], i) => applyEvent(session, type, detail, t0 + i * 100),
        start
    );
}

function connected(extra: readonly Step[] = [], participant = '+14155550100'): CallSession {
    return run([
        ['callstarted', { callId: CALL, callType: 'inbound', participant }],
        ['callconnected', { callId: CALL, callType: 'inbound', participant }],
        ...extra
    ]);
}

function utterance(id: string | null, ts: number, text: string, role = 'Agent', extra: object = {}): Step {
    return [
        'transcript',
        {
            ...(id === null ? {} : { id }),
            serverReceivedTimestamp: ts,
            clientSentTimestamp: ts - 5,
            content: { formatType: 'Text', text },
            callId: CALL,
            sender: { role },
            ...extra
        }
    ];
}

describe('c-voice-call-model', () => {
    describe('event names', () => {
        it('lists the 19 LWC events plus intelligencesignal', () => {
            expect(TOOLKIT_EVENT_NAMES).toHaveLength(20);
            expect(new Set(TOOLKIT_EVENT_NAMES).size).toBe(20);
            expect(TOOLKIT_EVENT_NAMES).toContain('intelligencesignal');
            expect(Object.isFrozen(TOOLKIT_EVENT_NAMES)).toBe(true);
        });
    });

    describe('documented payload examples', () => {
        it('parses the callstarted example', () => {
            expect(parseToolkitEvent('callstarted', guide.callstarted)).toEqual({
                ok: true,
                type: 'callstarted',
                callId: 'd7a9f1b7-fc17-43fe-8ca7-e584a2b34792',
                callType: 'outbound',
                participant: '+1 (415) 999-0000'
            });
        });

        it.each(['transcript', 'flagraise', 'flaglower', 'note'] as const)(
            'parses the %s example',
            (type) => {
                const parsed = parseToolkitEvent(type, guide[type]);
                expect(parsed.ok).toBe(true);
                expect(parsed).toMatchObject({ type, callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45' });
            }
        );

        it('parses the INTELLIGENCE_SIGNAL example', () => {
            expect(parseToolkitEvent('intelligencesignal', guide.intelligencesignal)).toEqual({
                ok: true,
                type: 'intelligencesignal',
                callId: null,
                categories: [{ value: 'CustomerAngry', score: null, startTime: 1573503450 }],
                sentiments: [],
                skipped: 0
            });
        });

        it('reduces the conversation examples into one call', () => {
            const id = 'c5d93c19-e03b-44f8-85e6-a11f02e70c45';
            const session = run([
                ['callconnected', { callId: id, callType: 'inbound', participant: '+1 (415) 999-0000' }],
                ['transcript', guide.transcript],
                ['flagraise', guide.flagraise],
                ['note', guide.note],
                ['flaglower', guide.flaglower],
                ['intelligencesignal', guide.intelligencesignal]
            ]);
            expect(session.transcript).toEqual([
                {
                    id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
                    role: 'Agent',
                    rawRole: 'Agent',
                    text: 'Hello',
                    timestamp: 1594944652328,
                    clientTimestamp: 1594944652299,
                    partial: false
                }
            ]);
            expect(session.flag).toMatchObject({
                raised: false,
                raisedBy: 'Angela Agent',
                raisedByRole: 'Agent',
                reason: 'The customer wants a credit note.',
                loweredBy: 'Samir Supervisor',
                loweredByRole: 'Supervisor',
                loweredAt: 1594944652328
            });
            expect(session.notes).toEqual([
                expect.objectContaining({
                    text: 'Customer asked for a callback on Friday.',
                    role: 'Supervisor'
                })
            ]);
            expect(session.signals.categories).toEqual([
                { value: 'CustomerAngry', score: null, startTime: 1573503450 }
            ]);
            expect(session.rejected.count).toBe(0);
        });
    });

    describe('parse rejections', () => {
        it.each<[string, unknown, string]>([
            ['bogus', { callId: CALL }, 'unknown.unknownEventType'],
            ['mute', null, 'mute.detailNotObject'],
            ['mute', [CALL], 'mute.detailNotObject'],
            ['mute', 42, 'mute.detailNotObject'],
            ['mute', {}, 'mute.missingCallId'],
            ['mute', { callId: '   ' }, 'mute.missingCallId'],
            ['mute', { callId: 'x'.repeat(300) }, 'mute.missingCallId'],
            ['mute', { callId: 'x'.repeat(5000) }, 'mute.missingCallId'],
            ['mute', { callId: Number.NaN }, 'mute.missingCallId'],
            ['hold', { callId: CALL }, 'hold.missingParticipant'],
            ['transcript', { callId: CALL, content: { text: '  ' } }, 'transcript.missingText'],
            ['note', { callId: CALL, content: {} }, 'note.missingText'],
            ['audiostats', { callId: CALL, stats: 'videoStats' }, 'audiostats.invalidStats'],
            ['intelligencesignal', { events: 'nope' }, 'intelligencesignal.missingEvents'],
            ['intelligencesignal', { callId: {}, events: [] }, 'intelligencesignal.invalidCallId'],
            [
                'intelligencesignal',
                { events: [null, { type: 'Other', startTime: 1 }] },
                'intelligencesignal.noValidSignals'
            ]
        ])('%s %j → %s', (type, detail, reason) => {
            const parsed = parseToolkitEvent(type, detail);
            expect(isRejection(parsed)).toBe(true);
            const session = applyEvent(createSession(), type, detail, 1);
            expect(session.rejected).toEqual({ count: 1, reasons: { [reason]: 1 } });
            expect(session.eventCount).toBe(1);
        });

        it('rejects a payload whose getters throw instead of throwing', () => {
            const hostile = {
                get callId(): string {
                    throw new Error('boom');
                }
            };
            expect(parseToolkitEvent('mute', hostile)).toEqual({
                ok: false,
                type: 'mute',
                reason: 'unreadable'
            });
        });

        it('rejects a non-string type', () => {
            expect(parseToolkitEvent(42 as unknown as string, {})).toMatchObject({
                reason: 'unknownEventType'
            });
        });

        it('ignores inherited properties, including a polluted prototype', () => {
            const detail: unknown = Object.create({ callId: CALL });
            expect(parseToolkitEvent('mute', detail)).toMatchObject({ ok: false, reason: 'missingCallId' });
        });

        it('accepts numbers sent as text and numeric ids', () => {
            expect(parseToolkitEvent('mute', { callId: 12345 })).toMatchObject({ ok: true, callId: '12345' });
            const parsed = parseToolkitEvent('transcript', {
                callId: CALL,
                messageId: 'm-1',
                serverReceivedTimestamp: ' 1700000000000 ',
                clientSentTimestamp: 'soon',
                content: { text: 'hi' },
                sender: { role: 'END_USER' }
            });
            expect(parsed).toMatchObject({
                message: {
                    id: 'm-1',
                    serverTimestamp: 1700000000000,
                    clientTimestamp: null,
                    role: 'Customer'
                }
            });
        });

        it('cuts 100k-character text', () => {
            const parsed = parseToolkitEvent('transcript', {
                callId: CALL,
                content: { text: 'a'.repeat(100000) }
            });
            expect(parsed.ok && parsed.type === 'transcript' && parsed.message.text?.length).toBe(10001);
        });
    });

    describe('sender roles', () => {
        it.each([
            ['Agent', 'Agent'],
            ['Supervisor', 'Supervisor'],
            ['EndUser', 'Customer'],
            ['END_USER', 'Customer'],
            ['Customer', 'Customer'],
            ['end-user', 'Customer'],
            ['Bot', 'Bot'],
            ['HUMAN_AGENT', 'Agent'],
            ['VIRTUAL_AGENT', 'Bot'],
            ['CHATBOT', 'Bot'],
            ['SYSTEM', 'System'],
            ['EXTERNAL_USER', 'Customer'],
            ['constructor', 'Unknown'],
            ['__proto__', 'Unknown'],
            [undefined, 'Unknown'],
            [7, 'Unknown'],
            ['x'.repeat(1000), 'Unknown']
        ])('%s → %s', (raw, role) => {
            expect(normalizeRole(raw)).toBe(role);
        });

        it('keeps the raw role next to the normalised one', () => {
            const session = connected([utterance('u1', 10, 'hi', 'END_USER')]);
            expect(session.transcript[0]).toMatchObject({ role: 'Customer', rawRole: 'END_USER' });
        });

        it('treats a missing sender as Unknown with an empty raw role', () => {
            const session = connected([['transcript', { callId: CALL, id: 'u', content: { text: 'hi' } }]]);
            expect(session.transcript[0]).toMatchObject({ role: 'Unknown', rawRole: '' });
        });
    });

    describe('call lifecycle', () => {
        it('moves idle → ringing → connected → ended → wrapupDone with receipt times', () => {
            const phases: string[] = [];
            let session = createSession();
            const steps: Step[] = [
                ['callstarted', guide.callstarted],
                ['callconnected', guide.callstarted],
                ['callended', { callId: guide.callstarted.callId }],
                ['wrapupended', { callId: guide.callstarted.callId }]
            ];
            steps.forEach(([type, detail], i) => {
                session = applyEvent(session, type, detail, 100 * (i + 1));
                phases.push(session.phase);
            });
            expect(phases).toEqual(['ringing', 'connected', 'ended', 'wrapupDone']);
            expect(session).toMatchObject({
                callType: 'outbound',
                startedAt: 100,
                connectedAt: 200,
                endedAt: 300,
                wrapupEndedAt: 400,
                lastEventType: 'wrapupended',
                lastEventAt: 400,
                version: 4
            });
            expect(initialCaller(session)?.participant).toBe('+1 (415) 999-0000');
            expect(initialCaller(createSession())).toBeNull();
        });

        it('never moves a phase back and counts a late repeat as a duplicate', () => {
            const session = connected([
                ['callended', { callId: CALL }],
                ['callconnected', { callId: CALL }],
                ['callended', { callId: CALL }],
                ['wrapupended', { callId: CALL }],
                ['wrapupended', { callId: CALL }]
            ]);
            expect(session.phase).toBe('wrapupDone');
            expect(session.duplicates).toBe(3);
        });

        it('sets endedAt on wrap-up when callended was missed', () => {
            const session = connected([['wrapupended', { callId: CALL }]]);
            expect(session.endedAt).toBe(1200);
        });

        it('fills the call type when callconnected brings it later', () => {
            const session = run([
                ['callstarted', { callId: CALL }],
                ['callconnected', { callId: CALL, callType: 'Inbound', participant: '+1 415 555 0100' }]
            ]);
            expect(session.callType).toBe('inbound');
            expect(session.participants).toHaveLength(1);
        });

        it('ignores an unknown call type', () => {
            expect(run([['callstarted', { callId: CALL, callType: 'internal' }]]).callType).toBeNull();
            expect(run([['callstarted', { callId: CALL, callType: 5 }]]).callType).toBeNull();
        });
    });

    describe('call id policy', () => {
        it('joins a call mid-way on any event that carries a call id', () => {
            const session = run([utterance('u1', 10, 'already talking')]);
            expect(session).toMatchObject({ callId: CALL, phase: 'connected', startedAt: 1000 });
        });

        it.each([
            ['callended', 'ended'],
            ['wrapupended', 'wrapupDone']
        ])('joining on %s lands in %s', (type, phase) => {
            expect(run([[type, { callId: CALL }]]).phase).toBe(phase);
        });

        it('ignores and counts control events for another call while a call is live', () => {
            const session = connected([
                ['mute', { callId: 'other' }],
                ['hold', { callId: 'other', participant: '+14155550100' }],
                utterance('u1', 10, 'mine')
            ]);
            expect(session.callId).toBe(CALL);
            expect(session.muted).toBe(false);
            expect(session.ignoredOtherCall).toBe(2);
            expect(session.eventCount).toBe(
                session.accepted + session.rejected.count + session.ignoredOtherCall
            );
        });

        it('ignores a signal without a call id while idle, and applies it to the active call otherwise', () => {
            const signal: Step = ['intelligencesignal', guide.intelligencesignal];
            expect(run([signal]).ignoredOtherCall).toBe(1);
            expect(connected([signal]).signals.categories).toHaveLength(1);
        });

        it('starts a fresh session when a new call starts after the last one ended', () => {
            const session = connected([
                utterance('u1', 10, 'first call'),
                ['mute', { callId: CALL }],
                ['callended', { callId: CALL }],
                ['mute', { callId: 'call-2' }],
                ['callstarted', { callId: 'call-2', callType: 'outbound', participant: '+33612345678' }]
            ]);
            // The mute that came before call-2's callstarted is kept for call-2 (early events of a later call).
            expect(session).toMatchObject({
                callId: 'call-2',
                previousCallId: CALL,
                callType: 'outbound',
                phase: 'ringing',
                muted: true,
                transcriptCount: 0,
                ignoredOtherCall: 0,
                eventCount: 2,
                accepted: 2,
                duplicates: 0
            });
            expect(session.version).toBe(7);
            expect(session.participants).toEqual([
                { participant: '+33612345678', role: 'initial', onHold: false, holdStartedAt: null }
            ]);
        });

        it('keeps the transcript cap across a reset', () => {
            const first = run(
                [
                    ['callconnected', { callId: CALL }],
                    ['callended', { callId: CALL }]
                ],
                createSession({ maxTranscript: 2 })
            );
            const second = run([['callconnected', { callId: 'call-2' }]], first);
            expect(second.maxTranscript).toBe(2);
        });
    });

    describe('participants and hold', () => {
        it('tracks hold segments and total hold time per party', () => {
            const caller = '+14155550100';
            const session = connected([
                ['hold', { callId: CALL, participant: caller }],
                ['hold', { callId: CALL, participant: caller }],
                ['resume', { callId: CALL, participant: '+1 (415) 555-0100' }],
                ['resume', { callId: CALL, participant: caller }],
                ['hold', { callId: CALL, participant: caller }]
            ]);
            expect(session.holdCount).toBe(2);
            expect(session.totalHoldMs).toBe(200);
            expect(session.holdSegments).toEqual([
                { participant: caller, start: 1200, end: 1400 },
                { participant: caller, start: 1600, end: null }
            ]);
            expect(participantsOnHold(session).map((p) => p.participant)).toEqual([caller]);
            expect(session.participants[0].holdStartedAt).toBe(1600);
            expect(currentHoldMs(session, 2000)).toBe(600);
            expect(session.duplicates).toBe(2);
        });

        it('runs a conference: add, swap, merge, remove', () => {
            const caller = '+14155550100';
            const expert = 'Billing Queue';
            let session = connected([
                ['participantadded', { callId: CALL, participant: expert }],
                ['participantadded', { callId: CALL, participant: expert }],
                ['hold', { callId: CALL, participant: caller }]
            ]);
            expect(hasThreeWay(session)).toBe(true);
            session = run([['swap', { callId: CALL }]], session, 5000);
            expect(session.participants.map((p) => [p.role, p.onHold])).toEqual([
                ['initial', false],
                ['thirdParty', true]
            ]);
            session = run(
                [
                    ['conference', { callId: CALL }],
                    ['conference', { callId: CALL }],
                    ['swap', { callId: CALL }],
                    ['hold', { callId: CALL, participant: expert }],
                    ['participantremoved', { callId: CALL, participant: expert }],
                    ['participantremoved', { callId: CALL, participant: expert }]
                ],
                session,
                6000
            );
            expect(session.participants.map((p) => p.participant)).toEqual([caller]);
            expect(hasThreeWay(session)).toBe(false);
            expect(session.holdSegments.every((s) => s.end !== null)).toBe(true);
            expect(session.holdCount).toBe(3);
            expect(session.duplicates).toBe(4);
        });

        it('adds an unknown party that is put on hold', () => {
            const session = run([['hold', { callId: CALL, participant: 'Quick Connect A' }]]);
            expect(session.participants).toEqual([
                { participant: 'Quick Connect A', role: 'initial', onHold: true, holdStartedAt: 1000 }
            ]);
            const more = run([['hold', { callId: CALL, participant: 'Quick Connect B' }]], session, 2000);
            expect(more.participants[1].role).toBe('thirdParty');
        });

        it('releases every hold when the call ends and ignores hold afterwards', () => {
            const session = connected([
                ['hold', { callId: CALL, participant: '+14155550100' }],
                ['callended', { callId: CALL }],
                ['hold', { callId: CALL, participant: '+14155550100' }],
                ['resume', { callId: CALL, participant: '+14155550100' }]
            ]);
            expect(session.participants[0].onHold).toBe(false);
            expect(session.totalHoldMs).toBe(100);
            expect(session.holdCount).toBe(1);
            expect(isOnCall(session)).toBe(false);
        });

        it('removes a party that is on hold and closes its segment', () => {
            const session = connected([
                ['hold', { callId: CALL, participant: '+14155550100' }],
                ['participantremoved', { callId: CALL, participant: '+14155550100' }]
            ]);
            expect(session.participants).toEqual([]);
            expect(session.totalHoldMs).toBe(100);
        });

        it('compares short participant strings exactly', () => {
            const session = connected([['participantadded', { callId: CALL, participant: 'Q-1' }]], 'Q 1');
            expect(session.participants).toHaveLength(2);
        });
    });

    describe('mute and recording', () => {
        it('toggles and counts repeats as duplicates', () => {
            const session = connected([
                ['mute', { callId: CALL }],
                ['mute', { callId: CALL }],
                ['pauserecording', { callId: CALL }]
            ]);
            expect(session).toMatchObject({ muted: true, recordingPaused: true, duplicates: 1 });
            const after = run(
                [
                    ['unmute', { callId: CALL }],
                    ['resumerecording', { callId: CALL }]
                ],
                session
            );
            expect(after).toMatchObject({ muted: false, recordingPaused: false });
        });
    });

    describe('transcript', () => {
        it('orders by server timestamp, ties in arrival order', () => {
            const session = connected([
                utterance('a', 30, 'third'),
                utterance('b', 10, 'first'),
                utterance('c', 30, 'fourth'),
                utterance('d', 20, 'second'),
                utterance('e', 10, 'first-b')
            ]);
            expect(session.transcript.map((e) => e.id)).toEqual(['b', 'e', 'd', 'a', 'c']);
        });

        it('never keeps a timestamp a Date cannot hold (it would break every time formatter)', () => {
            const session = connected([
                utterance('huge', 1e17, 'far future', 'Agent', { clientSentTimestamp: '-1e20' }),
                [
                    'intelligencesignal',
                    {
                        callId: CALL,
                        events: [
                            { type: 'IntelligenceSignalCategory', value: 'Late', startTime: '9e15' },
                            { type: 'IntelligenceSignalCategory', value: 'Ok', startTime: 5, endTime: 1e30 }
                        ]
                    }
                ]
            ]);
            const [entry] = session.transcript;
            expect(entry.text).toBe('far future');
            expect(Math.abs(entry.timestamp)).toBeLessThanOrEqual(8.64e15);
            expect(entry.clientTimestamp).toBeUndefined();
            expect(session.signals.categories.map((c) => [c.value, c.endTime])).toEqual([['Ok', undefined]]);
        });

        it('dedupes by id and by (callId, role, timestamp, text) when there is no id', () => {
            const session = connected([
                utterance('a', 10, 'hi'),
                utterance('a', 10, 'hi'),
                utterance(null, 20, 'no id'),
                utterance(null, 20, 'no id'),
                utterance(null, 20, 'no id', 'Supervisor'),
                utterance(null, 20, 'other text')
            ]);
            expect(session.transcript.map((e) => e.text)).toEqual(['hi', 'no id', 'no id', 'other text']);
            expect(session.duplicates).toBe(2);
            expect(isGeneratedId(session.transcript[1].id)).toBe(true);
            expect(new Set(session.transcript.map((e) => e.id)).size).toBe(4);
        });

        it('updates a partial utterance in place when the final arrives', () => {
            const session = connected([
                utterance('p', 10, 'I would', 'EndUser', { partial: true }),
                utterance('q', 20, 'Sure'),
                utterance('p', 15, 'I would like', 'EndUser', { isPartial: 'true' }),
                utterance('p', 15, 'I would like', 'EndUser', { isPartial: true }),
                utterance('p', 25, 'I would like a refund', 'EndUser', {
                    sender: { role: 'EndUser', displayName: 'Cara' }
                }),
                utterance('p', 30, 'late partial', 'EndUser', { partial: true })
            ]);
            expect(session.transcript.map((e) => [e.id, e.text, e.partial, e.timestamp])).toEqual([
                ['p', 'I would like a refund', false, 10],
                ['q', 'Sure', false, 20]
            ]);
            expect(session.transcript[0].displayName).toBe('Cara');
            expect(session.duplicates).toBe(2);
        });

        it('falls back to the client timestamp, then to the receipt time', () => {
            const session = connected([
                [
                    'transcript',
                    { callId: CALL, id: 'c', clientSentTimestamp: 50, content: { text: 'client' } }
                ],
                ['transcript', { callId: CALL, id: 'r', text: 'plain text field' }]
            ]);
            expect(session.transcript.map((e) => [e.id, e.timestamp])).toEqual([
                ['c', 50],
                ['r', 1300]
            ]);
        });

        it('caps the transcript, trimming the oldest and counting them', () => {
            const steps = Array.from({ length: 10 }, (_, i) => utterance(`u${i}`, 100 + i, `line ${i}`));
            const session = run(
                [['callconnected', { callId: CALL }], ...steps, utterance('old', 1, 'too old')],
                createSession({ maxTranscript: 4 })
            );
            expect(session.transcript.map((e) => e.id)).toEqual(['u6', 'u7', 'u8', 'u9']);
            expect(session.transcriptCount).toBe(4);
            expect(session.transcriptTrimmed).toBe(7);
        });

        it('handles late arrivals and late finals far behind the newest lines', () => {
            const steps = Array.from({ length: 200 }, (_, i) =>
                utterance(`u${i}`, 1000 + i * 10, `line ${i}`, 'Agent', { partial: i === 3 })
            );
            const session = connected([
                ...steps,
                utterance('late', 1005, 'late arrival'),
                utterance('between', 2000 + 1435, 'between backing and tail'),
                utterance('u3', 9999, 'final of an old partial')
            ]);
            const ids = session.transcript.map((e) => e.id);
            expect(ids.slice(0, 3)).toEqual(['u0', 'late', 'u1']);
            expect(session.transcript[4]).toMatchObject({
                id: 'u3',
                text: 'final of an old partial',
                partial: false
            });
            const timestamps = session.transcript.map((e) => e.timestamp);
            expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
            expect(session.transcriptCount).toBe(202);
        });

        it('stays bounded over a long shift (trims and compacts)', () => {
            const steps = Array.from({ length: 3000 }, (_, i) => utterance(`u${i}`, i, `l${i}`));
            const session = run(
                [['callconnected', { callId: CALL }], ...steps],
                createSession({ maxTranscript: 100 })
            );
            expect(session.transcriptCount).toBe(100);
            expect(session.transcriptTrimmed).toBe(2900);
            expect(session.transcript[0].id).toBe('u2900');
            expect(latestTranscript(session, 2).map((e) => e.id)).toEqual(['u2998', 'u2999']);
        });

        it('uses the default cap for invalid options', () => {
            expect(createSession({ maxTranscript: -1 }).maxTranscript).toBe(5000);
            expect(createSession({ maxTranscript: Number.NaN }).maxTranscript).toBe(5000);
            expect(createSession({ maxTranscript: 2.7 }).maxTranscript).toBe(2);
        });

        it('serves the newest lines without materialising the rest', () => {
            const steps = Array.from({ length: 150 }, (_, i) => utterance(`u${i}`, i, `line ${i}`));
            const session = connected(steps);
            expect(latestTranscript(session, 3).map((e) => e.id)).toEqual(['u147', 'u148', 'u149']);
            expect(latestTranscript(session, 100).map((e) => e.id)).toEqual(
                session.transcript.slice(-100).map((e) => e.id)
            );
            expect(latestTranscript(session, -5)).toEqual([]);
            expect(latestTranscript(session, 1e9)).toHaveLength(150);
        });
    });

    describe('flags and notes', () => {
        it('raises and lowers with who and when; lowering twice is harmless', () => {
            const raise: Step = ['flagraise', guide.flagraise];
            const lower: Step = ['flaglower', { ...guide.flaglower, id: 'lower-1' }];
            const id = guide.flagraise.callId;
            const session = run([
                ['callconnected', { callId: id }],
                lower,
                raise,
                raise,
                lower,
                lower,
                raise
            ]);
            expect(session.flag.raised).toBe(false);
            expect(session.flag.loweredBy).toBe('Samir Supervisor');
            // lower before raise, repeated raise, second lower, re-delivered raise after the lower
            expect(session.duplicates).toBe(4);
        });

        it('raises again with a new id and clears the lowered fields', () => {
            const session = connected([
                [
                    'flagraise',
                    { callId: CALL, id: 'f1', content: { text: 'help' }, sender: { role: 'Agent' } }
                ],
                ['flaglower', { callId: CALL, sender: { role: 'Supervisor' } }],
                ['flagraise', { callId: CALL, content: { text: 'again' }, sender: { role: 'Agent' } }]
            ]);
            expect(session.flag).toMatchObject({
                raised: true,
                reason: 'again',
                raisedAt: 1400,
                loweredBy: null
            });
            expect(summarizeSession(session).flag).toEqual({
                raised: true,
                by: 'Agent',
                text: 'again',
                loweredBy: null
            });
        });

        it('keeps notes in arrival order and dedupes them', () => {
            const note = (id: string | null, text: string): Step => [
                'note',
                {
                    callId: CALL,
                    ...(id ? { id } : {}),
                    serverReceivedTimestamp: 5,
                    content: { text },
                    sender: { role: 'Agent' }
                }
            ];
            const session = connected([
                note('n1', 'one'),
                note('n1', 'one'),
                note(null, 'two'),
                note(null, 'two')
            ]);
            expect(session.notes.map((n) => n.text)).toEqual(['one', 'two']);
            expect(summarizeSession(session).notes).toEqual([
                { text: 'one', role: 'Agent', by: 'Agent' },
                { text: 'two', role: 'Agent', by: 'Agent' }
            ]);
            // Past the 500-note cap, notes without an id sent at the same time still get distinct ids.
            const many = connected(Array.from({ length: 503 }, (_, i) => note(null, `note ${i}`)));
            expect(many.notes).toHaveLength(500);
            expect(new Set(many.notes.map((n) => n.id)).size).toBe(500);
        });
    });

    describe('intelligence signals', () => {
        it('keeps categories with score and a clamped sentiment series per participant', () => {
            const session = connected([
                [
                    'intelligencesignal',
                    {
                        callId: CALL,
                        events: [
                            {
                                service: 'AmazonConnectContactLens',
                                type: 'IntelligenceSignalCategory',
                                value: 'Refund',
                                startTime: '100',
                                endTime: '200',
                                score: '1500',
                                participant: 'CUSTOMER'
                            },
                            {
                                type: 'IntelligenceSignalSentiment',
                                value: '-5000',
                                startTime: 100,
                                participant: 'CUSTOMER'
                            },
                            {
                                type: 'IntelligenceSignalSentiment',
                                value: 300,
                                startTime: 300,
                                participant: 'CUSTOMER'
                            },
                            {
                                type: 'IntelligenceSignalSentiment',
                                value: 100,
                                startTime: 200,
                                participant: 'CUSTOMER'
                            },
                            { type: 'IntelligenceSignalSentiment', value: 50, startTime: 100 },
                            { type: 'IntelligenceSignalSentiment', value: 'x', startTime: 100 },
                            { type: 'IntelligenceSignalCategory', startTime: 100 },
                            { type: 'IntelligenceSignalCategory', value: 'NoTime' }
                        ]
                    }
                ],
                [
                    'intelligencesignal',
                    {
                        callId: CALL,
                        events: [
                            { type: 'IntelligenceSignalCategory', value: 'Refund', startTime: 100, score: 1 },
                            {
                                type: 'IntelligenceSignalSentiment',
                                value: 300,
                                startTime: 300,
                                participant: 'CUSTOMER'
                            }
                        ]
                    }
                ]
            ]);
            expect(session.signals.categories).toEqual([
                { value: 'Refund', score: 1000, startTime: 100, endTime: 200, participant: 'CUSTOMER' }
            ]);
            expect(session.signals.sentiment).toEqual([
                {
                    participant: 'CUSTOMER',
                    points: [
                        { time: 100, value: -1000 },
                        { time: 200, value: 100 },
                        { time: 300, value: 300 }
                    ],
                    latest: 300
                },
                { participant: 'Unknown', points: [{ time: 100, value: 50 }], latest: 50 }
            ]);
            expect(session.duplicates).toBe(1);
        });

        it('keeps the newest 120 sentiment points of a long call; older snapshots keep their own', () => {
            const sentiment = (time: number): Step => [
                'intelligencesignal',
                {
                    callId: CALL,
                    events: [
                        {
                            type: 'IntelligenceSignalSentiment',
                            value: time % 7,
                            startTime: time,
                            participant: 'C'
                        }
                    ]
                }
            ];
            let session = connected();
            const snapshots: CallSession[] = [];
            for (let time = 1; time <= 2500; time++) {
                session = applyEvent(session, ...sentiment(time), time);
                if (time % 500 === 0) snapshots.push(session);
            }
            snapshots.forEach((snapshot, i) => {
                const last = (i + 1) * 500;
                const series = snapshot.signals.sentiment[0];
                expect(series.points.map((p) => p.time)).toEqual(
                    Array.from({ length: 120 }, (_, k) => last - 119 + k)
                );
                expect(series.latest).toBe(last % 7);
                expect(Object.isFrozen(series.points)).toBe(true);
                expect(series.points).toBe(series.points);
                expect(JSON.parse(JSON.stringify(series)).points).toHaveLength(120);
            });
            // Writing to an old snapshot branches: neither the old nor the newest series changes.
            const branched = applyEvent(snapshots[0], ...sentiment(501), 501);
            expect(branched.signals.sentiment[0].points.at(-1)).toEqual({ time: 501, value: 501 % 7 });
            expect(snapshots[0].signals.sentiment[0].points.at(-1)?.time).toBe(500);
            expect(session.signals.sentiment[0].points.at(-1)?.time).toBe(2500);
            // A late point older than everything a full series keeps is trimmed at once: the cap holds.
            const late = applyEvent(session, ...sentiment(3), 2501);
            expect(late.signals.sentiment[0].points).toHaveLength(120);
            expect(late.signals.sentiment[0].points[0].time).toBe(2381);
            // A late point inside the window is inserted in time order and the oldest drops.
            const inside = applyEvent(session, ...sentiment(2400.5), 2502);
            const times = inside.signals.sentiment[0].points.map((p) => p.time);
            expect(times).toHaveLength(120);
            expect(times[0]).toBe(2382);
            expect(times).toContain(2400.5);
        });

        it('skips entries beyond the per-event limit', () => {
            const events = Array.from({ length: 1005 }, (_, i) => ({
                type: 'IntelligenceSignalCategory',
                value: `c${i}`,
                startTime: i
            }));
            const parsed = parseToolkitEvent('intelligencesignal', { events });
            expect(parsed).toMatchObject({ skipped: 5 });
        });

        it('keeps a participant named __proto__ as a plain key in the summary', () => {
            const session = connected([
                [
                    'intelligencesignal',
                    {
                        events: [
                            {
                                type: 'IntelligenceSignalSentiment',
                                value: 1,
                                startTime: 1,
                                participant: '__proto__'
                            }
                        ]
                    }
                ]
            ]);
            const summary = summarizeSession(session);
            expect(Object.keys(summary.signals.sentiment)).toEqual(['__proto__']);
            expect(Object.getPrototypeOf(summary.signals.sentiment)).toBe(Object.prototype);
        });
    });

    describe('audio stats', () => {
        it('keeps the latest sample per channel', () => {
            const stats = {
                callId: CALL,
                stats: 'inputChannelStats',
                packetsLost: '2',
                packetsCount: 100,
                jitterBufferMillis: -1,
                roundTripTimeMillis: 40,
                statsCount: 3
            };
            const session = connected([
                ['audiostats', stats],
                ['audiostats', { ...stats, packetsLost: 5 }]
            ]);
            expect(session.audioStats).toEqual({
                inputChannelStats: {
                    packetsLost: 5,
                    packetsCount: 100,
                    jitterBufferMillis: null,
                    roundTripTimeMillis: 40,
                    statsCount: 3,
                    receivedAt: 1300
                },
                outputChannelStats: null
            });
        });
    });

    describe('immutability', () => {
        it('freezes the snapshot and never mutates or keeps the payload', () => {
            const detail = {
                callId: CALL,
                id: 'u',
                serverReceivedTimestamp: 1,
                content: { text: 'hi' },
                sender: { role: 'Agent' }
            };
            const copy = JSON.parse(JSON.stringify(detail));
            const before = connected();
            const after = applyEvent(before, 'transcript', Object.freeze(detail), 5);
            expect(detail).toEqual(copy);
            expect(Object.isFrozen(after)).toBe(true);
            expect(Object.isFrozen(after.transcript)).toBe(true);
            expect(Object.isFrozen(after.transcript[0])).toBe(true);
            expect(before.transcript).toEqual([]);
            expect(after.transcript[0]).not.toBe(detail);
        });

        it('leaves older snapshots intact when a newer one diverges', () => {
            const base = connected([
                utterance('a', 10, 'a'),
                utterance('p', 20, 'par', 'Agent', { partial: true })
            ]);
            const left = run([utterance('b', 30, 'left'), utterance('p', 20, 'final left')], base);
            const right = run(
                [utterance('c', 30, 'right'), utterance('p', 20, 'final right'), utterance('b', 31, 'b too')],
                base
            );
            expect(base.transcript.map((e) => e.text)).toEqual(['a', 'par']);
            expect(left.transcript.map((e) => e.text)).toEqual(['a', 'final left', 'left']);
            expect(right.transcript.map((e) => e.text)).toEqual(['a', 'final right', 'right', 'b too']);
            const again = run([utterance('a', 10, 'a'), utterance('b', 30, 'left')], left);
            expect(again.duplicates).toBe(left.duplicates + 2);
        });

        it('accepts a plain copy of a snapshot (e.g. after a structured clone) and keeps going', () => {
            const original = connected([utterance('a', 10, 'a'), utterance(null, 11, 'no id')]);
            // A spread copies own fields only: the transcript is a getter, so a copy must carry it explicitly.
            const copy = { ...original, transcript: original.transcript } as CallSession;
            expect('transcript' in { ...original }).toBe(false);
            const next = run(
                [utterance('a', 10, 'a'), utterance(null, 11, 'no id'), utterance('b', 12, 'b')],
                copy
            );
            expect(next.transcript.map((e) => e.text)).toEqual(['a', 'no id', 'b']);
            expect(next.duplicates).toBe(2);
        });

        it('continues generated ids after those of a copied snapshot', () => {
            const original = connected([utterance(null, 10, 'x'), utterance(null, 11, 'y')], 'p');
            const copy = {
                ...original,
                transcript: original.transcript,
                transcriptCount: 0,
                transcriptTrimmed: 3
            } as CallSession;
            const next = run([utterance(null, 12, 'z')], copy);
            expect(new Set(next.transcript.map((e) => e.id)).size).toBe(3);
            expect(next.transcriptTrimmed).toBe(3);
            const broken = { ...original } as CallSession;
            expect(run([utterance('n', 13, 'n')], broken).transcript.map((e) => e.id)).toEqual(['n']);
        });

        it('keeps a receipt time that is not a number out of the snapshot', () => {
            const session = connected();
            expect(applyEvent(session, 'mute', { callId: CALL }, Number.NaN).lastEventAt).toBe(1100);
        });
    });

    describe('summary', () => {
        it('has every field of the replay summary contract', () => {
            const summary = summarizeSession(connected([utterance('a', 10, 'hi')]));
            expect(Object.keys(summary).sort()).toEqual(
                [
                    'accepted',
                    'callId',
                    'callType',
                    'duplicates',
                    'events',
                    'flag',
                    'holdCount',
                    'ignoredOtherCall',
                    'muted',
                    'notes',
                    'participants',
                    'phase',
                    'recordingPaused',
                    'rejected',
                    'signals',
                    'totalHoldMs',
                    'transcript',
                    'transcriptCount',
                    'trimmed'
                ].sort()
            );
            expect(summary.transcript).toEqual([{ id: 'a', role: 'Agent', text: 'hi', timestamp: 10 }]);
        });
    });
});
