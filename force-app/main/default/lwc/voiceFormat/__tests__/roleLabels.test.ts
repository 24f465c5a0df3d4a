import { ROLE_LABELS, roleLabel } from 'c/voiceFormat';
import AGENT from '@salesforce/label/c.Voice_Transcript_Agent';
import CUSTOMER from '@salesforce/label/c.Voice_Transcript_Customer';
import SUPERVISOR from '@salesforce/label/c.Voice_Transcript_Supervisor';
import BOT from '@salesforce/label/c.Voice_Transcript_Bot';
import SYSTEM from '@salesforce/label/c.Voice_Transcript_System';
import UNKNOWN from '@salesforce/label/c.Voice_Transcript_Unknown';

describe('c/voiceFormat role labels', () => {
    it.each([
        ['Agent', AGENT],
        ['Customer', CUSTOMER],
        ['Supervisor', SUPERVISOR],
        ['Bot', BOT],
        ['System', SYSTEM],
        ['Unknown', UNKNOWN]
    ] as const)('labels the %s role with its own label', (role, label) => {
        expect(roleLabel(role)).toBe(label);
    });

    it('reads a missing role as Unknown', () => {
        expect(roleLabel(null)).toBe(UNKNOWN);
    });

    it('has one distinct label per role and cannot be changed', () => {
        expect(new Set(Object.values(ROLE_LABELS)).size).toBe(6);
        expect(Object.isFrozen(ROLE_LABELS)).toBe(true);
    });
});
