// Browser connections: each must authenticate with a relay token first, is bound to the Kit user its
// Salesforce user maps to, and from then on only receives that Kit user's events.
import { type WebSocket } from 'ws';
import { type RelayToBrowser, parseBrowserMessage, type BrowserCommand } from '../wire/agentWire';
import { type Result } from '../protocol/result';
import { type Logger } from './logger';

export interface AgentIdentity {
    readonly salesforceUserId: string;
    readonly account: string;
    readonly kitUserId: string;
}

export interface AgentHubOptions {
    readonly authTimeoutMs: number;
    readonly logger: Logger;
    /** Token → Salesforce user id, or why not. */
    verifyToken(token: string): Result<string>;
    /** Salesforce user → the Kit user it is mapped to. */
    identify(salesforceUserId: string): AgentIdentity | undefined;
    /** First message after authentication (call replay). */
    welcome(identity: AgentIdentity): RelayToBrowser;
    /** Runs a command for the agent; the reason is sent back to the browser on refusal. */
    command(identity: AgentIdentity, command: BrowserCommand): Result<true>;
}

const keyOf = (account: string, kitUserId: string): string => `${account}\u0000${kitUserId}`;
const PENDING_AUTH = 4001;
const UNAUTHORISED = 4003;

export class AgentHub {
    private readonly sessions = new Map<string, Set<WebSocket>>();

    constructor(private readonly options: AgentHubOptions) {}

    attach(socket: WebSocket): void {
        let identity: AgentIdentity | undefined;
        const timer = setTimeout(
            () => socket.close(PENDING_AUTH, 'authentication timed out'),
            this.options.authTimeoutMs
        );
        socket.on('message', (data) => {
            const message = parseBrowserMessage(data.toString());
            if (!message.ok) {
                if (!identity) socket.close(UNAUTHORISED, 'authenticate first');
                return;
            }
            if (!identity) {
                clearTimeout(timer);
                identity =
                    message.value.type === 'auth'
                        ? this.authenticate(socket, message.value.token)
                        : undefined;
                if (!identity && socket.readyState === socket.OPEN)
                    socket.close(UNAUTHORISED, 'authenticate first');
                return;
            }
            if (message.value.type === 'command') {
                const result = this.options.command(identity, message.value.command);
                this.send(socket, {
                    type: 'result',
                    id: message.value.id,
                    ok: result.ok,
                    ...(result.ok ? {} : { reason: result.reason })
                });
            }
        });
        socket.on('close', () => {
            clearTimeout(timer);
            if (identity) this.sessions.get(keyOf(identity.account, identity.kitUserId))?.delete(socket);
        });
    }

    /** Sends to every browser of one Kit user; returns how many received it. */
    fanOut(account: string, kitUserId: string, message: RelayToBrowser): number {
        const sockets = this.sessions.get(keyOf(account, kitUserId));
        if (!sockets) return 0;
        const text = JSON.stringify(message);
        for (const socket of sockets) socket.send(text);
        return sockets.size;
    }

    agentCount(): number {
        return [...this.sessions.values()].reduce((sum, set) => sum + set.size, 0);
    }

    closeAll(): void {
        for (const sockets of this.sessions.values())
            for (const socket of sockets) socket.close(1001, 'relay shutting down');
    }

    private authenticate(socket: WebSocket, token: string): AgentIdentity | undefined {
        const user = this.options.verifyToken(token);
        if (!user.ok) {
            this.options.logger.log('warn', 'browser token refused', { reason: user.reason });
            socket.close(UNAUTHORISED, user.reason);
            return undefined;
        }
        const identity = this.options.identify(user.value);
        if (!identity) {
            this.options.logger.log('warn', 'browser user not mapped to a Kit user', {
                salesforceUserId: user.value
            });
            socket.close(UNAUTHORISED, 'user not mapped to a Kit user');
            return undefined;
        }
        const key = keyOf(identity.account, identity.kitUserId);
        const set = this.sessions.get(key) ?? new Set<WebSocket>();
        set.add(socket);
        this.sessions.set(key, set);
        this.send(socket, this.options.welcome(identity));
        return identity;
    }

    private send(socket: WebSocket, message: RelayToBrowser): void {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    }
}
