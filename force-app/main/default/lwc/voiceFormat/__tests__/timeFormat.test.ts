import { formatClock, formatIso } from 'c/voiceFormat';

const AT = Date.UTC(2026, 10, 22, 14, 3, 27, 250);

describe('c/voiceFormat times', () => {
    it('formats no time as empty text', () => {
        expect(formatClock(null)).toBe('');
        expect(formatIso(null)).toBe('');
    });

    it('gives the same clock text on every call, per locale', () => {
        const first = formatClock(AT, 'en-US');
        expect(first).toMatch(/03:27/);
        expect(formatClock(AT, 'en-US')).toBe(first);
        expect(formatClock(AT)).toBe(
            new Intl.DateTimeFormat(undefined, {
                hour: '2-digit',
                minute: '2-digit',
                second: '2-digit'
            }).format(new Date(AT))
        );
    });

    it('formats a UTC ISO time, empty outside the Date range instead of throwing', () => {
        expect(formatIso(AT)).toBe('2026-11-22T14:03:27.250Z');
        expect(formatIso(0)).toBe('1970-01-01T00:00:00.000Z');
        expect(formatIso(1e20)).toBe('');
        expect(formatIso(Number.NaN)).toBe('');
        expect(formatIso(Number.NEGATIVE_INFINITY)).toBe('');
    });
});
