/**
 * Typed contract of `<lightning-service-cloud-voice-toolkit-api>` as documented in the Service Cloud Voice
 * Implementation Guide, chapter 4 (LWC Toolkit API). Salesforce publishes no types for it.
 *
 * These are the shapes the platform *claims* to send. Code must still treat every `detail` as `unknown`
 * at runtime and go through `c/voiceCallModel`'s parser: payloads "may contain other system-generated
 * information" and real orgs deviate (e.g. end-user roles, numbers sent as strings).
 *
 * Only `import type` from this module: it has no runtime counterpart.
 */
declare module 'lightning/serviceCloudVoiceToolkitApi' {
    import type { ToolkitMethodName as MethodName, ToolkitMethods } from 'c/voiceToolkitMethods';

    /** Whose leg a hold/resume/endCall acts on. `Agent` is only documented for `endCall`. */
    export type ParticipantType = 'Initial_Caller' | 'Third_Party';
    export type EndCallParticipantType = ParticipantType | 'Agent';

    /** Transfer destination kind for `addParticipant`. The guide's "AgentOrQueueld" is a typo of this. */
    export type ContactType = 'PhoneNumber' | 'AgentOrQueueId';

    export type CallType = 'inbound' | 'outbound';

    /** Roles the guide documents; real payloads also carry end-user roles, hence `string`. */
    export type SenderRole = 'Agent' | 'Supervisor' | (string & {});

    export interface CallIdDetail {
        callId: string;
    }

    export interface CallStartDetail extends CallIdDetail {
        callType: CallType;
        /** Phone number of the other party. */
        participant: string;
    }

    export interface ParticipantDetail extends CallIdDetail {
        /** Phone number or Amazon Connect Quick Connect name. */
        participant: string;
    }

    export interface AudioStatsDetail extends CallIdDetail {
        stats: 'inputChannelStats' | 'outputChannelStats';
        packetsLost: number;
        packetsCount: number;
        jitterBufferMillis: number;
        roundTripTimeMillis: number;
        statsCount: number;
    }

    export interface ConversationContent {
        formatType: 'Text' | null;
        text: string | null;
    }

    export interface ConversationSender {
        role: SenderRole;
        displayName?: string;
    }

    /** Shared by transcript, flagraise, flaglower and note. */
    export interface ConversationDetail extends CallIdDetail {
        id: string;
        clientSentTimestamp: number;
        serverReceivedTimestamp: number;
        content: ConversationContent;
        sender: ConversationSender;
    }

    export type IntelligenceSignalType = 'IntelligenceSignalCategory' | 'IntelligenceSignalSentiment';

    export interface IntelligenceSignalEvent {
        service?: 'AmazonConnectContactLens' | (string & {});
        type: IntelligenceSignalType;
        /** Category name (e.g. `CustomerAngry`) or a sentiment value (-1000..1000). */
        value: string | number;
        startTime: number | string;
        endTime?: number | string;
        /** Confidence 1..1000. */
        score?: number | string;
        participant?: string;
    }

    /** Documented for Aura (INTELLIGENCE_SIGNAL) only; the LWC event name is unconfirmed. */
    export interface IntelligenceSignalDetail {
        callId?: string;
        events: IntelligenceSignalEvent[];
    }

    /** Every DOM event the element dispatches, keyed by name, with its documented `detail`. */
    export interface ToolkitEventDetailMap {
        audiostats: AudioStatsDetail;
        callstarted: CallStartDetail;
        callconnected: CallStartDetail;
        callended: CallIdDetail;
        hold: ParticipantDetail;
        resume: ParticipantDetail;
        mute: CallIdDetail;
        unmute: CallIdDetail;
        participantadded: ParticipantDetail;
        participantremoved: ParticipantDetail;
        conference: CallIdDetail;
        swap: CallIdDetail;
        pauserecording: CallIdDetail;
        resumerecording: CallIdDetail;
        transcript: ConversationDetail;
        wrapupended: CallIdDetail;
        flagraise: ConversationDetail;
        flaglower: ConversationDetail;
        note: ConversationDetail;
        intelligencesignal: IntelligenceSignalDetail;
    }

    export type ToolkitEventName = keyof ToolkitEventDetailMap;

    /** Flat string map handed to the recommendation strategy as `$Request`. */
    export type NextBestActionParams = Readonly<Record<string, string>>;

    /**
     * The methods of the element, derived from the one method list in `c/voiceToolkitMethods` (names and
     * documented parameters). The guide documents no return values; in practice some return a Promise and
     * some return nothing, so callers must handle both (see `c/voiceToolkit`).
     */
    export type VoiceToolkitApiMethods = ToolkitMethods<unknown>;

    export type ToolkitMethodName = MethodName;

    export interface VoiceToolkitApiElement extends HTMLElement, VoiceToolkitApiMethods {}
}
