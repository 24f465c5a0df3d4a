import fc from 'fast-check';
import { TOOLKIT_EVENT_NAMES, applyEvent, createSession } from '../voiceCallModel';
import type { CallSession, TranscriptEntry } from '../voiceCallModel';

const CALL = 'call-p';
const SEED = 20250101;

/** Every object reachable through the public (enumerable) fields of a snapshot, plus its transcript. */
function publicObjectsIn(root: unknown, into = new Set<object>()): Set<object> {
    if (typeof root !== 'object' || root === null || into.has(root)) return into;
    into.add(root);
    for (const value of Object.values(root)) publicObjectsIn(value, into);
    return into;
}

/** Every object reachable from a payload, own non-enumerable and symbol keys included. */
function objectsIn(root: unknown, into = new Set<object>()): Set<object> {
    if (typeof root !== 'object' || root === null || into.has(root)) return into;
    into.add(root);
    for (const key of Reflect.ownKeys(root)) {
        const descriptor = Object.getOwnPropertyDescriptor(root, key);
        const value: unknown =
            descriptor && 'value' in descriptor ? descriptor.value : Reflect.get(root, key);
        objectsIn(value, into);
    }
    return into;
}

function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const key of Reflect.ownKeys(value)) deepFreeze(Reflect.get(value, key));
    }
    return value;
}

function assertTranscriptInvariants(session: CallSession): void {
    const list = session.transcript;
    for (let i = 1; i < list.length; i++) {
        if (list[i - 1].timestamp > list[i].timestamp) throw new Error(`transcript out of order at ${i}`);
    }
    if (new Set(list.map((e) => e.id)).size !== list.length) throw new Error('duplicate transcript id');
    if (list.length !== session.transcriptCount || list.length > session.maxTranscript) {
        throw new Error('transcript count or cap broken');
    }
}

const keys = fc.constantFrom(
    'callId',
    'id',
    'messageId',
    'participant',
    'callType',
    'content',
    'text',
    'sender',
    'role',
    'displayName',
    'serverReceivedTimestamp',
    'clientSentTimestamp',
    'events',
    'type',
    'value',
    'startTime',
    'score',
    'stats',
    'partial',
    '__proto__',
    'constructor',
    'prototype'
);

const scalar = fc.oneof(
    fc.constant(CALL),
    fc.constant('other-call'),
    fc.string({ maxLength: 12 }),
    fc.integer().map(String),
    fc.double(),
    fc.integer({ min: 0, max: 2000 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom(
        'Agent',
        'EndUser',
        'END_USER',
        'Supervisor',
        'inputChannelStats',
        'IntelligenceSignalSentiment'
    )
);

/** Arbitrary JSON-ish values with the keys the parser reads, polluting keys included. */
const junk = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
    object: fc.dictionary(keys, tie('value'), { maxKeys: 6 }),
    array: fc.array(tie('value'), { maxLength: 4 })
})).value;

const text = fc.oneof(
    fc.constantFrom(
        'hello',
        'refund please',
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        ''
    ),
    fc.string({ maxLength: 20 })
);
const timestamp = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }).map(String));
const role = fc.constantFrom('Agent', 'EndUser', 'END_USER', 'Customer', 'Supervisor', 'Bot', 'constructor');

