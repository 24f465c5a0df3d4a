/** What the actions template renders, derived from definitions, the call phase and the call's results. */
import type { CallPhase } from 'c/voiceCallModel';
import { availability } from 'c/voiceActionModel';
import type { ActionDefinition, FieldType, RunResult, RunStatus } from 'c/voiceActionModel';
import { formatLabel } from 'c/voiceFormat';
import type { LABELS } from './labels';

type Labels = typeof LABELS;

export interface ActionView {
    // eslint-disable-next-line no-restricted-globals -- an interface member, not the window global
    readonly name: string;
    readonly label: string;
    readonly icon: string;
    readonly assistiveText: string;
    readonly disabled: boolean;
    readonly note: string;
}

/** Offered actions in admin order; one at its run limit stays listed, disabled, with the reason. */
export function actionViews(
    actions: readonly ActionDefinition[],
    phase: CallPhase,
    runsOf: (action: string) => number,
    running: readonly string[],
    labels: Labels
): ActionView[] {
    const views: ActionView[] = [];
    for (const action of actions) {
        const state = availability(action, phase, runsOf(action.name));
        if (state === 'notNow' || state === 'notAllowed') continue;
        const busy = running.includes(action.name);
        views.push({
            name: action.name,
            label: action.label,
            icon: action.icon,
            assistiveText: formatLabel(labels.runNamed, action.label),
            disabled: busy || state === 'limitReached',
            note: busy
                ? formatLabel(labels.running, action.label)
                : state === 'limitReached'
                  ? formatLabel(labels.limitReached, action.label)
                  : ''
        });
    }
    return views;
}

const INPUT_TYPE: Readonly<Record<FieldType, string>> = Object.freeze({
    Text: 'text',
    Number: 'number',
    Date: 'date',
    DateTime: 'datetime',
    Checkbox: 'checkbox',
    Picklist: 'text',
    Phone: 'tel',
    Email: 'email'
});

export interface FieldView {
    readonly variable: string;
    readonly label: string;
    readonly type: FieldType;
    readonly inputType: string;
    readonly picklist: boolean;
    readonly checkbox: boolean;
    readonly required: boolean;
    readonly maxLength: number | undefined;
    readonly value: string;
    readonly checked: boolean;
    readonly options: readonly { label: string; value: string }[];
    readonly error: string;
    readonly errorId: string;
}

export function fieldViews(
    action: ActionDefinition,
    form: Readonly<Record<string, string>>,
    errors: Readonly<Record<string, string>>
): FieldView[] {
    return action.fields.map((field) => ({
        variable: field.variable,
        label: field.label,
        type: field.type,
        inputType: INPUT_TYPE[field.type],
        picklist: field.type === 'Picklist',
        checkbox: field.type === 'Checkbox',
        required: field.required,
        maxLength: ['Text', 'Phone', 'Email'].includes(field.type) ? field.maxLength : undefined,
        value: form[field.variable] ?? '',
        checked: form[field.variable] === 'true',
        options: field.options.map((o) => ({ label: o.label, value: o.value })),
        error: errors[field.variable] ?? '',
        errorId: `error-${field.variable}`
    }));
}

export interface ResultLineView {
    readonly key: string;
    readonly label: string;
    readonly value: string;
    readonly url: string;
}

export interface ResultView {
    readonly key: string;
    readonly title: string;
    readonly failed: boolean;
    readonly detail: string;
    readonly lines: readonly ResultLineView[];
}

const STATUS_LABEL: Readonly<Record<RunStatus, keyof Labels>> = Object.freeze({
    finished: 'finished',
    paused: 'paused',
    failed: 'failed',
    timeout: 'timeout'
});

/** Newest first; record ids link to the record page, everything else is plain text. */
export function resultViews(results: readonly RunResult[], labels: Labels): ResultView[] {
    return [...results].reverse().map((result) => ({
        key: result.key,
        title: formatLabel(labels[STATUS_LABEL[result.status]], result.actionLabel),
        failed: result.status === 'failed' || result.status === 'timeout',
        detail: result.detail,
        lines: result.lines.map((line) => ({
            key: `${result.key}-${line.name}`,
            label: line.label,
            value: line.value,
            url: line.recordId ? `/lightning/r/${line.value}/view` : ''
        }))
    }));
}
