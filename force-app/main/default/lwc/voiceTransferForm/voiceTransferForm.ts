/**
 * Add-participant / blind-transfer form (presentational): destination type, destination, blind flag.
 * Validates before emitting `addparticipant` with `{ contactType, contactValue, isBlindTransfer }`; the
 * parent runs the toolkit action and calls `clear()` after it succeeds.
 */
import { LightningElement, api } from 'lwc';
import { normalizePhone } from 'c/voiceToolkit';
import type { ContactType } from 'lightning/serviceCloudVoiceToolkitApi';
import CONTACT_TYPE from '@salesforce/label/c.Voice_Controls_ContactType';
import PHONE_NUMBER from '@salesforce/label/c.Voice_Controls_PhoneNumber';
import AGENT_OR_QUEUE from '@salesforce/label/c.Voice_Controls_AgentOrQueue';
import BLIND from '@salesforce/label/c.Voice_Controls_BlindTransfer';
import ADD from '@salesforce/label/c.Voice_Controls_AddParticipant';
import TRANSFER from '@salesforce/label/c.Voice_Controls_Transfer';
import PHONE_INVALID from '@salesforce/label/c.Voice_Controls_PhoneInvalid';
import DESTINATION_REQUIRED from '@salesforce/label/c.Voice_Controls_DestinationRequired';

export interface AddParticipantDetail {
    readonly contactType: ContactType;
    readonly contactValue: string;
    readonly isBlindTransfer: boolean;
}

export default class VoiceTransferForm extends LightningElement {
    /** True while the parent's request is in flight. */
    @api disabled = false;

    readonly labels = Object.freeze({ contactType: CONTACT_TYPE, blind: BLIND });

    contactType: ContactType = 'PhoneNumber';
    destination = '';
    blind = false;
    fieldError = '';

    /** Resets the form after a successful add or transfer. */
    @api clear(): void {
        this.destination = '';
        this.blind = false;
        this.fieldError = '';
    }

    get typeOptions(): Array<{ label: string; value: ContactType }> {
        return [
            { label: PHONE_NUMBER, value: 'PhoneNumber' },
            { label: AGENT_OR_QUEUE, value: 'AgentOrQueueId' }
        ];
    }

    get isPhone(): boolean {
        return this.contactType === 'PhoneNumber';
    }

    get destinationLabel(): string {
        return this.isPhone ? PHONE_NUMBER : AGENT_OR_QUEUE;
    }

    get destinationType(): string {
        return this.isPhone ? 'tel' : 'text';
    }

    get submitLabel(): string {
        return this.blind ? TRANSFER : ADD;
    }

    get submitIcon(): string {
        return this.blind ? 'utility:forward' : 'utility:add';
    }

    handleType(event: CustomEvent<{ value: string }>): void {
        this.contactType = event.detail.value === 'AgentOrQueueId' ? 'AgentOrQueueId' : 'PhoneNumber';
        this.fieldError = '';
    }

    handleDestination(event: CustomEvent<{ value: string }>): void {
        this.destination = event.detail.value ?? '';
        this.fieldError = '';
    }

    handleBlind(event: CustomEvent<{ checked: boolean }>): void {
        this.blind = event.detail.checked === true;
    }

    handleSubmit(event: Event): void {
        event.preventDefault();
        if (this.disabled) return;
        const value = this.isPhone ? normalizePhone(this.destination) : this.destination.trim();
        if (!value) {
            this.fieldError = this.isPhone ? PHONE_INVALID : DESTINATION_REQUIRED;
            return;
        }
        const detail: AddParticipantDetail = Object.freeze({
            contactType: this.contactType,
            contactValue: value,
            isBlindTransfer: this.blind
        });
        this.dispatchEvent(new CustomEvent<AddParticipantDetail>('addparticipant', { detail }));
    }
}
