// The browser's proof of identity: a short-lived RS256 JWT that the Apex controller
// VoximplantRelayTokenController signs in Salesforce for the current user only (Auth.JWT + Auth.JWS
// with a certificate from Certificate and Key Management). The relay holds only the public certificate.
import { type KeyObject } from 'node:crypto';
import { type Result, fail, ok } from '../protocol/result';
import { verifyRs256 } from './jwt';

export interface BrowserTokenPolicy {
    readonly publicKey: KeyObject;
    /** The Salesforce org id (15 or 18 characters) the token must be issued by. */
    readonly orgId: string;
    readonly audience: string;
    /** Longest lifetime accepted, in seconds (the controller issues 5 minutes). */
    readonly maxTtlSeconds: number;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const CLOCK_SKEW_SECONDS = 30;

const same15 = (a: string, b: string): boolean => a.slice(0, 15) === b.slice(0, 15);

/** The Salesforce user id the token vouches for, or why it is refused. */
export function verifyBrowserToken(
    token: string,
    policy: BrowserTokenPolicy,
    nowMs = Date.now()
): Result<string> {
    const claims = verifyRs256(token, policy.publicKey);
    if (!claims.ok) return claims;
    const { iss, sub, aud, exp } = claims.value;
    const now = Math.floor(nowMs / 1000);
    if (typeof iss !== 'string' || !SALESFORCE_ID.test(iss) || !same15(iss, policy.orgId))
        return fail('token issuer is not this org');
    if (aud !== policy.audience) return fail('token audience mismatch');
    if (typeof sub !== 'string' || !SALESFORCE_ID.test(sub)) return fail('token subject is not a user id');
    if (typeof exp !== 'number') return fail('token has no expiry');
    if (exp <= now - CLOCK_SKEW_SECONDS) return fail('token expired');
    if (exp - now > policy.maxTtlSeconds + CLOCK_SKEW_SECONDS) return fail('token lifetime too long');
    return ok(sub);
}
