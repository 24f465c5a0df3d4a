import { readFileSync } from 'fs';
import { join } from 'path';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import { compare, emptyPlanner, parseDefinitions, plan } from 'c/voicePlaybookEngine';
import type { PlanContext, PlannedRun, Playbook } from 'c/voicePlaybookEngine';
import {
    T0,
    callConnected,
    callIdOnly,
    categorySignal,
    message,
    sentimentSignal,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';
import fixture from './data/playbooks.json';

const SCENARIOS = join(__dirname, '..', '..', '..', '..', '..', '..', 'jest-tests', 'scenarios');
const CONTEXT: PlanContext = { group: '', recordId: '0LQ000000000001AAA', voiceCall: {}, now: T0 };

type Event = readonly [string, unknown];

function playbooks(raw: unknown = fixture): readonly Playbook[] {
    const parsed = parseDefinitions(raw);
    expect(parsed.invalid).toEqual([]);
    return parsed.playbooks;
}

function runsOf(
    events: readonly Event[],
    list: readonly Playbook[],
    context: Partial<PlanContext> = {}
): PlannedRun[] {
    let session: CallSession = createSession();
    let state = emptyPlanner();
    const runs: PlannedRun[] = [];
    events.forEach(([type, detail], i) => {
        session = applyEvent(session, type, detail, T0 + i * 1000);
        const result = plan(state, session, list, { ...CONTEXT, now: T0 + i * 1000, ...context });
        state = result.state;
        runs.push(...result.runs);
    });
    return runs;
}

const names = (runs: readonly PlannedRun[]): string[] => runs.map((r) => r.playbook.developerName);

function single(overrides: Record<string, unknown>): readonly Playbook[] {
    return playbooks([
        {
            developerName: 'P',
            active: true,
            trigger: 'TranscriptLine',
            runOncePerCall: false,
            steps: [{ order: 1, stepName: 'S', type: 'RequestNextBestAction', value: 'x' }],
            ...overrides
        }
    ]);
}

describe('planner', () => {
    it('plans the screen pop and the IVR case once on connect, in playbook order', () => {
        const runs = runsOf(
            [
                ['callconnected', callConnected()],
                ['callconnected', callConnected()]
            ],
            playbooks(),
            { voiceCall: { RelatedRecordId: '5005g00000XyZ1AAAV' } }
        );
        expect(names(runs)).toEqual(['Screen_Pop_Caller', 'Open_IVR_Case']);
        expect(runs[0].values.call.participant).toBe('+14159990000');
        expect(runs[0].key).toBe(`${runs[0].edge.callId}|Screen_Pop_Caller`);
    });

    it('skips the IVR case without a linked record and outbound calls for inbound playbooks', () => {
        expect(names(runsOf([['callconnected', callConnected()]], playbooks()))).toEqual([
            'Screen_Pop_Caller'
        ]);
        const outbound = { ...callConnected(), callType: 'outbound' };
        expect(names(runsOf([['callconnected', outbound]], playbooks()))).toEqual([]);
    });

    it('runs a keyword playbook per matching customer line, respecting its cooldown', () => {
        const events: Event[] = [
            ['callconnected', callConnected()],
            ['transcript', transcript(1, 'I want to CANCEL')],
            ['transcript', transcript(2, 'please close my account')],
            ['transcript', transcript(3, 'cancel', 'Agent')],
            ['transcript', transcript(4, 'fine')]
        ];
        const list = playbooks().filter((p) => p.developerName === 'Cancel_Keyword');
        const runs = runsOf(events, list, { now: T0 });
        expect(names(runs)).toEqual(['Cancel_Keyword']);
        expect(runs[0].values.call.line).toBe('I want to CANCEL');
        const noCooldown = list.map((p) => ({ ...p, cooldownSeconds: 0 }));
        expect(runsOf(events, noCooldown).map((r) => r.values.call.line)).toEqual([
            'I want to CANCEL',
            'please close my account'
        ]);
        const afterCooldown = runsOf(
            events,
            list.map((p) => ({ ...p, cooldownSeconds: 1 }))
        );
        expect(afterCooldown).toHaveLength(2);
    });

    it('filters by group and skips inactive playbooks', () => {
        const grouped = single({ group: 'Sales', trigger: 'CallConnected' });
        expect(runsOf([['callconnected', callConnected()]], grouped, { group: 'Service' })).toEqual([]);
        expect(runsOf([['callconnected', callConnected()]], grouped, { group: 'Sales' })).toHaveLength(1);
        expect(runsOf([['callconnected', callConnected()]], grouped)).toHaveLength(1);
        const inactive = single({ active: false, trigger: 'CallConnected' });
        expect(runsOf([['callconnected', callConnected()]], inactive)).toEqual([]);
    });

    it('evaluates category, score, sentiment, flag and reference conditions', () => {
        const conditions = [
            { number: 1, source: 'SignalCategory', operator: 'Equals', value: 'churn' },
            { number: 2, source: 'SignalScore', operator: 'GreaterThan', value: '500' },
            { number: 3, source: 'Sentiment', operator: 'LessThan', value: '0' },
            { number: 4, source: 'FlagState', operator: 'Equals', value: 'Raised' },
            {
                number: 5,
                source: 'Reference',
                reference: '{!$Call.callType}',
                operator: 'Equals',
                value: 'inbound'
            }
        ];
        const list = single({ trigger: 'CategoryDetected', conditions });
        const events: Event[] = [
            ['callconnected', callConnected()],
            ['intelligencesignal', sentimentSignal(-300)],
            ['flagraise', message(1, 'help', { role: 'Agent' })],
            ['intelligencesignal', categorySignal('churn', 400)],
            [
                'intelligencesignal',
                {
                    ...categorySignal('churn', 900),
                    events: [{ ...categorySignal('churn').events[0], startTime: T0 + 5 }]
                }
            ]
        ];
        const runs = runsOf(events, list);
        expect(runs.map((r) => r.values.call.categoryScore)).toEqual(['900']);
        const anyCategory = single({
            trigger: 'FlagRaised',
            conditions: [{ number: 1, source: 'SignalCategory', operator: 'StartsWith', value: 'CH' }]
        });
        expect(runsOf([events[0], events[3], events[2]], anyCategory)).toHaveLength(1);
        const noScore = single({
            trigger: 'FlagRaised',
            conditions: [{ number: 1, source: 'SignalScore', operator: 'IsNotBlank' }]
        });
        expect(runsOf(events.slice(0, 3), noScore)).toEqual([]);
    });

    it('compares with every operator', () => {
        expect(compare('Equals', ' Inbound ', 'inbound')).toBe(true);
        expect(compare('NotEquals', 'a', 'b')).toBe(true);
        expect(compare('GreaterThan', '10', '9')).toBe(true);
        expect(compare('GreaterThan', '', '9')).toBe(false);
        expect(compare('LessThan', 'x', '9')).toBe(false);
        expect(compare('LessThan', '-1', '0')).toBe(true);
        expect(compare('Contains', 'Please CANCEL it', 'cancel')).toBe(true);
        expect(compare('StartsWith', 'Cancel it', 'cancel')).toBe(true);
        expect(compare('IsBlank', '  ', '')).toBe(true);
        expect(compare('IsNotBlank', '  ', '')).toBe(false);
    });

    it('hostile scenario: no run key is planned twice, and the IVR scenario opens its case once', () => {
        for (const file of ['hostile.json', 'inbound-ivr-case.json', 'conference.json']) {
            const scenario = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')) as {
                events: { type: string; detail: unknown }[];
            };
            const all = playbooks().map((p) => ({ ...p, runOncePerCall: false, cooldownSeconds: 0 }));
            const runs = runsOf(
                scenario.events.map((e) => [e.type, e.detail] as const),
                all,
                { voiceCall: { RelatedRecordId: '5005g00000XyZ1AAAV' } }
            );
            const keys = runs.map((r) => r.key);
            expect(new Set(keys).size).toBe(keys.length);
            expect(names(runs).filter((n) => n === 'Open_IVR_Case')).toHaveLength(1);
        }
    });

    it('ends a call: a missed call and wrap-up are planned for their triggers', () => {
        const missed = single({ trigger: 'CallMissed' });
        expect(
            runsOf(
                [
                    ['callstarted', callConnected()],
                    ['callended', callIdOnly()]
                ],
                missed
            )
        ).toHaveLength(1);
    });
});
