/**
 * The Apex runner's answer for one autolaunched run (`VoiceFlowRunner.Result`), `unknown` at this boundary.
 * `problems` reach the browser only for users with the Voice_Manage_Actions Custom Permission.
 */
export type RunnerStatus = 'Finished' | 'Failed' | 'NotAllowed' | 'Unavailable';

export interface RunnerResult {
    // eslint-disable-next-line no-restricted-globals -- an interface member, not the window global
    readonly status: RunnerStatus;
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly detail: string;
}

const STATUSES: readonly RunnerStatus[] = ['Finished', 'Failed', 'NotAllowed', 'Unavailable'];

export function parseRunnerResult(value: unknown): RunnerResult {
    if (typeof value !== 'object' || value === null)
        return { status: 'Failed', outputs: {}, detail: 'the runner gave no answer' };
    const record = value as Record<string, unknown>;
    const status = STATUSES.find((s) => s === record.status) ?? 'Failed';
    const outputs =
        typeof record.outputs === 'object' && record.outputs !== null && !Array.isArray(record.outputs)
            ? (record.outputs as Record<string, unknown>)
            : {};
    const problems = Array.isArray(record.problems)
        ? record.problems.filter((p) => typeof p === 'string')
        : [];
    const message = typeof record.message === 'string' ? record.message : '';
    return { status, outputs, detail: [message, ...problems].filter(Boolean).join('\n') };
}
