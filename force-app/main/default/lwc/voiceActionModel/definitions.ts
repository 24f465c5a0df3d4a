/**
 * The action catalogue the Apex controller returns (`unknown` at this boundary) → valid definitions in admin
 * order, plus a reason for every record left out. Pure; never throws. The actions gate runs this same code
 * over the shipped Custom Metadata records.
 */
import { FIELD_TYPES, FLOW_TYPES, INPUT_TYPES, OPEN_MODES } from './types';
import type {
    ActionDefinition,
    ActionInput,
    ActionOutput,
    FieldType,
    FormField,
    InputType,
    ParsedActions,
    PicklistOption
} from './types';
import { checkActionText } from './references';

const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const INPUT_LINE = /^([A-Za-z][A-Za-z0-9_]{0,79})\s*:\s*([A-Za-z]+)\s*=(.*)$/;
const MAX_TIMEOUT_SECONDS = 120;
const DEFAULT_TIMEOUT_SECONDS = 20;
const DEFAULT_MAX_LENGTH = 255;
const DEFAULT_ORDER = 100;

type Dict = Readonly<Record<string, unknown>>;

function isDict(value: unknown): value is Dict {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const flag = (value: unknown): boolean => value === true;

function count(value: unknown, fallback: number, max: number): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? Math.min(max, Math.floor(value))
        : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
    return values.find((candidate) => candidate === value);
}

/** `name:Type=value` lines; blank lines are skipped. */
export function parseInputLines(
    source: string,
    literal: boolean
): { inputs: ActionInput[]; problems: string[] } {
    const inputs: ActionInput[] = [];
    const problems: string[] = [];
    for (const raw of source.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '') continue;
        const match = INPUT_LINE.exec(line);
        const type = match ? oneOf<InputType>(INPUT_TYPES, match[2]) : undefined;
        if (!match) problems.push(`input line "${line.slice(0, 60)}" is not name:Type=value`);
        else if (!type)
            problems.push(`input ${match[1]}: type ${match[2]} is not one of ${INPUT_TYPES.join(', ')}`);
        else inputs.push({ name: match[1], type, value: match[3].trim(), literal });
    }
    return { inputs, problems };
}

function parseOptions(value: unknown): PicklistOption[] {
    return Array.isArray(value)
        ? value.filter(isDict).map((o) => ({ value: text(o.value), label: text(o.label) || text(o.value) }))
        : [];
}

function parseField(raw: unknown, problems: string[]): FormField | undefined {
    if (!isDict(raw)) return undefined;
    const variable = text(raw.variable);
    const type = oneOf<FieldType>(FIELD_TYPES, raw.type);
    if (!API_NAME.test(variable))
        problems.push(`form field "${variable.slice(0, 40)}" has no valid variable name`);
    else if (!type) problems.push(`form field ${variable}: type ${text(raw.type) || '(blank)'} is unknown`);
    else if (text(raw.label) === '') problems.push(`form field ${variable}: its label does not exist`);
    else {
        const options = parseOptions(raw.options);
        if (type === 'Picklist' && options.length === 0)
            problems.push(`form field ${variable}: a picklist needs options`);
        return {
            variable,
            label: text(raw.label),
            type,
            required: flag(raw.required),
            maxLength: count(raw.maxLength, DEFAULT_MAX_LENGTH, 131072) || DEFAULT_MAX_LENGTH,
            defaultValue: text(raw.defaultValue),
            options
        };
    }
    return undefined;
}

function parseOutputs(value: unknown, problems: string[]): ActionOutput[] {
    const outputs: ActionOutput[] = [];
    for (const raw of Array.isArray(value) ? value : []) {
        const name = isDict(raw) ? text(raw.name) : '';
        if (!API_NAME.test(name)) problems.push(`output "${name.slice(0, 40)}" is not a variable name`);
        else outputs.push({ name, label: (isDict(raw) && text(raw.label)) || name });
    }
    return outputs;
}

function duplicates(names: readonly string[]): string[] {
    return names.filter((name, index) => names.indexOf(name) !== index);
}

interface Draft {
    readonly action: ActionDefinition;
    readonly problems: string[];
}

