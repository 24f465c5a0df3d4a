/* eslint-disable no-restricted-globals -- the rule misreads interface members: `name` and `status` here are the lightning-flow input and result contract, never the window globals */
// Shapes of agent-launched voice actions (the CTI Actions equivalent of the Amazon Connect CTI Adapter, guide
// section "CTI Actions"): a definition as the Apex controller hands it to the browser, and what a run yields.

export const FLOW_TYPES = Object.freeze(['Screen', 'Autolaunched'] as const);
export type FlowType = (typeof FLOW_TYPES)[number];

export const OPEN_MODES = Object.freeze(['Inline', 'ConsoleTab'] as const);
export type OpenMode = (typeof OPEN_MODES)[number];

/**
 * Types a flow input may be declared with: the scalar `DataType` values of FlowVariableView
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_flowvariableview.htm)
 * that lightning-flow's `{ name, type, value }` inputs carry.
 */
export const INPUT_TYPES = Object.freeze(['String', 'Number', 'Boolean', 'Date', 'DateTime'] as const);
export type InputType = (typeof INPUT_TYPES)[number];

/** Form field kinds of Voice_Action_Field__mdt.Type__c, and the flow type each value reaches the flow as. */
export const FIELD_TYPES = Object.freeze([
    'Text',
    'Number',
    'Date',
    'DateTime',
    'Checkbox',
    'Picklist',
    'Phone',
    'Email'
] as const);
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_INPUT_TYPE: Readonly<Record<FieldType, InputType>> = Object.freeze({
    Text: 'String',
    Number: 'Number',
    Date: 'Date',
    DateTime: 'DateTime',
    Checkbox: 'Boolean',
    Picklist: 'String',
    Phone: 'String',
    Email: 'String'
});

/** When an action is offered, by call phase. */
export type OfferPhase = 'before' | 'during' | 'after';

export interface ActionInput {
    readonly name: string;
    readonly type: InputType;
    /** Admin text: a literal or named references such as `{!$VoiceCall.Id}`. */
    readonly value: string;
    /** Static inputs are literal: references inside stay text. */
    readonly literal: boolean;
}

export interface PicklistOption {
    readonly value: string;
    readonly label: string;
}

export interface FormField {
    readonly variable: string;
    readonly label: string;
    readonly type: FieldType;
    readonly required: boolean;
    readonly maxLength: number;
    /** Starting value; may use named references. */
    readonly defaultValue: string;
    readonly options: readonly PicklistOption[];
}

export interface ActionOutput {
    readonly name: string;
    readonly label: string;
}

export interface ActionDefinition {
    /** Developer name of the Voice_Action__mdt record: the only thing the browser sends to the runner. */
    readonly name: string;
    readonly label: string;
    readonly icon: string;
    readonly flowType: FlowType;
    /** Screen flows only (lightning-flow needs it); blank for autolaunched flows, which the server resolves. */
    readonly flowApiName: string;
    readonly openMode: OpenMode;
    readonly order: number;
    readonly group: string;
    readonly offer: Readonly<Record<OfferPhase, boolean>>;
    readonly inputs: readonly ActionInput[];
    readonly outputs: readonly ActionOutput[];
    /** Question the agent confirms first; blank for none. */
    readonly confirmation: string;
    /** False when the user lacks the action's Custom Permission (the server checks again on every run). */
    readonly permitted: boolean;
    /** 0 = no limit. */
    readonly maxRuns: number;
    readonly timeoutSeconds: number;
    readonly fields: readonly FormField[];
}

export interface ParsedActions {
    readonly actions: readonly ActionDefinition[];
    /** Why records were left out, for the admin box. */
    readonly problems: readonly string[];
}

/** One flow input exactly as lightning-flow and the runner take it. */
export interface FlowInput {
    readonly name: string;
    readonly type: InputType;
    readonly value: string | number | boolean;
}

export type RunStatus = 'finished' | 'paused' | 'failed' | 'timeout';

export interface ResultLine {
    readonly name: string;
    readonly label: string;
    readonly value: string;
    /** A record id: rendered as a link to the record. */
    readonly recordId: boolean;
}

export interface RunResult {
    readonly key: string;
    readonly action: string;
    readonly actionLabel: string;
    readonly status: RunStatus;
    readonly lines: readonly ResultLine[];
    /** Admin detail (server problems, platform message); never shown as markup. */
    readonly detail: string;
    readonly at: number;
}

export type Availability = 'available' | 'notNow' | 'limitReached' | 'notAllowed';
