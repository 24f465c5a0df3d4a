// The Kit connector's behaviour, free of the SDK: relay messages in, port events out, Salesforce
// requests answered with results. Seed 003's rule holds throughout: methods Salesforce calls (dial,
// logout, ...) return results and never publish; only relay (telephony) events publish.
import { type Result } from '../protocol/result';
import {
    type BrowserCommand,
    type RelayToBrowser,
    type WireCall,
    type WireKitEvent
} from '../wire/agentWire';
import { AgentFacingError, type CallSnapshot, type PortEvent, type TelephonyPort } from './telephonyPort';

export interface RelayLink {
    command(command: BrowserCommand): Promise<Result<true>>;
    stop(): void;
}

export interface CoreOptions {
    /** Kit status → Salesforce presence status id (the contact center's status map). */
    readonly statusMap: Readonly<Record<string, string>>;
    readonly dialTimeoutMs?: number;
}

interface PendingDial {
    resolve(call: CallSnapshot): void;
    reject(error: AgentFacingError): void;
    timer: ReturnType<typeof setTimeout>;
}

/** Wrap-up data our components send over MESSAGE, written back into Kit as call variables. */
export interface WrapUpNote {
    readonly caseId?: string;
    readonly disposition?: string;
}

const fromWire = (call: WireCall): CallSnapshot => ({
    callId: call.callId,
    direction: call.direction,
    state: call.phase,
    phone: call.phone,
    ...(call.voiceCallId ? { voiceCallId: call.voiceCallId } : {})
});

export class KitConnectorCore {
    private readonly calls = new Map<string, CallSnapshot>();
    private readonly notes = new Map<string, WrapUpNote>();
    private readonly dials: PendingDial[] = [];
    private kitStatus: string | undefined;
    private synced = false;
    /** Calls whose dial() just resolved: the SDK publishes their CALL_STARTED after our promise settles. */
    private readonly settling = new Map<string, PortEvent[]>();

    constructor(
        private readonly port: TelephonyPort,
        private readonly relay: RelayLink,
        private readonly options: CoreOptions
    ) {}

    /** True once the relay has sent its first `ready` (the active-call snapshot). */
    get isReady(): boolean {
        return this.synced;
    }

    activeCalls(): CallSnapshot[] {
        return [...this.calls.values()];
    }

    agentStatus(): string | undefined {
        return this.kitStatus ? this.options.statusMap[this.kitStatus] : undefined;
    }

    onRelayMessage(message: RelayToBrowser): void {
        if (message.type === 'ready') this.reconcile(message.calls.map(fromWire));
        else if (message.type === 'kit') this.onKitEvent(message.event, message.voiceCallId);
    }

    /** Salesforce-initiated: resolves with the call once Kit reports `outgoing_call`. */
    async dial(phone: string): Promise<CallSnapshot> {
        const sent = await this.relay.command({ name: 'make_call', phone });
        if (!sent.ok) throw new AgentFacingError('Voice_Voximplant_DialFailed', sent.reason);
        return new Promise((resolve, reject) => {
            const pending: PendingDial = {
                resolve,
                reject,
                timer: setTimeout(() => {
                    this.dials.splice(this.dials.indexOf(pending), 1);
                    reject(new AgentFacingError('Voice_Voximplant_DialFailed', 'Kit did not start the call'));
                }, this.options.dialTimeoutMs ?? 15_000)
            };
            this.dials.push(pending);
        });
    }

    /** Salesforce's MESSAGE to the connector: our components hand over wrap-up data for a call. */
    remember(message: unknown): void {
        if (typeof message !== 'object' || message === null) return;
        const { type, callId, caseId, disposition } = message as Record<string, unknown>;
        if (type !== 'voximplant.wrapup' || typeof callId !== 'string') return;
        this.notes.set(callId, {
            ...(typeof caseId === 'string' ? { caseId } : {}),
            ...(typeof disposition === 'string' ? { disposition } : {})
        });
    }

    /** Salesforce-initiated (end of after-call work): writes the Salesforce outcome back into Kit. */
    async wrapUp(callId: string, voiceCallId: string | undefined): Promise<Result<true>> {
        const note = this.notes.get(callId) ?? {};
        this.notes.delete(callId);
        const variables: Record<string, string> = {};
        if (voiceCallId) variables.sf_voice_call_id = voiceCallId;
        if (note.caseId) variables.sf_case_id = note.caseId;
        if (note.disposition) variables.sf_disposition = note.disposition;
        return this.relay.command({ name: 'set_variables', callId, variables });
    }

