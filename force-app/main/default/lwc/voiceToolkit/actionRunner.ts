/**
 * Runs toolkit methods on an element and answers every call with a typed `ActionResult`, never an exception:
 * validation first (the method list's checks), then the in-flight guard (the same method with the same
 * normalised arguments answers `busy` until the first settles), the page-wide dedupe of Next Best Action
 * requests, and a timeout so a hung platform call never leaves a button disabled. Pure TypeScript: the
 * component hands it the element, so it is tested without LWC.
 */
import { TOOLKIT_METHOD_NAMES, checkArguments } from 'c/voiceToolkitMethods';
import type { ToolkitMethodName } from 'c/voiceToolkitMethods';
import { describeError, failed, outcomeOf } from './actionResult';
import type { ActionResult } from './actionResult';
import { PAGE_DEDUPE_WINDOW_MS, dedupeAcrossPage, nextBestActionsKey } from './pageDedupe';

export const DEFAULT_ACTION_TIMEOUT_MS = 10000;

type Method = (...args: readonly unknown[]) => unknown;
type Then = (...args: unknown[]) => unknown;

export interface ActionRunnerOptions {
    /** The toolkit element, or null while there is none (every action then answers `unavailable`). */
    readonly element: () => object | null;
    /** How long a call may stay unsettled before it answers `timeout` (ms), read at each call. */
    readonly timeoutMs: () => number;
}

/** The toolkit methods an element lacks (all of them when there is no element). */
export function missingMethods(element: object | null | undefined): ToolkitMethodName[] {
    if (!element) return [...TOOLKIT_METHOD_NAMES];
    return TOOLKIT_METHOD_NAMES.filter((name) => typeof Reflect.get(element, name) !== 'function');
}

/** The `then` of a thenable, read once (a getter may throw or change its answer), else null. */
function thenOf(value: unknown): Then | null {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return null;
    const then: unknown = Reflect.get(value, 'then');
    return typeof then === 'function' ? (then as Then) : null;
}

export class ActionRunner {
    private readonly pending = new Set<string>();

    constructor(private readonly options: ActionRunnerOptions) {}

    /** Keys (`action:args`) of the calls awaiting the platform. */
    get inFlight(): readonly string[] {
        return Object.freeze([...this.pending]);
    }

    /** Calls `action` with `args` (whatever the caller passed: they are checked here). */
    run(action: ToolkitMethodName, args: readonly unknown[]): Promise<ActionResult> {
        const checked = checkArguments(action, args);
        if (!checked.ok) return Promise.resolve(failed(action, 'invalid', checked.message));
        const element = this.options.element();
        const method: unknown = element ? Reflect.get(element, action) : undefined;
        if (typeof method !== 'function') {
            return Promise.resolve(
                failed(action, 'unavailable', `toolkit method ${action} is not available`)
            );
        }
        // Keyed on the validated (normalised) arguments, so two spellings of one number are one action.
        const key = `${action}:${JSON.stringify(checked.args)}`;
        if (this.pending.has(key)) {
            return Promise.resolve(failed(action, 'busy', `${action} is already in progress`));
        }
        const call = (): Promise<ActionResult> =>
            this.invoke(action, key, () => (method as Method).call(element, ...checked.args));
        if (action !== 'updateNextBestActions') return call();
        const [recordId, params] = checked.args as [string, Readonly<Record<string, string>>];
        return this.shareAcrossPage(nextBestActionsKey(recordId, params), call);
    }

    /** Identical (recordId, params) requests from any instance on the page within the window call once. */
    private shareAcrossPage(key: string, call: () => Promise<ActionResult>): Promise<ActionResult> {
        const { result, shared } = dedupeAcrossPage(
            key,
            call,
            PAGE_DEDUPE_WINDOW_MS,
            Date.now(),
            (outcome) => outcome.ok
        );
        return shared
            ? result.then((r) => (r.ok ? Object.freeze({ ...r, deduped: true as const }) : r))
            : result;
    }

    private invoke(action: ToolkitMethodName, key: string, call: () => unknown): Promise<ActionResult> {
        let returned: unknown;
        let then: Then | null;
        try {
            returned = call();
            then = thenOf(returned);
        } catch (error) {
            return Promise.resolve(failed(action, 'threw', describeError(error)));
        }
        // The guide documents no return values and some methods return nothing: only a thenable can fail later.
        if (then === null) return Promise.resolve(outcomeOf(action, returned));
        return this.settleOf(action, key, returned, then);
    }

    private settleOf(
        action: ToolkitMethodName,
        key: string,
        returned: unknown,
        then: Then
    ): Promise<ActionResult> {
        this.pending.add(key);
        const ms = this.options.timeoutMs();
        return new Promise<ActionResult>((resolve) => {
            let timer: ReturnType<typeof setTimeout> | undefined;
            const settle = (result: ActionResult): void => {
                if (timer === undefined) return;
                clearTimeout(timer);
                timer = undefined;
                this.pending.delete(key);
                resolve(result);
            };
            // A hung platform call must not leave the button disabled forever; the timeout releases it.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            timer = setTimeout(() => {
                settle(failed(action, 'timeout', `${action} did not finish within ${ms} ms`));
            }, ms);
            try {
                then.call(
                    returned,
                    (value: unknown) => settle(outcomeOf(action, value)),
                    (error: unknown) => settle(failed(action, 'rejected', describeError(error)))
                );
            } catch (error) {
                // A `then` that throws: the in-flight guard is released at once, never left to the timeout.
                settle(failed(action, 'threw', describeError(error)));
            }
        });
    }
}
