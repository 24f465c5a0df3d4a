import type { TranscriptEntry } from 'c/voiceCallModel';
import {
    buildChunks,
    chunkSizeFor,
    keywordPattern,
    lineTime,
    maskDigitRuns,
    searchPattern,
    splitSegments,
    windowStart
} from '../transcriptView';
import type { RowView } from '../transcriptView';

function entry(n: number, text = `line ${n}`): TranscriptEntry {
    return Object.freeze({
        id: `e${n}`,
        role: 'Customer',
        rawRole: 'Customer',
        text,
        timestamp: n,
        partial: false
    });
}

function row(e: TranscriptEntry): RowView {
    return {
        key: e.id,
        speaker: '',
        speakerClass: '',
        time: '',
        segments: [],
        partial: false,
        rowClass: 'row'
    };
}

describe('transcriptView', () => {
    it('masks card-length runs and SSNs, grouped or not, and leaves case numbers readable', () => {
        expect(maskDigitRuns('pin 12345, card 4111-1111-1111-9876, ref 123456')).toBe(
            'pin 12345, card ••••9876, ref 123456'
        );
        expect(maskDigitRuns('case 00001026, SSN 123-45-6789, IBAN 1234 5678 9012 34')).toBe(
            'case 00001026, SSN ••••6789, IBAN ••••1234'
        );
        expect(maskDigitRuns('call 415 555 0199')).toBe('call 415 555 0199');
    });

    it('builds no pattern for empty queries or keyword lists', () => {
        expect(searchPattern(null)).toBeNull();
        expect(searchPattern('   ')).toBeNull();
        expect(keywordPattern(undefined)).toBeNull();
        expect(keywordPattern(' , ,')).toBeNull();
    });

    it('merges overlapping search and keyword marks, search first', () => {
        const segments = splitSegments('refund now', searchPattern('fund n'), keywordPattern('refund'));
        expect(segments.map((s) => [s.text, s.className])).toEqual([
            ['re', 'segment keyword'],
            ['fund n', 'segment match'],
            ['ow', 'segment']
        ]);
    });

    it('formats nothing for a non-finite time and elapsed without origin as wall clock', () => {
        expect(lineTime(Number.NaN, 'wallclock', null)).toBe('');
        expect(lineTime(0, 'elapsed', null)).not.toBe('');
        expect(lineTime(3_725_000, 'elapsed', 0)).toBe('1:02:05');
    });

    it('keeps the window within maxRows, aligned to chunks and never before the kept history', () => {
        expect(chunkSizeFor(200)).toBe(25);
        expect(chunkSizeFor(10)).toBe(1);
        expect(windowStart(130, 0, 40, 5)).toBe(90);
        expect(windowStart(133, 0, 40, 5)).toBe(95);
        expect(windowStart(30, 0, 40, 5)).toBe(0);
        expect(windowStart(5000, 4900, 200, 25)).toBe(4900);
    });

    it('reuses unchanged chunks and returns the previous list when nothing changed', () => {
        const entries = [1, 2, 3, 4, 5].map((n) => entry(n));
        const first = buildChunks(entries, 0, 2, [], row);
        expect(first.map((c) => c.key)).toEqual(['c0', 'c1', 'c2']);
        expect(buildChunks(entries, 0, 2, first, row)).toBe(first);
        const grown = buildChunks([...entries, entry(6)], 0, 2, first, row);
        expect(grown[0]).toBe(first[0]);
        expect(grown[1]).toBe(first[1]);
        expect(grown[2]).not.toBe(first[2]);
        const slid = buildChunks(entries.slice(2), 2, 2, first, row);
        expect(slid).not.toBe(first);
        expect(slid[0]).toBe(first[1]);
    });
});
