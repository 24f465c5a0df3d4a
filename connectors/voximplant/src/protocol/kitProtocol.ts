// Voximplant Kit CTI websocket protocol: the 9 events and 3 commands of the Voximplant Kit
// documentation page "Working with the CTI server" (section "CTI and websocket interaction protocol"), typed. The names are
// documented; the bodies are not (ASSUMED SHAPE, see kitFieldMap.ts), so every frame is parsed from
// `unknown` into a typed value or a rejection reason, and every client frame carries `sender_id`.
import { type KitFieldMap, ASSUMED_KIT_FIELD_MAP, pathsFor } from './kitFieldMap';
import { type KitVariables, isRecord, readPath, readVariables, writePath } from './jsonValues';
import { type KitCommandName, type KitEventName, isKitCommandName, isKitEventName } from './kitNames';

export { KIT_COMMAND_NAMES, KIT_EVENT_NAMES, isKitCommandName, isKitEventName } from './kitNames';
export type { KitCommandName, KitEventName } from './kitNames';
export { readVariables } from './jsonValues';
export type { KitVariables } from './jsonValues';
import { type Result, ok, fail } from './result';

/** A sender id as handed out by `connection_accepted`; only this module makes one. */
export type SenderId = string & { readonly __kitSenderId: true };

interface CallRef {
    readonly callId: string;
    readonly userId: string;
}

export type KitEvent =
    | { readonly name: 'connection_accepted'; readonly senderId: SenderId }
    | { readonly name: 'connected'; readonly senderId: SenderId }
    | (CallRef & { readonly name: 'incoming_call'; readonly phone: string; readonly variables: KitVariables })
    | (CallRef & { readonly name: 'outgoing_call'; readonly phone: string; readonly variables: KitVariables })
    | (CallRef & { readonly name: 'call_connected' })
    | (CallRef & { readonly name: 'call_failed'; readonly reason: string })
    | (CallRef & { readonly name: 'data_updated'; readonly variables: KitVariables })
    | { readonly name: 'status_changed'; readonly userId: string; readonly status: string }
    | (CallRef & { readonly name: 'call_disconnected'; readonly reason: string });

export type KitCommand =
    | { readonly name: 'make_call'; readonly userId: string; readonly phone: string }
    | {
          readonly name: 'set_variables';
          readonly userId: string;
          readonly callId: string;
          readonly variables: KitVariables;
      }
    | { readonly name: 'logout'; readonly userId: string };

/** An event that concerns one call (everything the relay routes per call). */
export type KitCallEvent = Extract<KitEvent, { callId: string }>;

const MAX_FRAME_CHARS = 64 * 1024;
const MAX_ID_CHARS = 128;
const MAX_VALUE_CHARS = 4096;

export function assertNever(value: never): never {
    throw new Error(`unhandled variant ${String(value)}`);
}

/** A frame as text (from the socket) or already-parsed JSON → a JSON object, or why not. */
function toObject(raw: unknown): Result<Record<string, unknown>> {
    let value = raw;
    if (typeof raw === 'string') {
        if (raw.length > MAX_FRAME_CHARS) return fail('frame too large');
        try {
            value = JSON.parse(raw);
        } catch {
            return fail('frame is not JSON');
        }
    }
    return isRecord(value) ? ok(value) : fail('frame is not a JSON object');
}

/** Ids: non-empty strings, or integers (Kit ids are likely numeric), normalised to strings. */
function readId(frame: unknown, path: string, label: string): Result<string> {
    const value = readPath(frame, path);
    if (typeof value === 'number' && Number.isSafeInteger(value)) return ok(String(value));
    if (typeof value !== 'string' || value.trim() === '') return fail(`${label} missing at ${path}`);
    if (value.length > MAX_ID_CHARS) return fail(`${label} too long`);
    return ok(value);
}

function readText(frame: unknown, path: string, label: string, required: boolean): Result<string> {
    const value = readPath(frame, path);
    if (value === undefined || value === null) return required ? fail(`${label} missing at ${path}`) : ok('');
    if (typeof value === 'number') return ok(String(value));
    if (typeof value !== 'string') return fail(`${label} is not text`);
    if (value.length > MAX_VALUE_CHARS) return fail(`${label} too long`);
    return ok(value);
}

