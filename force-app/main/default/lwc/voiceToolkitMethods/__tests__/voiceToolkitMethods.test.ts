import { TOOLKIT_METHODS, TOOLKIT_METHOD_NAMES, checkArguments } from 'c/voiceToolkitMethods';

describe('c/voiceToolkitMethods', () => {
    it("lists the guide's telephony actions in its order, then updateNextBestActions", () => {
        expect(TOOLKIT_METHOD_NAMES).toEqual([
            'mute',
            'unmute',
            'hold',
            'resume',
            'endCall',
            'acceptCall',
            'declineCall',
            'pauseRecording',
            'resumeRecording',
            'startPreviewCall',
            'merge',
            'swap',
            'addParticipant',
            'sendDigits',
            'updateNextBestActions'
        ]);
        expect(Object.isFrozen(TOOLKIT_METHOD_NAMES)).toBe(true);
    });

    it('describes every method', () => {
        for (const name of TOOLKIT_METHOD_NAMES) {
            expect(TOOLKIT_METHODS[name].summary).toMatch(/^[A-Z].+\.$/);
        }
    });

    it('declares as many parameters as each method takes', () => {
        const arity = Object.fromEntries(
            TOOLKIT_METHOD_NAMES.map((n) => [n, TOOLKIT_METHODS[n].check.length])
        );
        expect(arity).toEqual({
            mute: 0,
            unmute: 0,
            hold: 1,
            resume: 1,
            endCall: 1,
            acceptCall: 0,
            declineCall: 0,
            pauseRecording: 0,
            resumeRecording: 0,
            startPreviewCall: 1,
            merge: 0,
            swap: 0,
            addParticipant: 3,
            sendDigits: 1,
            updateNextBestActions: 2
        });
    });

    it('passes normalised arguments through and rejects bad ones with a reason', () => {
        expect(checkArguments('mute', [])).toEqual({ ok: true, args: [] });
        expect(checkArguments('endCall', [])).toEqual({ ok: true, args: [] });
        expect(checkArguments('hold', ['Third_Party'])).toEqual({ ok: true, args: ['Third_Party'] });
        expect(checkArguments('startPreviewCall', ['+1 (415) 555-0100'])).toEqual({
            ok: true,
            args: ['+14155550100']
        });
        expect(checkArguments('sendDigits', ['12#'])).toEqual({ ok: true, args: ['12#'] });
        expect(checkArguments('resume', ['Agent'])).toEqual({
            ok: false,
            message: 'participantType must be Initial_Caller or Third_Party, got "Agent"'
        });
        expect(checkArguments('addParticipant', ['Email', 'a@b.c', false])).toMatchObject({ ok: false });
        expect(checkArguments('updateNextBestActions', ['0LQ', {}])).toMatchObject({ ok: false });
    });
});
