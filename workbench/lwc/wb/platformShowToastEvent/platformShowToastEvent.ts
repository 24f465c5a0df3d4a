/**
 * wb/platformShowToastEvent — `lightning/platformShowToastEvent`. The event bubbles out of the component
 * as in Lightning Experience; the workbench shell shows it and logs it.
 */
export interface ToastDetail {
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
}

export const TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastDetail> {
    constructor(toast: ToastDetail) {
        super(TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
