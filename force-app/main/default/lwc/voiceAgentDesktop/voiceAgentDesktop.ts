/**
 * The whole agent desktop in one App Builder drop: one toolkit bridge and one call model shared by every
 * panel, so a call costs one set of listeners and one reduction per event however many sections are shown.
 * Panels are rendered embedded (`session` + `toolkit` passed down) and only once the bridge exists, so no
 * panel ever starts a bridge of its own.
 */
import { LightningElement, api } from 'lwc';
import { createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { SessionChangeDetail, ToolkitUnavailableDetail, VoiceToolkitElement } from 'c/voiceToolkit';
import UNAVAILABLE from '@salesforce/label/c.Voice_ToolkitUnavailable';
import IDLE from '@salesforce/label/c.Voice_Desktop_Idle';
import TITLE from '@salesforce/label/c.Voice_Desktop_Title';

export default class VoiceAgentDesktop extends LightningElement {
    /** VoiceCall id on a record page (filters events to that call); also where wrap-up and notes are saved. */
    @api recordId: string | undefined;

    // Sections. App Builder shows each as "Hide …" so an unset value means shown.
    @api hideControls = false;
    @api hideTranscript = false;
    @api hideSignals = false;
    @api hideNextBestAction = false;
    @api hideSupervisorHelp = false;
    @api hideWrapUp = false;
    @api hideActions = false;
    @api hidePlaybooks = false;

    // The knobs most admins change, passed through to the panels; unset keeps each panel's default.
    @api maxTranscript: number | undefined;
    @api timestampMode: string | undefined;
    @api showDigits = false;
    @api keywords: string | undefined;
    @api alertCategories: string | undefined;
    @api nbaRules: string | undefined;
    @api nbaWindowSeconds: number | undefined;
    @api optionalDisposition = false;
    @api actionsGroup: string | undefined;
    @api playbookGroup: string | undefined;

    readonly labels = Object.freeze({ unavailable: UNAVAILABLE, idle: IDLE, title: TITLE });

    session: CallSession = createSession();
    toolkit: VoiceToolkitElement | undefined;
    unavailable = false;
    /** The wrap-up panel still holds the previous call's unsaved work. */
    wrapUpPending = false;
    /** Once a call has ended the wrap-up panel stays mounted (hidden when idle) so a draft is never unmounted. */
    wrapUpMounted = false;

    override renderedCallback(): void {
        // The bridge exists after the first render; handing it down re-renders once with the panels.
        if (this.toolkit === undefined && !this.unavailable) {
            const bridge = this.refs?.toolkit as VoiceToolkitElement | undefined;
            if (bridge !== undefined) this.toolkit = bridge;
        }
    }

    handleSessionChange(event: CustomEvent<SessionChangeDetail>): void {
        this.session = event.detail.session;
        const phase = this.session.phase;
        if (phase === 'ended' || phase === 'wrapupDone') this.wrapUpMounted = true;
    }

    handleWrapUpPending(event: CustomEvent<{ pending: boolean }>): void {
        this.wrapUpPending = event.detail.pending === true;
    }

    /** Only a toolkit with nothing working hides the panels; a missing method only fails its own action. */
    handleUnavailable(event: CustomEvent<ToolkitUnavailableDetail>): void {
        this.unavailable = event.detail.available === false;
    }

    get ready(): boolean {
        return this.toolkit !== undefined && !this.unavailable;
    }

    get idle(): boolean {
        return this.session.phase === 'idle';
    }

    get showControls(): boolean {
        return !this.hideControls;
    }

    get showTranscript(): boolean {
        return !this.hideTranscript && !this.idle;
    }

    get showSignals(): boolean {
        return !this.hideSignals && !this.idle;
    }

    get showNextBestAction(): boolean {
        return !this.hideNextBestAction && !this.idle;
    }

    /** Actions decide per call phase themselves (some are offered before or after a call). */
    get showActions(): boolean {
        return !this.hideActions;
    }

    /** Playbooks and the caller card lead the live call: who is calling comes before anything else. */
    get showPlaybooks(): boolean {
        return !this.hidePlaybooks && !this.idle;
    }

    get showSupervisorHelp(): boolean {
        return !this.hideSupervisorHelp && !this.idle;
    }

    /**
     * After-call work belongs to the end of a call; it leads the column then, and stays while it holds the
     * previous call's unsaved work during the next call.
     */
    get showWrapUp(): boolean {
        return !this.hideWrapUp && this.wrapUpMounted;
    }

    get wrapUpClass(): string {
        const phase = this.session.phase;
        const visible = phase === 'ended' || phase === 'wrapupDone' || this.wrapUpPending;
        return visible ? 'section' : 'section slds-hide';
    }
}
