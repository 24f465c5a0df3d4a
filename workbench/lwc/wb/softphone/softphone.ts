/**
 * wb/softphone — the simulated Omni-Channel softphone behind every simulator element on the page.
 *
 * Like the real one, there is one softphone and many `lightning-service-cloud-voice-toolkit-api`
 * elements (one per component instance): every event is delivered to every live element, and a method
 * called on any element acts on the one call. Methods answer after a short latency, dispatch the events
 * the softphone would, and can be switched to reject, hang or throw so error paths can be seen.
 */
import type { ParticipantType, ToolkitMethodName } from 'lightning/serviceCloudVoiceToolkitApi';
import { isDtmfSequence } from 'c/voiceUtil';
import { faultOf } from 'wb/faults';
import { log } from 'wb/workbenchLog';

export type EventOrigin = 'scenario' | 'softphone' | 'strip' | 'bench' | 'voximplant';

/** What an element does with a delivered event: dispatch it on itself. */
export interface ToolkitHost {
    deliver(type: string, detail: unknown): void;
}

type Phase = 'idle' | 'ringing' | 'connected' | 'ended';

export interface CallState {
    callId: string | null;
    callType: 'inbound' | 'outbound';
    phase: Phase;
    roster: Partial<Record<ParticipantType, string>>;
    onHold: string[];
    muted: boolean;
    recordingPaused: boolean;
}

const BASE_LATENCY_MS = 150;

const hosts = new Set<ToolkitHost>();
const listeners = new Set<() => void>();
const timers = new Set<ReturnType<typeof setTimeout>>();
let speed = 1;
let generation = 0;
let call: CallState = idleCall();

function idleCall(): CallState {
    return {
        callId: null,
        callType: 'inbound',
        phase: 'idle',
        roster: {},
        onHold: [],
        muted: false,
        recordingPaused: false
    };
}

function changed(): void {
    listeners.forEach((listener) => listener());
}

export function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function register(host: ToolkitHost): void {
    hosts.add(host);
    changed();
}

export function unregister(host: ToolkitHost): void {
    hosts.delete(host);
    changed();
}

export function liveInstances(): number {
    return hosts.size;
}

export function callState(): Readonly<CallState> {
    return call;
}

/** Player speed also scales the softphone's answer latency; `Infinity` means instant. */
export function setSpeed(value: number): void {
    speed = value > 0 ? value : 1;
}

/** Forgets the call and cancels pending softphone answers (a new scenario is a new page). */
export function reset(): void {
    generation += 1;
    timers.forEach((timer) => clearTimeout(timer));
    timers.clear();
    call = idleCall();
    changed();
}

