import { PAGE_DEDUPE_WINDOW_MS, dedupeAcrossPage, nextBestActionsKey, resetPageDedupe } from '../pageDedupe';

describe('c-voice-toolkit page dedupe', () => {
    afterEach(() => resetPageDedupe());

    it('shares a pending request even after the window', async () => {
        let finish: (value: string) => void = () => undefined;
        const run = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
        const first = dedupeAcrossPage('k', run, 100, 0);
        const late = dedupeAcrossPage('k', run, 100, 5000);
        expect(late).toEqual({ result: first.result, shared: true });
        finish('done');
        await expect(late.result).resolves.toBe('done');
        expect(dedupeAcrossPage('k', run, 100, 5000).shared).toBe(false);
        expect(run).toHaveBeenCalledTimes(2);
    });

    it('uses the default window', async () => {
        const run = jest.fn(() => Promise.resolve(1));
        await dedupeAcrossPage('k', run, undefined, 0).result;
        expect(dedupeAcrossPage('k', run, undefined, PAGE_DEDUPE_WINDOW_MS - 1).shared).toBe(true);
        expect(dedupeAcrossPage('k', run, undefined, PAGE_DEDUPE_WINDOW_MS).shared).toBe(false);
    });

    it('forgets a failed outcome so a retry runs again', async () => {
        const run = jest.fn(() => Promise.resolve({ ok: false }));
        const first = dedupeAcrossPage('k', run, 1000, 0, (outcome) => outcome.ok);
        expect(dedupeAcrossPage('k', run, 1000, 1, (outcome) => outcome.ok).shared).toBe(true);
        await first.result;
        expect(dedupeAcrossPage('k', run, 1000, 2, (outcome) => outcome.ok).shared).toBe(false);
        expect(run).toHaveBeenCalledTimes(2);
    });

    it('stays bounded when every request is unique and pending', () => {
        const run = jest.fn(() => new Promise<never>(() => undefined));
        for (let i = 0; i < 500; i++) dedupeAcrossPage(`k${i}`, run, 1000, 0);
        // The oldest keys were evicted, so asking again runs again.
        expect(dedupeAcrossPage('k0', run, 1000, 0).shared).toBe(false);
        expect(dedupeAcrossPage('k499', run, 1000, 0).shared).toBe(true);
    });

    it('keys NBA requests independently of param order', () => {
        expect(nextBestActionsKey('001', { a: '1', b: '2' })).toBe(
            nextBestActionsKey('001', { b: '2', a: '1' })
        );
        expect(nextBestActionsKey('001', { a: '1' })).not.toBe(nextBestActionsKey('002', { a: '1' }));
    });
});