function callRef(frame: unknown, map: KitFieldMap, name: string): Result<CallRef> {
    const paths = pathsFor(map, name);
    const callId = readId(frame, paths.callId, 'call id');
    if (!callId.ok) return callId;
    const userId = readId(frame, paths.userId, 'user id');
    if (!userId.ok) return userId;
    return ok({ callId: callId.value, userId: userId.value });
}

function readSender(frame: unknown, map: KitFieldMap): Result<SenderId> {
    const sender = readId(frame, map.senderId, 'sender id');
    return sender.ok ? ok(sender.value as SenderId) : sender;
}

function withCall<T>(base: Result<CallRef>, extra: () => Result<T>): Result<CallRef & T> {
    if (!base.ok) return base;
    const more = extra();
    return more.ok ? ok({ ...base.value, ...more.value }) : more;
}

function parseEventBody(name: KitEventName, frame: unknown, map: KitFieldMap): Result<KitEvent> {
    const paths = pathsFor(map, name);
    const phone = (): Result<string> => readText(frame, paths.phone, 'phone', false);
    const variables = (): Result<KitVariables> => readVariables(frame, paths.variables);
    const callAndPhone = (): Result<{ phone: string; variables: KitVariables }> => {
        const p = phone();
        if (!p.ok) return p;
        const v = variables();
        return v.ok ? ok({ phone: p.value, variables: v.value }) : v;
    };
    const reason = (): Result<{ reason: string }> => {
        const r = readText(frame, paths.reason, 'reason', false);
        return r.ok ? ok({ reason: r.value }) : r;
    };
    switch (name) {
        case 'connection_accepted':
        case 'connected': {
            const sender = readSender(frame, map);
            return sender.ok ? ok({ name, senderId: sender.value }) : sender;
        }
        case 'incoming_call':
        case 'outgoing_call': {
            const body = withCall(callRef(frame, map, name), callAndPhone);
            return body.ok ? ok({ name, ...body.value }) : body;
        }
        case 'call_connected': {
            const body = callRef(frame, map, name);
            return body.ok ? ok({ name, ...body.value }) : body;
        }
        case 'call_failed':
        case 'call_disconnected': {
            const body = withCall(callRef(frame, map, name), reason);
            return body.ok ? ok({ name, ...body.value }) : body;
        }
        case 'data_updated': {
            const body = withCall(callRef(frame, map, name), () => {
                const v = variables();
                return v.ok ? ok({ variables: v.value }) : v;
            });
            return body.ok ? ok({ name, ...body.value }) : body;
        }
        case 'status_changed': {
            const userId = readId(frame, paths.userId, 'user id');
            if (!userId.ok) return userId;
            const status = readText(frame, paths.status, 'status', true);
            return status.ok ? ok({ name, userId: userId.value, status: status.value }) : status;
        }
        default:
            return assertNever(name);
    }
}

/** Parses one frame received from the Kit CTI server (or sent by a client: `connected`). */
export function parseKitEvent(raw: unknown, map: KitFieldMap = ASSUMED_KIT_FIELD_MAP): Result<KitEvent> {
    const frame = toObject(raw);
    if (!frame.ok) return frame;
    const name = readPath(frame.value, map.name);
    if (isKitCommandName(name)) return fail(`${name} is a command, not an event`);
    if (!isKitEventName(name))
        return fail(`unknown event ${typeof name === 'string' ? name.slice(0, 40) : '(none)'}`);
    return parseEventBody(name, frame.value, map);
}

