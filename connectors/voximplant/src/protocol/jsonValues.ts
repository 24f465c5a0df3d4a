// Reading untrusted JSON: dotted paths and flat variable objects, with bounds.
import { type Result, fail, ok } from './result';

export type KitVariables = Readonly<Record<string, string>>;

const MAX_NAME_CHARS = 128;
const MAX_VALUE_CHARS = 4096;
const MAX_VARIABLES = 200;

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dotted path from parsed JSON; `undefined` when any step is missing or not an object. */
export function readPath(source: unknown, path: string): unknown {
    let current: unknown = source;
    for (const key of path.split('.')) {
        if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
        current = current[key];
    }
    return current;
}

/** Writes a dotted path, creating intermediate objects. */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
    const keys = path.split('.');
    let current = target;
    for (const key of keys.slice(0, -1)) {
        const next = current[key];
        if (isRecord(next)) {
            current = next;
        } else {
            const created: Record<string, unknown> = {};
            current[key] = created;
            current = created;
        }
    }
    current[keys[keys.length - 1]] = value;
}

/** Call variables: a flat object of primitives, kept as text (VoiceCall fields are mapped later). */
export function readVariables(frame: unknown, path: string): Result<KitVariables> {
    const value = readPath(frame, path);
    if (value === undefined || value === null) return ok({});
    if (!isRecord(value)) return fail(`variables at ${path} are not an object`);
    const entries = Object.entries(value);
    if (entries.length > MAX_VARIABLES) return fail('too many variables');
    const variables: Record<string, string> = {};
    for (const [key, item] of entries) {
        if (key === '__proto__' || key.length > MAX_NAME_CHARS) return fail(`variable name ${key} rejected`);
        if (typeof item === 'string' && item.length <= MAX_VALUE_CHARS) variables[key] = item;
        else if (typeof item === 'number' || typeof item === 'boolean') variables[key] = String(item);
        else return fail(`variable ${key} is not text, number or boolean`);
    }
    return ok(Object.freeze(variables));
}