    /** Closes the relay link for good (page unload, tests). */
    dispose(): void {
        this.relay.stop();
    }

    async logout(): Promise<void> {
        const sent = await this.relay.command({ name: 'logout' });
        if (!sent.ok) throw new AgentFacingError('Voice_Voximplant_RelayUnavailable', sent.reason);
    }

    private onKitEvent(event: WireKitEvent, voiceCallId: string | undefined): void {
        if (event.name === 'status_changed') {
            this.kitStatus = event.status;
            const statusId = this.options.statusMap[event.status];
            if (statusId) this.port.publish({ kind: 'agent_status', statusId });
            return;
        }
        const known = this.calls.get(event.callId);
        switch (event.name) {
            case 'incoming_call':
                this.start({
                    callId: event.callId,
                    direction: 'inbound',
                    state: 'ringing',
                    phone: event.phone,
                    ...(voiceCallId ? { voiceCallId } : {})
                });
                return;
            case 'outgoing_call': {
                const call: CallSnapshot = {
                    callId: event.callId,
                    direction: 'outbound',
                    state: 'ringing',
                    phone: event.phone
                };
                this.calls.set(call.callId, call);
                const dial = this.dials.shift();
                if (dial) {
                    clearTimeout(dial.timer);
                    this.holdUntilStarted(call.callId);
                    dial.resolve(call);
                } else {
                    this.port.publish({ kind: 'call_started', call });
                }
                return;
            }
            case 'call_connected': {
                const base =
                    known ??
                    this.start({ callId: event.callId, direction: 'inbound', state: 'ringing', phone: '' });
                const call: CallSnapshot = { ...base, state: 'connected' };
                this.calls.set(call.callId, call);
                this.emit({ kind: 'call_connected', call });
                return;
            }
            case 'call_failed': {
                const dial = known ? undefined : this.dials.shift();
                if (dial) {
                    clearTimeout(dial.timer);
                    dial.reject(
                        new AgentFacingError('Voice_Voximplant_DialFailed', event.reason || 'call failed')
                    );
                    return;
                }
                this.end(known, event.callId, event.reason || 'call_failed');
                return;
            }
            case 'call_disconnected':
                this.end(known, event.callId, event.reason);
                return;
            case 'data_updated':
                this.emit({
                    kind: 'message',
                    payload: {
                        source: 'voximplant-kit',
                        type: 'data_updated',
                        callId: event.callId,
                        variables: { ...event.variables }
                    }
                });
                return;
        }
    }

    /**
     * Holds a dialled call's later events for one macrotask: the SDK publishes CALL_STARTED in the
     * microtasks after dial() resolves, and Kit's next frame can arrive in the same tick.
     */
    private holdUntilStarted(callId: string): void {
        this.settling.set(callId, []);
        setTimeout(() => {
            const held = this.settling.get(callId) ?? [];
            this.settling.delete(callId);
            for (const event of held) this.port.publish(event);
        }, 0);
    }

    private emit(event: PortEvent): void {
        const callId =
            'call' in event
                ? event.call.callId
                : 'payload' in event
                  ? String(event.payload.callId)
                  : undefined;
        const held = callId === undefined ? undefined : this.settling.get(callId);
        if (held) held.push(event);
        else this.port.publish(event);
    }

    private start(call: CallSnapshot): CallSnapshot {
        this.calls.set(call.callId, call);
        this.port.publish({ kind: 'call_started', call });
        return call;
    }

    private end(known: CallSnapshot | undefined, callId: string, reason: string): void {
        if (!known) return;
        this.calls.delete(callId);
        this.emit({ kind: 'hangup', call: { ...known, state: 'ended', reason } });
    }

    /**
     * The relay's snapshot. The first one seeds the calls Salesforce asks for through getActiveCalls;
     * after a reconnect, calls that ended meanwhile are hung up and new ones started.
     */
    private reconcile(snapshot: CallSnapshot[]): void {
        const first = !this.synced;
        this.synced = true;
        const incoming = new Map(snapshot.map((call) => [call.callId, call]));
        if (first) {
            for (const call of snapshot) this.calls.set(call.callId, call);
            return;
        }
        for (const [callId, known] of [...this.calls])
            if (!incoming.has(callId)) this.end(known, callId, 'ended while disconnected');
        for (const call of snapshot) {
            if (this.calls.has(call.callId)) continue;
            this.start({ ...call, state: 'ringing' });
            if (call.state === 'connected') {
                this.calls.set(call.callId, call);
                this.port.publish({ kind: 'call_connected', call });
            }
        }
    }
}
