// Playbook definitions arrive as `unknown` (the Apex controller's payload, a workbench fixture, the gate's
// records): each one is checked field by field and either kept, typed, or listed with every problem found.
// An invalid playbook never runs; the admin sees why. Pure; never throws.
import { checkReferences } from 'c/voiceReferences';
import { allOf, parseCriteria } from './criteria';
import {
    CALLER_OBJECTS,
    CALL_TYPES,
    ON_FAILURE,
    OPERATORS,
    ROLES,
    SOURCES,
    STEP_OUTPUTS,
    STEP_TYPES,
    TRIGGERS
} from './types';
import type { Condition, Definitions, InvalidPlaybook, Playbook, Step } from './types';

type Rec = Record<string, unknown>;

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const MAX_TIME_LIMIT = 120;

function isRec(value: unknown): value is Rec {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(record: Rec, key: string): string {
    const value = record[key];
    return typeof value === 'string' ? value.trim() : '';
}

function num(record: Rec, key: string, fallback: number): number {
    const value = record[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function oneOf<T extends string>(list: readonly T[], value: string, fallback: T | null): T | null {
    if (value === '' && fallback !== null) return fallback;
    return list.find((item) => item === value) ?? null;
}

function parseCondition(raw: unknown, problems: string[]): Condition | null {
    if (!isRec(raw)) {
        problems.push('a condition is not an object');
        return null;
    }
    const number = num(raw, 'number', NaN);
    const source = oneOf(SOURCES, text(raw, 'source'), null);
    const operator = oneOf(OPERATORS, text(raw, 'operator'), null);
    const role = oneOf(ROLES, text(raw, 'role'), 'Any');
    const label = `condition ${Number.isFinite(number) ? number : '?'}`;
    if (!Number.isInteger(number) || number < 1 || number > 99)
        problems.push(`${label}: number must be 1-99`);
    if (source === null) problems.push(`${label}: unknown source "${text(raw, 'source')}"`);
    if (operator === null) problems.push(`${label}: unknown operator "${text(raw, 'operator')}"`);
    if (role === null) problems.push(`${label}: unknown role "${text(raw, 'role')}"`);
    const reference = text(raw, 'reference');
    if (source === 'Reference') {
        if (!/^\{![^{}]+\}$/.test(reference))
            problems.push(`${label}: Reference source needs one {!...} reference`);
        problems.push(...checkReferences(reference, { steps: new Map() }).map((p) => `${label}: ${p}`));
    }
    const value = text(raw, 'value');
    const numeric = operator === 'GreaterThan' || operator === 'LessThan';
    if (numeric && !Number.isFinite(Number(value))) problems.push(`${label}: ${operator} needs a number`);
    if (source === null || operator === null || role === null) return null;
    return { number, source, reference: reference === '' ? null : reference, role, operator, value };
}

function stepProblems(step: Step, earlier: ReadonlyMap<string, readonly string[]>): string[] {
    const problems: string[] = [];
    const needs = (ok: boolean, what: string): void => {
        if (!ok) problems.push(`step ${step.stepName}: ${what}`);
    };
    switch (step.type) {
        case 'IdentifyCaller':
            needs(
                step.target !== '' &&
                    step.target
                        .split(',')
                        .every((o) => (CALLER_OBJECTS as readonly string[]).includes(o.trim())),
                `Target must list objects among ${CALLER_OBJECTS.join(', ')}`
            );
            break;
        case 'ScreenPop':
            needs(
                earlier.get(step.target) === STEP_OUTPUTS.IdentifyCaller,
                'Target must name an earlier IdentifyCaller step'
            );
            needs(
                step.objectApiName === '' || API_NAME.test(step.objectApiName),
                'Object must be an API name'
            );
            break;
        case 'OpenRecord':
            needs(
                RECORD_ID.test(step.target) || /^\{![^{}]+\}$/.test(step.target),
                'Target must be a record id or one reference'
            );
            break;
        case 'NewRecord':
            needs(API_NAME.test(step.objectApiName), 'Object must be an API name');
            break;
        case 'Banner':
            needs(step.message !== '', 'Message Label must name an existing custom label');
            break;
        case 'RequestNextBestAction':
            needs(step.value !== '', 'Value must hold the intent');
            break;
        case 'UpdateVoiceCallField':
            needs(API_NAME.test(step.target), 'Target must be a VoiceCall field API name');
            break;
        default:
            // RunFlow: the browser never sees the flow name; the server validated and kept it.
            break;
    }
    if (step.type === 'NewRecord' || step.type === 'ScreenPop') problems.push(...defaultsProblems(step));
    for (const field of [step.target, step.value]) {
        problems.push(
            ...checkReferences(field, { steps: earlier }).map((p) => `step ${step.stepName}: ${p}`)
        );
    }
    return problems;
}

function defaultsProblems(step: Step): string[] {
    if (step.value === '') return [];
    return step.value
        .split(';')
        .filter((pair) => !/^\s*[A-Za-z][A-Za-z0-9_]{0,79}\s*=/.test(pair))
        .map((pair) => `step ${step.stepName}: default "${pair.slice(0, 40)}" is not Field=value`);
}

function parseStep(raw: unknown, problems: string[]): Step | null {
    if (!isRec(raw)) {
        problems.push('a step is not an object');
        return null;
    }
    const name = text(raw, 'stepName');
    const order = num(raw, 'order', NaN);
    const type = oneOf(STEP_TYPES, text(raw, 'type'), null);
    const onFailure = oneOf(ON_FAILURE, text(raw, 'onFailure'), 'Stop');
    if (!NAME.test(name)) problems.push(`step "${name.slice(0, 40)}": name must be letters, digits, _`);
    if (!Number.isInteger(order) || order < 1 || order > 99)
        problems.push(`step ${name}: order must be 1-99`);
    if (type === null) problems.push(`step ${name}: unknown type "${text(raw, 'type')}"`);
    if (onFailure === null) problems.push(`step ${name}: unknown On Failure "${text(raw, 'onFailure')}"`);
    if (type === null || onFailure === null) return null;
    return {
        order,
        stepName: name,
        type,
        target: text(raw, 'target'),
        objectApiName: text(raw, 'objectApiName'),
        value: text(raw, 'value'),
        message: text(raw, 'message'),
        onFailure
    };
}

function uniqueProblems(values: readonly (string | number)[], what: string): string[] {
    const seen = new Set<string | number>();
    const problems: string[] = [];
    for (const value of values) {
        if (seen.has(value)) problems.push(`${what} ${value} is used twice`);
        seen.add(value);
    }
    return problems;
}

function parseSteps(rawSteps: unknown[], problems: string[]): Step[] {
    const steps = rawSteps
        .map((raw) => parseStep(raw, problems))
        .filter((s): s is Step => s !== null)
        .sort((a, b) => a.order - b.order);
    problems.push(
        ...uniqueProblems(
            steps.map((s) => s.order),
            'step order'
        )
    );
    problems.push(
        ...uniqueProblems(
            steps.map((s) => s.stepName),
            'step name'
        )
    );
    const earlier = new Map<string, readonly string[]>();
    for (const step of steps) {
        problems.push(...stepProblems(step, earlier));
        earlier.set(step.stepName, STEP_OUTPUTS[step.type]);
    }
    if (rawSteps.length === 0) problems.push('has no steps');
    return steps;
}

function criteriaProblems(criteria: string, conditions: readonly Condition[]): string[] {
    const numbers = conditions.map((c) => c.number);
    if (criteria === '') return [];
    const parsed = parseCriteria(criteria);
    if (!parsed.ok) return [`criteria "${criteria}": ${parsed.reason}`];
    return parsed.numbers
        .filter((n) => !numbers.includes(n))
        .map((n) => `criteria uses ${n} but no condition has that number`)
        .concat(
            numbers
                .filter((n) => !parsed.numbers.includes(n))
                .map((n) => `condition ${n} is not in the criteria`)
        );
}

/** One playbook, typed, or the reasons it cannot run. */
export function parsePlaybook(raw: unknown): Playbook | InvalidPlaybook {
    const record = isRec(raw) ? raw : {};
    const developerName = text(record, 'developerName') || '(unnamed)';
    const problems: string[] = [];
    const trigger = oneOf(TRIGGERS, text(record, 'trigger'), null);
    const callType = oneOf(CALL_TYPES, text(record, 'callType'), 'Any');
    if (trigger === null) problems.push(`unknown trigger "${text(record, 'trigger')}"`);
    if (callType === null) problems.push(`unknown call type "${text(record, 'callType')}"`);
    const rawConditions = Array.isArray(record.conditions) ? record.conditions : [];
    const rawSteps = Array.isArray(record.steps) ? record.steps : [];
    const conditions = rawConditions
        .map((c) => parseCondition(c, problems))
        .filter((c): c is Condition => c !== null)
        .sort((a, b) => a.number - b.number);
    problems.push(
        ...uniqueProblems(
            conditions.map((c) => c.number),
            'condition number'
        )
    );
    const criteria = text(record, 'criteria');
    problems.push(...criteriaProblems(criteria, conditions));
    const steps = parseSteps(rawSteps, problems);
    const cooldownSeconds = num(record, 'cooldownSeconds', 0);
    const timeLimitSeconds = num(record, 'timeLimitSeconds', 30);
    if (cooldownSeconds < 0) problems.push('cooldown must not be negative');
    if (timeLimitSeconds <= 0 || timeLimitSeconds > MAX_TIME_LIMIT)
        problems.push(`time limit must be 1-${MAX_TIME_LIMIT} seconds`);
    if (problems.length > 0 || trigger === null || callType === null) return { developerName, problems };
    return Object.freeze({
        developerName,
        active: record.active === true,
        title: text(record, 'title') || developerName,
        trigger,
        callType,
        group: text(record, 'group'),
        order: num(record, 'order', 100),
        runOncePerCall: record.runOncePerCall !== false,
        cooldownSeconds,
        criteria: criteria === '' ? '' : criteria,
        timeLimitSeconds,
        conditions: Object.freeze(conditions),
        steps: Object.freeze(steps)
    });
}

export function isInvalid(value: Playbook | InvalidPlaybook): value is InvalidPlaybook {
    return 'problems' in value;
}

/** All definitions of a payload: active playbooks sorted by order, then developer name; the invalid ones listed. */
export function parseDefinitions(payload: unknown): Definitions {
    const list = Array.isArray(payload)
        ? payload
        : isRec(payload) && Array.isArray(payload.playbooks)
          ? payload.playbooks
          : null;
    if (list === null)
        return {
            playbooks: [],
            invalid: [{ developerName: '(payload)', problems: ['not a list of playbooks'] }]
        };
    const playbooks: Playbook[] = [];
    const invalid: InvalidPlaybook[] = [];
    for (const raw of list) {
        const parsed = parsePlaybook(raw);
        if (isInvalid(parsed)) invalid.push(parsed);
        else playbooks.push(parsed);
    }
    playbooks.sort((a, b) => a.order - b.order || (a.developerName < b.developerName ? -1 : 1));
    return Object.freeze({ playbooks: Object.freeze(playbooks), invalid: Object.freeze(invalid) });
}

/** The criteria tree a playbook evaluates (blank criteria: all conditions). */
export function criteriaOf(playbook: Playbook) {
    if (playbook.criteria === '') return allOf(playbook.conditions.map((c) => c.number));
    const parsed = parseCriteria(playbook.criteria);
    return parsed.ok ? parsed.node : allOf([]);
}