function parseAction(raw: Dict): Draft {
    const problems: string[] = [];
    const flowType = oneOf(FLOW_TYPES, raw.flowType);
    if (!flowType)
        problems.push(`flow type ${text(raw.flowType) || '(blank)'} is not Screen or Autolaunched`);
    if (text(raw.label) === '') problems.push('its label does not exist');
    if (flowType === 'Screen' && !API_NAME.test(text(raw.flowApiName)))
        problems.push('a screen action needs its flow API name');
    const mapped = parseInputLines(text(raw.inputMapping), false);
    const fixed = parseInputLines(text(raw.staticInputs), true);
    const fields: FormField[] = [];
    for (const field of Array.isArray(raw.fields) ? raw.fields : []) {
        const parsed = parseField(field, problems);
        if (parsed) fields.push(parsed);
    }
    if (flowType === 'Screen' && fields.length > 0)
        problems.push('form fields are for autolaunched actions (a screen flow asks itself)');
    problems.push(...mapped.problems, ...fixed.problems);
    for (const input of fixed.inputs)
        if (input.value.includes('{!'))
            problems.push(`static input ${input.name} holds a reference; use Input Mapping`);
    const inputs = [...mapped.inputs, ...fixed.inputs];
    for (const name of duplicates([...inputs.map((i) => i.name), ...fields.map((f) => f.variable)]))
        problems.push(`input ${name} is given twice`);
    return {
        problems,
        action: {
            name: text(raw.name),
            label: text(raw.label),
            icon: /^[a-z]+:[a-z_0-9]+$/.test(text(raw.icon)) ? text(raw.icon) : '',
            flowType: flowType ?? 'Autolaunched',
            flowApiName: flowType === 'Screen' ? text(raw.flowApiName) : '',
            openMode: oneOf(OPEN_MODES, raw.openMode) ?? 'Inline',
            order: typeof raw.order === 'number' && Number.isFinite(raw.order) ? raw.order : DEFAULT_ORDER,
            group: text(raw.group).trim(),
            offer: {
                before: flag(raw.offerBefore),
                during: flag(raw.offerDuring),
                after: flag(raw.offerAfter)
            },
            inputs,
            outputs: parseOutputs(raw.outputs, problems),
            confirmation: text(raw.confirmation),
            permitted: flag(raw.permitted),
            maxRuns: count(raw.maxRuns, 0, 999),
            timeoutSeconds:
                count(raw.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS) ||
                DEFAULT_TIMEOUT_SECONDS,
            fields
        }
    };
}

function referenceProblems(action: ActionDefinition, knownOutputs: readonly string[]): string[] {
    const texts = [
        ...action.inputs.filter((i) => !i.literal).map((i) => i.value),
        ...action.fields.map((f) => f.defaultValue)
    ];
    return texts.flatMap((value) => checkActionText(value, knownOutputs));
}

function byAdminOrder(a: ActionDefinition, b: ActionDefinition): number {
    return a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Valid actions in admin order (Order, then developer name) and a problem line per record left out. */
export function parseActions(payload: unknown): ParsedActions {
    const records = isDict(payload) && Array.isArray(payload.actions) ? payload.actions : [];
    const problems: string[] =
        isDict(payload) && Array.isArray(payload.problems) ? payload.problems.map(String) : [];
    if (!isDict(payload) || !Array.isArray(payload.actions)) problems.push('the action list is not readable');
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const raw of records) {
        const name = isDict(raw) ? text(raw.name) : '';
        if (!isDict(raw) || !API_NAME.test(name)) problems.push(`an action record has no valid name`);
        else if (seen.has(name)) problems.push(`${name}: listed twice`);
        else {
            seen.add(name);
            drafts.push(parseAction(raw));
        }
    }
    const knownOutputs = [...new Set(drafts.flatMap((d) => d.action.outputs.map((o) => o.name)))];
    const actions: ActionDefinition[] = [];
    for (const draft of drafts) {
        const all = [...draft.problems, ...referenceProblems(draft.action, knownOutputs)];
        if (all.length === 0) actions.push(Object.freeze(draft.action));
        else problems.push(...all.map((problem) => `${draft.action.name}: ${problem}`));
    }
    return Object.freeze({
        actions: Object.freeze(actions.sort(byAdminOrder)),
        problems: Object.freeze(problems)
    });
}
