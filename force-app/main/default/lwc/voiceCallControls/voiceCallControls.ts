/**
 * Call controls for the agent: answer, mute, hold/resume per participant, end or remove a leg, recording,
 * DTMF, add participant / blind transfer, merge and swap, preview dial, call and hold timers.
 *
 * Renders the `CallSession` snapshot only: button states (muted, on hold, recording paused) come from
 * toolkit events, never from an optimistic guess. Each action is guarded by a page-local in-flight key so
 * a double click cannot fire twice; a failure shows the error and re-enables the control.
 */
import { api } from 'lwc';
import { UNNAMED_CALLER, callQuality, hasThreeWay, isOnCall, participantsOnHold } from 'c/voiceCallModel';
import type { CallQuality, CallSession, Participant } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { isVoiceCallId, normalizePhone } from 'c/voiceToolkit';
import type { ActionResult, VoiceToolkitElement } from 'c/voiceToolkit';
import { describeActionFailure } from 'c/voiceActionMessages';
import type { ActionErrorView } from 'c/voiceActionMessages';
import { formatDuration, formatLabel } from 'c/voiceFormat';
import type { ParticipantType } from 'lightning/serviceCloudVoiceToolkitApi';
import type { SendDigitsDetail } from 'c/voiceDtmfKeypad';
import type { AddParticipantDetail } from 'c/voiceTransferForm';
import { LABELS } from './labels';

const CLOCK_TICK_MS = 1000;

interface ParticipantRow {
    readonly key: string;
    readonly party: string;
    readonly roleLabel: string;
    readonly type: ParticipantType;
    readonly onHold: boolean;
    readonly holdText: string;
    readonly holdLabel: string;
    readonly holdIcon: string;
    readonly holdDisabled: boolean;
    readonly removeDisabled: boolean;
}

/** One of the two buttons that stay in place through a call (see the template). */
interface SlotButton {
    readonly id: string;
    readonly label: string;
    readonly variant: string;
    readonly icon: string;
    readonly disabled: boolean;
}

interface QualityView {
    readonly key: CallQuality;
    readonly text: string;
    readonly badgeClass: string;
}

const QUALITY_THEMES: Readonly<Record<CallQuality, string>> = Object.freeze({
    good: 'slds-theme_success',
    fair: 'slds-theme_warning',
    poor: 'slds-theme_error'
});

interface Clearable extends HTMLElement {
    clear(): void;
}

function participantType(participant: Participant): ParticipantType {
    return participant.role === 'initial' ? 'Initial_Caller' : 'Third_Party';
}

interface DrawerToggle {
    readonly id: 'toggle-keypad' | 'toggle-transfer';
    readonly icon: string;
    readonly label: string;
    readonly variant: string;
    readonly expanded: string;
}

