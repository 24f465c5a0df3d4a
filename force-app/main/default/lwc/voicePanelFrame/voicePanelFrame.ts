/**
 * The shell every Voice panel shares, so no panel copies it: standalone (no parent toolkit in `state`) the frame
 * renders the panel's own `<c-voice-toolkit>`; then the card, the unavailable and idle states, and the panel body.
 *
 * The bridge's events neither bubble nor compose, so the frame hands them on: it re-dispatches `sessionchange`
 * and `toolkitunavailable` from its host with `bubbles: true` (not composed), which carries them up to the
 * panel's shadow root, where `VoicePanel` listens, and no further. The panel template therefore wires nothing.
 *
 * Slots (LWC "Pass Markup into Slots", https://developer.salesforce.com/docs/platform/lwc/guide/create-components-slots.html):
 * `actions` (card header), `notices` and `footer` (above and below the states, shown in every state: admin
 * warnings, hints, live-region announcers) and the default slot (the body, shown only when the panel is neither
 * unavailable nor idle). Slotted markup belongs to the panel's template, so its
 * handlers, `lwc:ref`s and styles stay the panel's.
 */
import { LightningElement, api } from 'lwc';
import type { SessionChangeDetail, ToolkitUnavailableDetail, VoiceToolkitElement } from 'c/voiceToolkit';
import UNAVAILABLE from '@salesforce/label/c.Voice_ToolkitUnavailable';

/** What the frame needs from its panel (`VoicePanel.frameState` builds it). */
export interface PanelFrameState {
    /** Handed to the own bridge: on a VoiceCall page it then ignores events of other calls. */
    readonly recordId: string | undefined;
    /** Handed to the own bridge: the transcript cap of its model. */
    readonly maxTranscript: number | undefined;
    /** The parent's bridge when the panel is embedded; the frame then renders none of its own. */
    readonly toolkit: VoiceToolkitElement | undefined;
    /** The toolkit is missing: the frame shows that instead of the body. */
    readonly unavailable: boolean;
    /** No call yet: the frame shows `idleText` instead of the body. */
    readonly idle: boolean;
}

/** The frame as its panel sees it (through `this.template.querySelector`). */
export interface VoicePanelFrameElement extends HTMLElement {
    readonly bridge: VoiceToolkitElement | undefined;
}

const STANDALONE: PanelFrameState = Object.freeze({
    recordId: undefined,
    maxTranscript: undefined,
    toolkit: undefined,
    unavailable: false,
    idle: false
});

export default class VoicePanelFrame extends LightningElement {
    /** The card title. (`title` is a global HTML attribute: it would also set the host's tooltip.) */
    @api heading: string | undefined;
    /** The card icon, e.g. `utility:touch_action`; none when blank. */
    @api iconName: string | undefined;
    /** The panel's empty state before a call. */
    @api idleText: string | undefined;
    /** The panel's mode and state; standalone and showing the body until set. */
    @api state: PanelFrameState = STANDALONE;

    readonly labels = Object.freeze({ unavailable: UNAVAILABLE });

    get standalone(): boolean {
        return !this.state.toolkit;
    }

    /** The own bridge the panel acts through when standalone (undefined when embedded or not rendered yet). */
    @api
    get bridge(): VoiceToolkitElement | undefined {
        return this.standalone ? (this.refs?.toolkit as VoiceToolkitElement | undefined) : undefined;
    }

    handleSessionChange(event: CustomEvent<SessionChangeDetail>): void {
        this.handOn('sessionchange', event.detail);
    }

    handleUnavailable(event: CustomEvent<ToolkitUnavailableDetail>): void {
        this.handOn('toolkitunavailable', event.detail);
    }

    private handOn(type: string, detail: unknown): void {
        this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
    }
}
