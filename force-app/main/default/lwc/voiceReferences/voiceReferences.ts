/**
 * Named references in admin-written text, e.g. `Phone={!$Call.participant}` or `{!$Step.Find.recordId}`:
 * a readable replacement for the JSON paths (`$.actions.uid-12.results.value`) CTI Flows pass between blocks
 * (Amazon Connect CTI Adapter, "CTI Flows"). Shared by every definition that resolves admin text against a
 * call: playbooks and agent-launched actions alike. Pure; never throws.
 *
 * Namespaces:
 * - `$Call.<name>` — facts of the call snapshot and the event that triggered the run (`CALL_NAMES`).
 * - `$VoiceCall.<Field>` — a field of the call's VoiceCall record (read through LDS; blank when unreadable).
 * - `$Step.<StepName>.<output>` — an output of an earlier step of the same definition.
 * An unknown namespace, name, step or output is a problem: the definition is invalid and never runs.
 */

export const CALL_NAMES = Object.freeze([
    'callId',
    'callType',
    'participant',
    'phase',
    'flagRaised',
    'line',
    'lineRole',
    'category',
    'categoryScore',
    'recordId'
] as const);
export type CallName = (typeof CALL_NAMES)[number];

export type Reference =
    | { readonly kind: 'call'; readonly callName: CallName; readonly text: string }
    | { readonly kind: 'voiceCall'; readonly field: string; readonly text: string }
    | { readonly kind: 'step'; readonly step: string; readonly output: string; readonly text: string };

/** What a text may refer to: the steps before it and the outputs each one provides. */
export interface ReferenceScope {
    readonly steps: ReadonlyMap<string, readonly string[]>;
}

/** Values a resolution reads; missing values resolve to the empty string. */
export interface ReferenceValues {
    readonly call: Readonly<Partial<Record<CallName, string>>>;
    readonly voiceCall: Readonly<Record<string, string>>;
    readonly steps: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const TOKEN = /\{!([^{}]*)\}/g;
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const STEP_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

function parseOne(body: string): Reference | string {
    const text = `{!${body}}`;
    const parts = body.trim().split('.');
    if (parts[0] === '$Call' && parts.length === 2) {
        const name = CALL_NAMES.find((candidate) => candidate === parts[1]);
        return name ? { kind: 'call', callName: name, text } : `unknown call value ${text}`;
    }
    if (parts[0] === '$VoiceCall' && parts.length === 2) {
        return FIELD.test(parts[1]) ? { kind: 'voiceCall', field: parts[1], text } : `bad field ${text}`;
    }
    if (parts[0] === '$Step' && parts.length === 3 && STEP_NAME.test(parts[1]) && FIELD.test(parts[2])) {
        return { kind: 'step', step: parts[1], output: parts[2], text };
    }
    return `unknown reference ${text}`;
}

/** Every reference in `text` plus a problem per malformed one (an unclosed `{!` included). */
export function parseReferences(text: string): { references: Reference[]; problems: string[] } {
    const references: Reference[] = [];
    const problems: string[] = [];
    for (const match of text.matchAll(TOKEN)) {
        const parsed = parseOne(match[1]);
        if (typeof parsed === 'string') problems.push(parsed);
        else references.push(parsed);
    }
    if (text.replace(TOKEN, '').includes('{!')) problems.push(`unclosed reference in "${text.slice(0, 60)}"`);
    return { references, problems };
}

/** Problems of `text` in `scope`: malformed references, steps that do not run before, outputs they lack. */
export function checkReferences(text: string, scope: ReferenceScope): string[] {
    const { references, problems } = parseReferences(text);
    for (const reference of references) {
        if (reference.kind !== 'step') continue;
        const outputs = scope.steps.get(reference.step);
        if (!outputs) problems.push(`${reference.text}: no earlier step named ${reference.step}`);
        else if (!outputs.includes(reference.output))
            problems.push(`${reference.text}: step ${reference.step} has no output ${reference.output}`);
    }
    return problems;
}

/** VoiceCall fields `text` reads, so a caller can load exactly those. */
export function voiceCallFields(text: string): string[] {
    return parseReferences(text).references.flatMap((r) => (r.kind === 'voiceCall' ? [r.field] : []));
}

function valueOf(reference: Reference, values: ReferenceValues): string {
    switch (reference.kind) {
        case 'call':
            return values.call[reference.callName] ?? '';
        case 'voiceCall':
            return values.voiceCall[reference.field] ?? '';
        default:
            return values.steps[reference.step]?.[reference.output] ?? '';
    }
}

/** `text` with each reference replaced by its value; malformed tokens resolve to the empty string. */
export function resolveReferences(text: string, values: ReferenceValues): string {
    return text.replace(TOKEN, (_token, body: string) => {
        const parsed = parseOne(body);
        return typeof parsed === 'string' ? '' : valueOf(parsed, values);
    });
}
