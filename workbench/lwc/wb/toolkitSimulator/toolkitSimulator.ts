/**
 * wb/toolkitSimulator — stands in for `lightning-service-cloud-voice-toolkit-api` (the build aliases
 * `lightning/serviceCloudVoiceToolkitApi` here). Each instance registers with the one simulated softphone
 * while connected, re-dispatches the softphone's events on itself as the platform element does, and
 * forwards every method to it.
 */
import { LightningElement, api } from 'lwc';
import type {
    ContactType,
    EndCallParticipantType,
    NextBestActionParams,
    ParticipantType,
    ToolkitMethodName,
    VoiceToolkitApiMethods
} from 'lightning/serviceCloudVoiceToolkitApi';
import { invoke, register, unregister } from 'wb/softphone';
import type { ToolkitHost } from 'wb/softphone';

export default class ToolkitSimulator extends LightningElement implements VoiceToolkitApiMethods {
    private readonly host: ToolkitHost = {
        deliver: (type: string, detail: unknown): void => {
            this.dispatchEvent(new CustomEvent(type, { detail }));
        }
    };

    override connectedCallback(): void {
        register(this.host);
    }

    override disconnectedCallback(): void {
        unregister(this.host);
    }

    private call(method: ToolkitMethodName, ...args: unknown[]): Promise<{ success: true }> {
        return invoke(method, args);
    }

    @api mute(): Promise<{ success: true }> {
        return this.call('mute');
    }

    @api unmute(): Promise<{ success: true }> {
        return this.call('unmute');
    }

    @api hold(participantType: ParticipantType): Promise<{ success: true }> {
        return this.call('hold', participantType);
    }

    @api resume(participantType: ParticipantType): Promise<{ success: true }> {
        return this.call('resume', participantType);
    }

    @api endCall(participantType?: EndCallParticipantType): Promise<{ success: true }> {
        return participantType === undefined ? this.call('endCall') : this.call('endCall', participantType);
    }

    @api acceptCall(): Promise<{ success: true }> {
        return this.call('acceptCall');
    }

    @api declineCall(): Promise<{ success: true }> {
        return this.call('declineCall');
    }

    @api pauseRecording(): Promise<{ success: true }> {
        return this.call('pauseRecording');
    }

    @api resumeRecording(): Promise<{ success: true }> {
        return this.call('resumeRecording');
    }

    @api startPreviewCall(phoneNumber: string): Promise<{ success: true }> {
        return this.call('startPreviewCall', phoneNumber);
    }

    @api merge(): Promise<{ success: true }> {
        return this.call('merge');
    }

    @api swap(): Promise<{ success: true }> {
        return this.call('swap');
    }

    @api addParticipant(
        contactType: ContactType,
        contactValue: string,
        isBlindTransfer: boolean
    ): Promise<{ success: true }> {
        return this.call('addParticipant', contactType, contactValue, isBlindTransfer);
    }

    @api sendDigits(digits: string): Promise<{ success: true }> {
        return this.call('sendDigits', digits);
    }

    @api updateNextBestActions(recordId: string, params: NextBestActionParams): Promise<{ success: true }> {
        return this.call('updateNextBestActions', recordId, params);
    }
}
