import { readFileSync } from 'fs';
import { join } from 'path';
import { applyEvent, createSession, summarizeSession } from '../voiceCallModel';
import type { SessionSummary } from '../voiceCallModel';

const SCENARIOS = join(__dirname, '..', '..', '..', '..', '..', '..', 'jest-tests', 'scenarios');

interface ScenarioEvent {
    at: number;
    type: string;
    detail?: unknown;
}

function replay(file: string): SessionSummary {
    const scenario = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')) as { events: ScenarioEvent[] };
    const session = scenario.events.reduce(
        (current, event) => applyEvent(current, event.type, event.detail, event.at),
        createSession()
    );
    return summarizeSession(session);
}

describe('c-voice-call-model scenarios', () => {
    it('inbound-ivr-case: flag raised by the agent, lowered by the supervisor, hold, notes, wrap-up', () => {
        const summary = replay('inbound-ivr-case.json');
        expect(summary).toMatchObject({
            callId: 'b4e2c1d0-7f3a-4e8b-9c2d-1a2b3c4d5e6f',
            callType: 'inbound',
            phase: 'wrapupDone',
            muted: false,
            participants: [{ participant: '+1 (415) 555-0134', role: 'initial', onHold: false }],
            holdCount: 1,
            totalHoldMs: 30000,
            transcriptCount: 5,
            trimmed: 0,
            flag: {
                raised: false,
                by: 'Angela Agent',
                text: 'Customer disputes a duplicate charge over the refund limit.',
                loweredBy: 'Samir Supervisor'
            },
            signals: {
                categories: [
                    { value: 'RefundRequest', score: 870 },
                    { value: 'Gratitude', score: 910 }
                ],
                sentiment: { CUSTOMER: 650, AGENT: 400 }
            },
            rejected: { count: 0, reasons: {} },
            ignoredOtherCall: 0
        });
        expect(summary.notes.map((n) => n.by)).toEqual(['Samir Supervisor', 'Angela Agent']);
        expect(summary.transcript[1]).toEqual({
            id: 'u-002',
            role: 'Customer',
            text: "Yes, I was charged twice for my March invoice and I'd like a refund.",
            timestamp: 1767258009000
        });
    });

    it('outbound-preview: recording paused and resumed, wrap-up done', () => {
        expect(replay('outbound-preview.json')).toMatchObject({
            callType: 'outbound',
            phase: 'wrapupDone',
            recordingPaused: false,
            participants: [{ participant: '+44 20 7946 0018', role: 'initial', onHold: false }],
            transcriptCount: 3,
            rejected: { count: 0 }
        });
    });

    it('conference: add, swap twice, merge, remove', () => {
        expect(replay('conference.json')).toMatchObject({
            phase: 'ended',
            participants: [{ participant: '+1 312 555 0199', role: 'initial', onHold: false }],
            holdCount: 3,
            totalHoldMs: 27000,
            transcriptCount: 4,
            duplicates: 0
        });
    });

    it('hostile: keeps order, drops duplicates, counts malformed and foreign events', () => {
        const summary = replay('hostile.json');
        expect(summary.transcript.map((t) => t.id.replace(/^~auto:\d+$/, 'auto'))).toEqual([
            'h-000',
            'h-001',
            'h-002',
            'auto',
            'h-003',
            'h-004'
        ]);
        expect(summary.transcript.map((t) => t.text)).toContain('<script>alert(1)</script>');
        expect(summary.transcript.map((t) => t.text)).toContain('<img src=x onerror=alert(1)>');
        expect(summary).toMatchObject({
            phase: 'ended',
            muted: false,
            ignoredOtherCall: 2,
            duplicates: 5,
            rejected: {
                count: 8,
                reasons: {
                    'transcript.detailNotObject': 2,
                    'transcript.missingText': 1,
                    'hold.missingParticipant': 1,
                    'mute.missingCallId': 1,
                    'unknown.unknownEventType': 1,
                    'audiostats.invalidStats': 1,
                    'intelligencesignal.missingEvents': 1
                }
            },
            signals: { sentiment: { CUSTOMER: -1000 } },
            notes: [{ text: 'prototype keys are just data', role: 'Unknown', by: 'Unknown' }]
        });
        expect(summary.events).toBe(summary.accepted + summary.rejected.count + summary.ignoredOtherCall);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('long-call: more utterances than the cap, oldest trimmed and counted', () => {
        const summary = replay('long-call.json');
        expect(summary).toMatchObject({ transcriptCount: 5000, trimmed: 20, holdCount: 5, phase: 'ended' });
        expect(summary.transcript[0].id).toBe('L20');
        const timestamps = summary.transcript.map((t) => t.timestamp);
        expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    });
    it('joined-mid-call: a bare callconnected still yields the caller row; documented spellings and shapes', () => {
        const summary = replay('joined-mid-call.json');
        expect(summary).toMatchObject({
            phase: 'connected',
            participants: [{ participant: '4155550142', role: 'initial', onHold: false }],
            holdCount: 1,
            totalHoldMs: 3000,
            signals: {
                categories: [{ value: 'BillingQuestion', score: 820 }],
                sentiment: { CUSTOMER: -300 }
            },
            rejected: { count: 0 },
            duplicates: 0
        });
        expect(summary.transcript.map((t) => t.role)).toEqual(['Customer', 'Agent', 'System', 'Bot']);
    });

    it('missed-callended: every new call takes over; the last keeps its early events', () => {
        expect(replay('missed-callended.json')).toMatchObject({
            callId: 'm1ss0000-0000-4000-8000-0000000000cc',
            phase: 'connected',
            muted: true,
            transcriptCount: 2,
            participants: [{ participant: '+1 212 555 0103', role: 'initial' }]
        });
    });

    it("transfer-leg: the second leg shows what arrived under the first leg's id", () => {
        expect(replay('transfer-leg.json')).toMatchObject({
            callId: 'tr4nsfer-0000-4000-8000-00000000leg2',
            phase: 'ended',
            transcriptCount: 2,
            signals: { categories: [{ value: 'Transfer' }] },
            ignoredOtherCall: 0
        });
    });

    it('reused-ids: a second raise, two notes and two lines sharing one id all survive', () => {
        expect(replay('reused-ids.json')).toMatchObject({
            transcriptCount: 2,
            duplicates: 1,
            flag: { raised: true, text: 'Customer now asks for a chargeback.' },
            notes: [{ text: 'Approve up to 200.' }, { text: 'Escalate the chargeback to billing.' }]
        });
    });
});
