/**
 * The agent-facing text for a failed toolkit action: one Custom Label per failure code, shared by every
 * panel so the same failure always reads the same. The diagnostic `message` from the platform is kept
 * separately for the error panel's detail line.
 */
import INVALID from '@salesforce/label/c.Voice_Action_Invalid';
import BUSY from '@salesforce/label/c.Voice_Action_Busy';
import UNAVAILABLE from '@salesforce/label/c.Voice_Action_Unavailable';
import REJECTED from '@salesforce/label/c.Voice_Action_Rejected';
import THREW from '@salesforce/label/c.Voice_Action_Threw';
import TIMEOUT from '@salesforce/label/c.Voice_Action_Timeout';
import type { ActionFailure, ActionFailureCode } from 'c/voiceToolkit';

const HEADLINES: Readonly<Record<ActionFailureCode, string>> = Object.freeze({
    invalid: INVALID,
    busy: BUSY,
    unavailable: UNAVAILABLE,
    rejected: REJECTED,
    threw: THREW,
    timeout: TIMEOUT
});

export interface ActionErrorView {
    /** Label text for the failure code. */
    readonly headline: string;
    /** Platform or validator detail, for `c-error-panel`'s `errors`. */
    readonly detail: string;
    readonly code: ActionFailureCode;
}

export function describeActionFailure(failure: ActionFailure): ActionErrorView {
    return Object.freeze({ headline: HEADLINES[failure.code], detail: failure.message, code: failure.code });
}
