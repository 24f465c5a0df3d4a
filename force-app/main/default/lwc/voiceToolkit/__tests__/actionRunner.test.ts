import { ActionRunner, DEFAULT_ACTION_TIMEOUT_MS, missingMethods } from '../actionRunner';
import { resetPageDedupe } from '../pageDedupe';
import { TOOLKIT_METHOD_NAMES } from 'c/voiceToolkitMethods';

const RECORD_ID = '0LQ5e000000abcdGAA';

/** A plain object standing in for the element: every method a jest.fn that resolves. */
function fakeElement(): Record<string, jest.Mock> {
    return Object.fromEntries(TOOLKIT_METHOD_NAMES.map((name) => [name, jest.fn(() => Promise.resolve())]));
}

function runnerFor(element: object | null, timeoutMs = DEFAULT_ACTION_TIMEOUT_MS): ActionRunner {
    return new ActionRunner({ element: () => element, timeoutMs: () => timeoutMs });
}

describe('c-voice-toolkit action runner', () => {
    afterEach(() => {
        resetPageDedupe();
        jest.useRealTimers();
    });

    it('lists the methods an element lacks', () => {
        expect(missingMethods(null)).toEqual([...TOOLKIT_METHOD_NAMES]);
        const partial = { ...fakeElement(), swap: 'not a function' };
        expect(missingMethods(partial)).toEqual(['swap']);
        expect(missingMethods(fakeElement())).toEqual([]);
    });

    it('calls the method with the checked, normalised arguments on the element itself', async () => {
        const element = fakeElement();
        const result = await runnerFor(element).run('startPreviewCall', ['+1 (415) 555-0100']);
        expect(result).toEqual({ ok: true, action: 'startPreviewCall' });
        expect(element.startPreviewCall).toHaveBeenCalledWith('+14155550100');
        expect(element.startPreviewCall.mock.contexts[0]).toBe(element);
    });

    it('answers invalid before unavailable, and unavailable without an element', async () => {
        await expect(runnerFor(null).run('hold', ['Agent'])).resolves.toMatchObject({ code: 'invalid' });
        await expect(runnerFor(null).run('mute', [])).resolves.toEqual({
            ok: false,
            action: 'mute',
            code: 'unavailable',
            message: 'toolkit method mute is not available'
        });
    });

    it('answers busy while the same call is in flight, and frees it once settled', async () => {
        let finish: () => void = () => undefined;
        const element = fakeElement();
        element.hold.mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
        const runner = runnerFor(element);
        const first = runner.run('hold', ['Initial_Caller']);
        expect(runner.inFlight).toEqual(['hold:["Initial_Caller"]']);
        await expect(runner.run('hold', ['Initial_Caller'])).resolves.toMatchObject({ code: 'busy' });
        await expect(runner.run('hold', ['Third_Party'])).resolves.toMatchObject({ ok: true });
        finish();
        await expect(first).resolves.toEqual({ ok: true, action: 'hold' });
        expect(runner.inFlight).toEqual([]);
    });

    it('turns throws, rejections and { success: false } into typed failures', async () => {
        const element = fakeElement();
        element.mute.mockImplementationOnce(() => {
            throw new Error('boom');
        });
        element.unmute.mockImplementationOnce(() => Promise.reject(new Error('denied')));
        element.merge.mockImplementationOnce(() => Promise.resolve({ success: false, errorMessage: 'no' }));
        const runner = runnerFor(element);
        await expect(runner.run('mute', [])).resolves.toMatchObject({ code: 'threw', message: 'boom' });
        await expect(runner.run('unmute', [])).resolves.toMatchObject({
            code: 'rejected',
            message: 'denied'
        });
        await expect(runner.run('merge', [])).resolves.toMatchObject({ code: 'rejected', message: 'no' });
    });

    it('times out a hung call after the timeout read at call time and releases it', async () => {
        jest.useFakeTimers();
        const element = fakeElement();
        element.swap.mockImplementationOnce(() => new Promise<never>(() => undefined));
        const runner = runnerFor(element, 250);
        const pending = runner.run('swap', []);
        jest.advanceTimersByTime(249);
        expect(runner.inFlight).toEqual(['swap:[]']);
        jest.advanceTimersByTime(1);
        await expect(pending).resolves.toEqual({
            ok: false,
            action: 'swap',
            code: 'timeout',
            message: 'swap did not finish within 250 ms'
        });
        expect(runner.inFlight).toEqual([]);
    });

    it('shares identical next best action requests across runners on the page', async () => {
        const element = fakeElement();
        const params = { intent: 'refund' };
        const [first, second] = await Promise.all([
            runnerFor(element).run('updateNextBestActions', [RECORD_ID, params]),
            runnerFor(element).run('updateNextBestActions', [RECORD_ID, { ...params }])
        ]);
        expect(first).toEqual({ ok: true, action: 'updateNextBestActions' });
        expect(second).toEqual({ ok: true, action: 'updateNextBestActions', deduped: true });
        expect(element.updateNextBestActions).toHaveBeenCalledTimes(1);
    });
});
