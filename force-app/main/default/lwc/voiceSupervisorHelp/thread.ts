// Pure view helpers for the supervisor panel: role labels, the flag summary and the plain-text export.
import type { CallSession, SenderRole } from 'c/voiceCallModel';
import { formatClock, formatLabel } from 'c/voiceFormat';
import ROLE_AGENT from '@salesforce/label/c.Voice_Supervisor_RoleAgent';
import ROLE_SUPERVISOR from '@salesforce/label/c.Voice_Supervisor_RoleSupervisor';
import ROLE_CUSTOMER from '@salesforce/label/c.Voice_Supervisor_RoleCustomer';
import ROLE_UNKNOWN from '@salesforce/label/c.Voice_Supervisor_RoleUnknown';
// The transcript's speaker labels: one wording for a bot or the system wherever a role is shown.
import ROLE_BOT from '@salesforce/label/c.Voice_Transcript_Bot';
import ROLE_SYSTEM from '@salesforce/label/c.Voice_Transcript_System';
import NO_NAME from '@salesforce/label/c.Voice_Supervisor_NoName';
import EXPORT_FLAG_RAISED from '@salesforce/label/c.Voice_Supervisor_ExportFlagRaised';
import EXPORT_FLAG_LOWERED from '@salesforce/label/c.Voice_Supervisor_ExportFlagLowered';
import EXPORT_NOTE from '@salesforce/label/c.Voice_Supervisor_ExportNote';

/** Supervisor_Notes__c is a 32,768-character long text area. */
export const SUPERVISOR_NOTES_LENGTH = 32768;

const ROLE_LABELS: Readonly<Record<SenderRole, string>> = Object.freeze({
    Agent: ROLE_AGENT,
    Supervisor: ROLE_SUPERVISOR,
    Customer: ROLE_CUSTOMER,
    Bot: ROLE_BOT,
    System: ROLE_SYSTEM,
    Unknown: ROLE_UNKNOWN
});

export function roleLabel(role: SenderRole | null): string {
    return ROLE_LABELS[role ?? 'Unknown'];
}

export function nameOf(displayName: string | null | undefined): string {
    return displayName && displayName.trim() !== '' ? displayName : NO_NAME;
}

export function clockOf(epochMs: number | null): string {
    return epochMs === null ? '' : formatClock(epochMs);
}

/** UTC ISO time in the saved text: unambiguous for whoever reads the record later, in any time zone. */
function isoOf(epochMs: number): string {
    return new Date(epochMs).toISOString();
}

/**
 * The flag history and the note thread as plain text, oldest first, one entry per line. When it is longer
 * than the field, the oldest lines are dropped so the newest context survives.
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
                isoOf(flag.raisedAt),
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
                isoOf(flag.loweredAt)
            )
        });
    }
    for (const note of session.notes) {
        entries.push({
            at: note.timestamp,
            line: formatLabel(
                EXPORT_NOTE,
                isoOf(note.timestamp),
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
