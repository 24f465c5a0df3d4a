// Client of the Service Cloud Voice Telephony Integration REST API (Service Cloud Voice Implementation
// Guide, chapter "Using the Telephony Integration API": "Create a Voice Call Record" POST
// /telephony/v1/voiceCalls, "Update a Voice Call Record" PATCH /telephony/v1/voiceCalls/{CALL ID}).
// Every request carries a fresh RS256 JWT signed with the contact center's private key.
import { type KeyObject, randomUUID } from 'node:crypto';
import { isRecord } from '../protocol/jsonValues';
import { type Result, fail, ok } from '../protocol/result';
import { signRs256 } from './jwt';

export interface TelephonyApiSettings {
    /** Base URL of the org's Telephony Integration endpoint (shown for the contact center; org-specific). */
    readonly baseUrl: string;
    /** JWT `iss`: the org id where the contact center and its certificate are registered. */
    readonly orgId: string;
    /** JWT `sub` and the POST body's `callCenterApiName`: the Salesforce Call Center API name. */
    readonly callCenterApiName: string;
    /** `Telephony-Provider-Name` header. */
    readonly providerName: string;
    readonly privateKey: KeyObject;
}

/** The guide's JWT claim set: `aud` is https://scrt.salesforce.com, expiry "within 3 minutes". */
export const TELEPHONY_AUDIENCE = 'https://scrt.salesforce.com';
const JWT_LIFETIME_SECONDS = 170;

export interface CreateVoiceCall {
    readonly vendorCallKey: string;
    readonly to: string;
    readonly from: string;
    readonly startTime: string;
    readonly participantKey: string;
    readonly callAttributes: Readonly<Record<string, string>>;
}

export interface PatchVoiceCall {
    readonly startTime?: string;
    readonly endTime: string;
    readonly acceptTime?: string;
    readonly callAttributes: Readonly<Record<string, string>>;
    readonly disconnectReason?: { readonly value: string; readonly isError: boolean };
}

export type Fetch = (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string }
) => Promise<{
    status: number;
    text(): Promise<string>;
}>;

export class TelephonyApiClient {
    constructor(
        private readonly settings: TelephonyApiSettings,
        private readonly fetchImpl: Fetch = fetch
    ) {}

    /** The bearer token for one request (public for tests and the bench). */
    bearerToken(nowMs = Date.now()): string {
        return signRs256(
            {
                iss: this.settings.orgId,
                sub: this.settings.callCenterApiName,
                aud: TELEPHONY_AUDIENCE,
                exp: Math.floor(nowMs / 1000) + JWT_LIFETIME_SECONDS,
                jti: randomUUID()
            },
            this.settings.privateKey
        );
    }

    /** Inbound calls only: the guide says outbound calls are not supported by this endpoint. */
    async createVoiceCall(call: CreateVoiceCall): Promise<Result<string>> {
        const body = {
            callCenterApiName: this.settings.callCenterApiName,
            vendorCallKey: call.vendorCallKey,
            to: call.to,
            from: call.from,
            initiationMethod: 'Inbound',
            startTime: call.startTime,
            participants: [{ participantKey: call.participantKey, type: 'END_USER' }],
            callAttributes: JSON.stringify(call.callAttributes)
        };
        const response = await this.send('POST', '/telephony/v1/voiceCalls', body);
        if (!response.ok) return response;
        const parsed = safeJson(response.value);
        return isRecord(parsed) && typeof parsed.voiceCallId === 'string'
            ? ok(parsed.voiceCallId)
            : fail('create answered without voiceCallId');
    }

    /** Once per call, at hangup: the guide warns that repeating the update overwrites hold totals. */
    async patchVoiceCall(vendorCallKey: string, patch: PatchVoiceCall): Promise<Result<string>> {
        const body = { ...patch, callAttributes: JSON.stringify(patch.callAttributes) };
        return this.send('PATCH', `/telephony/v1/voiceCalls/${encodeURIComponent(vendorCallKey)}`, body);
    }

    private async send(method: string, path: string, body: unknown): Promise<Result<string>> {
        try {
            const response = await this.fetchImpl(`${this.settings.baseUrl.replace(/\/$/, '')}${path}`, {
                method,
                headers: {
                    Authorization: `Bearer ${this.bearerToken()}`,
                    'Content-Type': 'application/json',
                    'Telephony-Provider-Name': this.settings.providerName
                },
                body: JSON.stringify(body)
            });
            const text = await response.text();
            return response.status >= 200 && response.status < 300
                ? ok(text)
                : fail(`${method} ${path.split('/').slice(0, 4).join('/')} answered ${response.status}`);
        } catch (error) {
            return fail(`${method} failed: ${error instanceof Error ? error.message : 'network error'}`);
        }
    }
}

function safeJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}
