/**
 * DTMF keypad (presentational): a key press asks to send that one tone at once; the digits field sends a
 * typed sequence (with `,` pauses). Emits `senddigits` with `{ digits }`; the parent runs the action.
 */
import { LightningElement, api } from 'lwc';
import KEYPAD from '@salesforce/label/c.Voice_Controls_Keypad';
import DIGITS from '@salesforce/label/c.Voice_Controls_Digits';
import SEND from '@salesforce/label/c.Voice_Controls_SendDigits';
import INVALID from '@salesforce/label/c.Voice_Controls_DigitsInvalid';
import { isDtmfSequence } from 'c/voiceUtil';

const KEYS = ['1', '2', '3', 'A', '4', '5', '6', 'B', '7', '8', '9', 'C', '*', '0', '#', 'D'];

export interface SendDigitsDetail {
    readonly digits: string;
}

export default class VoiceDtmfKeypad extends LightningElement {
    /** True while a send is in flight: keys and Send are disabled so nothing fires twice. */
    @api disabled = false;

    readonly labels = Object.freeze({ keypad: KEYPAD, digits: DIGITS, send: SEND, invalid: INVALID });
    readonly keys = KEYS.map((key) => ({ key, label: key }));

    sequence = '';
    invalid = false;

    handleKey(event: Event): void {
        this.send(String((event.currentTarget as HTMLElement).dataset.digit));
    }

    handleInput(event: CustomEvent<{ value: string }>): void {
        this.sequence = event.detail.value ?? '';
        this.invalid = false;
    }

    handleSubmit(event: Event): void {
        event.preventDefault();
        if (this.disabled) return;
        const digits = this.sequence.replace(/\s+/g, '').toUpperCase();
        if (digits === '' || !isDtmfSequence(digits)) {
            this.invalid = true;
            return;
        }
        this.send(digits);
        this.sequence = '';
    }

    /** Keys are disabled (not clickable) while `disabled`; the form checks it itself. */
    private send(digits: string): void {
        const detail: SendDigitsDetail = Object.freeze({ digits });
        this.dispatchEvent(new CustomEvent<SendDigitsDetail>('senddigits', { detail }));
    }
}
