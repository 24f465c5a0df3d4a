// One websocket to the Kit CTI server per account: the URL form and the connection_accepted →
// connected handshake of the Kit page "Working with the CTI server"; websocket pings as a heartbeat
// (a silent socket is terminated and redialled); exponential backoff with jitter between attempts.
import { type RawData, WebSocket } from 'ws';
import {
    type KitCommand,
    type KitEvent,
    type SenderId,
    parseKitEvent,
    serializeKitCommand,
    serializeKitEvent
} from '../protocol/kitProtocol';
import { type KitFieldMap } from '../protocol/kitFieldMap';
import { type Result, fail, ok } from '../protocol/result';
import { type FrameCapture, NO_CAPTURE } from './capture';
import { type Logger } from './logger';

export interface UpstreamOptions {
    readonly account: string;
    /** `wss://{host}/{domain_name}-{md5(token_id)}` without the token. */
    readonly url: string;
    readonly token: string;
    readonly fieldMap: KitFieldMap;
    readonly heartbeatMs: number;
    readonly backoffInitialMs: number;
    readonly backoffMaxMs: number;
    readonly logger: Logger;
    readonly capture?: FrameCapture;
}

export interface UpstreamHandlers {
    onEvent(event: KitEvent, text: string): void;
}

export type UpstreamState = 'connecting' | 'handshake' | 'ready' | 'waiting' | 'stopped';

export function backoffDelay(
    attempt: number,
    initialMs: number,
    maxMs: number,
    random: () => number = Math.random
): number {
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const text = (data: RawData): string =>
    (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');

export class KitUpstream {
    private socket: WebSocket | undefined;
    private senderId: SenderId | undefined;
    private attempt = 0;
    private timer: NodeJS.Timeout | undefined;
    private heartbeat: NodeJS.Timeout | undefined;
    private alive = false;
    private stateValue: UpstreamState = 'waiting';
    private readonly capture: FrameCapture;
    connects = 0;

    constructor(
        private readonly options: UpstreamOptions,
        private readonly handlers: UpstreamHandlers
    ) {
        this.capture = options.capture ?? NO_CAPTURE;
    }

    get state(): UpstreamState {
        return this.stateValue;
    }

    start(): void {
        if (this.stateValue === 'stopped') return;
        this.stateValue = 'connecting';
        const url = new URL(this.options.url);
        url.searchParams.set('access_token', this.options.token);
        const socket = new WebSocket(url.toString(), { handshakeTimeout: 10_000, maxPayload: 256 * 1024 });
        this.socket = socket;
        socket.on('open', () => {
            this.stateValue = 'handshake';
            this.alive = true;
            this.startHeartbeat(socket);
        });
        socket.on('pong', () => (this.alive = true));
        socket.on('message', (data) => this.onFrame(text(data)));
        socket.on('error', (error) =>
            this.options.logger.log('warn', 'kit upstream error', {
                account: this.options.account,
                error: error.message
            })
        );
        socket.on('close', (code) => this.onClose(socket, code));
    }

    /** Sends a command with this connection's sender id; refused while not ready. */
    send(command: KitCommand): Result<true> {
        if (this.stateValue !== 'ready' || !this.senderId || this.socket?.readyState !== WebSocket.OPEN)
            return fail('Kit connection not ready');
        const frame = serializeKitCommand(command, this.senderId, this.options.fieldMap);
        this.capture.record('out', frame);
        this.socket.send(frame);
        return ok(true);
    }

    stop(): Promise<void> {
        this.stateValue = 'stopped';
        clearTimeout(this.timer);
        clearInterval(this.heartbeat);
        const socket = this.socket;
        if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
        return new Promise((resolve) => {
            socket.once('close', () => resolve());
            socket.close(1001, 'relay shutting down');
            setTimeout(() => {
                socket.terminate();
                resolve();
            }, 1000).unref();
        });
    }

    private onFrame(frame: string): void {
        this.capture.record('in', frame);
        const parsed = parseKitEvent(frame, this.options.fieldMap);
        if (!parsed.ok) {
            this.options.logger.log('warn', 'kit frame rejected', {
                account: this.options.account,
                reason: parsed.reason
            });
            return;
        }
        if (parsed.value.name === 'connection_accepted') {
            this.senderId = parsed.value.senderId;
            const connected = serializeKitEvent(
                { name: 'connected', senderId: parsed.value.senderId },
                this.options.fieldMap
            );
            this.capture.record('out', connected);
            this.socket?.send(connected);
            this.stateValue = 'ready';
            this.attempt = 0;
            this.connects += 1;
            this.options.logger.log('info', 'kit upstream ready', {
                account: this.options.account,
                connects: this.connects
            });
            return;
        }
        if (this.stateValue !== 'ready') {
            this.options.logger.log('warn', 'kit frame before connection_accepted', {
                account: this.options.account,
                event: parsed.value.name
            });
            return;
        }
        this.handlers.onEvent(parsed.value, frame);
    }

    private startHeartbeat(socket: WebSocket): void {
        clearInterval(this.heartbeat);
        this.heartbeat = setInterval(() => {
            if (!this.alive) {
                this.options.logger.log('warn', 'kit heartbeat missed', { account: this.options.account });
                socket.terminate();
                return;
            }
            this.alive = false;
            socket.ping();
        }, this.options.heartbeatMs);
    }

    private onClose(socket: WebSocket, code: number): void {
        if (socket !== this.socket) return;
        clearInterval(this.heartbeat);
        this.senderId = undefined;
        if (this.stateValue === 'stopped') return;
        this.stateValue = 'waiting';
        const delay = backoffDelay(this.attempt++, this.options.backoffInitialMs, this.options.backoffMaxMs);
        this.options.logger.log('warn', 'kit upstream closed', {
            account: this.options.account,
            code,
            retryInMs: delay
        });
        this.timer = setTimeout(() => this.start(), delay);
    }
}
