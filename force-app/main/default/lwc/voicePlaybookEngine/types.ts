// Vocabulary of playbook definitions. Each list equals the picklist values of the Custom Metadata field
// that stores it (objects/Voice_Playbook*__mdt); a Jest test keeps the two in step. Operator names follow
// ConvIntelligenceSignalSubRule.Operator (Equals, NotEquals, GreaterThan, LessThan:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_convintelligencesignalsubrule.htm),
// plus Contains, StartsWith, IsBlank, IsNotBlank.

export const TRIGGERS = Object.freeze([
    'CallStarted',
    'CallConnected',
    'CallMissed',
    'CallEnded',
    'WrapUpDone',
    'TranscriptLine',
    'CategoryDetected',
    'FlagRaised',
    'FlagLowered',
    'NoteAdded',
    'HoldStarted',
    'HoldEnded',
    'Muted',
    'Unmuted',
    'RecordingPaused',
    'RecordingResumed',
    'ParticipantAdded',
    'ParticipantRemoved'
] as const);
export const CALL_TYPES = Object.freeze(['Any', 'Inbound', 'Outbound'] as const);
export const SOURCES = Object.freeze([
    'Reference',
    'TranscriptText',
    'SignalCategory',
    'SignalScore',
    'Sentiment',
    'FlagState'
] as const);
export const ROLES = Object.freeze(['Any', 'Customer', 'Agent', 'Supervisor'] as const);
export const OPERATORS = Object.freeze([
    'Equals',
    'NotEquals',
    'GreaterThan',
    'LessThan',
    'Contains',
    'StartsWith',
    'IsBlank',
    'IsNotBlank'
] as const);
export const STEP_TYPES = Object.freeze([
    'IdentifyCaller',
    'ScreenPop',
    'OpenRecord',
    'NewRecord',
    'Banner',
    'RequestNextBestAction',
    'UpdateVoiceCallField',
    'RunFlow'
] as const);
export const ON_FAILURE = Object.freeze(['Stop', 'Continue'] as const);

export type Trigger = (typeof TRIGGERS)[number];
export type PlaybookCallType = (typeof CALL_TYPES)[number];
export type ConditionSource = (typeof SOURCES)[number];
export type ConditionRole = (typeof ROLES)[number];
export type Operator = (typeof OPERATORS)[number];
export type StepType = (typeof STEP_TYPES)[number];
export type OnFailure = (typeof ON_FAILURE)[number];

/** Objects the caller search may return (the Apex selector's fixed RETURNING list). */
export const CALLER_OBJECTS = Object.freeze(['Contact', 'Account', 'Lead'] as const);

/** Outputs each step type provides to `{!$Step.<name>.<output>}`. */
export const STEP_OUTPUTS: Readonly<Record<StepType, readonly string[]>> = Object.freeze({
    IdentifyCaller: ['recordId', 'name', 'objectApiName', 'accountId', 'accountName', 'matchCount'],
    ScreenPop: ['recordId'],
    OpenRecord: ['recordId'],
    NewRecord: [],
    Banner: ['text'],
    RequestNextBestAction: ['intent'],
    UpdateVoiceCallField: ['value'],
    RunFlow: ['status']
});

export interface Condition {
    readonly number: number;
    readonly source: ConditionSource;
    readonly reference: string | null;
    readonly role: ConditionRole;
    readonly operator: Operator;
    readonly value: string;
}

export interface Step {
    readonly order: number;
    readonly stepName: string;
    readonly type: StepType;
    readonly target: string;
    readonly objectApiName: string;
    readonly value: string;
    /** Banner text as the server resolved it from the step's custom label (translated); empty otherwise. */
    readonly message: string;
    readonly onFailure: OnFailure;
}

export interface Playbook {
    readonly developerName: string;
    /** Inactive playbooks are validated (the admin sees their problems) but never planned. */
    readonly active: boolean;
    readonly title: string;
    readonly trigger: Trigger;
    readonly callType: PlaybookCallType;
    readonly group: string;
    readonly order: number;
    readonly runOncePerCall: boolean;
    readonly cooldownSeconds: number;
    readonly criteria: string;
    readonly timeLimitSeconds: number;
    readonly conditions: readonly Condition[];
    readonly steps: readonly Step[];
}

/** A definition that will never run, with every reason, for the admin's list. */
export interface InvalidPlaybook {
    readonly developerName: string;
    readonly problems: readonly string[];
}

export interface Definitions {
    readonly playbooks: readonly Playbook[];
    readonly invalid: readonly InvalidPlaybook[];
}
