import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import ERROR_ICON from '@salesforce/label/c.Voice_ErrorIcon';
import ERROR_GENERIC from '@salesforce/label/c.Voice_ErrorGeneric';

/**
 * The one look for failures in every panel: a friendly headline plus the reduced error messages,
 * announced to assistive technology. Presentational; renders whatever `errors` holds as text.
 */
export default class ErrorPanel extends LightningElement {
    /** Any error shape: string, Error, LDS/Apex error, or a list of them. */
    @api errors: unknown;
    /** Headline; defaults to a generic label. */
    @api friendlyMessage: string | undefined;
    /** When set, the messages (technical text, for an admin) sit folded under this summary. */
    @api detailsLabel: string | undefined;
    /** When set, a close button with this text dispatches `dismiss` (the parent clears the error). */
    @api dismissLabel: string | undefined;

    readonly labels = Object.freeze({ errorIcon: ERROR_ICON });

    get headline(): string {
        return this.friendlyMessage || ERROR_GENERIC;
    }

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    handleDismiss(): void {
        this.dispatchEvent(new CustomEvent('dismiss'));
    }
}
