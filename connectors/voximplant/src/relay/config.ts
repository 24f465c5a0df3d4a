// Relay configuration: a JSON file (VOXIMPLANT_RELAY_CONFIG) for the shape, secrets from environment
// variables or files named in it, never from the file itself. Parsed from `unknown` with reasons.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type KitFieldMap, ASSUMED_KIT_FIELD_MAP, isRecord, parseKitFieldMap } from '../protocol/kitFieldMap';
import { type Result, fail, ok } from '../protocol/result';
import { type BrowserTokenPolicy } from './browserToken';
import { privateKeyFromPem, publicKeyFromPem } from './jwt';
import { type TelephonyApiSettings } from './telephonyApi';

export interface AccountConfig {
    readonly name: string;
    readonly url: string;
    readonly token: string;
    /** Kit user id → Salesforce user id. */
    readonly userMap: Readonly<Record<string, string>>;
}

export interface RelayConfig {
    readonly host: string;
    readonly port: number;
    readonly allowedOrigins: readonly string[];
    readonly accounts: readonly AccountConfig[];
    readonly fieldMap: KitFieldMap;
    readonly variableMap: Readonly<Record<string, string>>;
    readonly telephony?: TelephonyApiSettings & { readonly contactCenterNumber: string };
    readonly browserToken: BrowserTokenPolicy;
    readonly heartbeatMs: number;
    readonly backoffInitialMs: number;
    readonly backoffMaxMs: number;
    readonly authTimeoutMs: number;
    /** A live call older than this is ended by the relay (Kit offers no state query to find missed hangups). */
    readonly maxCallAgeMs: number;
    readonly sweepIntervalMs: number;
    readonly capturePath?: string;
    /** Every secret value, so the logger can strip them from any line. */
    readonly secrets: readonly string[];
}

export type Env = Readonly<Record<string, string | undefined>>;
type ReadText = (path: string) => string;

/** `wss://{host}/{domain_name}-{md5(token_id)}`, the Kit page's connection URL without the token. */
export function kitUrl(host: string, domain: string, tokenId: string): string {
    return `wss://${host}/${domain}-${createHash('md5').update(tokenId).digest('hex')}`;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function str(value: unknown, label: string): Result<string> {
    return typeof value === 'string' && value.trim() !== ''
        ? ok(value)
        : fail(`${label} must be a non-empty string`);
}

function num(value: unknown, fallback: number, label: string): Result<number> {
    if (value === undefined) return ok(fallback);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? ok(value)
        : fail(`${label} must be a non-negative integer`);
}

function stringMap(
    value: unknown,
    label: string,
    check?: (v: string) => boolean
): Result<Record<string, string>> {
    if (value === undefined) return ok({});
    if (!isRecord(value)) return fail(`${label} must be an object`);
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
        if (typeof item !== 'string' || (check && !check(item))) return fail(`${label}.${key} is invalid`);
        out[key] = item;
    }
    return ok(out);
}

function secret(env: Env, name: unknown, label: string): Result<string> {
    const variable = str(name, label);
    if (!variable.ok) return variable;
    const value = env[variable.value];
    return value && value.trim() !== ''
        ? ok(value.trim())
        : fail(`environment variable ${variable.value} (${label}) is not set`);
}

function parseAccount(value: unknown, index: number, env: Env): Result<AccountConfig> {
    const where = `accounts[${index}]`;
    if (!isRecord(value)) return fail(`${where} must be an object`);
    const name = str(value.name, `${where}.name`);
    if (!name.ok) return name;
    const token = secret(env, value.tokenEnv, `${where}.tokenEnv`);
    if (!token.ok) return token;
    const userMap = stringMap(value.userMap, `${where}.userMap`, (id) => SALESFORCE_ID.test(id));
    if (!userMap.ok) return userMap;
    let url: string;
    if (typeof value.url === 'string') {
        url = value.url;
    } else {
        const host = str(value.host, `${where}.host`);
        const domain = str(value.domain, `${where}.domain`);
        const tokenId = str(value.tokenId, `${where}.tokenId`);
        if (!host.ok) return host;
        if (!domain.ok) return domain;
        if (!tokenId.ok) return tokenId;
        url = kitUrl(host.value, domain.value, tokenId.value);
    }
    return ok({ name: name.value, url, token: token.value, userMap: userMap.value });
}

