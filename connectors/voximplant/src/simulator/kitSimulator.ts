// A local stand-in for the Voximplant Kit CTI server, speaking the ASSUMED frame shapes of
// protocol/kitFieldMap.ts. What it enforces is what the Kit page "Working with the CTI server" states:
// the URL `/{domain_name}-{md5(token_id)}?access_token={token}`, `connection_accepted` with a sender id
// on connect, a `connected` from the client, one shared room per account that receives every event,
// and the sender id in every client message. Binds 127.0.0.1 only.
import { createHash, randomUUID } from 'node:crypto';
import { type IncomingMessage, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import {
    type KitCommand,
    type KitEvent,
    type SenderId,
    parseKitCommand,
    parseKitEvent,
    serializeKitEvent,
    toSenderId
} from '../protocol/kitProtocol';
import { type KitFieldMap, ASSUMED_KIT_FIELD_MAP } from '../protocol/kitFieldMap';
import { type KitScenario, stepText } from './kitScenarios';

export interface KitSimulatorOptions {
    readonly domain: string;
    readonly tokenId: string;
    readonly token: string;
    readonly port?: number;
    readonly fieldMap?: KitFieldMap;
    /** Numbers that `make_call` fails (call_failed) instead of connecting. */
    readonly failingNumbers?: readonly string[];
}

interface Client {
    readonly socket: WebSocket;
    readonly senderId: SenderId;
    joined: boolean;
}

export interface KitSimulator {
    readonly url: string;
    readonly port: number;
    /** Valid commands in arrival order. */
    readonly commands: KitCommand[];
    /** Rejected client frames with their reasons. */
    readonly rejections: string[];
    /** Number of accepted connections since start (reconnects count). */
    connectionCount(): number;
    /** Clients that sent `connected` and are in the room. */
    roomSize(): number;
    /** Sender ids of the clients in the room. */
    roomSenders(): string[];
    broadcast(text: string): void;
    emit(event: KitEvent): void;
    play(scenario: KitScenario, stepGapMs?: number): Promise<void>;
    drop(): void;
    close(): Promise<void>;
}

export function kitPath(domain: string, tokenId: string): string {
    return `/${domain}-${createHash('md5').update(tokenId).digest('hex')}`;
}

function rawText(data: RawData): string {
    if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
    return Buffer.from(data as ArrayBuffer).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startKitSimulator(options: KitSimulatorOptions): Promise<KitSimulator> {
    const map = options.fieldMap ?? ASSUMED_KIT_FIELD_MAP;
    const path = kitPath(options.domain, options.tokenId);
    const clients = new Set<Client>();
    const commands: KitCommand[] = [];
    const rejections: string[] = [];
    let connections = 0;
    let outboundSeq = 0;

    const http = createServer((_req, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

    const authorised = (req: IncomingMessage): boolean => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        return url.pathname === path && url.searchParams.get('access_token') === options.token;
    };

    http.on('upgrade', (req, socket, head) => {
        if (!authorised(req)) {
            socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
            return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
    });

    const room = (): Client[] => [...clients].filter((client) => client.joined);
    const broadcast = (text: string): void => {
        for (const client of room())
            if (client.socket.readyState === WebSocket.OPEN) client.socket.send(text);
    };
    const emit = (event: KitEvent): void => broadcast(serializeKitEvent(event, map));

    function react(command: KitCommand): void {
        switch (command.name) {
            case 'make_call': {
                const callId = `sim-out-${++outboundSeq}`;
                const base = { callId, userId: command.userId };
                emit({ name: 'outgoing_call', ...base, phone: command.phone, variables: {} });
                const failing = options.failingNumbers?.includes(command.phone) ?? false;
                emit(
                    failing
                        ? { name: 'call_failed', ...base, reason: 'no_answer' }
                        : { name: 'call_connected', ...base }
                );
                break;
            }
            case 'set_variables':
                emit({
                    name: 'data_updated',
                    callId: command.callId,
                    userId: command.userId,
                    variables: command.variables
                });
                break;
            case 'logout':
                emit({ name: 'status_changed', userId: command.userId, status: 'offline' });
                break;
        }
    }

    function onFrame(client: Client, text: string): void {
        if (!client.joined) {
            const hello = parseKitEvent(text, map);
            if (hello.ok && hello.value.name === 'connected' && hello.value.senderId === client.senderId) {
                client.joined = true;
                return;
            }
            rejections.push('connected expected first');
            client.socket.close(1008, 'connected expected');
            return;
        }
        const parsed = parseKitCommand(text, map);
        if (!parsed.ok) {
            rejections.push(parsed.reason);
            return;
        }
        if (parsed.value.senderId !== client.senderId) {
            rejections.push('sender id does not match this connection');
            return;
        }
        commands.push(parsed.value.command);
        react(parsed.value.command);
    }

    function accept(socket: WebSocket): void {
        connections += 1;
        const minted = toSenderId(randomUUID());
        if (!minted.ok) throw new Error(minted.reason);
        const client: Client = { socket, senderId: minted.value, joined: false };
        clients.add(client);
        socket.on('message', (data) => onFrame(client, rawText(data)));
        socket.on('close', () => clients.delete(client));
        socket.on('error', () => clients.delete(client));
        socket.send(serializeKitEvent({ name: 'connection_accepted', senderId: client.senderId }, map));
    }

    await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
    const port = (http.address() as AddressInfo).port;

    const drop = (): void => {
        for (const client of clients) client.socket.terminate();
        clients.clear();
    };

    return {
        url: `ws://127.0.0.1:${port}${path}`,
        port,
        commands,
        rejections,
        connectionCount: () => connections,
        roomSize: () => room().length,
        roomSenders: () => room().map((client) => client.senderId),
        broadcast,
        emit,
        async play(scenario, stepGapMs = 5) {
            for (const step of scenario.steps) {
                if (step.kind === 'drop') drop();
                else if (step.kind === 'pause') await sleep(step.ms);
                else broadcast(stepText(step, map) ?? '');
                await sleep(stepGapMs);
            }
        },
        drop,
        close: () =>
            new Promise<void>((resolve) => {
                drop();
                wss.close();
                http.close(() => resolve());
                http.closeAllConnections();
            })
    };
}
