/**
 * c/voiceToolkitMethods — the one list of `<lightning-service-cloud-voice-toolkit-api>` methods.
 *
 * Every consumer derives from `TOOLKIT_METHODS`: the method names (`ToolkitMethodName`), the element's
 * typed surface in `types/serviceCloudVoiceToolkitApi.d.ts`, the bridge's actions (`c/voiceToolkit`), the Jest
 * stub of the element and the workbench softphone. Adding, removing or misspelling a method here is a compile
 * error wherever the name is used.
 *
 * Each entry's `check` is the method's signature (its parameter list is what callers pass) and its argument
 * validation (the values are `unknown` at run time, so the checks never trust the static types).
 *
 * Source: Service Cloud Voice Implementation Guide, chapter 4 "Service Cloud Voice Toolkit API", the methods
 * table of "Service Cloud Voice LWC Toolkit API Telephony Actions" (mute … sendDigits, in the guide's order)
 * and "Service Cloud Voice LWC Toolkit Next Best Action" (updateNextBestActions),
 * https://developer.salesforce.com/docs/atlas.en-us.voice_developer_guide.meta/voice_developer_guide/voice_lc_toolkit_api.htm
 */
import type {
    ContactType,
    EndCallParticipantType,
    NextBestActionParams,
    ParticipantType
} from 'lightning/serviceCloudVoiceToolkitApi';
import {
    NO_ARGUMENTS,
    checkAddParticipant,
    checkDigits,
    checkEndCallParticipantType,
    checkNextBestActions,
    checkParticipantType,
    checkPhone
} from './validate';
import type { Checked } from './validate';

export type { Checked } from './validate';
export { normalizePhone } from './validate';

interface ToolkitMethodSpec {
    /** What the method does, in the guide's words shortened. */
    readonly summary: string;
    /** The method's parameters (typed as documented) checked and normalised for the element. */
    readonly check: (...args: never[]) => Checked;
}

const noArguments = (): Checked => NO_ARGUMENTS;

export const TOOLKIT_METHODS = {
    mute: { summary: 'Mute the call.', check: noArguments },
    unmute: { summary: 'Unmute the call.', check: noArguments },
    hold: {
        summary: 'Put a participant on hold.',
        check: (participantType: ParticipantType) => checkParticipantType(participantType)
    },
    resume: {
        summary: 'Resume a participant that is on hold.',
        check: (participantType: ParticipantType) => checkParticipantType(participantType)
    },
    endCall: {
        summary: "End the call, or one participant's leg.",
        check: (participantType?: EndCallParticipantType) => checkEndCallParticipantType(participantType)
    },
    acceptCall: { summary: 'Accept the ringing call.', check: noArguments },
    declineCall: { summary: 'Decline the ringing call.', check: noArguments },
    pauseRecording: { summary: 'Pause the call recording.', check: noArguments },
    resumeRecording: { summary: 'Resume the paused recording.', check: noArguments },
    startPreviewCall: {
        summary: 'Start a preview call.',
        check: (phoneNumber: string) => checkPhone(phoneNumber)
    },
    merge: { summary: 'Resume the call for all participants of a three-way call.', check: noArguments },
    swap: { summary: 'Swap which of two participants is on hold.', check: noArguments },
    addParticipant: {
        summary: 'Add a third participant, or transfer blind.',
        check: (contactType: ContactType, contactValue: string, isBlindTransfer: boolean) =>
            checkAddParticipant(contactType, contactValue, isBlindTransfer)
    },
    sendDigits: {
        summary: 'Send DTMF digits to the active call.',
        check: (digits: string) => checkDigits(digits)
    },
    updateNextBestActions: {
        summary: 'Ask the recommendation strategy for next best actions on a record.',
        check: (recordId: string, params: NextBestActionParams) => checkNextBestActions(recordId, params)
    }
} as const satisfies Record<string, ToolkitMethodSpec>;

export type ToolkitMethodName = keyof typeof TOOLKIT_METHODS;

/** The documented parameters of one method, e.g. `[participantType: ParticipantType]` for `hold`. */
export type ToolkitMethodArgs<M extends ToolkitMethodName> = Parameters<(typeof TOOLKIT_METHODS)[M]['check']>;

/** Every method with its documented parameters, returning `R` (the element: `unknown`; the bridge: a result). */
export type ToolkitMethods<R> = { [M in ToolkitMethodName]: (...args: ToolkitMethodArgs<M>) => R };

/** The method names in the guide's order. */
export const TOOLKIT_METHOD_NAMES: readonly ToolkitMethodName[] = Object.freeze(
    Object.keys(TOOLKIT_METHODS) as ToolkitMethodName[]
);

/** Checks run-time arguments (whatever a caller passed) against the method's rules. */
export function checkArguments(method: ToolkitMethodName, args: readonly unknown[]): Checked {
    const check = TOOLKIT_METHODS[method].check as (...values: readonly unknown[]) => Checked;
    return check(...args);
}
