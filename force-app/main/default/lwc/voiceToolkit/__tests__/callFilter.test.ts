import { CallFilter, isVoiceCallId, voiceCallIdOf } from '../callFilter';

const CALL = { callId: 'call-a' };
const OTHER = { callId: 'call-b' };
const NONE = { callId: null };

describe('c-voice-toolkit call filter', () => {
    it('follows every call until a key is known', () => {
        const filter = new CallFilter();
        expect(filter.key).toBeUndefined();
        expect([CALL, OTHER, NONE].map((s) => filter.follows(s))).toEqual([true, true, true]);
    });

    it("follows only the key's call, and a snapshot before any call", () => {
        const filter = new CallFilter();
        expect(filter.setRecordKey(' call-a ')).toBe(true);
        expect(filter.key).toBe('call-a');
        expect([CALL, OTHER, NONE].map((s) => filter.follows(s))).toEqual([true, false, true]);
    });

    it('lets the explicit key win over the record and reports only real changes', () => {
        const filter = new CallFilter();
        expect(filter.setRecordKey('call-a')).toBe(true);
        expect(filter.setExplicitKey('call-b')).toBe(true);
        expect(filter.explicitKey).toBe('call-b');
        expect(filter.setRecordKey('call-c')).toBe(false);
        expect(filter.key).toBe('call-b');
        expect(filter.setExplicitKey('  ')).toBe(true);
        expect(filter.explicitKey).toBeUndefined();
        expect(filter.key).toBe('call-c');
        expect(filter.setRecordKey(undefined)).toBe(true);
        expect(filter.key).toBeUndefined();
    });

    it('ignores keys that are not text', () => {
        const filter = new CallFilter();
        expect(filter.setRecordKey(42)).toBe(false);
        expect(filter.setExplicitKey(null)).toBe(false);
        expect(filter.key).toBeUndefined();
    });

    it('tells VoiceCall record ids by their key prefix', () => {
        expect(isVoiceCallId(' 0LQ5e000000abcdGAA')).toBe(true);
        expect(isVoiceCallId('5005e000000abcdAAA')).toBe(false);
        expect(isVoiceCallId(undefined)).toBe(false);
        expect(voiceCallIdOf(' 0LQ5e000000abcdGAA ')).toBe('0LQ5e000000abcdGAA');
        expect(voiceCallIdOf('5005e000000abcdAAA')).toBeUndefined();
        expect(voiceCallIdOf('')).toBeUndefined();
    });
});
