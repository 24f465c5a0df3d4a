// The only module that knows @salesforce/scv-connector-base 3.6.2. It turns our port events into the
// SDK's publishEvent calls and our core into a VendorConnector. Facts of 3.6.2 relied on: after a
// Salesforce-initiated method resolves, the base publishes the follow-up event itself (dial →
// CALL_STARTED, logout → LOGOUT_RESULT); a rejected dial() makes the base publish CALL_FAILED;
// getCapabilities() must say false explicitly (mute/record/merge/swap default to true).
import {
    ActiveCallsResult,
    AgentConfigResult,
    AgentStatusInfo,
    CallInfo,
    CallResult,
    CapabilitiesResult,
    Constants,
    Contact,
    CustomError,
    GenericResult,
    HangupResult,
    InitResult,
    LogoutResult,
    Phone,
    PhoneCall,
    PhoneCallAttributes,
    PhoneContactsResult,
    VendorConnector,
    publishEvent
} from '@salesforce/scv-connector-base';
import { type KitConnectorCore } from './kitConnectorCore';
import { AgentFacingError, type CallSnapshot, type PortEvent, type TelephonyPort } from './telephonyPort';

/** Custom Labels live in this package; unmanaged orgs address them with the default namespace `c`. */
const LABEL_NAMESPACE = 'c';
const LOGIN_FRAME_HEIGHT = 0;

/** Kit's CTI has no accept/decline/end/mute/hold/record/transfer command: the audio stays in the Kit workspace. */
function deskPhoneCallInfo(): CallInfo {
    return new CallInfo({
        isOnHold: false,
        isMuted: false,
        isRecordingPaused: false,
        isSoftphoneCall: false,
        acceptEnabled: false,
        declineEnabled: false,
        muteEnabled: false,
        swapEnabled: false,
        conferenceEnabled: false,
        holdEnabled: false,
        recordEnabled: false,
        addCallerEnabled: false,
        extensionEnabled: false,
        showMuteButton: false,
        showRecordButton: false,
        showAddCallerButton: false,
        showAddBlindTransferButton: false,
        showMergeButton: false,
        showSwapButton: false,
        isReplayable: true
    });
}

const STATE = {
    ringing: Constants.CALL_STATE.RINGING,
    connected: Constants.CALL_STATE.CONNECTED,
    ended: Constants.CALL_STATE.ENDED
};

export function toPhoneCall(call: CallSnapshot): PhoneCall {
    return new PhoneCall({
        callId: call.callId,
        callType: call.direction === 'inbound' ? Constants.CALL_TYPE.INBOUND : Constants.CALL_TYPE.OUTBOUND,
        contact: new Contact({ phoneNumber: call.phone || undefined }),
        state: STATE[call.state],
        callAttributes: new PhoneCallAttributes({
            voiceCallId: call.voiceCallId,
            participantType: Constants.PARTICIPANT_TYPE.INITIAL_CALLER
        }),
        phoneNumber: call.phone || undefined,
        callInfo: deskPhoneCallInfo(),
        reason: call.reason
    });
}

export function toCustomError(error: unknown): CustomError {
    const agentError =
        error instanceof AgentFacingError
            ? error
            : new AgentFacingError('Voice_Voximplant_RelayUnavailable', 'unexpected connector error');
    return new CustomError({
        labelName: agentError.labelName,
        namespace: LABEL_NAMESPACE,
        message: agentError.message
    });
}

/**
 * publishEvent as 3.6.2 runs it: its baseConnector.js also handles SET_AGENT_STATUS (payload
 * AgentStatusInfo), which the package's publishEvent type declaration leaves out of its union.
 */
type SdkEventType = Parameters<typeof publishEvent>[0]['eventType'] | 'SET_AGENT_STATUS';
const publish = publishEvent as (args: {
    eventType: SdkEventType;
    payload: object;
    registerLog: boolean;
}) => Promise<void>;

function sdkEvent(event: PortEvent): { eventType: SdkEventType; payload: object } {
    switch (event.kind) {
        case 'call_started':
            return { eventType: 'CALL_STARTED', payload: new CallResult({ call: toPhoneCall(event.call) }) };
        case 'call_connected':
            return {
                eventType: 'CALL_CONNECTED',
                payload: new CallResult({ call: toPhoneCall(event.call) })
            };
        case 'hangup':
            return { eventType: 'HANGUP', payload: new HangupResult({ calls: [toPhoneCall(event.call)] }) };
        case 'agent_status':
            return {
                eventType: 'SET_AGENT_STATUS',
                payload: new AgentStatusInfo({ statusId: event.statusId })
            };
        case 'message':
            return { eventType: 'MESSAGE', payload: { ...event.payload } };
    }
}

