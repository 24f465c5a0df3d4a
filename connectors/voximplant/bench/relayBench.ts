// `npm run bench:relay`: frames per second through the relay and fan-out latency with 50 connected
// agents, all on 127.0.0.1 (Kit simulator → relay → 50 browser sockets). Prints numbers; asserts nothing.
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { ASSUMED_KIT_FIELD_MAP } from '../src/protocol/kitFieldMap';
import { signRs256 } from '../src/relay/jwt';
import { memoryLogger } from '../src/relay/logger';
import { startRelay } from '../src/relay/relay';
import { startKitSimulator } from '../src/simulator/kitSimulator';
import { startFakeTelephonyApi } from '../test/support/harness';

const AGENTS = 50;
const STATUS_FRAMES = Number(process.env.BENCH_FRAMES ?? 20000);
const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const ORG = '00D000000000001AAA';
const userId = (i: number): string => `005${String(i).padStart(12, '0')}AAA`;

function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
    const relayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const telephonyKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sim = await startKitSimulator({ domain: 'bench', tokenId: 't', token: 'bench-token' });
    const api = await startFakeTelephonyApi();
    const userMap: Record<string, string> = {};
    for (let i = 0; i < AGENTS; i++) userMap[String(1000 + i)] = userId(i);
    const relay = await startRelay(
        {
            host: '127.0.0.1',
            port: 0,
            allowedOrigins: [],
            accounts: [{ name: 'bench', url: sim.url, token: 'bench-token', userMap }],
            fieldMap: ASSUMED_KIT_FIELD_MAP,
            variableMap: { ivr_type: 'IVRType__c' },
            telephony: {
                baseUrl: api.baseUrl,
                orgId: ORG,
                callCenterApiName: 'Bench',
                providerName: 'Voximplant Kit',
                privateKey: telephonyKeys.privateKey,
                contactCenterNumber: '+15550001'
            },
            browserToken: {
                publicKey: relayKeys.publicKey,
                orgId: ORG,
                audience: 'voximplant-relay',
                maxTtlSeconds: 300
            },
            heartbeatMs: 20000,
            backoffInitialMs: 100,
            backoffMaxMs: 1000,
            authTimeoutMs: 5000,
            maxCallAgeMs: 3_600_000,
            sweepIntervalMs: 60_000,
            secrets: ['bench-token']
        },
        { logger: memoryLogger() }
    );
    while (relay.accountState('bench') !== 'ready') await new Promise((r) => setTimeout(r, 10));

    const latencies: number[] = [];
    let received = 0;
    const sockets: WebSocket[] = [];
    await Promise.all(
        Array.from({ length: AGENTS }, (_, i) => {
            const socket = new WebSocket(relay.url);
            sockets.push(socket);
            return new Promise<void>((resolve) => {
                socket.on('open', () => {
                    const now = Math.floor(Date.now() / 1000);
                    socket.send(
                        JSON.stringify({
                            type: 'auth',
                            token: signRs256(
                                { iss: ORG, sub: userId(i), aud: 'voximplant-relay', exp: now + 300 },
                                relayKeys.privateKey
                            )
                        })
                    );
                });
                socket.on('message', (data) => {
                    const message = JSON.parse(data.toString()) as {
                        type: string;
                        event?: { name: string; status?: string };
                    };
                    if (message.type === 'ready') resolve();
                    if (message.type !== 'kit') return;
                    received += 1;
                    const status = message.event?.status;
                    if (status?.startsWith('t:')) latencies.push(performance.now() - Number(status.slice(2)));
                });
            });
        })
    );

    // Phase 1: status frames round-robin over the 50 Kit users; each goes to exactly one agent.
    const started = performance.now();
    for (let i = 0; i < STATUS_FRAMES; i++) {
        sim.emit({
            name: 'status_changed',
            userId: String(1000 + (i % AGENTS)),
            status: `t:${performance.now()}`
        });
        if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    while (received < STATUS_FRAMES && performance.now() - started < 60000)
        await new Promise((r) => setTimeout(r, 5));
    const statusSeconds = (performance.now() - started) / 1000;

    // Phase 1b: the same frames paced (one per millisecond): latency without a burst queue.
    const burstLatencies = latencies.splice(0, latencies.length);
    const pacedStart = received;
    for (let i = 0; i < 1000; i++) {
        sim.emit({
            name: 'status_changed',
            userId: String(1000 + (i % AGENTS)),
            status: `t:${performance.now()}`
        });
        await new Promise((r) => setTimeout(r, 1));
    }
    while (received - pacedStart < 1000) await new Promise((r) => setTimeout(r, 5));
    const pacedLatencies = latencies.splice(0, latencies.length).sort((a, b) => a - b);
    latencies.push(...burstLatencies);

    // Phase 2: inbound calls (create + one patch each against the local fake Telephony Integration API).
    const callStart = performance.now();
    const before = received;
    for (let c = 0; c < CALLS; c++) {
        const base = { callId: `bench-${c}`, userId: String(1000 + (c % AGENTS)) };
        sim.emit({
            name: 'incoming_call',
            ...base,
            phone: '+15550100',
            variables: { ivr_type: 'CaseNumber' }
        });
        sim.emit({ name: 'call_connected', ...base });
        sim.emit({ name: 'call_disconnected', ...base, reason: 'hangup' });
        if (c % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    while (received - before < CALLS * 3 && performance.now() - callStart < 60000)
        await new Promise((r) => setTimeout(r, 5));
    while (api.requests.length < CALLS * 2 && performance.now() - callStart < 60000)
        await new Promise((r) => setTimeout(r, 5));
    const callSeconds = (performance.now() - callStart) / 1000;

    latencies.sort((a, b) => a - b);
    console.log(`relay bench (${AGENTS} agents connected, 127.0.0.1, Node ${process.version})`);
    console.log(
        `  status fan-out: ${received >= STATUS_FRAMES ? STATUS_FRAMES : received}/${STATUS_FRAMES} frames in ${statusSeconds.toFixed(2)} s = ${Math.round(STATUS_FRAMES / statusSeconds)} frames/s`
    );
    console.log(
        `  burst latency (Kit frame sent → agent socket received): p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies[latencies.length - 1].toFixed(2)} ms`
    );
    console.log(
        `  paced latency (1000 frames, 1 per ms): p50 ${percentile(pacedLatencies, 50).toFixed(2)} ms, p95 ${percentile(pacedLatencies, 95).toFixed(2)} ms, max ${pacedLatencies[pacedLatencies.length - 1].toFixed(2)} ms`
    );
    console.log(
        `  inbound calls with VoiceCall create + patch: ${CALLS} calls (${CALLS * 3} frames, ${api.requests.length} API requests) in ${callSeconds.toFixed(2)} s = ${Math.round((CALLS * 3) / callSeconds)} frames/s`
    );
    console.log(`  relay stats: forwarded ${relay.stats.forwarded}, dropped ${relay.stats.dropped}`);
    for (const socket of sockets) socket.close();
    await relay.stop();
    await sim.close();
    await api.close();
}

void main();
