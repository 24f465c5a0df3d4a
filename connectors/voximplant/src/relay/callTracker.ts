// Per-call state from Kit events: drops repeated frames and events that would move a call backwards
// (Kit gives no sequence numbers, so a call only moves ringing → connected → ended), and remembers
// what the VoiceCall update and a refreshed browser need.
import { type KitCallEvent, type KitVariables } from '../protocol/kitProtocol';
import { type CallDirection, type CallPhase, type WireCall } from '../wire/agentWire';

export interface TrackedCall {
    readonly callId: string;
    readonly kitUserId: string;
    direction: CallDirection;
    phase: CallPhase | 'ended';
    phone: string;
    variables: KitVariables;
    startTime: string;
    acceptTime?: string;
    endTime?: string;
    voiceCallId?: string;
}

export type TrackOutcome =
    | { readonly kind: 'new'; readonly call: TrackedCall }
    | { readonly kind: 'update'; readonly call: TrackedCall }
    | { readonly kind: 'ended'; readonly call: TrackedCall }
    | { readonly kind: 'drop'; readonly reason: string };

const RANK: Record<TrackedCall['phase'], number> = { ringing: 1, connected: 2, ended: 3 };
const RECENT_FRAMES = 2000;
const ENDED_CALLS_KEPT = 2000;

export class CallTracker {
    private readonly calls = new Map<string, TrackedCall>();
    private readonly lastFrame = new Map<string, string>();
    private readonly endedOrder: string[] = [];

    constructor(private readonly now: () => Date = () => new Date()) {}

    /**
     * True when `text` repeats the last frame seen for the same call or user (a repeated delivery).
     * Only the last frame per key counts, so a status that really goes ready → away → ready passes.
     */
    isRepeat(key: string, text: string): boolean {
        if (this.lastFrame.get(key) === text) return true;
        this.lastFrame.delete(key);
        this.lastFrame.set(key, text);
        if (this.lastFrame.size > RECENT_FRAMES) {
            const oldest = this.lastFrame.keys().next().value;
            if (oldest !== undefined) this.lastFrame.delete(oldest);
        }
        return false;
    }

    apply(event: KitCallEvent): TrackOutcome {
        const existing = this.calls.get(event.callId);
        if (existing?.phase === 'ended')
            return { kind: 'drop', reason: `${event.name} after the call ended` };
        if (existing && existing.kitUserId !== event.userId)
            return { kind: 'drop', reason: 'call changed user' };
        switch (event.name) {
            case 'incoming_call':
            case 'outgoing_call': {
                if (existing)
                    return { kind: 'drop', reason: `${event.name} for a call already ${existing.phase}` };
                const call = this.start(event, event.name === 'incoming_call' ? 'inbound' : 'outbound');
                call.phone = event.phone;
                call.variables = event.variables;
                return { kind: 'new', call };
            }
            case 'call_connected': {
                const call = existing ?? this.start(event, 'inbound');
                if (RANK[call.phase] >= RANK.connected && existing)
                    return { kind: 'drop', reason: 'call already connected' };
                call.phase = 'connected';
                call.acceptTime = this.now().toISOString();
                return existing ? { kind: 'update', call } : { kind: 'new', call };
            }
            case 'data_updated': {
                if (!existing) return { kind: 'drop', reason: 'data for an unknown call' };
                existing.variables = { ...existing.variables, ...event.variables };
                return { kind: 'update', call: existing };
            }
            case 'call_failed':
            case 'call_disconnected': {
                const call = existing ?? this.start(event, 'inbound');
                call.phase = 'ended';
                call.endTime = this.now().toISOString();
                this.retire(call.callId);
                return { kind: 'ended', call };
            }
        }
    }

    /** Calls still ringing or connected for one Kit user (replayed to a refreshed browser). */
    activeCalls(kitUserId: string): WireCall[] {
        return [...this.calls.values()]
            .filter((call) => call.kitUserId === kitUserId && call.phase !== 'ended')
            .map((call) => ({
                callId: call.callId,
                direction: call.direction,
                phase: call.phase === 'connected' ? 'connected' : 'ringing',
                phone: call.phone,
                variables: call.variables,
                ...(call.voiceCallId ? { voiceCallId: call.voiceCallId } : {})
            }));
    }

    /** Live calls that started before `cutoff` (Kit never reported their end, e.g. during an outage). */
    staleCalls(cutoff: Date): TrackedCall[] {
        return [...this.calls.values()].filter(
            (call) => call.phase !== 'ended' && new Date(call.startTime) < cutoff
        );
    }

    get(callId: string): TrackedCall | undefined {
        return this.calls.get(callId);
    }

    activeCount(): number {
        return [...this.calls.values()].filter((call) => call.phase !== 'ended').length;
    }

    private start(event: KitCallEvent, direction: CallDirection): TrackedCall {
        const call: TrackedCall = {
            callId: event.callId,
            kitUserId: event.userId,
            direction,
            phase: 'ringing',
            phone: '',
            variables: {},
            startTime: this.now().toISOString()
        };
        this.calls.set(call.callId, call);
        return call;
    }

    private retire(callId: string): void {
        this.endedOrder.push(callId);
        if (this.endedOrder.length > ENDED_CALLS_KEPT) {
            const oldest = this.endedOrder.shift();
            if (oldest !== undefined) this.calls.delete(oldest);
        }
    }
}
