/**
 * c/voicePlaybookEngine — admin-defined automation on call events (the CTI Flows equivalent of the Amazon
 * Connect CTI Adapter), pure TypeScript with no DOM, clock or platform import:
 * - `parseDefinitions(unknown)` — Custom Metadata payload → valid playbooks + invalid ones with reasons.
 * - `parseCriteria` / `evaluateCriteria` — `1 AND (2 OR 3)` filter logic.
 * The panel (`c/voicePlaybooks`) and the Node tools (replay CLI, playbook gate) use this same module.
 */
export * from './types';
export { parseCriteria, evaluateCriteria, allOf } from './criteria';
export type { CriteriaNode, CriteriaResult } from './criteria';
export { parseDefinitions, parsePlaybook, isInvalid, criteriaOf } from './definitions';
