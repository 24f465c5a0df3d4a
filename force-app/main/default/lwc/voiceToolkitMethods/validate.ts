// Argument checks for toolkit actions: reject before the platform sees a bad value.
import { DTMF_MAX_LENGTH, hasOnlyDtmfCharacters, isPlainObject } from 'c/voiceUtil';

export type Checked =
    | { readonly ok: true; readonly args: readonly unknown[] }
    | { readonly ok: false; readonly message: string };

export const MAX_NBA_PARAMS = 20;
export const MAX_NBA_KEY = 80;
export const MAX_NBA_VALUE = 1000;
const MAX_AGENT_OR_QUEUE_ID = 256;

const PARTICIPANT_TYPES: readonly string[] = ['Initial_Caller', 'Third_Party'];
const END_CALL_PARTICIPANT_TYPES: readonly string[] = [...PARTICIPANT_TYPES, 'Agent'];
const PHONE_SEPARATORS = /[\s\-().]/g;
const PHONE = /^\+?\d{3,20}$/;
// Salesforce ids and Amazon Connect ids/ARNs (arn:aws:connect:region:account:instance/.../queue/...).
const AGENT_OR_QUEUE_ID = /^[A-Za-z0-9:/._-]+$/;
const RECORD_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

function ok(...args: unknown[]): Checked {
    return Object.freeze({ ok: true, args: Object.freeze(args) });
}

/** What a method without parameters is called with. */
export const NO_ARGUMENTS: Checked = ok();

function bad(message: string): Checked {
    return Object.freeze({ ok: false, message });
}

function describe(value: unknown): string {
    return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

export function checkParticipantType(value: unknown): Checked {
    return typeof value === 'string' && PARTICIPANT_TYPES.includes(value)
        ? ok(value)
        : bad(`participantType must be Initial_Caller or Third_Party, got ${describe(value)}`);
}

/** `undefined` ends the agent's own call (the element is then called with no argument). */
export function checkEndCallParticipantType(value: unknown): Checked {
    if (value === undefined) return ok();
    return typeof value === 'string' && END_CALL_PARTICIPANT_TYPES.includes(value)
        ? ok(value)
        : bad(`participantType must be Initial_Caller, Third_Party or Agent, got ${describe(value)}`);
}

export function checkDigits(value: unknown): Checked {
    if (typeof value !== 'string' || value.length === 0) return bad('digits must be a non-empty string');
    if (value.length > DTMF_MAX_LENGTH) return bad(`digits must be at most ${DTMF_MAX_LENGTH} characters`);
    return hasOnlyDtmfCharacters(value)
        ? ok(value)
        : bad('digits may only contain 0-9 * # A B C D and comma');
}

/** E.164-ish: separators (space - ( ) .) are stripped; what is sent is `+?` and 3..20 digits. */
export function normalizePhone(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const compact = value.replace(PHONE_SEPARATORS, '');
    return PHONE.test(compact) ? compact : null;
}

export function checkPhone(value: unknown): Checked {
    const phone = normalizePhone(value);
    return phone === null ? bad(`not a phone number: ${describe(value)}`) : ok(phone);
}

export function checkAddParticipant(
    contactType: unknown,
    contactValue: unknown,
    isBlindTransfer: unknown
): Checked {
    if (typeof isBlindTransfer !== 'boolean') return bad('isBlindTransfer must be a boolean');
    if (contactType === 'PhoneNumber') {
        const phone = normalizePhone(contactValue);
        return phone === null
            ? bad(`not a phone number: ${describe(contactValue)}`)
            : ok(contactType, phone, isBlindTransfer);
    }
    if (contactType === 'AgentOrQueueId') {
        const valid =
            typeof contactValue === 'string' &&
            contactValue.length <= MAX_AGENT_OR_QUEUE_ID &&
            AGENT_OR_QUEUE_ID.test(contactValue);
        return valid
            ? ok(contactType, contactValue, isBlindTransfer)
            : bad(`not an agent or queue id: ${describe(contactValue)}`);
    }
    return bad(`contactType must be PhoneNumber or AgentOrQueueId, got ${describe(contactType)}`);
}

/** A 15/18-character record id and a small flat map of string values (the strategy's `$Request`). */
export function checkNextBestActions(recordId: unknown, params: unknown): Checked {
    if (typeof recordId !== 'string' || !RECORD_ID.test(recordId)) {
        return bad(`recordId must be a 15 or 18 character record id, got ${describe(recordId)}`);
    }
    if (!isPlainObject(params)) return bad('params must be a plain object of string values');
    const entries = Object.entries(params);
    if (entries.length > MAX_NBA_PARAMS) return bad(`params may hold at most ${MAX_NBA_PARAMS} keys`);
    const copy: Record<string, string> = {};
    for (const [key, value] of entries) {
        if (key.length === 0 || key.length > MAX_NBA_KEY)
            return bad(`params key length must be 1..${MAX_NBA_KEY}`);
        if (typeof value !== 'string') return bad(`params.${key} must be a string`);
        if (value.length > MAX_NBA_VALUE)
            return bad(`params.${key} must be at most ${MAX_NBA_VALUE} characters`);
        copy[key] = value;
    }
    return ok(recordId, Object.freeze(copy));
}
