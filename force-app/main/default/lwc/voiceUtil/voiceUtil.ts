/**
 * Small pure helpers every bundle needs and none should copy: value guards, design-attribute coercion, the DTMF
 * rule, regular-expression escaping and order-free keys. No LWC, no platform imports, so plain Node (the
 * workbench, benchmarks) can use them as well.
 */

/** Any non-null, non-array object, read as a map of unknown values (the usual boundary guard). */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A literal object (`{…}` or `Object.create(null)`), not a class instance, Date, Map or Proxy of one: what a
 * JSON-shaped parameter map must be before its values are read.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (!isRecord(value)) return false;
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/** `text` with every RegExp metacharacter escaped, so user-typed words match literally. */
export function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A boolean design attribute: App Builder hands `true`/`false` or their strings; anything else keeps the
 * default, so a mistyped value never flips a panel's behaviour.
 */
export function toBoolean(value: unknown, fallback: boolean): boolean {
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return fallback;
}

export interface IntegerRange<F extends number | undefined> {
    readonly min: number;
    readonly max: number;
    /** What a non-number (or, by default, a value below `min`) reads as. */
    readonly fallback: F;
    /** `'min'` raises a value below `min` to `min` instead of falling back. */
    readonly belowMin?: 'fallback' | 'min';
}

/**
 * A whole-number design attribute (App Builder `type="Integer"`): it may arrive as a string, empty or out of
 * range. Non-numbers fall back to the default, values above `max` are capped, values below `min` fall back
 * (or are raised to `min`).
 */
export function toBoundedInteger<F extends number | undefined>(
    value: unknown,
    range: IntegerRange<F>
): number | F {
    const n = value === null || value === '' ? Number.NaN : Math.floor(Number(value));
    if (!Number.isFinite(n)) return range.fallback;
    if (n < range.min) return range.belowMin === 'min' ? range.min : range.fallback;
    return Math.min(n, range.max);
}

/**
 * DTMF for `sendDigits`: the guide's method table (chapter 4, "sendDigits") takes one `digit` string and names
 * no alphabet, so this is the telephone tone set (0-9, `*`, `#`, A-D) plus `,` for a pause, capped at 64
 * characters by this package so a pasted paragraph is refused before it reaches the platform.
 */
export const DTMF_MAX_LENGTH = 64;
const DTMF_CHARACTERS = /^[0-9*#ABCD,]+$/;

/** Whether every character of a non-empty `digits` is a DTMF tone or a pause (length not checked). */
export function hasOnlyDtmfCharacters(digits: string): boolean {
    return DTMF_CHARACTERS.test(digits);
}

/** Whether `digits` is a sequence `sendDigits` accepts: 1..64 tone or pause characters. */
export function isDtmfSequence(digits: unknown): digits is string {
    return typeof digits === 'string' && digits.length <= DTMF_MAX_LENGTH && hasOnlyDtmfCharacters(digits);
}

/** A stable identity for a string map: the same entries in any key order give the same key. */
export function sortedEntriesKey(params: Readonly<Record<string, string>>): string {
    return JSON.stringify(
        Object.keys(params)
            .sort()
            .map((key) => [key, params[key]])
    );
}
