import { describeActionFailure } from 'c/voiceActionMessages';
import type { ActionFailureCode } from 'c/voiceToolkit';

describe('c/voiceActionMessages', () => {
    it.each<[ActionFailureCode, string]>([
        ['invalid', 'c.Voice_Action_Invalid'],
        ['busy', 'c.Voice_Action_Busy'],
        ['unavailable', 'c.Voice_Action_Unavailable'],
        ['rejected', 'c.Voice_Action_Rejected'],
        ['threw', 'c.Voice_Action_Threw'],
        ['timeout', 'c.Voice_Action_Timeout']
    ])('maps %s to its label and keeps the detail', (code, label) => {
        const view = describeActionFailure({ ok: false, action: 'mute', code, message: 'platform said no' });
        expect(view).toEqual({ headline: label, detail: 'platform said no', code });
    });
});
