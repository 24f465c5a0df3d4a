/**
 * Jest mock of `lightning/platformShowToastEvent` (mapped in jest.config.js). Same event as the platform
 * (`lightning__showtoast`, bubbles + composed) and every constructed toast is recorded in `toastMock`.
 */
import type { ToastEventInit } from 'lightning/platformShowToastEvent';

export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

const shown: ToastEventInit[] = [];

export class ShowToastEvent extends CustomEvent<ToastEventInit> {
    constructor(toast: ToastEventInit) {
        super(SHOW_TOAST_EVENT_NAME, { composed: true, cancelable: true, bubbles: true, detail: toast });
        shown.push(toast);
    }
}

export const toastMock = {
    /** Every toast constructed since the last reset, oldest first. */
    toasts(): readonly ToastEventInit[] {
        return [...shown];
    },
    last(): ToastEventInit | undefined {
        return shown[shown.length - 1];
    },
    reset(): void {
        shown.length = 0;
    }
};
