// Everything a relay test needs, on 127.0.0.1 ephemeral ports: a Kit simulator, a fake Telephony
// Integration API that records requests, RSA keys, a relay, and browser-token minting.
import { type KeyObject, generateKeyPairSync } from 'node:crypto';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { signRs256 } from '../../src/relay/jwt';
import { type RelayConfig } from '../../src/relay/config';
import { memoryLogger } from '../../src/relay/logger';
import { type RunningRelay, startRelay } from '../../src/relay/relay';
import { ASSUMED_KIT_FIELD_MAP } from '../../src/protocol/kitFieldMap';
import { type KitSimulator, startKitSimulator } from '../../src/simulator/kitSimulator';
import { type FrameCapture } from '../../src/relay/capture';
import { openSocket, type TestSocket } from './sockets';

export const ORG_ID = '00D000000000001AAA';
export const AGENT_A = '005000000000001AAA';
export const AGENT_B = '005000000000002AAA';
export const UNMAPPED = '005000000000009AAA';
export const KIT_TOKEN = 'kit-secret-token-123';

export interface RecordedRequest {
    readonly method: string;
    readonly url: string;
    readonly headers: IncomingHttpHeaders;
    readonly body: unknown;
}

export interface FakeTelephonyApi {
    readonly baseUrl: string;
    readonly requests: RecordedRequest[];
    close(): Promise<void>;
}

export async function startFakeTelephonyApi(): Promise<FakeTelephonyApi> {
    const requests: RecordedRequest[] = [];
    let seq = 0;
    const server = createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
            requests.push({
                method: req.method ?? '',
                url: req.url ?? '',
                headers: req.headers,
                body: JSON.parse(raw || 'null')
            });
            if (req.method === 'POST') {
                res.writeHead(201, { 'Content-Type': 'application/json' });
                res.end(
                    JSON.stringify({ voiceCallId: `0LQ00000000000${++seq}`.padEnd(15, '0'), errors: [] })
                );
            } else {
                res.writeHead(200, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify({ status: 'pending' }));
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () =>
            new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            })
    };
}

export interface Keys {
    readonly telephony: { privateKey: KeyObject; publicKey: KeyObject };
    readonly relayToken: { privateKey: KeyObject; publicKey: KeyObject };
    readonly stranger: { privateKey: KeyObject; publicKey: KeyObject };
}

const pair = (): { privateKey: KeyObject; publicKey: KeyObject } =>
    generateKeyPairSync('rsa', { modulusLength: 2048 });

export function makeKeys(): Keys {
    return { telephony: pair(), relayToken: pair(), stranger: pair() };
}

/** What the Apex controller issues: RS256, iss org, sub user, aud relay, 5 minutes. */
export function browserToken(keys: Keys, overrides: Record<string, unknown> = {}, key?: KeyObject): string {
    const now = Math.floor(Date.now() / 1000);
    return signRs256(
        { iss: ORG_ID, sub: AGENT_A, aud: 'voximplant-relay', iat: now, exp: now + 300, ...overrides },
        key ?? keys.relayToken.privateKey
    );
}

export interface Harness {
    readonly sim: KitSimulator;
    readonly api: FakeTelephonyApi;
    readonly relay: RunningRelay;
    readonly keys: Keys;
    readonly logs: string[];
    agent(token: string): Promise<TestSocket>;
    close(): Promise<void>;
}

export async function startHarness(
    options: { capture?: FrameCapture; heartbeatMs?: number; maxCallAgeMs?: number } = {}
): Promise<Harness> {
    const keys = makeKeys();
    const sim = await startKitSimulator({
        domain: 'acme',
        tokenId: 'tok-1',
        token: KIT_TOKEN,
        failingNumbers: ['+15550000']
    });
    const api = await startFakeTelephonyApi();
    const logger = memoryLogger([KIT_TOKEN]);
    const config: RelayConfig = {
        host: '127.0.0.1',
        port: 0,
        allowedOrigins: [],
        accounts: [
            { name: 'acme', url: sim.url, token: KIT_TOKEN, userMap: { '101': AGENT_A, '102': AGENT_B } }
        ],
        fieldMap: ASSUMED_KIT_FIELD_MAP,
        variableMap: { ivr_type: 'IVRType__c', ivr_input: 'IVRInput__c', disposition: 'CallDisposition' },
        telephony: {
            baseUrl: api.baseUrl,
            orgId: ORG_ID,
            callCenterApiName: 'VoximplantKit',
            providerName: 'Voximplant Kit',
            privateKey: keys.telephony.privateKey,
            contactCenterNumber: '+15550001'
        },
        browserToken: {
            publicKey: keys.relayToken.publicKey,
            orgId: ORG_ID,
            audience: 'voximplant-relay',
            maxTtlSeconds: 300
        },
        heartbeatMs: options.heartbeatMs ?? 1000,
        backoffInitialMs: 50,
        backoffMaxMs: 200,
        authTimeoutMs: 1000,
        maxCallAgeMs: options.maxCallAgeMs ?? 3_600_000,
        sweepIntervalMs: 50,
        secrets: [KIT_TOKEN]
    };
    const relay = await startRelay(config, {
        logger,
        ...(options.capture ? { capture: options.capture } : {})
    });
    return {
        sim,
        api,
        relay,
        keys,
        logs: logger.lines,
        async agent(token) {
            const socket = await openSocket(relay.url);
            socket.send({ type: 'auth', token });
            return socket;
        },
        async close() {
            await relay.stop();
            await sim.close();
            await api.close();
        }
    };
}

export function messages(socket: TestSocket): Record<string, unknown>[] {
    return socket.frames.map((frame) => JSON.parse(frame) as Record<string, unknown>);
}

export function kitEvents(socket: TestSocket): string[] {
    return messages(socket)
        .filter((m) => m.type === 'kit')
        .map((m) => String((m.event as { name: string }).name));
}
