/**
 * c/voiceActionModel — agent-launched voice actions (the CTI Actions equivalent), pure TypeScript with no DOM,
 * clock or platform import: definitions from the Apex controller's payload, availability per call phase,
 * permission and run limit, typed flow inputs from the call's context, and the outputs the agent sees.
 * The `voiceActions` panel and the actions gate (scripts/checks) use this same module.
 */
export * from './types';
export { parseActions, parseInputLines } from './definitions';
export { checkActionText, resolveActionText } from './references';
export type { ActionValues } from './references';
export {
    availability,
    buildInputs,
    callValues,
    coerce,
    countedRuns,
    fieldProblem,
    formDefaults,
    isRecordId,
    lastResultValues,
    resultLines
} from './run';
export type { BuiltInputs, FieldProblem } from './run';
