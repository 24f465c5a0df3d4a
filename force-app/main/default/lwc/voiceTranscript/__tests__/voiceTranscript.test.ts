import VoiceTranscript from 'c/voiceTranscript';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import {
    T0,
    callConnected,
    callIdOnly,
    callStarted,
    message,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';
import { $, $$, fireToolkit, flush, frame, mount as mountComponent, resetDom, shadow } from '@jest-tests/dom';

interface TranscriptElement extends HTMLElement {
    maxRows?: number;
    timestampMode?: string;
    showDigits?: boolean | string;
    keywords?: string;
    muteAnnouncements?: boolean;
    session?: CallSession;
    toolkit?: Partial<VoiceToolkitElement>;
}

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const mount = (props: Partial<TranscriptElement> = {}): TranscriptElement =>
    mountComponent<TranscriptElement>('c-voice-transcript', VoiceTranscript, props);

function rowElements(element: Element): HTMLElement[] {
    return $$(element, 'c-voice-transcript-rows').flatMap((group) => $$(group, '.row'));
}

function rowTexts(element: Element): string[] {
    return rowElements(element).map((row) => row.querySelector('.text')?.textContent ?? '');
}

async function startCall(): Promise<void> {
    voiceToolkitMock.fire('callstarted', callStarted());
    voiceToolkitMock.fire('callconnected', callConnected());
    await flush();
}

const say = (
    n: number,
    text: string,
    role: 'Customer' | 'Agent' | 'Supervisor' = 'Customer'
): Promise<void> => fireToolkit('transcript', transcript(n, text, role));

describe('c-voice-transcript', () => {
    afterEach(() => {
        resetDom();
        jest.useRealTimers();
    });

    describe('states', () => {
        it('shows the empty state before a call and renders its own bridge', () => {
            const element = mount();
            expect($(frame(element), '.idle')?.textContent).toBe(
                'The transcript appears here when a call starts.'
            );
            expect(rowElements(element)).toHaveLength(0);
        });

        it('waits for the first words once the call is connected', async () => {
            const element = mount();
            await startCall();
            expect($(element, '.waiting')?.textContent).toBe('Waiting for the first words…');
        });

        it('shows the unavailable state when the toolkit element lacks its methods', async () => {
            voiceToolkitMock.withoutMethods();
            const element = mount();
            await flush();
            expect($(frame(element), '.unavailable')?.textContent).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
        });

        it('still shows the transcript when only some toolkit methods are missing', async () => {
            voiceToolkitMock.withoutMethods(['merge', 'swap', 'sendDigits']);
            const element = mount();
            await startCall();
            await say(1, 'Still here');
            expect($(frame(element), '.unavailable')).toBeNull();
            expect(rowElements(element)).toHaveLength(1);
        });

        it('marks the call as ended and keeps the transcript', async () => {
            const element = mount();
            await startCall();
            await say(1, 'Thanks, bye');
            voiceToolkitMock.fire('callended', callIdOnly());
            await flush();
            expect($(element, '.ended')?.textContent).toBe('Call ended');
            expect(rowTexts(element)).toEqual(['Thanks, bye']);
        });

        it('renders from the parent session and toolkit when embedded', () => {
            let session = createSession();
            session = applyEvent(session, 'callconnected', callConnected(), T0);
            session = applyEvent(session, 'transcript', transcript(1, 'Embedded line'), T0);
            const element = mount({ toolkit: { available: true }, session });
            expect(rowTexts(element)).toEqual(['Embedded line']);
        });

        it('shows unavailable when the parent toolkit is unavailable', () => {
            const element = mount({ toolkit: { available: false } });
            expect($(frame(element), '.unavailable')).not.toBeNull();
        });
    });

    describe('lines', () => {
        it('labels speakers and shows the wall-clock time of each line', async () => {
            const element = mount();
            await startCall();
            await say(1, 'Hi, I need help', 'Customer');
            await say(2, 'Sure, what happened?', 'Agent');
            voiceToolkitMock.fire(
                'transcript',
                message(3, 'Whisper', { role: 'Supervisor', displayName: 'Ana' })
            );
            voiceToolkitMock.fire('transcript', message(4, 'Beep', { role: 'System' as 'Agent' }));
            voiceToolkitMock.fire('transcript', message(5, 'Hm', { role: 'Robot' as 'Agent' }));
            await flush();
            const rows = rowElements(element);
            expect(rows.map((r) => r.querySelector('.speaker')?.textContent)).toEqual([
                'Customer',
                'Agent',
                'Supervisor (Ana)',
                'System',
                'Unknown'
            ]);
            expect(rows[0].querySelector('.time')?.textContent).toBe(CLOCK.format(new Date(T0 + 1000)));
            expect(rows.map((r) => r.dataset.id)).toEqual(['msg-1', 'msg-2', 'msg-3', 'msg-4', 'msg-5']);
        });

        it('shows elapsed time since the call started when configured', async () => {
            jest.useFakeTimers({ now: T0 });
            const element = mount({ timestampMode: 'elapsed' });
            await startCall();
            jest.advanceTimersByTime(65000);
            await say(65, 'A minute in');
            expect(rowElements(element)[0].querySelector('.time')?.textContent).toBe('01:05');
        });

        it("measures elapsed time on the server's clock, whatever the agent PC's clock says", async () => {
            // The PC runs 10 minutes ahead of the server: receipt times and line timestamps disagree.
            jest.useFakeTimers({ now: T0 + 600000 });
            const element = mount({ timestampMode: 'elapsed' });
            await startCall();
            jest.advanceTimersByTime(5000);
            await say(5, 'First words');
            jest.advanceTimersByTime(60000);
            await say(65, 'A minute later');
            const times = rowElements(element).map((r) => r.querySelector('.time')?.textContent);
            expect(times).toEqual(['00:05', '01:05']);
        });

        it('renders markup in utterances literally, as text', async () => {
            const element = mount();
            await startCall();
            await say(1, '<img src=x onerror=alert(1)>');
            await say(2, '<script>alert(1)</script>');
            expect(rowTexts(element)).toEqual(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>']);
            const group = shadow(element).querySelector('c-voice-transcript-rows') as Element;
            expect(shadow(group).querySelector('img')).toBeNull();
            expect(shadow(group).querySelector('script')).toBeNull();
        });

        it('styles a partial utterance as interim until the final text replaces it', async () => {
            const element = mount();
            await startCall();
            voiceToolkitMock.fire('transcript', { ...transcript(1, 'I want to'), partial: true });
            await flush();
            let [row] = rowElements(element);
            expect(row.classList.contains('interim')).toBe(true);
            expect(row.querySelector('.slds-assistive-text')?.textContent).toBe('(still speaking)');
            voiceToolkitMock.fire('transcript', transcript(1, 'I want to cancel'));
            await flush();
            [row] = rowElements(element);
            expect(rowElements(element)).toHaveLength(1);
            expect(row.classList.contains('interim')).toBe(false);
            expect(rowTexts(element)).toEqual(['I want to cancel']);
        });

        it('folds a burst of events into one update', async () => {
            const element = mount();
            await startCall();
            for (let n = 1; n <= 30; n++) voiceToolkitMock.fire('transcript', transcript(n, `line ${n}`));
            await flush();
            expect(rowTexts(element)).toHaveLength(30);
            expect(rowTexts(element).at(-1)).toBe('line 30');
        });
    });

    describe('masking', () => {
        const CARD = 'My card is 4111 1111 1111 1234 and account 12-34-56-78';

        it('masks digit runs by default, keeping the last four digits', async () => {
            const element = mount();
            await startCall();
            await say(1, CARD);
            await say(2, 'Call me at 555 0199');
            // Sensitive runs only: the card is masked, the short account reference and the phone number are not.
            expect(rowTexts(element)).toEqual([
                'My card is ••••1234 and account 12-34-56-78',
                'Call me at 555 0199'
            ]);
        });

        it('shows digits when masking is off', async () => {
            const element = mount({ showDigits: 'true' });
            await startCall();
            await say(1, CARD);
            expect(rowTexts(element)).toEqual([CARD]);
        });

        it('does not find masked digits when searching', async () => {
            const element = mount();
            await startCall();
            await say(1, CARD);
            const search = $(element, 'lightning-input.search') as HTMLElement;
            search.dispatchEvent(new CustomEvent('change', { detail: { value: '4111' } }));
            await flush();
            expect($(element, '.match-count')?.textContent).toBe('Matches: 0');
        });
    });

    describe('search and keywords', () => {
        it('counts matches over the history and highlights them as text spans', async () => {
            const element = mount();
            await startCall();
            await say(1, 'Refund please, the refund is late');
            await say(2, 'I can check the REFUND', 'Agent');
            await say(3, 'Thanks');
            const search = $(element, 'lightning-input.search') as HTMLElement;
            search.dispatchEvent(new CustomEvent('change', { detail: { value: 'refund' } }));
            await flush();
            expect($(element, '.match-count')?.textContent).toBe('Matches: 3');
            const first = rowElements(element)[0];
            const marks = Array.from(first.querySelectorAll('.match')).map((m) => m.textContent);
            expect(marks).toEqual(['Refund', 'refund']);
            expect(first.querySelector('.text')?.textContent).toBe('Refund please, the refund is late');

            await say(4, 'refund again');
            expect($(element, '.match-count')?.textContent).toBe('Matches: 4');

            search.dispatchEvent(new CustomEvent('change', { detail: { value: '  ' } }));
            await flush();
            expect($(element, '.match-count')).toBeNull();
            expect(rowElements(element)[0].querySelector('.match')).toBeNull();
        });

        it('treats regular expression characters in the query literally', async () => {
            const element = mount();
            await startCall();
            await say(1, 'Is it (a) or [b]?');
            const search = $(element, 'lightning-input.search') as HTMLInputElement;
            search.value = '(a)';
            search.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect($(element, '.match-count')?.textContent).toBe('Matches: 1');
        });

        it('highlights configured keywords as whole words', async () => {
            const element = mount({ keywords: 'cancel, late fee,' });
            await startCall();
            await say(1, 'I will cancel over the late fee, not cancellation');
            const row = rowElements(element)[0];
            expect(Array.from(row.querySelectorAll('.keyword')).map((k) => k.textContent)).toEqual([
                'cancel',
                'late fee'
            ]);
        });
    });

    describe('bounded window', () => {
        it('renders at most maxRows lines and shows earlier ones on request', async () => {
            const element = mount({ maxRows: 40 });
            await startCall();
            for (let n = 1; n <= 130; n++) voiceToolkitMock.fire('transcript', transcript(n, `line ${n}`));
            await flush();
            let rows = rowTexts(element);
            expect(rows.length).toBeLessThanOrEqual(40);
            expect(rows.length).toBeGreaterThan(30);
            expect(rows.at(-1)).toBe('line 130');
            expect($(element, '.showing')?.textContent).toBe(`Showing the last ${rows.length} of 130 lines`);

            ($(element, '.show-earlier') as HTMLElement).click();
            await flush();
            rows = rowTexts(element);
            expect(rows.length).toBeGreaterThan(70);
            expect(rows.length).toBeLessThanOrEqual(80);

            ($(element, '.show-earlier') as HTMLElement).click();
            ($(element, '.show-earlier') as HTMLElement).click();
            await flush();
            expect(rowTexts(element)).toHaveLength(130);
            expect($(element, '.show-earlier')).toBeNull();
        });

        it('keeps existing row elements and untouched chunks when a line arrives', async () => {
            const element = mount({ maxRows: 40 });
            await startCall();
            for (let n = 1; n <= 20; n++) voiceToolkitMock.fire('transcript', transcript(n, `line ${n}`));
            await flush();
            const before = rowElements(element);
            const groups = Array.from(shadow(element).querySelectorAll('c-voice-transcript-rows'));
            const firstRows = (groups[0] as unknown as { rows: unknown }).rows;
            await say(21, 'line 21');
            const after = rowElements(element);
            expect(after).toHaveLength(21);
            expect(after.slice(0, 20)).toEqual(before);
            const groupsAfter = Array.from(shadow(element).querySelectorAll('c-voice-transcript-rows'));
            expect((groupsAfter[0] as unknown as { rows: unknown }).rows).toBe(firstRows);
        });

        it('does not rebuild the window for events that do not touch the transcript', async () => {
            const element = mount();
            await startCall();
            await say(1, 'Hello');
            const groups = shadow(element).querySelectorAll('c-voice-transcript-rows');
            const before = (groups[0] as unknown as { rows: unknown }).rows;
            voiceToolkitMock.fire('mute', callIdOnly());
            await flush();
            const group = shadow(element).querySelector('c-voice-transcript-rows') as unknown as {
                rows: unknown;
            };
            expect(group.rows).toBe(before);
        });

        it('clamps an out-of-range maxRows', () => {
            const element = mount({ maxRows: 3 });
            expect(element.maxRows).toBe(10);
            element.maxRows = Number('x');
            expect(element.maxRows).toBe(200);
            element.maxRows = 99999;
            expect(element.maxRows).toBe(2000);
        });
    });

    describe('auto-scroll', () => {
        function fakeScroller(element: Element, sizes: { height: number; client: number }): HTMLElement {
            const scroller = $(element, '.scroller') as HTMLElement;
            Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => sizes.height });
            Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => sizes.client });
            return scroller;
        }

        it('follows new lines, pauses when the agent scrolls up, and jumps back to the latest', async () => {
            jest.useFakeTimers({ now: T0 });
            const element = mount();
            await startCall();
            await say(1, 'one');
            const sizes = { height: 1000, client: 200 };
            const scroller = fakeScroller(element, sizes);
            await say(2, 'two');
            jest.advanceTimersByTime(20);
            expect(scroller.scrollTop).toBe(1000);

            scroller.scrollTop = 300;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect($(element, '.jump')).not.toBeNull();

            sizes.height = 1200;
            await say(3, 'three');
            jest.advanceTimersByTime(20);
            expect(scroller.scrollTop).toBe(300);

            ($(element, '.jump') as HTMLElement).click();
            await flush();
            expect(scroller.scrollTop).toBe(1200);
            expect($(element, '.jump')).toBeNull();

            scroller.scrollTop = 0;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            await flush();
            scroller.scrollTop = 990;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect($(element, '.jump')).toBeNull();
        });
    });

    describe('announcements', () => {
        it('announces the newest final customer or agent line only', async () => {
            const element = mount();
            await startCall();
            const live = $(element, '.announcer') as HTMLElement;
            expect(live.getAttribute('aria-live')).toBe('polite');
            await say(1, 'Card 4111111111111234');
            expect(live.textContent).toBe('Customer: Card ••••1234');
            voiceToolkitMock.fire('transcript', { ...transcript(2, 'I am'), partial: true });
            await flush();
            expect(live.textContent).toBe('Customer: Card ••••1234');
            await say(3, 'Listen in', 'Supervisor');
            expect(live.textContent).toBe('Customer: Card ••••1234');
            await say(4, 'Got it', 'Agent');
            expect(live.textContent).toBe('Agent: Got it');
        });

        it('stays silent when announcements are off', async () => {
            const element = mount({ muteAnnouncements: true });
            await startCall();
            await say(1, 'Hello');
            expect($(element, '.announcer')?.textContent).toBe('');
        });
    });

    describe('copy', () => {
        const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
        afterEach(() => {
            if (original) Object.defineProperty(navigator, 'clipboard', original);
            else delete (navigator as { clipboard?: unknown }).clipboard;
        });

        it('copies the masked transcript with times and speakers', async () => {
            const writeText = jest.fn(() => Promise.resolve());
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
            const element = mount();
            await startCall();
            await say(1, 'Card 4111111111111234');
            await say(2, 'Thanks', 'Agent');
            ($(element, '.copy') as HTMLElement).click();
            await flush();
            const time = (n: number): string => CLOCK.format(new Date(T0 + n * 1000));
            expect(writeText).toHaveBeenCalledWith(
                `[${time(1)}] Customer: Card ••••1234\n[${time(2)}] Agent: Thanks`
            );
            expect($(element, '.copy-status')?.textContent).toBe('Transcript copied.');
        });

        it('explains how to copy when the clipboard is unavailable or refuses', async () => {
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
            const element = mount();
            await startCall();
            await say(1, 'Hello');
            ($(element, '.copy') as HTMLElement).click();
            await flush();
            expect($(element, '.copy-status')?.textContent).toBe(
                "Copy isn't available here. Select the lines and copy them instead."
            );

            const writeText = jest.fn(() => Promise.reject(new Error('denied')));
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
            ($(element, '.copy') as HTMLElement).click();
            await flush();
            expect($(element, '.copy-status')?.textContent).toBe(
                "Copy isn't available here. Select the lines and copy them instead."
            );
        });
    });

    describe('settings', () => {
        it('rebuilds rows when an admin setting changes', async () => {
            const element = mount({ showDigits: false });
            await startCall();
            await say(1, 'Account 123456789012');
            expect(rowTexts(element)).toEqual(['Account ••••9012']);
            element.showDigits = true;
            await flush();
            expect(rowTexts(element)).toEqual(['Account 123456789012']);
            element.timestampMode = 'bogus';
            element.keywords = undefined as unknown as string;
            element.showDigits = 'nonsense';
            await flush();
            expect(element.timestampMode).toBe('wallclock');
            expect(element.keywords).toBe('');
            expect(element.showDigits).toBe(false);
            expect(element.muteAnnouncements).toBe(false);
        });
    });

    it('is accessible', async () => {
        const element = mount({ keywords: 'refund' });
        await startCall();
        await say(1, 'I want a refund');
        await say(2, 'Let me check', 'Agent');
        voiceToolkitMock.fire('transcript', { ...transcript(3, 'Thank'), partial: true });
        await flush();
        const search = $(element, 'lightning-input.search') as HTMLElement;
        search.dispatchEvent(new CustomEvent('change', { detail: { value: 'check' } }));
        await flush();
        await expect(element).toBeAccessible();
    });
});
