import { isForOtherChannel } from '../streamingErrors';

const CHANNEL = '/event/RealtimeAlertEvent';

describe('voiceAlertMonitor streamingErrors', () => {
    it('ignores only errors that name another channel', () => {
        expect(isForOtherChannel({ subscription: '/event/Other__e' }, CHANNEL)).toBe(true);
        expect(isForOtherChannel({ subscription: CHANNEL }, CHANNEL)).toBe(false);
    });

    it("treats an error without a channel name as this monitor's", () => {
        expect(isForOtherChannel({ error: 'handshake failed' }, CHANNEL)).toBe(false);
        expect(isForOtherChannel({ subscription: 42 }, CHANNEL)).toBe(false);
        expect(isForOtherChannel('timeout', CHANNEL)).toBe(false);
        expect(isForOtherChannel(null, CHANNEL)).toBe(false);
    });
});
