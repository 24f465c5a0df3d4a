// A websocket client for tests: collects every text frame and waits, bounded, for a condition.
import { WebSocket } from 'ws';

export interface TestSocket {
    readonly socket: WebSocket;
    readonly frames: string[];
    send(value: unknown): void;
    waitFor(predicate: (frames: readonly string[]) => boolean, timeoutMs?: number): Promise<void>;
    closed(): Promise<{ code: number; reason: string }>;
}

export function waitUntil(check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = (): void => {
            if (check()) resolve();
            else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
            else setTimeout(tick, 5);
        };
        tick();
    });
}

export function openSocket(url: string): Promise<TestSocket> {
    const socket = new WebSocket(url);
    const frames: string[] = [];
    let closeInfo: { code: number; reason: string } | undefined;
    socket.on('message', (data) => frames.push(data.toString()));
    socket.on('close', (code, reason) => (closeInfo = { code, reason: reason.toString() }));
    const handle: TestSocket = {
        socket,
        frames,
        send: (value) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
        waitFor: (predicate, timeoutMs = 3000) => waitUntil(() => predicate(frames), timeoutMs, 'frames'),
        closed: async () => {
            await waitUntil(() => closeInfo !== undefined, 3000, 'close');
            return closeInfo ?? { code: 0, reason: '' };
        }
    };
    return new Promise((resolve, reject) => {
        socket.once('open', () => resolve(handle));
        socket.once('error', reject);
    });
}

export function events(frames: readonly string[]): string[] {
    return frames.map((frame) => {
        const parsed: unknown = JSON.parse(frame);
        return typeof parsed === 'object' && parsed !== null && 'event' in parsed
            ? String(parsed.event)
            : '?';
    });
}
