/**
 * What happens around one run of a voice action, pure: whether it is offered now, the exact typed inputs
 * the flow receives, and the outputs the agent sees. Values from the call and from earlier flows are data:
 * they are substituted once and never interpreted as references or markup.
 */
import { initialCaller } from 'c/voiceCallModel';
import type { CallPhase, CallSession } from 'c/voiceCallModel';
import { FIELD_INPUT_TYPE } from './types';
import type {
    ActionDefinition,
    Availability,
    FlowInput,
    InputType,
    OfferPhase,
    ResultLine,
    RunResult
} from './types';
import { resolveActionText } from './references';
import type { ActionValues } from './references';

const PHASE_OFFER: Readonly<Record<CallPhase, OfferPhase>> = Object.freeze({
    idle: 'before',
    ringing: 'before',
    connected: 'during',
    ended: 'after',
    wrapupDone: 'after'
});

/** Runs that count towards the per-call limit: a failed run may be retried, anything else may have acted. */
export function countedRuns(results: readonly RunResult[], action: string): number {
    return results.filter((r) => r.action === action && r.status !== 'failed').length;
}

export function availability(action: ActionDefinition, phase: CallPhase, runs: number): Availability {
    if (!action.permitted) return 'notAllowed';
    if (!action.offer[PHASE_OFFER[phase]]) return 'notNow';
    if (action.maxRuns > 0 && runs >= action.maxRuns) return 'limitReached';
    return 'available';
}

/** The `$Call` values of a snapshot (the names `c/voiceReferences` knows). */
export function callValues(session: CallSession, recordId: string | undefined): ActionValues['call'] {
    const caller = initialCaller(session) ?? session.participants[0];
    return {
        callId: session.callId ?? '',
        callType: session.callType ?? '',
        participant: caller?.participant ?? '',
        phase: session.phase,
        flagRaised: String(session.flag.raised),
        recordId: recordId ?? ''
    };
}

/** Latest value per output name over the call's results (later runs win). */
export function lastResultValues(results: readonly RunResult[]): Record<string, string> {
    const values: Record<string, string> = {};
    for (const result of results) for (const line of result.lines) values[line.name] = line.value;
    return values;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `text` as a value of `type`, or undefined when it is blank or not one (a problem for the caller). */
export function coerce(type: InputType, text: string): string | number | boolean | undefined {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    switch (type) {
        case 'Number': {
            const n = Number(trimmed);
            return Number.isFinite(n) ? n : undefined;
        }
        case 'Boolean':
            return trimmed === 'true' ? true : trimmed === 'false' ? false : undefined;
        case 'Date':
            return ISO_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
        case 'DateTime': {
            const ms = Date.parse(trimmed);
            return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
        }
        default:
            return text;
    }
}

export interface BuiltInputs {
    readonly inputs: FlowInput[];
    /** Inputs left out because their value is not of the declared type. */
    readonly problems: string[];
}

/**
 * The flow inputs of one run: mapped and static inputs, then the form's values, in that order. Blank values
 * are left out (the flow keeps its default); a value that is not of its declared type is left out and named.
 */
export function buildInputs(
    action: ActionDefinition,
    values: ActionValues,
    form: Readonly<Record<string, string>>
): BuiltInputs {
    const inputs: FlowInput[] = [];
    const problems: string[] = [];
    const add = (name: string, type: InputType, raw: string): void => {
        const value = coerce(type, raw);
        if (value !== undefined) inputs.push(Object.freeze({ name, type, value }));
        else if (raw.trim() !== '') problems.push(`${name} is not a ${type}`);
    };
    for (const input of action.inputs)
        add(input.name, input.type, input.literal ? input.value : resolveActionText(input.value, values));
    for (const field of action.fields)
        add(field.variable, FIELD_INPUT_TYPE[field.type], form[field.variable] ?? '');
    return { inputs, problems };
}

/** Starting values of the form: each field's default with references resolved. */
export function formDefaults(action: ActionDefinition, values: ActionValues): Record<string, string> {
    const form: Record<string, string> = {};
    for (const field of action.fields) form[field.variable] = resolveActionText(field.defaultValue, values);
    return form;
}

/** The first problem of a form value, as a code the panel turns into agent words. */
export type FieldProblem = 'required' | 'tooLong' | 'notNumber' | null;

export function fieldProblem(field: ActionDefinition['fields'][number], value: string): FieldProblem {
    if (value.trim() === '') return field.required && field.type !== 'Checkbox' ? 'required' : null;
    if (['Text', 'Phone', 'Email'].includes(field.type) && value.length > field.maxLength) return 'tooLong';
    if (field.type === 'Number' && !Number.isFinite(Number(value))) return 'notNumber';
    return null;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** An 18-character record id whose case-safe suffix matches (the platform's checksum of the 15 characters). */
export function isRecordId(value: string): boolean {
    if (!/^[a-zA-Z0-9]{18}$/.test(value)) return false;
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = value.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += ID_CHARS.charAt(bits);
    }
    return suffix === value.slice(15);
}

function scalarText(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    return undefined;
}

/** Flow outputs (lightning-flow's `outputVariables` array, or the runner's name → value map) as a map. */
function outputMap(outputs: unknown): Map<string, unknown> {
    const map = new Map<string, unknown>();
    if (Array.isArray(outputs)) {
        for (const o of outputs)
            if (typeof o === 'object' && o !== null && 'name' in o && typeof o.name === 'string')
                map.set(o.name, (o as { value?: unknown }).value);
    } else if (typeof outputs === 'object' && outputs !== null) {
        for (const [name, value] of Object.entries(outputs)) map.set(name, value);
    }
    return map;
}

/** Only the outputs the action shows, in its order; non-scalar and blank values are left out. */
export function resultLines(action: ActionDefinition, outputs: unknown): ResultLine[] {
    const map = outputMap(outputs);
    const lines: ResultLine[] = [];
    for (const output of action.outputs) {
        const value = scalarText(map.get(output.name));
        if (value === undefined || value === '') continue;
        lines.push(
            Object.freeze({ name: output.name, label: output.label, value, recordId: isRecordId(value) })
        );
    }
    return lines;
}