/** Mostly well-formed payloads for the active call, so the reducer (not only the parser) is exercised. */
const plausible = fc.oneof(
    fc.record({
        type: fc.constant('transcript'),
        detail: fc.record(
            {
                id: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { nil: undefined }),
                callId: fc.constantFrom(CALL, CALL, CALL, 'other-call'),
                serverReceivedTimestamp: timestamp,
                clientSentTimestamp: timestamp,
                content: fc.record({ formatType: fc.constant('Text'), text }),
                sender: fc.record({ role }),
                partial: fc.boolean()
            },
            { requiredKeys: ['callId', 'content'] }
        )
    }),
    fc.record({
        type: fc.constantFrom('hold', 'resume', 'participantadded', 'participantremoved'),
        detail: fc.record({
            callId: fc.constant(CALL),
            participant: fc.constantFrom('+14155550100', 'Queue', 'x')
        })
    }),
    fc.record({
        type: fc.constantFrom(...TOOLKIT_EVENT_NAMES),
        detail: fc.record({
            callId: fc.constantFrom(CALL, 'other-call'),
            callType: fc.constantFrom('inbound', 'outbound')
        })
    }),
    fc.record({
        type: fc.constantFrom('flagraise', 'flaglower', 'note'),
        detail: fc.record({
            id: fc.constantFrom('f1', 'f2'),
            callId: fc.constant(CALL),
            content: fc.record({ text: fc.option(text, { nil: null }) }),
            sender: fc.record({ role, displayName: fc.string({ maxLength: 8 }) })
        })
    }),
    fc.record({
        type: fc.constant('intelligencesignal'),
        detail: fc.record({
            events: fc.array(
                fc.record({
                    type: fc.constantFrom('IntelligenceSignalCategory', 'IntelligenceSignalSentiment', 'x'),
                    value: fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.constantFrom('Angry', '120')),
                    startTime: timestamp,
                    score: fc.integer({ min: -10, max: 2000 }),
                    participant: fc.constantFrom('AGENT', 'CUSTOMER', '__proto__')
                }),
                { maxLength: 4 }
            )
        })
    })
);

const anyEvent = fc.oneof(
    { weight: 3, arbitrary: plausible },
    {
        weight: 2,
        arbitrary: fc.record({
            type: fc.oneof(fc.constantFrom(...TOOLKIT_EVENT_NAMES), fc.string({ maxLength: 10 })),
            detail: junk
        })
    },
    {
        weight: 1,
        arbitrary: fc.record({
            type: fc.constantFrom(...TOOLKIT_EVENT_NAMES),
            detail: fc.constantFrom<unknown>(
                null,
                undefined,
                42,
                'callId',
                [CALL],
                JSON.parse(
                    '{"__proto__": {"callId": "call-p"}, "constructor": {"prototype": {"polluted": true}}}'
                ),
                { callId: CALL, content: { text: 'x'.repeat(100000) }, participant: 'y'.repeat(100000) },
                { callId: 'z'.repeat(100000) },
                Object.create(null) as unknown
            )
        })
    }
);

const frozenOrNot = fc
    .tuple(anyEvent, fc.boolean())
    .map(([event, freeze]) => (freeze ? { type: event.type, detail: deepFreeze(event.detail) } : event));

