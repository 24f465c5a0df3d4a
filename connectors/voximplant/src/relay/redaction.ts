// Redaction for logs and captured frames: secrets by key name and by known value, phone numbers by
// shape, and the Kit `access_token` query parameter wherever a URL is printed.
import { isRecord } from '../protocol/jsonValues';

const SECRET_KEY = /token|secret|password|authorization|private|key$/i;
const PHONE_KEY = /phone|number|caller|callee|from$|^to$|msisdn|ani|dnis/i;
/** A run of 7+ digits, optionally with +, spaces, dashes, dots or parentheses between them. */
const PHONE_TEXT = /\+?\d(?:[\s\-().]*\d){6,}/g;
const ACCESS_TOKEN = /(access_token=)[^&\s"']+/gi;

export const REDACTED = '[redacted]';

export function redactText(text: string, secrets: readonly string[] = []): string {
    let result = text.replace(ACCESS_TOKEN, `$1${REDACTED}`);
    for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join(REDACTED);
    return result.replace(PHONE_TEXT, '[phone]');
}

/** A deep copy with secret-named keys and phone-like values replaced; other values keep their shape. */
export function redactValue(value: unknown, secrets: readonly string[] = [], key = ''): unknown {
    if (SECRET_KEY.test(key) && value !== undefined && value !== null) return REDACTED;
    if (typeof value === 'string')
        return PHONE_KEY.test(key) && value !== '' ? '[phone]' : redactText(value, secrets);
    if (typeof value === 'number' && PHONE_KEY.test(key)) return '[phone]';
    if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, key));
    if (isRecord(value)) {
        const copy: Record<string, unknown> = {};
        for (const [name, item] of Object.entries(value)) copy[name] = redactValue(item, secrets, name);
        return copy;
    }
    return value;
}