function text(value: unknown): string | undefined {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

function field(detail: unknown, key: string): unknown {
    return typeof detail === 'object' && detail !== null
        ? (detail as Record<string, unknown>)[key]
        : undefined;
}

/** Tracks the call the way the softphone knows it, from every event it delivers (scenario or its own). */
function observe(type: string, detail: unknown): void {
    const callId = text(field(detail, 'callId'));
    const participant = text(field(detail, 'participant'));
    switch (type) {
        case 'callstarted':
            call = {
                ...idleCall(),
                callId: callId ?? call.callId,
                callType: field(detail, 'callType') === 'outbound' ? 'outbound' : 'inbound',
                phase: 'ringing',
                roster: participant ? { Initial_Caller: participant } : {}
            };
            break;
        case 'callconnected':
            call = {
                ...call,
                callId: callId ?? call.callId,
                callType: field(detail, 'callType') === 'outbound' ? 'outbound' : call.callType,
                phase: 'connected',
                roster: { ...call.roster, Initial_Caller: participant ?? call.roster.Initial_Caller }
            };
            break;
        case 'callended':
            call = { ...call, phase: 'ended', onHold: [] };
            break;
        case 'wrapupended':
            call = idleCall();
            break;
        case 'participantadded':
            if (participant) call = { ...call, roster: { ...call.roster, Third_Party: participant } };
            break;
        case 'participantremoved': {
            const roster = { ...call.roster };
            if (roster.Third_Party === participant) delete roster.Third_Party;
            else if (roster.Initial_Caller === participant) delete roster.Initial_Caller;
            call = { ...call, roster, onHold: call.onHold.filter((p) => p !== participant) };
            break;
        }
        case 'mute':
        case 'unmute':
            call = { ...call, muted: type === 'mute' };
            break;
        case 'pauserecording':
        case 'resumerecording':
            call = { ...call, recordingPaused: type === 'pauserecording' };
            break;
        case 'hold':
            if (participant && !call.onHold.includes(participant)) {
                call = { ...call, onHold: [...call.onHold, participant] };
            }
            // A call joined on a bare callconnected (the toolkit promises only callId) learns its caller here.
            if (participant && !call.roster.Initial_Caller) {
                call = { ...call, roster: { ...call.roster, Initial_Caller: participant } };
            }
            break;
        case 'resume':
            call = { ...call, onHold: call.onHold.filter((p) => p !== participant) };
            break;
        case 'conference':
            call = { ...call, onHold: [] };
            break;
        case 'swap': {
            const parties = [call.roster.Initial_Caller, call.roster.Third_Party].filter(
                (p): p is string => p !== undefined
            );
            call = { ...call, onHold: parties.filter((p) => !call.onHold.includes(p)) };
            break;
        }
        default:
            return;
    }
    changed();
}

function copyOf(detail: unknown): unknown {
    try {
        return structuredClone(detail);
    } catch {
        return detail;
    }
}

/** Delivers one event to every live simulator element, each with its own copy of the payload. */
export function broadcast(type: string, detail: unknown, origin: EventOrigin): void {
    observe(type, detail);
    log('event', type, detail, origin);
    for (const host of [...hosts]) host.deliver(type, copyOf(detail));
}

function later(ms: number, action: () => void): void {
    const current = generation;
    const timer = setTimeout(() => {
        timers.delete(timer);
        if (current === generation) action();
    }, ms);
    timers.add(timer);
}

function latency(factor = 1): number {
    return Number.isFinite(speed) ? (BASE_LATENCY_MS * factor) / speed : 0;
}

class SoftphoneRefusal extends Error {}

function requireLive(): string {
    if (!call.callId || (call.phase !== 'connected' && call.phase !== 'ringing')) {
        throw new SoftphoneRefusal('no active call');
    }
    return call.callId;
}

function requireConnected(): string {
    const callId = requireLive();
    if (call.phase !== 'connected') throw new SoftphoneRefusal('the call is not connected');
    return callId;
}

function participantOf(type: unknown): string {
    if (type !== 'Initial_Caller' && type !== 'Third_Party') {
        throw new SoftphoneRefusal(`invalid participantType ${JSON.stringify(type)}`);
    }
    const participant = call.roster[type];
    if (!participant) throw new SoftphoneRefusal(`no ${type} on the call`);
    return participant;
}

function emit(type: string, detail: Record<string, unknown>): void {
    broadcast(type, detail, 'softphone');
}

let previewSeq = 0;

/** What the softphone does for each method once it accepts the request. Throws SoftphoneRefusal when it would refuse. */
function perform(method: ToolkitMethodName, args: readonly unknown[]): void {
    switch (method) {
        case 'mute':
        case 'unmute':
        case 'pauseRecording':
        case 'resumeRecording':
            emit(method.toLowerCase(), { callId: requireConnected() });
            return;
        case 'hold':
        case 'resume': {
            const callId = requireConnected();
            emit(method, { callId, participant: participantOf(args[0]) });
            return;
        }
        case 'endCall': {
            const callId = requireLive();
            const who = args[0];
            if ((who === 'Third_Party' || who === 'Initial_Caller') && call.roster.Third_Party) {
                emit('participantremoved', { callId, participant: participantOf(who) });
            } else {
                emit('callended', { callId });
            }
            return;
        }
        case 'acceptCall':
        case 'declineCall': {
            const callId = requireLive();
            if (call.phase !== 'ringing') throw new SoftphoneRefusal('no ringing call');
            if (method === 'declineCall') emit('callended', { callId });
            else
                // The toolkit events table promises only callId for callconnected.
                emit('callconnected', { callId });
            return;
        }
        case 'startPreviewCall': {
            const phone = text(args[0]);
            if (!phone) throw new SoftphoneRefusal('a phone number is required');
            if (call.phase === 'ringing' || call.phase === 'connected') {
                throw new SoftphoneRefusal('a call is already in progress');
            }
            previewSeq += 1;
            const callId = `wb-preview-${Date.now().toString(36)}-${previewSeq}`;
            emit('callstarted', { callId, callType: 'outbound', participant: phone });
            later(latency(6), () => emit('callconnected', { callId }));
            return;
        }
        case 'addParticipant': {
            const callId = requireConnected();
            const [contactType, contactValue, isBlindTransfer] = args;
            if (contactType !== 'PhoneNumber' && contactType !== 'AgentOrQueueId') {
                throw new SoftphoneRefusal(`invalid contactType ${JSON.stringify(contactType)}`);
            }
            const participant = text(contactValue);
            if (!participant) throw new SoftphoneRefusal('a contact value is required');
            if (call.roster.Third_Party) throw new SoftphoneRefusal('a third party is already on the call');
            emit('participantadded', { callId, participant });
            // A blind transfer hands the caller over: the agent's leg ends.
            if (isBlindTransfer === true) later(latency(2), () => emit('callended', { callId }));
            return;
        }
        case 'merge':
        case 'swap': {
            const callId = requireConnected();
            if (!call.roster.Third_Party) throw new SoftphoneRefusal('there is no three-way call');
            emit(method === 'merge' ? 'conference' : 'swap', { callId });
            return;
        }
        case 'sendDigits': {
            requireConnected();
            const digits = args[0];
            if (!isDtmfSequence(digits)) {
                throw new SoftphoneRefusal(`invalid digits ${JSON.stringify(digits)}`);
            }
            log('info', 'digits sent', digits);
            return;
        }
        case 'updateNextBestActions':
            log('info', 'next best actions requested', { recordId: args[0], params: args[1] });
            return;
        default:
            throw new SoftphoneRefusal(`unknown method ${String(method)}`);
    }
}

/**
 * Runs a toolkit method as the softphone would: answers after the latency with `{ success: true }`,
 * or rejects with the softphone's refusal, or follows the method's fault switch.
 */
export function invoke(method: ToolkitMethodName, args: readonly unknown[]): Promise<{ success: true }> {
    const fault = faultOf(method);
    log('method', method, args, fault === 'ok' ? 'called' : `fault: ${fault}`);
    if (fault === 'throw') throw new Error(`Simulated softphone fault: ${method} threw`);
    if (fault === 'hang') return new Promise<never>(() => undefined);
    const current = generation;
    return new Promise((resolve, reject) => {
        const settle = (): void => {
            if (fault === 'reject') {
                reject(new Error(`Simulated softphone fault: ${method} rejected`));
                return;
            }
            if (current !== generation) {
                reject(new Error(`${method} cancelled: the workbench was reset`));
                return;
            }
            try {
                perform(method, args);
                resolve({ success: true });
            } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                log('method', method, args, `refused: ${message}`);
                reject(new Error(`The softphone refused ${method}: ${message}`));
            }
        };
        const ms = latency();
        if (ms === 0) queueMicrotask(settle);
        else setTimeout(settle, ms);
    });
}
