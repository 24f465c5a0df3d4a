/**
 * Call controls for the agent: answer, mute, hold/resume per participant, end or remove a leg, recording,
 * DTMF, add participant / blind transfer, merge and swap, preview dial, call and hold timers.
 *
 * Renders the `CallSession` snapshot only: button states (muted, on hold, recording paused) come from
 * toolkit events, never from an optimistic guess. Each action is guarded by a page-local in-flight key so
 * a double click cannot fire twice; a failure shows the error and re-enables the control.
 */
import { api } from 'lwc';
import { hasThreeWay, isOnCall, participantsOnHold } from 'c/voiceCallModel';
import type { CallSession, Participant } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { normalizePhone } from 'c/voiceToolkit';
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

interface Clearable extends HTMLElement {
    clear(): void;
}

function participantType(participant: Participant): ParticipantType {
    return participant.role === 'initial' ? 'Initial_Caller' : 'Third_Party';
}

export default class VoiceCallControls extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    // Control groups (App Builder defaults them to true; unset means shown, as when embedded).
    @api showRecording: boolean | undefined;
    @api showKeypad: boolean | undefined;
    @api showTransfer: boolean | undefined;
    @api showConference: boolean | undefined;
    @api showPreviewDial: boolean | undefined;

    readonly labels = LABELS;

    pending: readonly string[] = [];
    error: ActionErrorView | null = null;
    now = Date.now();
    dialNumber = '';
    dialInvalid = false;

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

    get busy(): boolean {
        return this.pending.length > 0;
    }

    get callerName(): string {
        return this.view.participants.find((p) => p.role === 'initial')?.participant ?? '';
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

    get recordingOn(): boolean {
        return this.showRecording !== false;
    }

    get keypadOn(): boolean {
        return this.showKeypad !== false;
    }

    get transferOn(): boolean {
        return this.showTransfer !== false;
    }

    get conferenceOn(): boolean {
        return this.showConference !== false && hasThreeWay(this.view);
    }

    get dialOn(): boolean {
        return this.showPreviewDial !== false && !isOnCall(this.view);
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
                party: p.participant,
                roleLabel: p.role === 'initial' ? LABELS.roleCaller : LABELS.roleThirdParty,
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

    handleMerge(): void {
        void this.run('conference', (t) => t.merge());
    }

    handleSwap(): void {
        void this.run('conference', (t) => t.swap());
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
        if (ok) (this.refs?.transfer as Clearable | undefined)?.clear();
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