export default class VoiceCallControls extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    // Control groups an admin can hide (boolean public properties default to false: unset means shown).
    @api hideRecording = false;
    @api hideKeypad = false;
    @api hideTransfer = false;
    @api hideConference = false;
    @api hidePreviewDial = false;

    readonly labels = LABELS;

    pending: readonly string[] = [];
    error: ActionErrorView | null = null;
    now = Date.now();
    dialNumber = '';
    dialInvalid = false;
    keypadOpen = false;
    transferOpen = false;

    private clock: ReturnType<typeof setInterval> | undefined;
    private connected = false;
    private lastPhaseKey = '';

    override connectedCallback(): void {
        this.connected = true;
        this.syncClock();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.syncClock();
    }

    // ---- state ----

    get isIdle(): boolean {
        return this.view.phase === 'idle';
    }

    get isRinging(): boolean {
        return this.view.phase === 'ringing';
    }

    get inCall(): boolean {
        return this.view.phase === 'connected';
    }

    get isEnded(): boolean {
        return this.view.phase === 'ended' || this.view.phase === 'wrapupDone';
    }

    /** Ringing, connected or ended: the phases that show the call's button row. */
    get hasCall(): boolean {
        return !this.isIdle;
    }

    get isOutbound(): boolean {
        return this.view.callType === 'outbound';
    }

    /** What the agent must see at a glance: ringing (in or out), connected, all on hold, conference, ended. */
    get stateKey(): string {
        const { phase, participants } = this.view;
        if (phase === 'ringing') return this.isOutbound ? 'calling' : 'incoming';
        if (phase !== 'connected') return phase;
        const held = participantsOnHold(this.view).length;
        if (participants.length > 0 && held === participants.length) return 'onHold';
        return participants.length >= 2 && held === 0 ? 'conference' : 'connected';
    }

    get stateText(): string {
        switch (this.stateKey) {
            case 'incoming':
                return LABELS.incoming;
            case 'calling':
                return formatLabel(LABELS.calling, this.callerName);
            case 'connected':
                return LABELS.connected;
            case 'onHold':
                return LABELS.onHold;
            case 'conference':
                return LABELS.conference;
            case 'idle':
                return '';
            default:
                return this.endedText;
        }
    }

    get showMuted(): boolean {
        return this.inCall && this.view.muted;
    }

    get showRecordingPaused(): boolean {
        return this.inCall && this.recordingOn && this.view.recordingPaused;
    }

    /** The muted and recording-paused badges next to the state, in that order; only the ones that apply. */
    get badges(): { key: string; className: string; icon: string; text: string }[] {
        const badge = (key: string, theme: string, icon: string, text: string) => ({
            key,
            className: `${key}-badge slds-badge ${theme} slds-m-right_x-small`,
            icon,
            text
        });
        return [
            ...(this.showMuted ? [badge('muted', 'slds-theme_warning', 'utility:muted', LABELS.muted)] : []),
            ...(this.showRecordingPaused
                ? [badge('recording', 'slds-theme_error', 'utility:pause', LABELS.recordingPaused)]
                : [])
        ];
    }

    get quality(): QualityView | null {
        const key = this.inCall ? callQuality(this.view) : null;
        if (key === null) return null;
        const text = { good: LABELS.qualityGood, fair: LABELS.qualityFair, poor: LABELS.qualityPoor }[key];
        return { key, text, badgeClass: `quality-badge slds-badge ${QUALITY_THEMES[key]}` };
    }

    /** Accept while an inbound call rings, else Mute/Unmute (disabled unless connected). */
    get primary(): SlotButton {
        if (this.isRinging && !this.isOutbound) {
            return {
                id: 'accept',
                label: LABELS.accept,
                variant: 'success',
                icon: 'utility:call',
                disabled: this.answerDisabled
            };
        }
        return {
            id: 'mute',
            label: this.muteLabel,
            variant: 'neutral',
            icon: this.muteIcon,
            disabled: !this.inCall || this.muteDisabled
        };
    }

    /** Decline (inbound ringing), Cancel (outbound ringing), End call (connected; disabled once ended). */
    get secondary(): SlotButton {
        if (this.isRinging && !this.isOutbound) {
            return { ...this.endSlot('decline', LABELS.decline), disabled: this.answerDisabled };
        }
        if (this.isRinging) return this.endSlot('end', LABELS.cancel);
        return this.endSlot('end', LABELS.endCall);
    }

    private endSlot(id: string, label: string): SlotButton {
        return {
            id,
            label,
            variant: 'destructive',
            icon: 'utility:end_call',
            disabled: this.isEnded || this.endDisabled
        };
    }

    get keypadShown(): boolean {
        return this.keypadOn && this.keypadOpen;
    }

    get transferShown(): boolean {
        return this.transferOn && this.transferOpen;
    }

    /** The keypad and transfer drawer toggles the admin and the toolkit allow; pressed (brand) while open. */
    get drawerToggles(): DrawerToggle[] {
        const toggle = (
            id: DrawerToggle['id'],
            icon: string,
            label: string,
            shown: boolean
        ): DrawerToggle => ({
            id,
            icon,
            label,
            variant: shown ? 'brand' : 'neutral',
            expanded: String(shown)
        });
        return [
            ...(this.keypadOn
                ? [toggle('toggle-keypad', 'utility:dialing', LABELS.keypad, this.keypadShown)]
                : []),
            ...(this.transferOn
                ? [toggle('toggle-transfer', 'utility:adduser', LABELS.transferHeading, this.transferShown)]
                : [])
        ];
    }

    get busy(): boolean {
        return this.pending.length > 0;
    }

    get callerName(): string {
        return this.partyName(this.view.participants.find((p) => p.role === 'initial')?.participant);
    }

    /** The party as the events name it; a caller the softphone never named reads as such. */
    private partyName(participant: string | undefined): string {
        return participant === undefined || participant === UNNAMED_CALLER
            ? LABELS.unknownNumber
            : participant;
    }

    get callTimeText(): string {
        const { connectedAt } = this.view;
        return formatLabel(
            LABELS.callTime,
            formatDuration(connectedAt === null ? 0 : this.now - connectedAt)
        );
    }

    get endedText(): string {
        const { connectedAt, endedAt } = this.view;
        const talk = connectedAt !== null && endedAt !== null ? endedAt - connectedAt : 0;
        return formatLabel(LABELS.ended, formatDuration(talk));
    }

    // A control group shows when the admin wants it and the toolkit has its methods (one missing method
    // leaves out its own controls, never the whole panel).
    get recordingOn(): boolean {
        return !this.hideRecording && this.supports('pauseRecording') && this.supports('resumeRecording');
    }

    get keypadOn(): boolean {
        return !this.hideKeypad && this.supports('sendDigits');
    }

    get transferOn(): boolean {
        return !this.hideTransfer && this.supports('addParticipant');
    }

    get conferenceOn(): boolean {
        return (
            !this.hideConference && this.supports('merge') && this.supports('swap') && hasThreeWay(this.view)
        );
    }

    /**
     * Not on a VoiceCall record page: that page follows its own call (its VendorCallKey), so a call dialled
     * there would be ignored by every panel on it. Dialling is offered where the panels follow any call.
     */
    get dialOn(): boolean {
        return (
            !this.hidePreviewDial &&
            this.supports('startPreviewCall') &&
            !isOnCall(this.view) &&
            !isVoiceCallId(this.recordId)
        );
    }

    get threeWay(): boolean {
        return hasThreeWay(this.view);
    }

    get participantRows(): ParticipantRow[] {
        return this.view.participants.map((p) => {
            const type = participantType(p);
            const held = p.onHold && p.holdStartedAt !== null ? this.now - p.holdStartedAt : 0;
            return {
                key: `${p.role}:${p.participant}`,
                party: this.partyName(p.participant),
                roleLabel: this.roleLabelOf(p),
                type,
                onHold: p.onHold,
                holdText: p.onHold ? formatLabel(LABELS.onHoldFor, formatDuration(held)) : '',
                holdLabel: p.onHold ? LABELS.resume : LABELS.hold,
                holdIcon: p.onHold ? 'utility:play' : 'utility:pause',
                holdDisabled: this.isPending(`hold:${type}`),
                removeDisabled: this.isPending(`remove:${type}`) || this.isPending('end')
            };
        });
    }

    private roleLabelOf(p: Participant): string {
        if (p.role !== 'initial') return LABELS.roleThirdParty;
        return this.isOutbound ? LABELS.roleCalled : LABELS.roleCaller;
    }

    get muteLabel(): string {
        return this.view.muted ? LABELS.unmute : LABELS.mute;
    }

    get muteIcon(): string {
        return this.view.muted ? 'utility:unmuted' : 'utility:muted';
    }

    get recordingLabel(): string {
        return this.view.recordingPaused ? LABELS.resumeRecording : LABELS.pauseRecording;
    }

    get recordingIcon(): string {
        return this.view.recordingPaused ? 'utility:record' : 'utility:pause';
    }

    get answerDisabled(): boolean {
        return this.isPending('answer');
    }

    get muteDisabled(): boolean {
        return this.isPending('mute');
    }

    get endDisabled(): boolean {
        return this.isPending('end');
    }

    get recordingDisabled(): boolean {
        return this.isPending('recording');
    }

    /** Merge resumes everyone: needs someone on hold. */
    /** Merge and swap, one button group; both wait for each other (one `conference` action at a time). */
    get conferenceButtons(): { id: 'merge' | 'swap'; icon: string; label: string; disabled: boolean }[] {
        return [
            { id: 'merge', icon: 'utility:merge', label: LABELS.merge, disabled: this.mergeDisabled },
            { id: 'swap', icon: 'utility:change_owner', label: LABELS.swap, disabled: this.swapDisabled }
        ];
    }

    get mergeDisabled(): boolean {
        return this.isPending('conference') || participantsOnHold(this.view).length === 0;
    }

    /** Swap flips which of the two parties is on hold: exactly one must be. */
    get swapDisabled(): boolean {
        return this.isPending('conference') || participantsOnHold(this.view).length !== 1;
    }

    get digitsDisabled(): boolean {
        return this.isPending('digits');
    }

    get transferDisabled(): boolean {
        return this.isPending('transfer');
    }

    get dialDisabled(): boolean {
        return this.isPending('dial');
    }

    // ---- intents ----

    handlePrimary(): void {
        if (this.primary.id === 'accept') this.handleAccept();
        else if (this.inCall) this.handleMute();
    }

    handleSecondary(): void {
        if (this.secondary.id === 'decline') this.handleDecline();
        else if (!this.isEnded) this.handleEnd();
    }

    handleToggleDrawer(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (id === 'toggle-keypad') this.keypadOpen = !this.keypadOpen;
        else this.transferOpen = !this.transferOpen;
    }

    handleDismissError(): void {
        this.error = null;
    }

    handleAccept(): void {
        void this.run('answer', (t) => t.acceptCall());
    }

    handleDecline(): void {
        void this.run('answer', (t) => t.declineCall());
    }

    handleMute(): void {
        const muted = this.view.muted;
        void this.run('mute', (t) => (muted ? t.unmute() : t.mute()));
    }

    handleHold(event: Event): void {
        const type = this.typeOf(event);
        const onHold = this.view.participants.some((p) => participantType(p) === type && p.onHold);
        void this.run(`hold:${type}`, (t) => (onHold ? t.resume(type) : t.hold(type)));
    }

    handleRemove(event: Event): void {
        const type = this.typeOf(event);
        void this.run(`remove:${type}`, (t) => t.endCall(type));
    }

    handleEnd(): void {
        void this.run('end', (t) => t.endCall());
    }

    handleRecording(): void {
        const paused = this.view.recordingPaused;
        void this.run('recording', (t) => (paused ? t.resumeRecording() : t.pauseRecording()));
    }

    handleConference(event: Event): void {
        const swap = (event.currentTarget as HTMLElement).dataset.id === 'swap';
        void this.run('conference', (t) => (swap ? t.swap() : t.merge()));
    }

    handleDigits(event: CustomEvent<SendDigitsDetail>): void {
        const { digits } = event.detail;
        void this.run('digits', (t) => t.sendDigits(digits));
    }

    async handleAddParticipant(event: CustomEvent<AddParticipantDetail>): Promise<void> {
        const { contactType, contactValue, isBlindTransfer } = event.detail;
        const ok = await this.run('transfer', (t) =>
            t.addParticipant(contactType, contactValue, isBlindTransfer)
        );
        if (!ok) return;
        (this.refs?.transfer as Clearable | undefined)?.clear();
        this.transferOpen = false;
    }

    handleDialInput(event: CustomEvent<{ value: string }>): void {
        this.dialNumber = event.detail.value ?? '';
        this.dialInvalid = false;
    }

    async handleDial(event: Event): Promise<void> {
        event.preventDefault();
        const phone = normalizePhone(this.dialNumber);
        if (phone === null) {
            this.dialInvalid = true;
            return;
        }
        const ok = await this.run('dial', (t) => t.startPreviewCall(phone));
        if (ok) this.dialNumber = '';
    }

    // ---- plumbing ----

    private typeOf(event: Event): ParticipantType {
        const type = (event.currentTarget as HTMLElement).dataset.type;
        return type === 'Third_Party' ? 'Third_Party' : 'Initial_Caller';
    }

    private isPending(key: string): boolean {
        return this.pending.includes(key);
    }

    /** Runs one toolkit action under `key`; resolves true on success. Never throws. */
    private async run(
        key: string,
        action: (toolkit: VoiceToolkitElement) => Promise<ActionResult>
    ): Promise<boolean> {
        const toolkit = this.bridge;
        if (!toolkit || this.isPending(key)) return false;
        this.pending = [...this.pending, key];
        this.error = null;
        const result = await action(toolkit);
        this.pending = this.pending.filter((k) => k !== key);
        if (result.ok) return true;
        this.error = describeActionFailure(result);
        return false;
    }

    protected override sessionChanged(session: CallSession): void {
        const { callId, phase } = session;
        const phaseKey = `${callId ?? ''}:${phase}`;
        // A failure from the previous phase (e.g. a failed accept) no longer describes what is on screen.
        if (phaseKey !== this.lastPhaseKey) {
            this.lastPhaseKey = phaseKey;
            this.error = null;
            // A new call starts compact: keypad and transfer open on demand.
            if (phase !== 'connected') {
                this.keypadOpen = false;
                this.transferOpen = false;
            }
        }
        this.now = Date.now();
        this.syncClock();
    }

    /** One interval while a call is connected, for the call and hold timers; none otherwise. */
    private syncClock(): void {
        const live = this.connected && this.view.phase === 'connected';
        if (live && this.clock === undefined) {
            this.now = Date.now();
            // The call/hold timers need a 1 s tick while connected; cleared on end and on disconnect.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.clock = setInterval(() => {
                this.now = Date.now();
            }, CLOCK_TICK_MS);
        } else if (!live && this.clock !== undefined) {
            clearInterval(this.clock);
            this.clock = undefined;
        }
    }
}
