/**
 * Supervisor help for the agent: the flag (raised by whom, when, why; lowered by whom, when), the note
 * thread, a toast when a supervisor sends a note or lowers the flag (once per page, however many panels),
 * and "save notes to the call" into VoiceCall.Supervisor_Notes__c. Note and flag text come from other
 * people and are rendered as text only.
 */
import { api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import type { ObjectInfoRepresentation } from 'lightning/uiObjectInfoApi';
import type { CallSession } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { claimOnce } from 'c/voicePageOnce';
import { formatClock, formatLabel, roleLabel } from 'c/voiceFormat';
import VOICE_CALL_OBJECT from '@salesforce/schema/VoiceCall';
import ID_FIELD from '@salesforce/schema/VoiceCall.Id';
import SUPERVISOR_NOTES_FIELD from '@salesforce/schema/VoiceCall.Supervisor_Notes__c';
import TITLE from '@salesforce/label/c.Voice_Supervisor_Title';
import IDLE from '@salesforce/label/c.Voice_Supervisor_Idle';
import FLAG_HEADING from '@salesforce/label/c.Voice_Supervisor_FlagHeading';
import NO_FLAG from '@salesforce/label/c.Voice_Supervisor_NoFlag';
import FLAG_RAISED from '@salesforce/label/c.Voice_Supervisor_FlagRaised';
import FLAG_LOWERED from '@salesforce/label/c.Voice_Supervisor_FlagLowered';
import RAISED_BY from '@salesforce/label/c.Voice_Supervisor_RaisedBy';
import LOWERED_BY from '@salesforce/label/c.Voice_Supervisor_LoweredBy';
import REASON from '@salesforce/label/c.Voice_Supervisor_Reason';
import NOTES_HEADING from '@salesforce/label/c.Voice_Supervisor_NotesHeading';
import NO_NOTES from '@salesforce/label/c.Voice_Supervisor_NoNotes';
import SAVE from '@salesforce/label/c.Voice_Supervisor_Save';
import SAVING from '@salesforce/label/c.Voice_Supervisor_Saving';
import NEEDS_RECORD from '@salesforce/label/c.Voice_Supervisor_NeedsRecord';
import SAVED from '@salesforce/label/c.Voice_Supervisor_Saved';
import SAVE_FAILED from '@salesforce/label/c.Voice_Supervisor_SaveFailed';
import NO_ACCESS from '@salesforce/label/c.Voice_Supervisor_NoAccess';
import NOTE_TOAST_TITLE from '@salesforce/label/c.Voice_Supervisor_NoteToastTitle';
import LOWER_TOAST_TITLE from '@salesforce/label/c.Voice_Supervisor_LowerToastTitle';
import { exportThread, nameOf } from './thread';

interface NoteRow {
    readonly key: string;
    readonly sender: string;
    readonly role: string;
    readonly time: string;
    readonly text: string;
}

/** `recordId` is the VoiceCall the thread is saved to; without it saving is disabled. */
export default class VoiceSupervisorHelp extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    /** Hides the Save notes button (design attribute; boolean public properties default to false). */
    @api hideSaveNotes = false;
    /** No toast for supervisor notes or a lowered flag (design attribute). */
    @api hideNoteToasts = false;

    readonly labels = Object.freeze({
        title: TITLE,
        idle: IDLE,
        flagHeading: FLAG_HEADING,
        noFlag: NO_FLAG,
        flagRaised: FLAG_RAISED,
        flagLowered: FLAG_LOWERED,
        reason: REASON,
        notesHeading: NOTES_HEADING,
        noNotes: NO_NOTES,
        needsRecord: NEEDS_RECORD,
        noAccess: NO_ACCESS,
        saveFailed: SAVE_FAILED
    });

    saving = false;
    saveError: unknown;
    /** False once object info shows the user cannot edit the field (a permission setup without the package sets). */
    notesEditable = true;

    @wire(getObjectInfo, { objectApiName: VOICE_CALL_OBJECT })
    wiredObjectInfo({ data }: { data?: ObjectInfoRepresentation; error?: unknown }): void {
        if (data) this.notesEditable = data.fields[SUPERVISOR_NOTES_FIELD.fieldApiName]?.updateable === true;
    }

    // ---- state ----

    protected override get idle(): boolean {
        return this.view.phase === 'idle';
    }

    get flagRaised(): boolean {
        return this.view.flag.raised;
    }

    get flagLowered(): boolean {
        return !this.view.flag.raised && this.view.flag.loweredAt !== null;
    }

    /** A raised flag, or one lowered during this call: the same card, lowered adds who lowered it. */
    get flagShown(): boolean {
        return this.flagRaised || this.flagLowered;
    }

    get flagStateText(): string {
        return this.flagRaised ? this.labels.flagRaised : this.labels.flagLowered;
    }

    get flagClass(): string {
        return `flag slds-box slds-box_x-small slds-m-bottom_small ${
            this.flagRaised ? 'slds-theme_warning' : 'slds-theme_shade'
        }`;
    }

    get raisedByText(): string {
        const { flag } = this.view;
        return formatLabel(
            RAISED_BY,
            nameOf(flag.raisedBy),
            roleLabel(flag.raisedByRole),
            formatClock(flag.raisedAt)
        );
    }

    get loweredByText(): string {
        const { flag } = this.view;
        return formatLabel(
            LOWERED_BY,
            nameOf(flag.loweredBy),
            roleLabel(flag.loweredByRole),
            formatClock(flag.loweredAt)
        );
    }

    get reason(): string {
        return this.view.flag.reason ?? '';
    }

    get noteRows(): NoteRow[] {
        return this.view.notes.map((note) => ({
            key: note.id,
            sender: nameOf(note.displayName),
            role: roleLabel(note.role),
            time: formatClock(note.timestamp),
            text: note.text
        }));
    }

    get hasNotes(): boolean {
        return this.view.notes.length > 0;
    }

    get saveOn(): boolean {
        return !this.hideSaveNotes;
    }

    get needsRecord(): boolean {
        return !this.recordId;
    }

    get noAccess(): boolean {
        return !this.notesEditable;
    }

    get hasThread(): boolean {
        return this.hasNotes || this.view.flag.raisedAt !== null;
    }

    get saveDisabled(): boolean {
        return this.saving || !this.recordId || !this.hasThread || !this.notesEditable;
    }

    get saveLabel(): string {
        return this.saving ? SAVING : SAVE;
    }

    get hasSaveError(): boolean {
        return this.saveError !== undefined;
    }

    // ---- events ----

    async handleSave(): Promise<void> {
        const recordId = this.recordId;
        if (this.saveDisabled || !recordId) return;
        this.saving = true;
        this.saveError = undefined;
        try {
            await updateRecord({
                fields: {
                    [ID_FIELD.fieldApiName]: recordId,
                    [SUPERVISOR_NOTES_FIELD.fieldApiName]: exportThread(this.view)
                }
            });
            this.dispatchEvent(new ShowToastEvent({ title: SAVED, variant: 'success' }));
        } catch (error) {
            this.saveError = error;
            this.dispatchEvent(new ShowToastEvent({ title: SAVE_FAILED, variant: 'error', mode: 'sticky' }));
        } finally {
            this.saving = false;
        }
    }

    /**
     * Toasts for what a supervisor did, at most once per note / flag lowering on the whole page. The agent's
     * own notes and flag changes are not announced back to them.
     */
    protected override sessionChanged(session: CallSession): void {
        if (this.hideNoteToasts) return;
        const { callId, notes, flag } = session;
        if (callId === null) return;
        for (const note of notes) {
            if (note.role === 'Agent' || !claimOnce(`voice:note:${callId}:${note.id}`)) continue;
            const title = formatLabel(NOTE_TOAST_TITLE, nameOf(note.displayName));
            this.dispatchEvent(new ShowToastEvent({ title, message: note.text, variant: 'info' }));
        }
        if (flag.raised || flag.loweredAt === null || flag.loweredByRole === 'Agent') return;
        // One lowering per raise: the raise's id (or its time) names it identically in every instance.
        if (!claimOnce(`voice:flaglower:${callId}:${flag.id ?? flag.raisedAt}`)) return;
        const title = formatLabel(LOWER_TOAST_TITLE, nameOf(flag.loweredBy));
        this.dispatchEvent(new ShowToastEvent({ title, variant: 'info' }));
    }
}