function parseTelephony(value: unknown, readText: ReadText): Result<RelayConfig['telephony']> {
    if (value === undefined) return ok(undefined);
    if (!isRecord(value)) return fail('telephony must be an object');
    const fields = [
        'baseUrl',
        'orgId',
        'callCenterApiName',
        'providerName',
        'privateKeyFile',
        'contactCenterNumber'
    ] as const;
    const read: Record<string, string> = {};
    for (const field of fields) {
        const item = str(value[field], `telephony.${field}`);
        if (!item.ok) return item;
        read[field] = item.value;
    }
    if (!/^https:\/\//.test(read.baseUrl) && !/^http:\/\/127\.0\.0\.1[:/]/.test(read.baseUrl))
        return fail('telephony.baseUrl must be https');
    try {
        const privateKey = privateKeyFromPem(readText(read.privateKeyFile));
        const { baseUrl, orgId, callCenterApiName, providerName, contactCenterNumber } = read;
        return ok({ baseUrl, orgId, callCenterApiName, providerName, contactCenterNumber, privateKey });
    } catch {
        return fail('telephony.privateKeyFile is not a readable PEM private key');
    }
}

function parseBrowserToken(value: unknown, readText: ReadText): Result<BrowserTokenPolicy> {
    if (!isRecord(value)) return fail('browserToken must be an object');
    const file = str(value.certificateFile, 'browserToken.certificateFile');
    const orgId = str(value.orgId, 'browserToken.orgId');
    const audience = str(value.audience, 'browserToken.audience');
    const ttl = num(value.maxTtlSeconds, 300, 'browserToken.maxTtlSeconds');
    if (!file.ok) return file;
    if (!orgId.ok) return orgId;
    if (!audience.ok) return audience;
    if (!ttl.ok) return ttl;
    try {
        return ok({
            publicKey: publicKeyFromPem(readText(file.value)),
            orgId: orgId.value,
            audience: audience.value,
            maxTtlSeconds: ttl.value
        });
    } catch {
        return fail('browserToken.certificateFile is not a readable PEM certificate or public key');
    }
}

export function parseRelayConfig(
    value: unknown,
    env: Env,
    readText: ReadText = (p) => readFileSync(p, 'utf8')
): Result<RelayConfig> {
    if (!isRecord(value)) return fail('config must be a JSON object');
    if (!Array.isArray(value.accounts) || value.accounts.length === 0)
        return fail('accounts must list at least one Kit account');
    const accounts: AccountConfig[] = [];
    for (const [index, item] of value.accounts.entries()) {
        const account = parseAccount(item, index, env);
        if (!account.ok) return account;
        accounts.push(account.value);
    }
    const fieldMap =
        value.fieldMap === undefined ? ok(ASSUMED_KIT_FIELD_MAP) : parseKitFieldMap(value.fieldMap);
    if (!fieldMap.ok) return fail(`fieldMap: ${fieldMap.reason}`);
    const variableMap = stringMap(value.variableMap, 'variableMap', (field) => /^[A-Za-z]\w*$/.test(field));
    if (!variableMap.ok) return variableMap;
    const telephony = parseTelephony(value.telephony, readText);
    if (!telephony.ok) return telephony;
    const browserToken = parseBrowserToken(value.browserToken, readText);
    if (!browserToken.ok) return browserToken;
    const numbers = {
        port: num(value.port, 8080, 'port'),
        heartbeatMs: num(value.heartbeatMs, 20_000, 'heartbeatMs'),
        backoffInitialMs: num(value.backoffInitialMs, 500, 'backoffInitialMs'),
        backoffMaxMs: num(value.backoffMaxMs, 30_000, 'backoffMaxMs'),
        authTimeoutMs: num(value.authTimeoutMs, 5_000, 'authTimeoutMs'),
        maxCallAgeMs: num(value.maxCallAgeMs, 4 * 60 * 60 * 1000, 'maxCallAgeMs'),
        sweepIntervalMs: num(value.sweepIntervalMs, 60_000, 'sweepIntervalMs')
    };
    for (const item of Object.values(numbers)) if (!item.ok) return item;
    const n = (r: Result<number>): number => (r.ok ? r.value : 0);
    const origins = Array.isArray(value.allowedOrigins)
        ? value.allowedOrigins.filter((o): o is string => typeof o === 'string')
        : [];
    const capturePath =
        env.VOXIMPLANT_RELAY_CAPTURE ??
        (typeof value.capturePath === 'string' ? value.capturePath : undefined);
    return ok({
        host: typeof value.host === 'string' ? value.host : '127.0.0.1',
        port: n(numbers.port),
        allowedOrigins: origins,
        accounts,
        fieldMap: fieldMap.value,
        variableMap: variableMap.value,
        ...(telephony.value ? { telephony: telephony.value } : {}),
        browserToken: browserToken.value,
        heartbeatMs: n(numbers.heartbeatMs),
        backoffInitialMs: n(numbers.backoffInitialMs),
        backoffMaxMs: n(numbers.backoffMaxMs),
        authTimeoutMs: n(numbers.authTimeoutMs),
        maxCallAgeMs: n(numbers.maxCallAgeMs),
        sweepIntervalMs: n(numbers.sweepIntervalMs),
        ...(capturePath ? { capturePath } : {}),
        secrets: accounts.map((a) => a.token)
    });
}
