import { emptyPlanner, parseDefinitions, plan, runPlaybook } from 'c/voicePlaybookEngine';
import type { PlannedRun, StepExecutor, StepExecutors, StepType } from 'c/voicePlaybookEngine';
import { applyEvent, createSession } from 'c/voiceCallModel';
import { T0, callConnected } from '@jest-tests/fixtures/toolkitEvents';

function runWith(steps: Record<string, unknown>[], timeLimitSeconds = 30): PlannedRun {
    const { playbooks, invalid } = parseDefinitions([
        { developerName: 'P', active: true, title: 'T', trigger: 'CallConnected', timeLimitSeconds, steps }
    ]);
    expect(invalid).toEqual([]);
    const session = applyEvent(createSession(), 'callconnected', callConnected(), T0);
    return plan(emptyPlanner(), session, playbooks, { group: '', recordId: null, voiceCall: {}, now: T0 })
        .runs[0];
}

function executors(overrides: Partial<Record<StepType, StepExecutor>>): StepExecutors {
    const fallback: StepExecutor = () => Promise.resolve({ result: 'done' });
    return {
        IdentifyCaller: fallback,
        ScreenPop: fallback,
        OpenRecord: fallback,
        NewRecord: fallback,
        Banner: fallback,
        RequestNextBestAction: fallback,
        UpdateVoiceCallField: fallback,
        RunFlow: fallback,
        ...overrides
    };
}

const nba = (order: number, stepName: string, extra: Record<string, unknown> = {}) => ({
    order,
    stepName,
    type: 'RequestNextBestAction',
    value: 'x',
    ...extra
});

describe('step runner', () => {
    afterEach(() => jest.useRealTimers());

    it('passes outputs of earlier steps through named references', async () => {
        const seen: string[] = [];
        const run = runWith([
            { order: 1, stepName: 'Find', type: 'IdentifyCaller', target: 'Contact' },
            { order: 2, stepName: 'Open', type: 'OpenRecord', target: '{!$Step.Find.recordId}' },
            nba(3, 'Ask', { value: 'caller {!$Call.participant}' })
        ]);
        const log = await runPlaybook(
            run,
            executors({
                IdentifyCaller: () =>
                    Promise.resolve({ result: 'done', outputs: { recordId: '003000000000001AAA' } }),
                OpenRecord: (step) => {
                    seen.push(step.resolvedTarget);
                    return Promise.resolve({ result: 'done' });
                },
                RequestNextBestAction: (step) => {
                    seen.push(step.resolvedValue);
                    return Promise.resolve({ result: 'skipped', detail: 'metered' });
                }
            })
        );
        expect(seen).toEqual(['003000000000001AAA', 'caller +14159990000']);
        expect(log).toMatchObject({
            developerName: 'P',
            title: 'T',
            trigger: 'CallConnected',
            result: 'done'
        });
        expect(log.steps.map((s) => s.result)).toEqual(['done', 'done', 'skipped']);
    });

    it('stops after a failed Stop step and goes on after a failed Continue step; never rejects', async () => {
        const run = runWith([nba(1, 'A', { onFailure: 'Continue' }), nba(2, 'B'), nba(3, 'C')]);
        let calls = 0;
        const log = await runPlaybook(
            run,
            executors({
                RequestNextBestAction: () => {
                    calls++;
                    if (calls === 1) return Promise.reject(new Error('boom'));
                    // Executors may throw synchronously, and not always an Error.
                    return Promise.reject('plain');
                }
            })
        );
        expect(log.result).toBe('failed');
        expect(log.steps.map((s) => [s.stepName, s.result, s.detail])).toEqual([
            ['A', 'failed', 'boom'],
            ['B', 'failed', 'plain'],
            ['C', 'notRun', '']
        ]);
    });

    it('cuts the run off at its time limit', async () => {
        jest.useFakeTimers();
        const run = runWith([nba(1, 'Slow'), nba(2, 'Next')], 2);
        const pending = runPlaybook(
            run,
            executors({ RequestNextBestAction: () => new Promise(() => undefined) })
        );
        await jest.advanceTimersByTimeAsync(2000);
        const log = await pending;
        expect(log.result).toBe('timedOut');
        expect(log.steps.map((s) => s.result)).toEqual(['timedOut', 'timedOut']);
    });
});
