// One wording per sender role wherever a role is shown: transcript speakers, sentiment participants, the
// supervisor thread and its saved export. Roles are the model's normalised SenderRole values.
import type { SenderRole } from 'c/voiceCallModel';
import AGENT from '@salesforce/label/c.Voice_Transcript_Agent';
import CUSTOMER from '@salesforce/label/c.Voice_Transcript_Customer';
import SUPERVISOR from '@salesforce/label/c.Voice_Transcript_Supervisor';
import BOT from '@salesforce/label/c.Voice_Transcript_Bot';
import SYSTEM from '@salesforce/label/c.Voice_Transcript_System';
import UNKNOWN from '@salesforce/label/c.Voice_Transcript_Unknown';

export const ROLE_LABELS: Readonly<Record<SenderRole, string>> = Object.freeze({
    Agent: AGENT,
    Customer: CUSTOMER,
    Supervisor: SUPERVISOR,
    Bot: BOT,
    System: SYSTEM,
    Unknown: UNKNOWN
});

/** The label of a sender role; a missing role reads as Unknown. */
export function roleLabel(role: SenderRole | null): string {
    return ROLE_LABELS[role ?? 'Unknown'];
}
