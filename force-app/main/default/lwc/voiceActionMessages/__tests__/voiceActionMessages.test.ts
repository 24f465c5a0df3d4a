import { describeActionFailure } from 'c/voiceActionMessages';
import type { ActionFailureCode } from 'c/voiceToolkit';

describe('c/voiceActionMessages', () => {
    it.each<[ActionFailureCode, string]>([
        ['invalid', 'That input is not valid for this action.'],
        ['busy', 'That action is already in progress.'],
        ['unavailable', 'This action is not available in this softphone.'],
        ['rejected', 'The phone system refused the action. Try again.'],
        ['threw', 'The action failed. Try again.'],
        ['timeout', 'The phone system did not answer in time. Try again.']
    ])('maps %s to its label and keeps the detail', (code, label) => {
        const view = describeActionFailure({ ok: false, action: 'mute', code, message: 'platform said no' });
        expect(view).toEqual({ headline: label, detail: 'platform said no', code });
    });
});
