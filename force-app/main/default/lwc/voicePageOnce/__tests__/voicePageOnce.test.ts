import { claimOnce, resetClaims } from 'c/voicePageOnce';

describe('c/voicePageOnce', () => {
    afterEach(() => resetClaims());

    it('grants a key to the first caller only', () => {
        expect(claimOnce('note:1')).toBe(true);
        expect(claimOnce('note:1')).toBe(false);
        expect(claimOnce('note:2')).toBe(true);
    });

    it('forgets the oldest claims beyond its bound', () => {
        for (let i = 0; i <= 2000; i += 1) claimOnce(`k${i}`);
        expect(claimOnce('k0')).toBe(true);
        expect(claimOnce('k2000')).toBe(false);
    });

    it('starts over after a reset', () => {
        claimOnce('x');
        resetClaims();
        expect(claimOnce('x')).toBe(true);
    });
});
