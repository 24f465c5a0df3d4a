// Our own small port between the Kit connector logic and the Salesforce connector SDK. Only
// scvConnectorBase3.ts knows @salesforce/scv-connector-base 3.6.2; a move to the 4.x split API
// (VendorConnector / TelephonyConnector) replaces that one adapter.
import { type CallDirection } from '../wire/agentWire';

export type CallState = 'ringing' | 'connected' | 'ended';

export interface CallSnapshot {
    readonly callId: string;
    readonly direction: CallDirection;
    readonly state: CallState;
    readonly phone: string;
    readonly voiceCallId?: string;
    readonly reason?: string;
}

/** Telephony-initiated events: the only things the connector publishes itself (seed 003). */
export type PortEvent =
    | { readonly kind: 'call_started'; readonly call: CallSnapshot }
    | { readonly kind: 'call_connected'; readonly call: CallSnapshot }
    | { readonly kind: 'hangup'; readonly call: CallSnapshot }
    | { readonly kind: 'agent_status'; readonly statusId: string }
    | { readonly kind: 'message'; readonly payload: Readonly<Record<string, unknown>> };

export interface TelephonyPort {
    publish(event: PortEvent): void;
}

/**
 * A refusal the agent sees, named by a Custom Label of this package (shipped in
 * connectors/voximplant/force-app/main/default/labels).
 */
export class AgentFacingError extends Error {
    constructor(
        readonly labelName: AgentErrorLabel,
        message: string
    ) {
        super(message);
    }
}

export type AgentErrorLabel =
    'Voice_Voximplant_UseKitWorkspace' | 'Voice_Voximplant_DialFailed' | 'Voice_Voximplant_RelayUnavailable';
