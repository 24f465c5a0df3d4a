/**
 * wb/scenarioPlayer — replays a call scenario's events through the simulated softphone with their
 * timing: play, pause, step, and speed ×1 / ×4 / instant. Events go out in file order (the order they
 * arrive); the gap before each is the difference of consecutive `at` values, scaled by the speed.
 */
import { broadcast, setSpeed } from 'wb/softphone';

export interface ScenarioEvent {
    at: number;
    type: string;
    detail?: unknown;
}

export interface Scenario {
    name: string;
    description?: string;
    recordId?: string;
    records?: Record<string, unknown>;
    events: ScenarioEvent[];
}

export type PlayerStatus = 'empty' | 'ready' | 'playing' | 'paused' | 'done';
export type Speed = 1 | 4 | 'instant';

export interface PlayerState {
    status: PlayerStatus;
    index: number;
    total: number;
    speed: Speed;
    nextType: string;
    scenarioName: string;
}

/** Instant replay yields to the browser every this many events so the page stays responsive. */
const INSTANT_CHUNK = 200;

let scenario: Scenario | null = null;
let index = 0;
let status: PlayerStatus = 'empty';
let speed: Speed = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function changed(): void {
    listeners.forEach((listener) => listener());
}

export function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function state(): PlayerState {
    const events = scenario?.events ?? [];
    return {
        status,
        index,
        total: events.length,
        speed,
        nextType: events[index]?.type ?? '',
        scenarioName: scenario?.name ?? ''
    };
}

function stopTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
}

function sendNext(): void {
    const event = scenario?.events[index];
    if (!event) return;
    index += 1;
    broadcast(event.type, event.detail, 'scenario');
}

function finishIfDone(): boolean {
    if (scenario && index >= scenario.events.length) {
        status = 'done';
        stopTimer();
        changed();
        return true;
    }
    return false;
}

function delayBeforeNext(): number {
    if (!scenario || speed === 'instant') return 0;
    const current = scenario.events[index];
    const previous = scenario.events[index - 1];
    if (!current) return 0;
    const gap = Math.max(0, current.at - (previous?.at ?? 0));
    return gap / speed;
}

function schedule(): void {
    stopTimer();
    if (status !== 'playing' || finishIfDone()) return;
    if (speed === 'instant') {
        timer = setTimeout(() => {
            for (let n = 0; n < INSTANT_CHUNK && status === 'playing' && !finishIfDone(); n += 1) sendNext();
            changed();
            schedule();
        }, 0);
        return;
    }
    timer = setTimeout(() => {
        sendNext();
        changed();
        schedule();
    }, delayBeforeNext());
}

export function load(next: Scenario): void {
    stopTimer();
    scenario = next;
    index = 0;
    status = next.events.length ? 'ready' : 'done';
    changed();
}

export function unload(): void {
    stopTimer();
    scenario = null;
    index = 0;
    status = 'empty';
    changed();
}

export function play(): void {
    if (!scenario || status === 'done' || status === 'playing') return;
    status = 'playing';
    changed();
    schedule();
}

export function pause(): void {
    if (status !== 'playing') return;
    stopTimer();
    status = 'paused';
    changed();
}

/** Sends exactly the next event now and leaves the player paused. */
export function step(): void {
    if (!scenario || status === 'done') return;
    stopTimer();
    sendNext();
    status = 'paused';
    if (!finishIfDone()) changed();
}

export function setPlayerSpeed(next: Speed): void {
    speed = next;
    setSpeed(next === 'instant' ? Infinity : next);
    changed();
    if (status === 'playing') schedule();
}
