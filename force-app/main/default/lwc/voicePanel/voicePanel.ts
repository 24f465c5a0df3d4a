/**
 * The standalone/embedded plumbing every Voice panel shares (docs/panel-conventions.md): embedded in
 * `c-voice-agent-desktop` a panel gets the parent's `session` and `toolkit`; standalone its
 * `<c-voice-panel-frame>` (the shell every panel template wraps its body in) renders the panel's own bridge, and
 * the panel keeps the snapshot that bridge sends. Panels extend this class and react in `sessionChanged`.
 */
import { LightningElement, api } from 'lwc';
import { createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type {
    ActionName,
    SessionChangeDetail,
    ToolkitUnavailableDetail,
    VoiceToolkitElement
} from 'c/voiceToolkit';
import type { PanelFrameState, VoicePanelFrameElement } from 'c/voicePanelFrame';

export class VoicePanel extends LightningElement {
    /**
     * VoiceCall id on a record page; the bridge then ignores events of other calls. Declared here for the type
     * only: every exposed panel declares `@api recordId` itself, because the record page sets recordId only on a
     * public property the component's own class declares (the metadata check enforces it).
     */
    declare recordId: string | undefined;
    /** Embedded in `c-voice-agent-desktop`: the parent's bridge element. Standalone when absent. */
    @api toolkit: VoiceToolkitElement | undefined;

    /** Embedded: the parent's snapshot. An unset value keeps the last one shown. */
    @api
    get session(): CallSession | undefined {
        return this.embeddedSession;
    }
    set session(value: CallSession | undefined) {
        if (!value) return;
        this.embeddedSession = value;
        this.showCurrent();
    }

    /** Toolkit methods the panel's own bridge lacks (from `toolkitunavailable`). */
    private missingActions: readonly ActionName[] = [];
    private embeddedSession: CallSession | undefined;
    private ownSession: CallSession = createSession();
    private toolkitMissing = false;
    private shown: CallSession | undefined;

    constructor() {
        super();
        // The frame re-dispatches its bridge's events so they bubble to this shadow root (and no further).
        this.root.addEventListener('sessionchange', (event) =>
            this.handleSessionChange(event as CustomEvent<SessionChangeDetail>)
        );
        this.root.addEventListener('toolkitunavailable', (event) =>
            this.handleUnavailable(event as CustomEvent<ToolkitUnavailableDetail>)
        );
    }

    /** What the panel's `<c-voice-panel-frame state={frameState}>` renders: bridge, unavailable and idle states. */
    get frameState(): PanelFrameState {
        return Object.freeze({
            recordId: this.recordId,
            maxTranscript: this.bridgeMaxTranscript,
            toolkit: this.toolkit,
            unavailable: this.unavailable,
            idle: this.idle
        });
    }

    get standalone(): boolean {
        return !this.toolkit;
    }

    get unavailable(): boolean {
        return this.toolkit ? this.toolkit.available === false : this.toolkitMissing;
    }

    /** The snapshot to render: the parent's when embedded, else the own bridge's (empty before a call). */
    get view(): CallSession {
        return this.embeddedSession ?? this.ownSession;
    }

    handleSessionChange(event: CustomEvent<SessionChangeDetail>): void {
        this.ownSession = event.detail.session;
        this.showCurrent();
    }

    /** Only a toolkit with nothing working hides the panel; a missing method only fails its own action. */
    handleUnavailable(event: CustomEvent<ToolkitUnavailableDetail>): void {
        this.toolkitMissing = event.detail.available === false;
        this.missingActions = event.detail.missing;
    }

    /** Whether the toolkit offers `action`: a panel leaves out the controls of a missing method. */
    protected supports(action: ActionName): boolean {
        const missing = this.toolkit ? (this.toolkit.missingMethods ?? []) : this.missingActions;
        return !missing.includes(action);
    }

    /**
     * The bridge actions go through: the parent's, else the panel's own, which its frame renders when standalone.
     * Found by tag rather than `lwc:ref`, so a panel template cannot forget to name it.
     */
    protected get bridge(): VoiceToolkitElement | undefined {
        if (this.toolkit) return this.toolkit;
        const frame = this.root.querySelector<VoicePanelFrameElement>('c-voice-panel-frame');
        return frame?.bridge ?? undefined;
    }

    /** Whether the frame shows its idle state instead of the body; a panel with a body before calls keeps false. */
    protected get idle(): boolean {
        return false;
    }

    /** The transcript cap the panel's own bridge keeps (a panel that shows the transcript sets it). */
    protected get bridgeMaxTranscript(): number | undefined {
        return undefined;
    }

    /** The panel's shadow root (a shadow-DOM component always has one; the platform types allow null). */
    private get root(): ShadowRoot {
        return this.template as ShadowRoot;
    }

    /** Called once per new snapshot, whichever mode brought it; panels override it to react. */
    protected sessionChanged(_session: CallSession): void {}

    private showCurrent(): void {
        const session = this.view;
        if (session === this.shown) return;
        this.shown = session;
        this.sessionChanged(session);
    }
}
