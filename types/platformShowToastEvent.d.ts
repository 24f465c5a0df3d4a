declare module 'lightning/platformShowToastEvent' {
    export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
    export type ToastMode = 'dismissible' | 'pester' | 'sticky';

    export interface ToastEventInit {
        title: string;
        message?: string;
        /** `{0}`-style placeholders in `message` replaced by these links. */
        messageData?: ReadonlyArray<string | { url: string; label: string }>;
        variant?: ToastVariant;
        mode?: ToastMode;
    }

    /** Dispatch from a component: `this.dispatchEvent(new ShowToastEvent({ title, variant }))`. */
    export class ShowToastEvent extends CustomEvent<ToastEventInit> {
        constructor(toast: ToastEventInit);
    }
}
