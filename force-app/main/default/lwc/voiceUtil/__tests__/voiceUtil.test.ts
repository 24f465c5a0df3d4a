import {
    escapeRegExp,
    hasOnlyDtmfCharacters,
    isDtmfSequence,
    isPlainObject,
    isRecord,
    sortedEntriesKey,
    toBoolean,
    toBoundedInteger
} from 'c/voiceUtil';

describe('isRecord / isPlainObject', () => {
    it('accepts objects and refuses null, arrays and primitives', () => {
        expect(isRecord({ a: 1 })).toBe(true);
        expect(isRecord(new Date(0))).toBe(true);
        expect([null, [], 'x', 1, undefined].map(isRecord)).toEqual([false, false, false, false, false]);
    });

    it('isPlainObject refuses class instances but takes null-prototype maps', () => {
        expect(isPlainObject({ a: '1' })).toBe(true);
        expect(isPlainObject(Object.create(null))).toBe(true);
        expect(isPlainObject(new Date(0))).toBe(false);
        expect(isPlainObject(new Map())).toBe(false);
        expect(isPlainObject([])).toBe(false);
    });
});

describe('escapeRegExp', () => {
    it('makes every metacharacter literal', () => {
        const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o/p';
        expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
        expect(new RegExp(escapeRegExp('a.c')).test('abc')).toBe(false);
    });
});

describe('toBoolean', () => {
    it('reads booleans and their strings, keeps the default otherwise', () => {
        expect([true, 'true', false, 'false'].map((v) => toBoolean(v, false))).toEqual([
            true,
            true,
            false,
            false
        ]);
        expect(toBoolean('yes', true)).toBe(true);
        expect(toBoolean(undefined, false)).toBe(false);
        expect(toBoolean(1, false)).toBe(false);
    });
});

describe('toBoundedInteger', () => {
    const range = { min: 1, max: 100, fallback: 10 };

    it('floors numbers and numeric strings, caps at max', () => {
        expect(toBoundedInteger('42', range)).toBe(42);
        expect(toBoundedInteger(7.9, range)).toBe(7);
        expect(toBoundedInteger(1000, range)).toBe(100);
    });

    it('falls back for non-numbers, empty values and values below min', () => {
        expect(
            ['', null, undefined, 'abc', Number.NaN, Infinity, 0, -5].map((v) => toBoundedInteger(v, range))
        ).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    });

    it("raises values below min to min with belowMin: 'min'", () => {
        expect(toBoundedInteger(3, { min: 10, max: 2000, fallback: 200, belowMin: 'min' })).toBe(10);
        expect(toBoundedInteger('x', { min: 10, max: 2000, fallback: 200, belowMin: 'min' })).toBe(200);
    });

    it('takes 0 when min is 0 and can fall back to undefined', () => {
        expect(toBoundedInteger(0, { min: 0, max: 5, fallback: 3 })).toBe(0);
        expect(toBoundedInteger('', { min: 0, max: 5, fallback: 3 })).toBe(3);
        expect(toBoundedInteger('x', { min: 1, max: 5, fallback: undefined })).toBeUndefined();
    });
});

describe('DTMF rule', () => {
    it('takes tones, A-D and pauses up to 64 characters', () => {
        expect(isDtmfSequence('0123456789*#ABCD,')).toBe(true);
        expect(isDtmfSequence('1'.repeat(64))).toBe(true);
        expect(isDtmfSequence('1'.repeat(65))).toBe(false);
    });

    it('refuses other characters, empty text and non-strings', () => {
        expect(isDtmfSequence('12a')).toBe(false);
        expect(isDtmfSequence('1 2')).toBe(false);
        expect(isDtmfSequence('')).toBe(false);
        expect(isDtmfSequence(12)).toBe(false);
        expect(hasOnlyDtmfCharacters('E')).toBe(false);
    });
});

describe('sortedEntriesKey', () => {
    it('ignores key order and tells different values apart', () => {
        expect(sortedEntriesKey({ a: '1', b: '2' })).toBe(sortedEntriesKey({ b: '2', a: '1' }));
        expect(sortedEntriesKey({ a: '1' })).not.toBe(sortedEntriesKey({ a: '2' }));
        expect(sortedEntriesKey({ 'a,b': '' })).not.toBe(sortedEntriesKey({ a: 'b' }));
    });
});
