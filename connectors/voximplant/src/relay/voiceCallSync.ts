// VoiceCall records for Kit calls through the Telephony Integration API. Seed facts this rests on:
// inbound (and transfer) VoiceCalls are created by the telephony side with POST /telephony/v1/voiceCalls
// ("Outbound calls aren't supported" there: Salesforce creates those when the connector publishes
// CALL_STARTED); the update is sent once, at hangup ("Don't run this API call more than one time").
// Kit call variables become VoiceCall fields through the operator's variable map, so e.g. the Kit IVR's
// variables land in IVRType__c / IVRInput__c and the existing case-link flow runs unchanged.
import { type KitVariables } from '../protocol/kitProtocol';
import { type TrackedCall } from './callTracker';
import { type Logger } from './logger';
import { type TelephonyApiClient } from './telephonyApi';

export interface VoiceCallSyncOptions {
    readonly client: TelephonyApiClient;
    /** The contact center's number: the guide's `to` for inbound calls. */
    readonly contactCenterNumber: string;
    /** Kit variable name → VoiceCall field API name. Unmapped variables are not sent. */
    readonly variableMap: Readonly<Record<string, string>>;
    readonly logger: Logger;
}

export function mapVariables(
    variables: KitVariables,
    variableMap: Readonly<Record<string, string>>
): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(variables)) {
        const field = variableMap[name];
        if (field) fields[field] = value;
    }
    return fields;
}

export class VoiceCallSync {
    constructor(private readonly options: VoiceCallSyncOptions) {}

    /** Creates the VoiceCall of an inbound call; resolves to its id, or undefined when it failed. */
    async created(call: TrackedCall): Promise<string | undefined> {
        if (call.direction !== 'inbound') return undefined;
        const result = await this.options.client.createVoiceCall({
            vendorCallKey: call.callId,
            to: this.options.contactCenterNumber,
            from: call.phone,
            startTime: call.startTime,
            participantKey: call.phone || call.callId,
            callAttributes: mapVariables(call.variables, this.options.variableMap)
        });
        if (!result.ok) {
            this.options.logger.log('error', 'voice call create failed', {
                callId: call.callId,
                reason: result.reason
            });
            return undefined;
        }
        this.options.logger.log('info', 'voice call created', {
            callId: call.callId,
            voiceCallId: result.value
        });
        return result.value;
    }

    /** The single update at hangup: times, the latest mapped variables, and a reason for failed calls. */
    async ended(call: TrackedCall, failedReason?: string): Promise<void> {
        const result = await this.options.client.patchVoiceCall(call.voiceCallId ?? call.callId, {
            startTime: call.startTime,
            endTime: call.endTime ?? new Date().toISOString(),
            ...(call.acceptTime ? { acceptTime: call.acceptTime } : {}),
            callAttributes: mapVariables(call.variables, this.options.variableMap),
            ...(failedReason !== undefined
                ? { disconnectReason: { value: failedReason || 'call_failed', isError: true } }
                : {})
        });
        if (!result.ok)
            this.options.logger.log('error', 'voice call update failed', {
                callId: call.callId,
                reason: result.reason
            });
    }
}
