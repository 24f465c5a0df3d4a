// Compact RS256 JSON Web Tokens with node:crypto (no dependency): signing the Telephony Integration
// API bearer token and verifying the browser's relay token.
import {
    type KeyObject,
    X509Certificate,
    createPrivateKey,
    createPublicKey,
    sign,
    verify
} from 'node:crypto';
import { isRecord } from '../protocol/jsonValues';
import { type Result, fail, ok } from '../protocol/result';

export type Claims = Readonly<Record<string, unknown>>;

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** Header `{"alg":"RS256"}`, as the Telephony Integration API authorization section prescribes. */
export function signRs256(claims: Claims, privateKey: KeyObject): string {
    const input = `${base64url(JSON.stringify({ alg: 'RS256' }))}.${base64url(JSON.stringify(claims))}`;
    const signature = sign('RSA-SHA256', Buffer.from(input), privateKey);
    return `${input}.${base64url(signature)}`;
}

function decodeJson(part: string): Result<Record<string, unknown>> {
    try {
        const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        return isRecord(value) ? ok(value) : fail('token part is not an object');
    } catch {
        return fail('token part is not JSON');
    }
}

/** Checks shape, algorithm and signature; the caller checks the claims. */
export function verifyRs256(token: string, publicKey: KeyObject): Result<Claims> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => part === '')) return fail('token is not a compact JWS');
    const header = decodeJson(parts[0]);
    if (!header.ok) return header;
    if (header.value.alg !== 'RS256') return fail('token algorithm must be RS256');
    const valid = verify(
        'RSA-SHA256',
        Buffer.from(`${parts[0]}.${parts[1]}`),
        publicKey,
        Buffer.from(parts[2], 'base64url')
    );
    if (!valid) return fail('token signature invalid');
    return decodeJson(parts[1]);
}

/** A PEM private key (PKCS#1 or PKCS#8). */
export function privateKeyFromPem(pem: string): KeyObject {
    return createPrivateKey(pem);
}

/** A PEM public key or X.509 certificate (what Salesforce's Certificate and Key Management exports). */
export function publicKeyFromPem(pem: string): KeyObject {
    return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}