function parseCommandBody(name: KitCommandName, frame: unknown, map: KitFieldMap): Result<KitCommand> {
    const paths = pathsFor(map, name);
    const userId = readId(frame, paths.userId, 'user id');
    if (!userId.ok) return userId;
    switch (name) {
        case 'make_call': {
            const phone = readText(frame, paths.phone, 'phone', true);
            if (!phone.ok) return phone;
            return phone.value === ''
                ? fail('phone is empty')
                : ok({ name, userId: userId.value, phone: phone.value });
        }
        case 'set_variables': {
            const callId = readId(frame, paths.callId, 'call id');
            if (!callId.ok) return callId;
            const variables = readVariables(frame, paths.variables);
            if (!variables.ok) return variables;
            return ok({ name, userId: userId.value, callId: callId.value, variables: variables.value });
        }
        case 'logout':
            return ok({ name, userId: userId.value });
        default:
            return assertNever(name);
    }
}

/** Parses a command frame a client sent (the simulator's side), with the sender id it carried. */
export function parseKitCommand(
    raw: unknown,
    map: KitFieldMap = ASSUMED_KIT_FIELD_MAP
): Result<{ command: KitCommand; senderId: SenderId }> {
    const frame = toObject(raw);
    if (!frame.ok) return frame;
    const name = readPath(frame.value, map.name);
    if (!isKitCommandName(name))
        return fail(`unknown command ${typeof name === 'string' ? name.slice(0, 40) : '(none)'}`);
    const sender = readSender(frame.value, map);
    if (!sender.ok) return sender;
    const command = parseCommandBody(name, frame.value, map);
    return command.ok ? ok({ command: command.value, senderId: sender.value }) : command;
}

/** Accepts an id from `connection_accepted` (for tests and the simulator, which mint ids). */
export function toSenderId(value: string): Result<SenderId> {
    return value.trim() === '' || value.length > MAX_ID_CHARS
        ? fail('sender id rejected')
        : ok(value as SenderId);
}

function commandBody(command: KitCommand, map: KitFieldMap): Record<string, unknown> {
    const frame: Record<string, unknown> = {};
    const paths = pathsFor(map, command.name);
    writePath(frame, map.name, command.name);
    writePath(frame, paths.userId, command.userId);
    switch (command.name) {
        case 'make_call':
            writePath(frame, paths.phone, command.phone);
            break;
        case 'set_variables':
            writePath(frame, paths.callId, command.callId);
            writePath(frame, paths.variables, { ...command.variables });
            break;
        case 'logout':
            break;
        default:
            return assertNever(command);
    }
    return frame;
}

/** A command frame as text, always carrying the connection's sender id. */
export function serializeKitCommand(
    command: KitCommand,
    senderId: SenderId,
    map: KitFieldMap = ASSUMED_KIT_FIELD_MAP
): string {
    const frame = commandBody(command, map);
    writePath(frame, map.senderId, senderId);
    return JSON.stringify(frame);
}

/** An event frame as text (the simulator's side, and the client's `connected`). ASSUMED SHAPE. */
export function serializeKitEvent(event: KitEvent, map: KitFieldMap = ASSUMED_KIT_FIELD_MAP): string {
    const frame: Record<string, unknown> = {};
    const paths = pathsFor(map, event.name);
    writePath(frame, map.name, event.name);
    switch (event.name) {
        case 'connection_accepted':
        case 'connected':
            writePath(frame, map.senderId, event.senderId);
            break;
        case 'incoming_call':
        case 'outgoing_call':
            writeCall(frame, paths, event);
            writePath(frame, paths.phone, event.phone);
            writePath(frame, paths.variables, { ...event.variables });
            break;
        case 'call_connected':
            writeCall(frame, paths, event);
            break;
        case 'call_failed':
        case 'call_disconnected':
            writeCall(frame, paths, event);
            writePath(frame, paths.reason, event.reason);
            break;
        case 'data_updated':
            writeCall(frame, paths, event);
            writePath(frame, paths.variables, { ...event.variables });
            break;
        case 'status_changed':
            writePath(frame, paths.userId, event.userId);
            writePath(frame, paths.status, event.status);
            break;
        default:
            return assertNever(event);
    }
    return JSON.stringify(frame);
}

function writeCall(frame: Record<string, unknown>, paths: ReturnType<typeof pathsFor>, ref: CallRef): void {
    writePath(frame, paths.callId, ref.callId);
    writePath(frame, paths.userId, ref.userId);
}
