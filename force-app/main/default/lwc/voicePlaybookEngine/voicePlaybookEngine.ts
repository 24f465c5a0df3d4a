/**
 * c/voicePlaybookEngine — admin-defined automation on call events (the CTI Flows equivalent of the Amazon
 * Connect CTI Adapter), pure TypeScript with no DOM, clock or platform import:
 * - `parseDefinitions(unknown)` — Custom Metadata payload → valid playbooks + invalid ones with reasons.
 * - `parseCriteria` / `evaluateCriteria` — `1 AND (2 OR 3)` filter logic.
 * - `diffEdges(memory, session)` — consecutive snapshots → edges (call connected, new final line...), idempotent.
 * - `plan(state, session, playbooks, context)` — edges → matching playbook runs, once per run key.
 * - `runPlaybook(run, executors)` — the step runner: ordered, stop/continue on failure, time cap, never rejects.
 * The panel (`c/voicePlaybooks`) and the Node tools (replay CLI, playbook gate) use this same module.
 */
export * from './types';
export { parseCriteria, evaluateCriteria, allOf } from './criteria';
export type { CriteriaNode, CriteriaResult } from './criteria';
export { parseDefinitions, parsePlaybook, isInvalid, criteriaOf } from './definitions';
export { diffEdges, emptyMemory } from './edges';
export type { Edge, EdgeMemory } from './edges';
export { compare, conditionHolds } from './conditions';
export { plan, emptyPlanner, callValues } from './planner';
export type { PlanContext, PlannedRun, PlannerState } from './planner';
export { runPlaybook } from './runner';
export type {
    ResolvedStep,
    RunLog,
    StepExecutor,
    StepExecutors,
    StepLog,
    StepOutcome,
    StepStatus
} from './runner';
export { toCallEventMessage, CALL_EVENT_MESSAGE_VERSION } from './callEventMessage';
export type { CallEventMessage } from './callEventMessage';
