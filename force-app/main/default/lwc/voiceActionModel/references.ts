/**
 * Named references in action text: the shared `c/voiceReferences` namespaces (`$Call`, `$VoiceCall`) plus
 * `{!$LastResult.<output>}` — the latest value an earlier action of the same call returned for that output.
 * `$LastResult` is carried through the shared module as a step named `LastResult`, so parsing and resolution
 * stay in one place; actions have no steps of their own, so a literal `$Step` reference is a problem.
 */
import { checkReferences, resolveReferences } from 'c/voiceReferences';
import type { ReferenceValues } from 'c/voiceReferences';

const LAST_RESULT = 'LastResult';
const LAST_TOKEN = /\{!\s*\$LastResult\.([^{}]*)\}/g;

function toShared(text: string): string {
    return text.replace(LAST_TOKEN, (_token, output: string) => `{!$Step.${LAST_RESULT}.${output}}`);
}

/**
 * Problems of `text`: malformed references, a `$Step` reference, and `$LastResult` outputs that no action
 * returns (`knownOutputs`: every output name the actions show).
 */
export function checkActionText(text: string, knownOutputs: readonly string[]): string[] {
    const problems = /\{!\s*\$Step\./.test(text)
        ? [`actions cannot use $Step references: "${text.slice(0, 60)}"`]
        : [];
    const scope = { steps: new Map([[LAST_RESULT, knownOutputs]]) };
    const found = checkReferences(toShared(text), scope).map((problem) =>
        problem
            .replace(`{!$Step.${LAST_RESULT}.`, '{!$LastResult.')
            .replace(`step ${LAST_RESULT} has no output`, 'no action returns')
    );
    return [...problems, ...found];
}

export interface ActionValues {
    readonly call: ReferenceValues['call'];
    readonly voiceCall: ReferenceValues['voiceCall'];
    /** Latest value per output name over the call's results. */
    readonly lastResult: Readonly<Record<string, string>>;
}

/** `text` with every reference replaced once: a resolved value is never read as a reference again. */
export function resolveActionText(text: string, values: ActionValues): string {
    if (/\{!\s*\$Step\./.test(text)) return '';
    return resolveReferences(toShared(text), {
        call: values.call,
        voiceCall: values.voiceCall,
        steps: { [LAST_RESULT]: values.lastResult }
    });
}
