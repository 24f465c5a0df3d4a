/**
 * wb/faults — the developer strip's fault switches: make a toolkit method or a platform adapter call
 * reject, hang (never settle) or throw synchronously, so every error path can be seen and retried.
 */
import { log } from 'wb/workbenchLog';

export type FaultMode = 'ok' | 'reject' | 'hang' | 'throw';
export const FAULT_MODES: readonly FaultMode[] = ['ok', 'reject', 'hang', 'throw'];

/** Adapter calls that can be faulted besides the toolkit methods. */
export const PLATFORM_FAULTS: readonly string[] = ['updateRecord', 'createRecord', 'deleteRecord', 'apex'];

const modes = new Map<string, FaultMode>();
const listeners = new Set<() => void>();

export function faultOf(name: string): FaultMode {
    return modes.get(name) ?? 'ok';
}

export function setFault(name: string, mode: FaultMode): void {
    if (mode === 'ok') modes.delete(name);
    else modes.set(name, mode);
    log('info', 'fault switch', { name, mode });
    listeners.forEach((listener) => listener());
}

export function clearFaults(): void {
    [...modes.keys()].forEach((name) => setFault(name, 'ok'));
}

export function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/**
 * Runs `action` under the named fault switch: `throw` throws now, `hang` returns a promise that never
 * settles, `reject` rejects with `makeError`, `ok` runs the action.
 */
export function underFault<T>(
    name: string,
    action: () => Promise<T>,
    makeError: (message: string) => unknown
): Promise<T> {
    const mode = faultOf(name);
    const message = `Simulated fault: ${name} ${mode === 'throw' ? 'threw' : 'rejected'}`;
    if (mode === 'throw') throw makeError(message);
    if (mode === 'hang') return new Promise<T>(() => undefined);
    if (mode === 'reject') return Promise.reject(makeError(message));
    return action();
}
