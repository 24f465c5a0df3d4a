// Runs one planned playbook: its steps in order, each with its references resolved against the call and
// the outputs of the steps before it. Never rejects: a throwing or rejecting step is a failed step; a
// failed step stops the run unless it says Continue; the whole run is cut off at the playbook's time limit
// (the steps still waiting are reported as timed out and nothing after them starts).
import { resolveReferences } from 'c/voiceReferences';
import type { ReferenceValues } from 'c/voiceReferences';
import type { PlannedRun } from './planner';
import type { Step, StepType } from './types';

export type StepStatus = 'done' | 'skipped' | 'failed' | 'timedOut' | 'notRun';

export interface StepOutcome {
    readonly result: 'done' | 'skipped' | 'failed';
    readonly outputs?: Readonly<Record<string, string>>;
    /** Short, human-readable detail for the run log (an error message, "3 matches"...). */
    readonly detail?: string;
}

/** A step as it runs: target and value with every reference resolved. */
export interface ResolvedStep extends Step {
    readonly resolvedTarget: string;
    readonly resolvedValue: string;
}

export type StepExecutor = (step: ResolvedStep, run: PlannedRun) => Promise<StepOutcome>;
export type StepExecutors = Readonly<Record<StepType, StepExecutor>>;

export interface StepLog {
    readonly stepName: string;
    readonly type: StepType;
    readonly result: StepStatus;
    readonly detail: string;
}

export interface RunLog {
    readonly key: string;
    readonly developerName: string;
    readonly title: string;
    readonly trigger: string;
    readonly result: 'done' | 'failed' | 'timedOut';
    readonly steps: readonly StepLog[];
}

const TIMED_OUT = Symbol('timedOut');

function message(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

async function attempt(executor: StepExecutor, step: ResolvedStep, run: PlannedRun): Promise<StepOutcome> {
    try {
        return await executor(step, run);
    } catch (error) {
        return { result: 'failed', detail: message(error) };
    }
}

function resolveStep(step: Step, values: ReferenceValues): ResolvedStep {
    return {
        ...step,
        resolvedTarget: resolveReferences(step.target, values),
        resolvedValue: resolveReferences(step.value, values)
    };
}

/** Runs every step of `run`; resolves to the run log, never rejects. */
export async function runPlaybook(run: PlannedRun, executors: StepExecutors): Promise<RunLog> {
    const steps: StepLog[] = [];
    const outputs: Record<string, Readonly<Record<string, string>>> = {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
        // The whole-run time cap: an executor that never settles must not hold the run forever.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        timer = setTimeout(() => resolve(TIMED_OUT), run.playbook.timeLimitSeconds * 1000);
    });
    let state: RunLog['result'] = 'done';
    for (const step of run.playbook.steps) {
        const log = (s: StepStatus, detail = ''): void => {
            steps.push({ stepName: step.stepName, type: step.type, result: s, detail });
        };
        if (state !== 'done') {
            log(state === 'timedOut' ? 'timedOut' : 'notRun');
            continue;
        }
        const resolved = resolveStep(step, { ...run.values, steps: outputs });
        // Steps run one after another on purpose: a step reads the outputs of the steps before it.
        // eslint-disable-next-line no-await-in-loop
        const outcome = await Promise.race([attempt(executors[step.type], resolved, run), deadline]);
        if (outcome === TIMED_OUT) {
            state = 'timedOut';
            log('timedOut');
            continue;
        }
        outputs[step.stepName] = outcome.outputs ?? {};
        log(outcome.result, outcome.detail ?? '');
        if (outcome.result === 'failed' && step.onFailure === 'Stop') state = 'failed';
    }
    clearTimeout(timer);
    return {
        key: run.key,
        developerName: run.playbook.developerName,
        title: run.playbook.title,
        trigger: run.edge.trigger,
        result: state,
        steps
    };
}
