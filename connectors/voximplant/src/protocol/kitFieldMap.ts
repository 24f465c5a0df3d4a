// Where each value sits inside a Voximplant Kit CTI frame.
//
// The Kit "Working with the CTI server" page names the events and commands and says every client
// message carries the `sender_id` received in `connection_accepted`, but its message examples are
// empty: no frame body is published. Every path below is therefore an ASSUMED SHAPE, kept in this one
// mapping so an operator can correct it from captured frames (relay capture mode) without a code change.
import { isRecord } from './jsonValues';
import { type Result, ok, fail } from './result';

export { isRecord, readPath, writePath } from './jsonValues';

/** Dotted paths (e.g. `data.call_id`) to the values a frame carries. */
export interface KitFieldPaths {
    readonly callId: string;
    readonly userId: string;
    readonly phone: string;
    readonly variables: string;
    readonly status: string;
    readonly reason: string;
}

export interface KitFieldMap {
    /** Path of the event or command name. */
    readonly name: string;
    /** Path of the sender id (the seed: "Sender_id that needs to be passed in each message"). */
    readonly senderId: string;
    /** Paths shared by every frame unless a per-name override replaces one of them. */
    readonly fields: KitFieldPaths;
    /** Per event or command name overrides, e.g. `{ "status_changed": { "status": "data.state" } }`. */
    readonly overrides: Readonly<Record<string, Partial<KitFieldPaths>>>;
}

/** ASSUMED SHAPE: `{ "event": name, "sender_id": id, "data": { "call_id", "user_id", "phone", "variables", "status", "reason" } }`. */
export const ASSUMED_KIT_FIELD_MAP: KitFieldMap = Object.freeze({
    name: 'event',
    senderId: 'sender_id',
    fields: Object.freeze({
        callId: 'data.call_id',
        userId: 'data.user_id',
        phone: 'data.phone',
        variables: 'data.variables',
        status: 'data.status',
        reason: 'data.reason'
    }),
    overrides: Object.freeze({})
});

const FIELD_KEYS: readonly (keyof KitFieldPaths)[] = [
    'callId',
    'userId',
    'phone',
    'variables',
    'status',
    'reason'
];
const PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** The paths in force for one event or command name. */
export function pathsFor(map: KitFieldMap, name: string): KitFieldPaths {
    return { ...map.fields, ...(map.overrides[name] ?? {}) };
}

function parsePaths(value: unknown, where: string, partial: boolean): Result<Partial<KitFieldPaths>> {
    if (!isRecord(value)) return fail(`${where} must be an object`);
    const paths: Partial<Record<keyof KitFieldPaths, string>> = {};
    for (const key of Object.keys(value)) {
        if (!(FIELD_KEYS as readonly string[]).includes(key))
            return fail(`${where}.${key} is not a known field`);
    }
    for (const key of FIELD_KEYS) {
        const path = value[key];
        if (path === undefined && partial) continue;
        if (typeof path !== 'string' || !PATH.test(path))
            return fail(`${where}.${key} must be a dotted path`);
        paths[key] = path;
    }
    return ok(paths);
}

/** Validates an operator-supplied mapping (relay config file); unknown input, reasons on rejection. */
export function parseKitFieldMap(value: unknown): Result<KitFieldMap> {
    if (!isRecord(value)) return fail('field map must be an object');
    const { name, senderId, fields, overrides = {} } = value;
    if (typeof name !== 'string' || !PATH.test(name)) return fail('field map name must be a dotted path');
    if (typeof senderId !== 'string' || !PATH.test(senderId))
        return fail('field map senderId must be a dotted path');
    const base = parsePaths(fields, 'fields', false);
    if (!base.ok) return base;
    if (!isRecord(overrides)) return fail('overrides must be an object');
    const parsedOverrides: Record<string, Partial<KitFieldPaths>> = {};
    for (const [frameName, paths] of Object.entries(overrides)) {
        const parsed = parsePaths(paths, `overrides.${frameName}`, true);
        if (!parsed.ok) return parsed;
        parsedOverrides[frameName] = parsed.value;
    }
    return ok({ name, senderId, fields: base.value as KitFieldPaths, overrides: parsedOverrides });
}
