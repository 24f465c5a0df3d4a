// The browser side of the relay link: authenticates with a fresh relay token on every (re)connect,
// correlates command results, reconnects with backoff. Holds no Kit or Telephony secret.
import { type Result, fail } from '../protocol/result';
import { type BrowserCommand, type RelayToBrowser, parseRelayMessage } from '../wire/agentWire';

/**
 * The subset of the browser WebSocket the client uses; the `ws` package's client matches it in tests.
 * Handlers are typed `never` so both socket types fit; the client reads what it receives defensively.
 */
export interface SocketLike {
    readonly readyState: number;
    send(data: string): void;
    close(code?: number, reason?: string): void;
    onopen: ((event: never) => void) | null;
    onmessage: ((event: never) => void) | null;
    onclose: ((event: never) => void) | null;
    onerror: ((event: never) => void) | null;
}

interface MessageLike {
    readonly data: unknown;
}

interface CloseLike {
    readonly code: number;
    readonly reason: string;
}

export interface RelayClientOptions {
    readonly url: string;
    readonly openSocket: (url: string) => SocketLike;
    /** Asks Salesforce (Apex, current user) for a short-lived relay token. */
    readonly fetchToken: () => Promise<string>;
    readonly onMessage: (message: RelayToBrowser) => void;
    readonly onDisconnected?: (reason: string) => void;
    readonly commandTimeoutMs?: number;
    readonly retryInitialMs?: number;
    readonly retryMaxMs?: number;
}

const OPEN = 1;

interface Pending {
    resolve(result: Result<true>): void;
    timer: ReturnType<typeof setTimeout>;
}

export class RelayClient {
    private socket: SocketLike | undefined;
    private readonly pending = new Map<string, Pending>();
    private seq = 0;
    private attempt = 0;
    private stopped = false;
    private retry: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly options: RelayClientOptions) {}

    connect(): void {
        if (this.stopped) return;
        const socket = this.options.openSocket(this.options.url);
        this.socket = socket;
        socket.onopen = () => {
            this.options
                .fetchToken()
                .then((token) => socket.send(JSON.stringify({ type: 'auth', token })))
                .catch(() => socket.close(1000, 'no relay token'));
        };
        // A failed attempt also closes the socket; onclose schedules the retry.
        socket.onerror = () => undefined;
        socket.onmessage = (event: MessageLike) => {
            if (typeof event.data !== 'string') return;
            const message = parseRelayMessage(event.data);
            if (!message.ok) return;
            if (message.value.type === 'ready') this.attempt = 0;
            if (message.value.type === 'result')
                this.settle(
                    message.value.id,
                    message.value.ok ? { ok: true, value: true } : fail(message.value.reason ?? 'refused')
                );
            else this.options.onMessage(message.value);
        };
        socket.onclose = (event: CloseLike) => {
            if (socket !== this.socket) return;
            for (const id of [...this.pending.keys()]) this.settle(id, fail('relay connection lost'));
            this.options.onDisconnected?.(event.reason || `closed ${event.code}`);
            if (this.stopped) return;
            const initial = this.options.retryInitialMs ?? 500;
            const delay = Math.min(
                this.options.retryMaxMs ?? 30_000,
                initial * 2 ** Math.min(this.attempt++, 10)
            );
            this.retry = setTimeout(() => this.connect(), delay);
        };
    }

    command(command: BrowserCommand): Promise<Result<true>> {
        const socket = this.socket;
        if (!socket || socket.readyState !== OPEN) return Promise.resolve(fail('relay not connected'));
        const id = `cmd-${++this.seq}`;
        return new Promise((resolve) => {
            const timer = setTimeout(
                () => this.settle(id, fail('relay did not answer')),
                this.options.commandTimeoutMs ?? 10_000
            );
            this.pending.set(id, { resolve, timer });
            socket.send(JSON.stringify({ type: 'command', id, command }));
        });
    }

    stop(): void {
        this.stopped = true;
        clearTimeout(this.retry);
        this.socket?.close(1000, 'connector stopped');
    }

    private settle(id: string, result: Result<true>): void {
        const pending = this.pending.get(id);
        if (!pending) return;
        clearTimeout(pending.timer);
        this.pending.delete(id);
        pending.resolve(result);
    }
}
