/**
 * After-call work: from `callended` until `wrapupended`, a form for the call resolution (the standard
 * CallResolution picklist), the outcome (Call_Disposition__c picklist) and the agent's notes, saved once to the
 * VoiceCall through LDS. Both picklists offer the org's values (getPicklistValues), never free text.
 * Unsaved input survives `wrapupended`, so an automatic wrap-up timeout never throws the agent's notes away, and
 * it survives the next call too: the draft stays on screen, marked as the previous call's, and saves to the record
 * it was written for until the agent saves or discards it.
 */
import { api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import type { ObjectInfoRepresentation, PicklistValuesRepresentation } from 'lightning/uiObjectInfoApi';
import type { CallSession } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { formatLabel } from 'c/voiceFormat';
import VOICE_CALL_OBJECT from '@salesforce/schema/VoiceCall';
import ID_FIELD from '@salesforce/schema/VoiceCall.Id';
import RESOLUTION_FIELD from '@salesforce/schema/VoiceCall.CallResolution';
import DISPOSITION_FIELD from '@salesforce/schema/VoiceCall.Call_Disposition__c';
import NOTES_FIELD from '@salesforce/schema/VoiceCall.Agent_Call_Notes__c';
import TITLE from '@salesforce/label/c.Voice_WrapUp_Title';
import IDLE from '@salesforce/label/c.Voice_WrapUp_Idle';
import RESOLUTION from '@salesforce/label/c.Voice_WrapUp_Resolution';
import DISPOSITION from '@salesforce/label/c.Voice_WrapUp_Disposition';
import DISPOSITION_PLACEHOLDER from '@salesforce/label/c.Voice_WrapUp_DispositionPlaceholder';
import DISPOSITION_REQUIRED from '@salesforce/label/c.Voice_WrapUp_DispositionRequired';
import NOTES from '@salesforce/label/c.Voice_WrapUp_Notes';
import NOTES_TOO_LONG from '@salesforce/label/c.Voice_WrapUp_NotesTooLong';
import NOTES_COUNT from '@salesforce/label/c.Voice_WrapUp_NotesCount';
import SAVE from '@salesforce/label/c.Voice_WrapUp_Save';
import SAVING from '@salesforce/label/c.Voice_WrapUp_Saving';
import SAVED from '@salesforce/label/c.Voice_WrapUp_Saved';
import EDIT from '@salesforce/label/c.Voice_WrapUp_Edit';
import SAVE_FAILED from '@salesforce/label/c.Voice_WrapUp_SaveFailed';
import NEEDS_RECORD from '@salesforce/label/c.Voice_WrapUp_NeedsRecord';
import OUTCOMES_FAILED from '@salesforce/label/c.Voice_WrapUp_OutcomesFailed';
import ENDED from '@salesforce/label/c.Voice_WrapUp_Ended';
import CARRIED_OVER from '@salesforce/label/c.Voice_WrapUp_CarriedOver';
import DISCARD from '@salesforce/label/c.Voice_WrapUp_Discard';
import { announceSaved, listenForSaved } from './savedWrapUps';

/** Agent_Call_Notes__c is a 32,768-character long text area. */
export const NOTES_FIELD_LENGTH = 32768;
/**
 * VoiceCall.CallResolution is a picklist (length 255), so the form offers its values and never free text:
 * https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-voicecall.html
 */

interface Option {
    readonly label: string;
    readonly value: string;
}

/** `recordId` is the VoiceCall the wrap-up is saved to; without it the form is shown but cannot save. */
export default class VoiceWrapUp extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    /** The call outcome may be left empty (design attribute; boolean public properties default to false). */
    @api optionalDisposition = false;
    /** Hides the call resolution field (design attribute). */
    @api hideResolution = false;
    /** Notes limit (1..32,768, default the field length). */
    @api notesMaxLength: number | undefined;

    readonly labels = Object.freeze({
        title: TITLE,
        idle: IDLE,
        resolution: RESOLUTION,
        disposition: DISPOSITION,
        dispositionPlaceholder: DISPOSITION_PLACEHOLDER,
        dispositionRequired: DISPOSITION_REQUIRED,
        notes: NOTES,
        save: SAVE,
        saving: SAVING,
        saved: SAVED,
        edit: EDIT,
        saveFailed: SAVE_FAILED,
        needsRecord: NEEDS_RECORD,
        outcomesFailed: OUTCOMES_FAILED,
        ended: ENDED,
        carriedOver: CARRIED_OVER,
        discard: DISCARD
    });
    recordTypeId: string | undefined;
    outcomes: readonly Option[] = [];
    resolutions: readonly Option[] = [];
    outcomesError: unknown;

    resolution = '';
    disposition = '';
    notes = '';
    submitted = false;
    saving = false;
    saved = false;
    saveError: unknown;
    private formCallId: string | null = null;
    /** The record the open form belongs to, captured when its call ended. */
    private formRecordId: string | undefined;
    /**
     * Newer calls that arrived while the form still held unsaved work for an earlier one, oldest first: each
     * that connected gets its own form in turn (back-to-back calls never skip a wrap-up).
     */
    private pendingCalls: string[] = [];
    /** Calls seen connected (a call that only rang, e.g. declined, needs no wrap-up). */
    private connectedCalls = new Set<string>();
    private stopListening: (() => void) | null = null;

    private readonly handleSavedElsewhere = (callId: string): void => {
        if (callId === this.formCallId && !this.saving) this.saved = true;
    };

    override connectedCallback(): void {
        this.stopListening ??= listenForSaved(this.handleSavedElsewhere);
    }

    override disconnectedCallback(): void {
        this.stopListening?.();
        this.stopListening = null;
    }

    private get nextCallId(): string | null {
        return this.pendingCalls.length > 0 ? this.pendingCalls[this.pendingCalls.length - 1] : null;
    }

    @wire(getObjectInfo, { objectApiName: VOICE_CALL_OBJECT })
    wiredObjectInfo({ data, error }: { data?: ObjectInfoRepresentation; error?: unknown }): void {
        if (data) this.recordTypeId = data.defaultRecordTypeId;
        else if (error) this.outcomesError = error;
    }

    @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: DISPOSITION_FIELD })
    wiredOutcomes({ data, error }: { data?: PicklistValuesRepresentation; error?: unknown }): void {
        if (data) {
            this.outcomes = data.values.map((v) => ({ label: v.label, value: v.value }));
            this.outcomesError = undefined;
        } else if (error) {
            this.outcomesError = error;
        }
    }

    @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: RESOLUTION_FIELD })
    wiredResolutions({ data, error }: { data?: PicklistValuesRepresentation; error?: unknown }): void {
        if (data) this.resolutions = data.values.map((v) => ({ label: v.label, value: v.value }));
        else if (error) this.outcomesError = error;
    }

    // ---- state ----

    get hasDraft(): boolean {
        return this.resolution.trim() !== '' || this.disposition !== '' || this.notes.trim() !== '';
    }

    get wrapUpDone(): boolean {
        return this.view.phase === 'wrapupDone';
    }

    /** The form still holds the previous call's unsaved work while a newer call is on. */
    get carriedOver(): boolean {
        return this.nextCallId !== null;
    }

    private get unsavedWork(): boolean {
        return !this.saved && (this.hasDraft || this.saving || this.saveError !== undefined);
    }

    private get saveTarget(): string | undefined {
        return this.formRecordId ?? this.recordId;
    }

    /** The form is open after the call ends, and after wrap-up ends while unsaved work is on it. */
    /** Neither the saved note, the form nor the ended note: the frame's idle state. */
    protected override get idle(): boolean {
        return !this.saved && !this.showForm && !this.showEnded;
    }

    get showForm(): boolean {
        if (this.carriedOver) return true;
        if (this.saved) return false;
        if (this.view.phase === 'ended') return true;
        return this.wrapUpDone && (this.hasDraft || this.saving || this.saveError !== undefined);
    }

    get showEnded(): boolean {
        return this.wrapUpDone && !this.saved && !this.showForm;
    }

    get showIdle(): boolean {
        return !this.saved && !this.showForm && !this.showEnded;
    }

    get resolutionOn(): boolean {
        return !this.hideResolution;
    }

    get dispositionRequired(): boolean {
        return !this.optionalDisposition;
    }

    get notesLimit(): number {
        const n = Number(this.notesMaxLength);
        return Number.isFinite(n) && n >= 1
            ? Math.min(Math.floor(n), NOTES_FIELD_LENGTH)
            : NOTES_FIELD_LENGTH;
    }

    get notesCount(): string {
        return formatLabel(NOTES_COUNT, this.notes.length, this.notesLimit);
    }

    get dispositionError(): string {
        return this.submitted && this.dispositionRequired && this.disposition === ''
            ? DISPOSITION_REQUIRED
            : '';
    }

    get notesError(): string {
        return this.notes.length > this.notesLimit ? formatLabel(NOTES_TOO_LONG, this.notesLimit) : '';
    }

    /** Corrections are possible until wrap-up ends. */
    get canEdit(): boolean {
        return !this.wrapUpDone;
    }

    get needsRecord(): boolean {
        return !this.saveTarget;
    }

    get hasSaveError(): boolean {
        return this.saveError !== undefined;
    }

    get saveDisabled(): boolean {
        return this.saving || !this.saveTarget;
    }

    get saveLabel(): string {
        return this.saving ? SAVING : SAVE;
    }

    get outcomesDisabled(): boolean {
        return this.outcomes.length === 0;
    }

    get resolutionsDisabled(): boolean {
        return this.resolutions.length === 0;
    }

    // ---- events ----

    handleResolution(event: CustomEvent<{ value: string }>): void {
        this.resolution = event.detail.value ?? '';
    }

    handleDisposition(event: CustomEvent<{ value: string }>): void {
        this.disposition = event.detail.value ?? '';
    }

    handleNotes(event: CustomEvent<{ value: string }>): void {
        this.notes = event.detail.value ?? '';
    }

    handleEdit(): void {
        this.saved = false;
    }

    async handleSave(event: Event): Promise<void> {
        event.preventDefault();
        const recordId = this.saveTarget;
        if (this.saving || !recordId) return;
        this.submitted = true;
        if (this.dispositionError || this.notesError) return;
        this.saving = true;
        this.saveError = undefined;
        try {
            await updateRecord({
                fields: {
                    [ID_FIELD.fieldApiName]: recordId,
                    ...(this.resolutionOn
                        ? { [RESOLUTION_FIELD.fieldApiName]: this.resolution || null }
                        : {}),
                    [DISPOSITION_FIELD.fieldApiName]: this.disposition || null,
                    [NOTES_FIELD.fieldApiName]: this.notes
                }
            });
            this.saved = true;
            if (this.formCallId !== null) announceSaved(this.formCallId, this.handleSavedElsewhere);
            this.startNextForm();
        } catch (error) {
            this.saveError = error;
        } finally {
            this.saving = false;
        }
    }

    handleDiscard(): void {
        this.startNextForm();
    }

    /** The oldest waiting call that connected gets the form next (the newest, live one in the end). */
    private startNextForm(): void {
        while (this.pendingCalls.length > 1 && !this.connectedCalls.has(this.pendingCalls[0])) {
            this.pendingCalls.shift();
        }
        const next = this.pendingCalls.shift();
        if (next === undefined) return;
        this.startForm(next, this.pendingCalls.length > 0);
        if (this.pendingCalls.length === 0) this.announcePending();
    }

    /** A new call on the same instance starts a fresh form, unless the previous call's work is unsaved. */
    protected override sessionChanged(session: CallSession): void {
        const { callId, phase } = session;
        if (callId !== null && session.connectedAt !== null) this.connectedCalls.add(callId);
        if (callId !== null && callId === this.formCallId && phase === 'ended' && !this.formRecordId) {
            this.formRecordId = this.recordId;
        }
        if (callId === null || callId === this.formCallId || this.pendingCalls.includes(callId)) return;
        if (this.formCallId !== null && this.unsavedWork) {
            this.formRecordId = this.saveTarget;
            this.pendingCalls = [...this.pendingCalls, callId];
            if (this.pendingCalls.length === 1) this.announcePending();
            return;
        }
        this.startForm(callId, false);
    }

    private startForm(callId: string, stillCarried: boolean): void {
        this.formCallId = callId;
        this.formRecordId = undefined;
        if (!stillCarried) this.pendingCalls = [];
        this.resolution = '';
        this.disposition = '';
        this.notes = '';
        this.submitted = false;
        this.saved = false;
        this.saveError = undefined;
    }

    /** Lets a parent (the agent desktop) keep this panel visible while it holds a previous call's work. */
    private announcePending(): void {
        this.dispatchEvent(new CustomEvent('wrapuppending', { detail: { pending: this.carriedOver } }));
    }
}
