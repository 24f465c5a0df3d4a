/**
 * Jest stub of `<lightning-service-cloud-voice-toolkit-api>` (mapped in jest.config.js).
 *
 * Every toolkit method (the one list in `c/voiceToolkitMethods`) is a method of the host element that
 * delegates to a shared `jest.fn` (resolving by default).
 * Tests drive it through `voiceToolkitMock` — fire events, make methods reject/throw/hang, count listeners.
 * Import the control by relative path (the ambient `lightning/serviceCloudVoiceToolkitApi` types describe
 * the real element and do not know about it); see jest-tests/README.md.
 */
import { LightningElement } from 'lwc';
import { TOOLKIT_METHOD_NAMES } from 'c/voiceToolkitMethods';
import type { ToolkitMethodName } from 'c/voiceToolkitMethods';

export { TOOLKIT_METHOD_NAMES } from 'c/voiceToolkitMethods';

type MethodMock = jest.Mock<unknown, unknown[]>;

export interface Deferred {
    resolve(value?: unknown): void;
    reject(error: unknown): void;
}

export interface ListenerStats {
    /** addEventListener calls. */
    added: number;
    /** removeEventListener calls. */
    removed: number;
    /** Listeners attached right now (the DOM ignores a second add of the same listener). */
    active: number;
}

export interface FireOptions {
    /** `'all'` (default) dispatches on every connected stub, `'latest'` only on the newest one. */
    target?: 'all' | 'latest';
}

const defaultImplementation = (): Promise<void> => Promise.resolve();

const fns = new Map<ToolkitMethodName, MethodMock>(
    TOOLKIT_METHOD_NAMES.map((name) => [name, jest.fn<unknown, unknown[]>(defaultImplementation)])
);

/** Connected hosts, oldest first. */
const connected: HTMLElement[] = [];
/** Every host ever connected since the last reset (so counts survive unmount). */
const seen = new Set<HTMLElement>();

interface HostRecord {
    added: Map<string, number>;
    removed: Map<string, number>;
    active: Map<string, Set<EventListenerOrEventListenerObject>>;
}
const records = new WeakMap<HTMLElement, HostRecord>();
let hideMethods: readonly ToolkitMethodName[] = [];

function fnOf(method: ToolkitMethodName): MethodMock {
    const fn = fns.get(method);
    if (!fn) throw new Error(`voiceToolkitMock: unknown toolkit method "${String(method)}"`);
    return fn;
}

function bump(map: Map<string, number>, type: string): void {
    map.set(type, (map.get(type) ?? 0) + 1);
}

/** Wraps the host's add/removeEventListener once so tests can assert listener balance. */
function instrument(host: HTMLElement): void {
    if (records.has(host)) return;
    const record: HostRecord = { added: new Map(), removed: new Map(), active: new Map() };
    records.set(host, record);
    const add = host.addEventListener;
    const remove = host.removeEventListener;
    Object.defineProperty(host, 'addEventListener', {
        configurable: true,
        value(
            type: string,
            listener: EventListenerOrEventListenerObject,
            options?: boolean | AddEventListenerOptions
        ): void {
            bump(record.added, type);
            if (listener) {
                const set = record.active.get(type) ?? new Set();
                set.add(listener);
                record.active.set(type, set);
            }
            add.call(host, type, listener, options);
        }
    });
    Object.defineProperty(host, 'removeEventListener', {
        configurable: true,
        value(
            type: string,
            listener: EventListenerOrEventListenerObject,
            options?: boolean | EventListenerOptions
        ): void {
            bump(record.removed, type);
            record.active.get(type)?.delete(listener);
            remove.call(host, type, listener, options);
        }
    });
}

function statsOf(hosts: Iterable<HTMLElement>, type: string): ListenerStats {
    const total: ListenerStats = { added: 0, removed: 0, active: 0 };
    for (const host of hosts) {
        const record = records.get(host);
        if (!record) continue;
        total.added += record.added.get(type) ?? 0;
        total.removed += record.removed.get(type) ?? 0;
        total.active += record.active.get(type)?.size ?? 0;
    }
    return total;
}

function eventTypesOf(hosts: Iterable<HTMLElement>): string[] {
    const types = new Set<string>();
    for (const host of hosts) {
        const record = records.get(host);
        if (!record) continue;
        for (const type of record.added.keys()) types.add(type);
    }
    return [...types].sort();
}

