// What a softphone host makes of the connector's published events: the Service Cloud Voice toolkit
// events a Voice Extension component receives. CALL_STARTED → callstarted, CALL_CONNECTED →
// callconnected, HANGUP → callended (Toolkit API events: "callstarted", "callconnected", "callended",
// https://developer.salesforce.com/docs/atlas.en-us.voice_developer_guide.meta/voice_developer_guide/voice_lc_toolkit_api.htm).
// Agent status and MESSAGE have no toolkit event; the host logs them instead.
import { type PortEvent } from '../connector/telephonyPort';

export interface ToolkitEvent {
    readonly type: 'callstarted' | 'callconnected' | 'callended';
    readonly detail: Readonly<Record<string, string>>;
}

export function toToolkitEvent(event: PortEvent): ToolkitEvent | undefined {
    if (event.kind === 'agent_status' || event.kind === 'message') return undefined;
    const { call } = event;
    const party: Record<string, string> = call.phone ? { participant: call.phone } : {};
    switch (event.kind) {
        case 'call_started':
            return {
                type: 'callstarted',
                detail: { callId: call.callId, callType: call.direction, ...party }
            };
        case 'call_connected':
            return {
                type: 'callconnected',
                detail: { callId: call.callId, callType: call.direction, ...party }
            };
        case 'hangup':
            return {
                type: 'callended',
                detail: { callId: call.callId, ...(call.reason ? { reason: call.reason } : {}) }
            };
    }
}
