// The relay ↔ browser connector protocol (ours, JSON over a websocket). The browser never sees the Kit
// token, the Kit sender id or the Telephony API key: it sends intents, the relay fills in the rest.
import { type KitVariables, isRecord, readVariables } from '../protocol/jsonValues';
import { type KitCallEvent } from '../protocol/kitProtocol';
import { isKitEventName } from '../protocol/kitNames';
import { type Result, fail, ok } from '../protocol/result';

export type CallDirection = 'inbound' | 'outbound';
export type CallPhase = 'ringing' | 'connected';

/** A call in progress, as replayed to a browser after (re)connecting. */
export interface WireCall {
    readonly callId: string;
    readonly direction: CallDirection;
    readonly phase: CallPhase;
    readonly phone: string;
    readonly variables: KitVariables;
    readonly voiceCallId?: string;
}

/** Events the relay forwards: the call events of the agent's Kit user and their status. */
export type WireKitEvent =
    KitCallEvent | { readonly name: 'status_changed'; readonly userId: string; readonly status: string };

export type RelayToBrowser =
    | { readonly type: 'ready'; readonly kitUserId: string; readonly calls: readonly WireCall[] }
    | { readonly type: 'kit'; readonly event: WireKitEvent; readonly voiceCallId?: string }
    | { readonly type: 'result'; readonly id: string; readonly ok: boolean; readonly reason?: string };

export type BrowserCommand =
    | { readonly name: 'make_call'; readonly phone: string }
    | { readonly name: 'set_variables'; readonly callId: string; readonly variables: KitVariables }
    | { readonly name: 'logout' };

export type BrowserToRelay =
    | { readonly type: 'auth'; readonly token: string }
    | { readonly type: 'command'; readonly id: string; readonly command: BrowserCommand };

const MAX_TEXT = 4096;

function text(value: unknown, label: string): Result<string> {
    return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT
        ? ok(value)
        : fail(`${label} missing`);
}

function parseJson(raw: string): Result<Record<string, unknown>> {
    try {
        const value: unknown = JSON.parse(raw);
        return isRecord(value) ? ok(value) : fail('message is not an object');
    } catch {
        return fail('message is not JSON');
    }
}

function parseCommand(value: unknown): Result<BrowserCommand> {
    if (!isRecord(value)) return fail('command missing');
    switch (value.name) {
        case 'make_call': {
            const phone = text(value.phone, 'phone');
            return phone.ok ? ok({ name: 'make_call', phone: phone.value }) : phone;
        }
        case 'set_variables': {
            const callId = text(value.callId, 'callId');
            if (!callId.ok) return callId;
            const variables = readVariables(value, 'variables');
            return variables.ok
                ? ok({ name: 'set_variables', callId: callId.value, variables: variables.value })
                : variables;
        }
        case 'logout':
            return ok({ name: 'logout' });
        default:
            return fail('unknown command');
    }
}

/** What a browser sent, or why it is refused (the relay answers with the reason, never throws). */
export function parseBrowserMessage(raw: string): Result<BrowserToRelay> {
    const message = parseJson(raw);
    if (!message.ok) return message;
    const value = message.value;
    if (value.type === 'auth') {
        const token = text(value.token, 'token');
        return token.ok ? ok({ type: 'auth', token: token.value }) : token;
    }
    if (value.type === 'command') {
        const id = text(value.id, 'id');
        if (!id.ok) return id;
        const command = parseCommand(value.command);
        return command.ok ? ok({ type: 'command', id: id.value, command: command.value }) : command;
    }
    return fail('unknown message type');
}

function parseWireCall(value: unknown): Result<WireCall> {
    if (!isRecord(value)) return fail('call is not an object');
    const callId = text(value.callId, 'callId');
    if (!callId.ok) return callId;
    if (value.direction !== 'inbound' && value.direction !== 'outbound')
        return fail('call direction invalid');
    if (value.phase !== 'ringing' && value.phase !== 'connected') return fail('call phase invalid');
    const variables = readVariables(value, 'variables');
    if (!variables.ok) return variables;
    const voiceCallId = typeof value.voiceCallId === 'string' ? value.voiceCallId : undefined;
    return ok({
        callId: callId.value,
        direction: value.direction,
        phase: value.phase,
        phone: typeof value.phone === 'string' ? value.phone : '',
        variables: variables.value,
        ...(voiceCallId ? { voiceCallId } : {})
    });
}

function parseWireEvent(value: unknown): Result<WireKitEvent> {
    if (!isRecord(value) || !isKitEventName(value.name)) return fail('event name invalid');
    if (value.name === 'connection_accepted' || value.name === 'connected')
        return fail('handshake events stay in the relay');
    const userId = text(value.userId, 'userId');
    if (!userId.ok) return userId;
    if (value.name === 'status_changed') {
        return typeof value.status === 'string'
            ? ok({ name: 'status_changed', userId: userId.value, status: value.status })
            : fail('status missing');
    }
    const callId = text(value.callId, 'callId');
    if (!callId.ok) return callId;
    const variables = readVariables(value, 'variables');
    if (!variables.ok) return variables;
    const phone = typeof value.phone === 'string' ? value.phone : '';
    const reason = typeof value.reason === 'string' ? value.reason : '';
    const base = { callId: callId.value, userId: userId.value };
    switch (value.name) {
        case 'incoming_call':
        case 'outgoing_call':
            return ok({ name: value.name, ...base, phone, variables: variables.value });
        case 'call_connected':
            return ok({ name: value.name, ...base });
        case 'call_failed':
        case 'call_disconnected':
            return ok({ name: value.name, ...base, reason });
        default:
            return ok({ name: 'data_updated', ...base, variables: variables.value });
    }
}

/** What the relay sent (parsed in the browser bundle: the relay is a network peer, not trusted code). */
export function parseRelayMessage(raw: string): Result<RelayToBrowser> {
    const message = parseJson(raw);
    if (!message.ok) return message;
    const value = message.value;
    switch (value.type) {
        case 'ready': {
            const kitUserId = text(value.kitUserId, 'kitUserId');
            if (!kitUserId.ok) return kitUserId;
            if (!Array.isArray(value.calls)) return fail('calls missing');
            const calls: WireCall[] = [];
            for (const item of value.calls) {
                const call = parseWireCall(item);
                if (!call.ok) return call;
                calls.push(call.value);
            }
            return ok({ type: 'ready', kitUserId: kitUserId.value, calls });
        }
        case 'kit': {
            const event = parseWireEvent(value.event);
            if (!event.ok) return event;
            const voiceCallId = typeof value.voiceCallId === 'string' ? value.voiceCallId : undefined;
            return ok({ type: 'kit', event: event.value, ...(voiceCallId ? { voiceCallId } : {}) });
        }
        case 'result': {
            const id = text(value.id, 'id');
            if (!id.ok) return id;
            const reason = typeof value.reason === 'string' ? value.reason : undefined;
            return ok({ type: 'result', id: id.value, ok: value.ok === true, ...(reason ? { reason } : {}) });
        }
        default:
            return fail('unknown message type');
    }
}
