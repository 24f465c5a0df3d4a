// Scripted Voximplant Kit CTI sessions for the local simulator. Every frame body here is an ASSUMED
// SHAPE (the Kit documentation publishes event names only, see protocol/kitFieldMap.ts) until it is
// replaced by frames captured from a real account with the relay's capture mode.
import { type KitEvent, serializeKitEvent } from '../protocol/kitProtocol';
import { type KitFieldMap, ASSUMED_KIT_FIELD_MAP } from '../protocol/kitFieldMap';

/** One step: a frame to the whole room, raw text (possibly malformed), a pause, or a server drop. */
export type ScenarioStep =
    | { readonly kind: 'event'; readonly event: KitEvent }
    | { readonly kind: 'raw'; readonly text: string }
    | { readonly kind: 'pause'; readonly ms: number }
    | { readonly kind: 'drop' };

export interface KitScenario {
    readonly name: string;
    readonly description: string;
    readonly steps: readonly ScenarioStep[];
}

const ev = (event: KitEvent): ScenarioStep => ({ kind: 'event', event });
const AGENT = '101';
const CALLER = '+15550100';
const IVR = { ivr_type: 'CaseNumber', ivr_input: '00001026' };

function inbound(callId: string, userId = AGENT): ScenarioStep {
    return ev({ name: 'incoming_call', callId, userId, phone: CALLER, variables: IVR });
}

export const KIT_SCENARIOS: readonly KitScenario[] = [
    {
        name: 'inbound-answered',
        description: 'An inbound call with IVR variables rings, is answered in Kit, ends.',
        steps: [
            inbound('in-1'),
            ev({ name: 'call_connected', callId: 'in-1', userId: AGENT }),
            ev({ name: 'call_disconnected', callId: 'in-1', userId: AGENT, reason: 'hangup' })
        ]
    },
    {
        name: 'inbound-missed',
        description: 'An inbound call rings and the caller hangs up before anyone answers.',
        steps: [
            inbound('in-2'),
            ev({ name: 'call_disconnected', callId: 'in-2', userId: AGENT, reason: 'missed' })
        ]
    },
    {
        name: 'outbound-answered',
        description: 'The agent dials from Kit; the customer answers; the call ends.',
        steps: [
            ev({ name: 'outgoing_call', callId: 'out-1', userId: AGENT, phone: '+15550199', variables: {} }),
            ev({ name: 'call_connected', callId: 'out-1', userId: AGENT }),
            ev({ name: 'call_disconnected', callId: 'out-1', userId: AGENT, reason: 'hangup' })
        ]
    },
    {
        name: 'outbound-failed',
        description: 'An outbound call the recipient does not answer.',
        steps: [
            ev({ name: 'outgoing_call', callId: 'out-2', userId: AGENT, phone: '+15550198', variables: {} }),
            ev({ name: 'call_failed', callId: 'out-2', userId: AGENT, reason: 'no_answer' })
        ]
    },
    {
        name: 'variables-mid-call',
        description: 'Kit updates call data while the call is connected.',
        steps: [
            inbound('in-3'),
            ev({ name: 'call_connected', callId: 'in-3', userId: AGENT }),
            ev({ name: 'data_updated', callId: 'in-3', userId: AGENT, variables: { order_id: 'A-77' } }),
            ev({ name: 'call_disconnected', callId: 'in-3', userId: AGENT, reason: 'hangup' })
        ]
    },
    {
        name: 'status-changes',
        description: 'The agent goes ready, then away, in Kit.',
        steps: [
            ev({ name: 'status_changed', userId: AGENT, status: 'ready' }),
            ev({ name: 'status_changed', userId: AGENT, status: 'away' })
        ]
    },
    {
        name: 'duplicate-frames',
        description: 'Every frame of an answered inbound call arrives twice.',
        steps: [
            inbound('in-4'),
            inbound('in-4'),
            ev({ name: 'call_connected', callId: 'in-4', userId: AGENT }),
            ev({ name: 'call_connected', callId: 'in-4', userId: AGENT }),
            ev({ name: 'call_disconnected', callId: 'in-4', userId: AGENT, reason: 'hangup' }),
            ev({ name: 'call_disconnected', callId: 'in-4', userId: AGENT, reason: 'hangup' })
        ]
    },
    {
        name: 'out-of-order',
        description: 'call_connected arrives before incoming_call, and a stale event after the hangup.',
        steps: [
            ev({ name: 'call_connected', callId: 'in-5', userId: AGENT }),
            inbound('in-5'),
            ev({ name: 'call_disconnected', callId: 'in-5', userId: AGENT, reason: 'hangup' }),
            ev({ name: 'call_connected', callId: 'in-5', userId: AGENT })
        ]
    },
    {
        name: 'malformed-frames',
        description: 'Garbage between two valid frames: not JSON, unknown event, missing call id.',
        steps: [
            { kind: 'raw', text: '{not json' },
            { kind: 'raw', text: JSON.stringify({ event: 'call_parked', data: { call_id: 'x' } }) },
            { kind: 'raw', text: JSON.stringify({ event: 'incoming_call', data: { user_id: AGENT } }) },
            inbound('in-6'),
            ev({ name: 'call_disconnected', callId: 'in-6', userId: AGENT, reason: 'hangup' })
        ]
    },
    {
        name: 'server-drop',
        description: 'The server drops every connection mid-call; clients reconnect and the call ends.',
        steps: [
            inbound('in-7'),
            ev({ name: 'call_connected', callId: 'in-7', userId: AGENT }),
            { kind: 'drop' },
            { kind: 'pause', ms: 400 },
            ev({ name: 'call_disconnected', callId: 'in-7', userId: AGENT, reason: 'hangup' })
        ]
    }
];

export function findScenario(name: string): KitScenario | undefined {
    return KIT_SCENARIOS.find((scenario) => scenario.name === name);
}

/** The text the simulator sends for one step (events serialised with the mapping in force). */
export function stepText(step: ScenarioStep, map: KitFieldMap = ASSUMED_KIT_FIELD_MAP): string | undefined {
    if (step.kind === 'event') return serializeKitEvent(step.event, map);
    if (step.kind === 'raw') return step.text;
    return undefined;
}
