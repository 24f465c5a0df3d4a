// Typed outcome of every toolkit action: callers get a value, never an exception.
import type { ToolkitMethodName } from 'c/voiceToolkitMethods';
import { reduceErrors } from 'c/ldsUtils';

export type ActionName = ToolkitMethodName;

/**
 * - `invalid`: arguments failed validation; the element was not called.
 * - `busy`: the same action with the same arguments is still in flight on this component.
 * - `unavailable`: no toolkit element, or it lacks this method (not in the softphone, old platform).
 * - `rejected`: the element's promise rejected, or fulfilled with `{ success: false }`.
 * - `threw`: the element threw synchronously.
 * - `timeout`: no settlement within `actionTimeoutMs`; the action is released so the agent can retry.
 */
export type ActionFailureCode = 'invalid' | 'busy' | 'unavailable' | 'rejected' | 'threw' | 'timeout';

export interface ActionSuccess {
    readonly ok: true;
    readonly action: ActionName;
    /** Another component on the page made the identical request within the dedupe window; this one shared it. */
    readonly deduped?: true;
}

export interface ActionFailure {
    readonly ok: false;
    readonly action: ActionName;
    readonly code: ActionFailureCode;
    /** Diagnostic text (English, from the platform or the validator). Panels show a label chosen by `code`. */
    readonly message: string;
}

export type ActionResult = ActionSuccess | ActionFailure;

const MAX_MESSAGE = 500;

export function succeeded(action: ActionName): ActionSuccess {
    return Object.freeze({ ok: true, action });
}

export function failed(action: ActionName, code: ActionFailureCode, message: string): ActionFailure {
    return Object.freeze({ ok: false, action, code, message: message.slice(0, MAX_MESSAGE) });
}

/**
 * A readable message from whatever a platform promise rejected or threw with (the first of `reduceErrors`);
 * never throws itself.
 */
export function describeError(error: unknown): string {
    try {
        return reduceErrors(error)[0] ?? 'Unknown error';
    } catch {
        // A `message` getter that throws (or a revoked proxy) must not turn a failure into a page error.
        return 'Unknown error';
    }
}

/**
 * What a settled call means. The guide documents no return values; the connector SDK's results carry
 * `success`, and a fulfilled `{ success: false }` is the platform saying the action did not happen, so it is
 * a failure (`rejected`, with its message when it has one). Anything else that fulfils is success.
 */
export function outcomeOf(action: ActionName, value: unknown): ActionResult {
    try {
        if (value !== null && typeof value === 'object' && Reflect.get(value, 'success') === false) {
            return failed(action, 'rejected', reduceErrors(value)[0] ?? `${action} reported success: false`);
        }
        return succeeded(action);
    } catch (error) {
        return failed(action, 'rejected', describeError(error));
    }
}
