import { formatClock, formatDuration, formatElapsed, formatLabel, scoreToPercent } from 'c/voiceFormat';

describe('c/voiceFormat', () => {
    it.each([
        [0, '00:00'],
        [999, '00:00'],
        [65_000, '01:05'],
        [3_725_000, '1:02:05'],
        [-5, '00:00'],
        [Number.NaN, '00:00']
    ])('formats %p ms as %p', (ms, expected) => {
        expect(formatDuration(ms)).toBe(expected);
    });

    it('formats elapsed time from the call start, empty without one', () => {
        expect(formatElapsed(1_000_090_000, 1_000_000_000)).toBe('01:30');
        expect(formatElapsed(1_000_090_000, null)).toBe('');
        expect(formatElapsed(Number.NaN, 0)).toBe('');
    });

    it('formats a wall-clock time and refuses non-finite input', () => {
        expect(formatClock(Date.UTC(2026, 10, 22, 14, 3, 27), 'en-GB')).toMatch(/\d{2}:03:27/);
        expect(formatClock(Number.POSITIVE_INFINITY)).toBe('');
        expect(formatClock(1e20)).toBe('');
    });

    it('fills label parameters and leaves unknown ones', () => {
        expect(formatLabel('{0} of {1} matches', 2, 5)).toBe('2 of 5 matches');
        expect(formatLabel('Missing {3}', 'a')).toBe('Missing {3}');
    });

    it('turns a 1..1000 score into a clamped percent', () => {
        expect(scoreToPercent(873)).toBe(87);
        expect(scoreToPercent(5000)).toBe(100);
        expect(scoreToPercent(null)).toBeNull();
        expect(scoreToPercent(Number.NaN)).toBeNull();
    });
});
