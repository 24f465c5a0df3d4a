// Pure view helpers for the supervisor panel: sender names and the plain-text export.
import type { CallSession } from 'c/voiceCallModel';
import { formatIso, formatLabel, roleLabel } from 'c/voiceFormat';
import NO_NAME from '@salesforce/label/c.Voice_Supervisor_NoName';
import EXPORT_FLAG_RAISED from '@salesforce/label/c.Voice_Supervisor_ExportFlagRaised';
import EXPORT_FLAG_LOWERED from '@salesforce/label/c.Voice_Supervisor_ExportFlagLowered';
import EXPORT_NOTE from '@salesforce/label/c.Voice_Supervisor_ExportNote';

/** Supervisor_Notes__c is a 32,768-character long text area. */
export const SUPERVISOR_NOTES_LENGTH = 32768;

export function nameOf(displayName: string | null | undefined): string {
    return displayName && displayName.trim() !== '' ? displayName : NO_NAME;
}

/**
 * The flag history and the note thread as plain text, oldest first, one entry per line, times in UTC ISO
 * (unambiguous for whoever reads the record later, in any time zone). When it is longer than the field,
 * the oldest lines are dropped so the newest context survives.
 */
export function exportThread(session: CallSession): string {
    const entries: Array<{ at: number; line: string }> = [];
    const { flag } = session;
    if (flag.raisedAt !== null) {
        entries.push({
            at: flag.raisedAt,
            line: formatLabel(
                EXPORT_FLAG_RAISED,
                nameOf(flag.raisedBy),
                roleLabel(flag.raisedByRole),
                formatIso(flag.raisedAt),
                flag.reason ?? ''
            )
        });
    }
    if (flag.loweredAt !== null) {
        entries.push({
            at: flag.loweredAt,
            line: formatLabel(
                EXPORT_FLAG_LOWERED,
                nameOf(flag.loweredBy),
                roleLabel(flag.loweredByRole),
                formatIso(flag.loweredAt)
            )
        });
    }
    for (const note of session.notes) {
        entries.push({
            at: note.timestamp,
            line: formatLabel(
                EXPORT_NOTE,
                formatIso(note.timestamp),
                nameOf(note.displayName),
                roleLabel(note.role),
                note.text
            )
        });
    }
    const text = entries
        .sort((a, b) => a.at - b.at)
        .map((e) => e.line)
        .join('\n');
    return text.length > SUPERVISOR_NOTES_LENGTH ? text.slice(-SUPERVISOR_NOTES_LENGTH) : text;
}