/** Port events → publishEvent, with the SDK's result classes. */
export const sdkPort: TelephonyPort = {
    publish(event: PortEvent) {
        void publish({ ...sdkEvent(event), registerLog: true });
    }
};

const useKit = (): Promise<never> =>
    Promise.reject(
        toCustomError(
            new AgentFacingError(
                'Voice_Voximplant_UseKitWorkspace',
                'Voximplant Kit takes this action in its own workspace'
            )
        )
    );

export type CoreFactory = (config: Readonly<Record<string, unknown>>) => Promise<KitConnectorCore>;

/** The VendorConnector Salesforce drives; every method answers, none publishes. */
export class KitVendorConnector extends VendorConnector {
    private core: KitConnectorCore | undefined;

    constructor(private readonly createCore: CoreFactory) {
        super();
    }

    async init(config: unknown): Promise<InitResult> {
        try {
            this.core = await this.createCore(
                typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {}
            );
        } catch (error) {
            throw toCustomError(error);
        }
        return new InitResult({ showLogin: false, loginFrameHeight: LOGIN_FRAME_HEIGHT });
    }

    /** Closes the relay link (page unload, tests); not part of the SDK contract. */
    dispose(): void {
        this.core?.dispose();
    }

    async getActiveCalls(): Promise<ActiveCallsResult> {
        return new ActiveCallsResult({ activeCalls: (this.core?.activeCalls() ?? []).map(toPhoneCall) });
    }

    async getCapabilities(): Promise<CapabilitiesResult> {
        return new CapabilitiesResult({
            hasMute: false,
            hasRecord: false,
            hasMerge: false,
            hasSwap: false,
            hasSignedRecordingUrl: false,
            debugEnabled: false,
            hasContactSearch: false,
            hasAgentAvailability: false,
            hasQueueWaitTime: false,
            supportsMos: false,
            hasSupervisorListenIn: false,
            hasSupervisorBargeIn: false,
            hasBlindTransfer: false,
            hasPendingStatusChange: false,
            hasPhoneBook: false
        });
    }

    async getAgentConfig(): Promise<AgentConfigResult> {
        return new AgentConfigResult({
            // 3.6.2 at runtime lists phone *types* (its own default is [PHONE_TYPE.SOFT_PHONE]); the
            // declaration file says Phone[], hence the cast.
            phones: [Constants.PHONE_TYPE.DESK_PHONE] as unknown as Phone[],
            selectedPhone: new Phone({ type: Constants.PHONE_TYPE.DESK_PHONE })
        });
    }

    async dial(contact: Contact): Promise<CallResult> {
        const core = this.core;
        if (!core)
            throw toCustomError(
                new AgentFacingError('Voice_Voximplant_RelayUnavailable', 'connector not initialised')
            );
        const phone = contact.phoneNumber;
        if (!phone)
            throw toCustomError(new AgentFacingError('Voice_Voximplant_DialFailed', 'no phone number'));
        try {
            return new CallResult({ call: toPhoneCall(await core.dial(phone)) });
        } catch (error) {
            throw toCustomError(error);
        }
    }

    wrapUpCall(call: PhoneCall): void {
        const voiceCallId = call?.callAttributes?.voiceCallId;
        if (call?.callId)
            void this.core?.wrapUp(call.callId, typeof voiceCallId === 'string' ? voiceCallId : undefined);
    }

    handleMessage(message: object): void {
        this.core?.remember(message);
    }

    async logout(): Promise<LogoutResult> {
        try {
            await this.core?.logout();
        } catch (error) {
            throw toCustomError(error);
        }
        return new LogoutResult({ success: true, loginFrameHeight: LOGIN_FRAME_HEIGHT });
    }

    /** Omni-Channel owns presence; Kit has no status command, so a Salesforce status change is accepted as is. */
    async setAgentStatus(): Promise<GenericResult> {
        return new GenericResult({ success: true });
    }

    async getAgentStatus(): Promise<AgentStatusInfo> {
        return new AgentStatusInfo({ statusId: this.core?.agentStatus() ?? '' });
    }

    async getPhoneContacts(): Promise<PhoneContactsResult> {
        return new PhoneContactsResult({ contacts: [], contactTypes: [] });
    }

    acceptCall = useKit;
    declineCall = useKit;
    endCall = useKit;
    mute = useKit;
    unmute = useKit;
    hold = useKit;
    resume = useKit;
    swap = useKit;
    conference = useKit;
    addParticipant = useKit;
    pauseRecording = useKit;
    resumeRecording = useKit;
    superviseCall = useKit;
    supervisorDisconnect = useKit;
    supervisorBargeIn = useKit;

    sendDigits(): void {
        // Kit has no DTMF command; digits are dialled on the Kit workspace.
    }
}
