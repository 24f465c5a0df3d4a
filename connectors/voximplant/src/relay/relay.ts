// The relay service: Kit upstreams in, per-agent browser sockets out, VoiceCalls through the
// Telephony Integration API, `/healthz` for the orchestrator, graceful stop.
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { type KitCallEvent, type KitCommand, type KitEvent } from '../protocol/kitProtocol';
import { type Result, fail } from '../protocol/result';
import { type BrowserCommand, type RelayToBrowser } from '../wire/agentWire';
import { type AgentIdentity, AgentHub } from './agentHub';
import { verifyBrowserToken } from './browserToken';
import { CallTracker } from './callTracker';
import { type RelayConfig } from './config';
import { type FrameCapture, NO_CAPTURE } from './capture';
import { KitUpstream } from './kitUpstream';
import { type Logger } from './logger';
import { TelephonyApiClient, type Fetch } from './telephonyApi';
import { VoiceCallSync } from './voiceCallSync';

export interface RelayDeps {
    readonly logger: Logger;
    readonly fetch?: Fetch;
    readonly capture?: FrameCapture;
}

interface AccountRuntime {
    readonly name: string;
    readonly upstream: KitUpstream;
    readonly tracker: CallTracker;
    readonly chains: Map<string, Promise<void>>;
}

export interface RunningRelay {
    readonly port: number;
    readonly url: string;
    readonly stats: { forwarded: number; dropped: number };
    accountState(name: string): string | undefined;
    stop(): Promise<void>;
}