describe('c-voice-call-model properties', () => {
    it('never throws, never keeps payload objects, and its counts add up (>= 10,000 payloads)', () => {
        let payloads = 0;
        fc.assert(
            fc.property(fc.array(frozenOrNot, { minLength: 5, maxLength: 30 }), (events) => {
                const inputs = new Set<object>();
                const before = events.map((e) => JSON.stringify(e.detail) ?? 'undefined');
                let session = applyEvent(
                    createSession({ maxTranscript: 8 }),
                    'callconnected',
                    { callId: CALL },
                    0
                );
                // A new call starts a fresh session (and fresh counters) with the event that switched to it.
                let expectedEvents = 1;
                events.forEach((event, i) => {
                    objectsIn(event.detail, inputs);
                    const callBefore = session.callId;
                    session = applyEvent(session, event.type, event.detail, i + 1);
                    expectedEvents = session.callId === callBefore ? expectedEvents + 1 : 1;
                    payloads++;
                });
                assertTranscriptInvariants(session);
                expect(session.eventCount).toBe(expectedEvents);
                expect(session.accepted + session.rejected.count + session.ignoredOtherCall).toBe(
                    session.eventCount
                );
                expect(Object.values(session.rejected.reasons).reduce((a, b) => a + b, 0)).toBe(
                    session.rejected.count
                );
                expect(session.duplicates).toBeLessThanOrEqual(session.accepted);
                const published = publicObjectsIn(session);
                publicObjectsIn(session.transcript, published);
                for (const value of published) {
                    if (inputs.has(value)) throw new Error('snapshot references a payload object');
                    if (!Object.isFrozen(value)) throw new Error('snapshot is not deeply frozen');
                }
                expect(events.map((e) => JSON.stringify(e.detail) ?? 'undefined')).toEqual(before);
                expect(({} as Record<string, unknown>).polluted).toBeUndefined();
            }),
            { numRuns: 1000, seed: SEED }
        );
        expect(payloads).toBeGreaterThanOrEqual(10000);
    });

    it('matches a naive reference transcript (order, dedupe, partial → final, cap), also from old snapshots', () => {
        type Utterance = { id: string | null; role: string; ts: number; text: string; partial: boolean };
        const utteranceArb: fc.Arbitrary<Utterance> = fc.record({
            id: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { nil: null }),
            role: fc.constantFrom('Agent', 'EndUser'),
            ts: fc.integer({ min: 0, max: 40 }),
            text: fc.constantFrom('yes', 'no', 'maybe'),
            partial: fc.boolean()
        });
        type Ref = { key: string; text: string; ts: number; partial: boolean; role: string };

        function reference(history: readonly Utterance[], cap: number): Ref[] {
            const list: Ref[] = [];
            for (const u of history) {
                // An id names one message only while it repeats that message (or updates its partial);
                // a reused id with other content is a distinct message, keyed by its content.
                const byId = u.id === null ? undefined : list.find((r) => r.key === `i:${u.id}`);
                const repeats =
                    byId !== undefined &&
                    (byId.partial || u.partial || (byId.text === u.text && byId.ts === u.ts));
                const key =
                    u.id !== null && (byId === undefined || repeats)
                        ? `i:${u.id}`
                        : `k:${u.role}|${u.ts}|${u.text}`;
                const found = list.find((r) => r.key === key);
                if (found) {
                    if (found.partial && !(u.partial && found.text === u.text)) {
                        found.text = u.text;
                        found.partial = u.partial;
                    }
                    continue;
                }
                let at = list.length;
                while (at > 0 && list[at - 1].ts > u.ts) at--;
                list.splice(at, 0, { key, text: u.text, ts: u.ts, partial: u.partial, role: u.role });
                if (list.length > cap) list.shift();
            }
            return list;
        }

        const view = (entries: readonly TranscriptEntry[]) =>
            entries.map((e) => [e.timestamp, e.text, e.partial, e.rawRole]);
        const refView = (refs: Ref[]) => refs.map((r) => [r.ts, r.text, r.partial, r.role]);

        fc.assert(
            fc.property(
                fc.array(utteranceArb, { maxLength: 160 }),
                fc.array(utteranceArb, { maxLength: 20 }),
                fc.integer({ min: 1, max: 200 }),
                fc.nat(),
                (history, branch, cap, forkSeed) => {
                    const apply = (session: CallSession, u: Utterance, i: number) =>
                        applyEvent(
                            session,
                            'transcript',
                            {
                                ...(u.id === null ? {} : { id: u.id }),
                                callId: CALL,
                                serverReceivedTimestamp: u.ts,
                                content: { text: u.text },
                                sender: { role: u.role },
                                partial: u.partial
                            },
                            i
                        );
                    const snapshots: CallSession[] = [createSession({ maxTranscript: cap })];
                    history.forEach((u, i) => snapshots.push(apply(snapshots[i], u, i)));
                    const last = snapshots[snapshots.length - 1];
                    expect(view(last.transcript)).toEqual(refView(reference(history, cap)));
                    const fork = forkSeed % snapshots.length;
                    let forked = snapshots[fork];
                    branch.forEach((u, i) => (forked = apply(forked, u, 1000 + i)));
                    expect(view(forked.transcript)).toEqual(
                        refView(reference([...history.slice(0, fork), ...branch], cap))
                    );
                    // The newest snapshot is untouched by the fork.
                    expect(view(last.transcript)).toEqual(refView(reference(history, cap)));
                }
            ),
            { numRuns: 300, seed: SEED }
        );
    });
});