export const voiceToolkitMock = {
    /** The `jest.fn` behind a method (assert calls, or set your own implementation). */
    fn(method: ToolkitMethodName): MethodMock {
        return fnOf(method);
    },

    /** Dispatches `new CustomEvent(type, { detail })` on every connected stub (or only the latest). */
    fire(type: string, detail?: unknown, options: FireOptions = {}): number {
        return voiceToolkitMock.dispatch(() => new CustomEvent(type, { detail }), options);
    },

    /** Dispatches an arbitrary event (e.g. a plain `Event` without `detail`); returns how many stubs got it. */
    dispatch(makeEvent: () => Event, options: FireOptions = {}): number {
        const targets = options.target === 'latest' ? connected.slice(-1) : [...connected];
        for (const host of targets) host.dispatchEvent(makeEvent());
        return targets.length;
    },

    /** The next call of `method` returns a rejected promise. */
    rejectNext(method: ToolkitMethodName, error: unknown): void {
        fnOf(method).mockImplementationOnce(() => Promise.reject(error));
    },

    /** The next call of `method` throws synchronously. */
    throwNext(method: ToolkitMethodName, error: unknown): void {
        fnOf(method).mockImplementationOnce(() => {
            throw error;
        });
    },

    /** The next call of `method` returns a promise that never settles. */
    hangNext(method: ToolkitMethodName): void {
        fnOf(method).mockImplementationOnce(() => new Promise<never>(() => undefined));
    },

    /** The next call of `method` returns a promise the test settles by hand. */
    deferNext(method: ToolkitMethodName): Deferred {
        const control: Deferred = { resolve: () => undefined, reject: () => undefined };
        const promise = new Promise<unknown>((resolve, reject) => {
            control.resolve = resolve;
            control.reject = reject;
        });
        fnOf(method).mockImplementationOnce(() => promise);
        return control;
    },

    /** Every later call of `method` returns `undefined` (what some platform methods really do). */
    returnUndefined(method: ToolkitMethodName): void {
        fnOf(method).mockImplementation(() => undefined);
    },

    /**
     * Stubs connected after this call lack these methods (defined as `undefined`), the way
     * an old platform or a missing element looks to the consumer. Pass every name to simulate "no toolkit".
     */
    withoutMethods(methods: readonly ToolkitMethodName[] = TOOLKIT_METHOD_NAMES): void {
        hideMethods = [...methods];
    },

    /** Connected stub hosts, oldest first. */
    instances(): HTMLElement[] {
        return [...connected];
    },

    /** Newest connected stub host, or `undefined`. */
    latest(): HTMLElement | undefined {
        return connected[connected.length - 1];
    },

    /** Listener counts for one event name over every stub seen since reset (or over `host` only). */
    listenerStats(type: string, host?: HTMLElement): ListenerStats {
        return statsOf(host ? [host] : seen, type);
    },

    /** Listeners attached right now for `type` (all stubs, or `host`). */
    listenerCount(type: string, host?: HTMLElement): number {
        return voiceToolkitMock.listenerStats(type, host).active;
    },

    /** Event names anyone ever listened to (all stubs, or `host`). */
    listenedEvents(host?: HTMLElement): string[] {
        return eventTypesOf(host ? [host] : seen);
    },

    /** Restores default behaviour and forgets instances and counts. Call in `afterEach`. */
    reset(): void {
        for (const fn of fns.values()) {
            fn.mockReset();
            fn.mockImplementation(defaultImplementation);
        }
        connected.length = 0;
        seen.clear();
        hideMethods = [];
    }
};

export type VoiceToolkitMock = typeof voiceToolkitMock;

/**
 * The methods are own properties of the host, defined from the method list when the stub connects (before
 * its parent's `renderedCallback` looks for them); a hidden one is defined as `undefined`.
 */
function defineMethods(host: HTMLElement): void {
    for (const method of TOOLKIT_METHOD_NAMES) {
        const value = hideMethods.includes(method)
            ? undefined
            : (...args: unknown[]) => fnOf(method)(...args);
        Object.defineProperty(host, method, { configurable: true, value });
    }
}

export default class ServiceCloudVoiceToolkitApi extends LightningElement {
    override connectedCallback(): void {
        const host = this.template?.host as HTMLElement;
        instrument(host);
        defineMethods(host);
        connected.push(host);
        seen.add(host);
    }

    override disconnectedCallback(): void {
        const host = this.template?.host as HTMLElement;
        const index = connected.indexOf(host);
        if (index >= 0) connected.splice(index, 1);
    }
}