export async function startRelay(config: RelayConfig, deps: RelayDeps): Promise<RunningRelay> {
    const { logger } = deps;
    const stats = { forwarded: 0, dropped: 0 };
    const sync = config.telephony
        ? new VoiceCallSync({
              client: new TelephonyApiClient(config.telephony, deps.fetch),
              contactCenterNumber: config.telephony.contactCenterNumber,
              variableMap: config.variableMap,
              logger
          })
        : undefined;
    const accounts = new Map<string, AccountRuntime>();
    const usersBySalesforceId = new Map<string, AgentIdentity>();
    for (const account of config.accounts)
        for (const [kitUserId, salesforceUserId] of Object.entries(account.userMap))
            usersBySalesforceId.set(salesforceUserId.slice(0, 15), {
                salesforceUserId,
                account: account.name,
                kitUserId
            });

    const hub = new AgentHub({
        authTimeoutMs: config.authTimeoutMs,
        logger,
        verifyToken: (token) => verifyBrowserToken(token, config.browserToken),
        identify: (userId) => usersBySalesforceId.get(userId.slice(0, 15)),
        welcome: (identity) => ({
            type: 'ready',
            kitUserId: identity.kitUserId,
            calls: accounts.get(identity.account)?.tracker.activeCalls(identity.kitUserId) ?? []
        }),
        command: (identity, command) => runCommand(identity, command)
    });

    function runCommand(identity: AgentIdentity, command: BrowserCommand): Result<true> {
        const runtime = accounts.get(identity.account);
        if (!runtime) return fail('account not configured');
        const kitUserId = identity.kitUserId;
        let kitCommand: KitCommand;
        if (command.name === 'set_variables') {
            if (runtime.tracker.get(command.callId)?.kitUserId !== kitUserId)
                return fail('call does not belong to this agent');
            kitCommand = {
                name: 'set_variables',
                userId: kitUserId,
                callId: command.callId,
                variables: command.variables
            };
        } else if (command.name === 'make_call') {
            kitCommand = { name: 'make_call', userId: kitUserId, phone: command.phone };
        } else {
            kitCommand = { name: 'logout', userId: kitUserId };
        }
        return runtime.upstream.send(kitCommand);
    }

    function forward(runtime: AccountRuntime, kitUserId: string, message: RelayToBrowser): void {
        stats.forwarded += 1;
        hub.fanOut(runtime.name, kitUserId, message);
    }

    async function onCallEvent(runtime: AccountRuntime, event: KitCallEvent): Promise<void> {
        const outcome = runtime.tracker.apply(event);
        if (outcome.kind === 'drop') {
            stats.dropped += 1;
            logger.log('debug', 'kit event dropped', {
                account: runtime.name,
                callId: event.callId,
                reason: outcome.reason
            });
            return;
        }
        const call = outcome.call;
        if (outcome.kind === 'new' && sync && event.name === 'incoming_call')
            call.voiceCallId = await sync.created(call);
        forward(runtime, call.kitUserId, {
            type: 'kit',
            event,
            ...(call.voiceCallId ? { voiceCallId: call.voiceCallId } : {})
        });
        if (outcome.kind === 'ended' && sync)
            await sync.ended(call, event.name === 'call_failed' ? event.reason : undefined);
    }

    function enqueue(runtime: AccountRuntime, event: KitCallEvent): void {
        // One chain per call keeps a call's events in order while its VoiceCall request is in flight.
        const previous = runtime.chains.get(event.callId) ?? Promise.resolve();
        const next = previous
            .then(() => onCallEvent(runtime, event))
            .catch((error: unknown) =>
                logger.log('error', 'kit event failed', {
                    error: error instanceof Error ? error.message : 'unknown'
                })
            );
        runtime.chains.set(event.callId, next);
        void next.then(() => {
            if (runtime.chains.get(event.callId) === next) runtime.chains.delete(event.callId);
        });
    }

    /** Ends calls Kit never reported ended, so no softphone keeps a call it cannot hang up. */
    function sweepStaleCalls(): void {
        const cutoff = new Date(Date.now() - config.maxCallAgeMs);
        for (const runtime of accounts.values())
            for (const call of runtime.tracker.staleCalls(cutoff)) {
                logger.log('warn', 'stale call ended by the relay', {
                    account: runtime.name,
                    callId: call.callId
                });
                enqueue(runtime, {
                    name: 'call_disconnected',
                    callId: call.callId,
                    userId: call.kitUserId,
                    reason: 'stale'
                });
            }
    }

    function onEvent(runtime: AccountRuntime, event: KitEvent, text: string): void {
        if (event.name === 'connection_accepted' || event.name === 'connected') return;
        const key = event.name === 'status_changed' ? `status:${event.userId}` : `call:${event.callId}`;
        if (runtime.tracker.isRepeat(key, text)) {
            stats.dropped += 1;
            return;
        }
        if (event.name === 'status_changed') {
            forward(runtime, event.userId, { type: 'kit', event });
            return;
        }
        enqueue(runtime, event);
    }

    for (const account of config.accounts) {
        const tracker = new CallTracker();
        const chains = new Map<string, Promise<void>>();
        const runtime: AccountRuntime = {
            name: account.name,
            tracker,
            chains,
            upstream: new KitUpstream(
                {
                    account: account.name,
                    url: account.url,
                    token: account.token,
                    fieldMap: config.fieldMap,
                    heartbeatMs: config.heartbeatMs,
                    backoffInitialMs: config.backoffInitialMs,
                    backoffMaxMs: config.backoffMaxMs,
                    logger,
                    capture: deps.capture ?? NO_CAPTURE
                },
                { onEvent: (event, text) => onEvent(runtime, event, text) }
            )
        };
        accounts.set(account.name, runtime);
    }

    const server = createServer((req, res) => {
        if (req.method === 'GET' && req.url === '/healthz') {
            const upstreams = [...accounts.values()].map((a) => ({
                account: a.name,
                state: a.upstream.state,
                activeCalls: a.tracker.activeCount()
            }));
            const healthy = upstreams.every((u) => u.state === 'ready');
            res.writeHead(healthy ? 200 : 503, { 'Content-Type': 'application/json' });
            res.end(
                JSON.stringify({ status: healthy ? 'ok' : 'degraded', upstreams, agents: hub.agentCount() })
            );
            return;
        }
        res.writeHead(404).end();
    });
    const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
    server.on('upgrade', (req: IncomingMessage, socket, head) => {
        const origin = req.headers.origin ?? '';
        const path = new URL(req.url ?? '/', 'http://relay').pathname;
        if (
            path !== '/agent' ||
            (config.allowedOrigins.length > 0 && !config.allowedOrigins.includes(origin))
        ) {
            socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
            return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => hub.attach(ws));
    });
    await listen(server, config.port, config.host);
    for (const runtime of accounts.values()) runtime.upstream.start();
    const sweeper = setInterval(sweepStaleCalls, config.sweepIntervalMs);
    sweeper.unref();
    const port = (server.address() as AddressInfo).port;
    logger.log('info', 'relay listening', { host: config.host, port, accounts: config.accounts.length });

    return {
        port,
        url: `ws://${config.host}:${port}/agent`,
        stats,
        accountState: (name) => accounts.get(name)?.upstream.state,
        async stop() {
            logger.log('info', 'relay stopping', {});
            clearInterval(sweeper);
            hub.closeAll();
            await Promise.all([...accounts.values()].map((a) => a.upstream.stop()));
            await Promise.race([
                Promise.all([...accounts.values()].flatMap((a) => [...a.chains.values()])),
                new Promise((resolve) => setTimeout(resolve, 5000).unref())
            ]);
            wss.close();
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
        }
    };
}

function listen(server: Server, port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
    });
}
