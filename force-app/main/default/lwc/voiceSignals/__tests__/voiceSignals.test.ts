import VoiceSignals from 'c/voiceSignals';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import {
    CALL_ID,
    T0,
    callConnected,
    categorySignal,
    sentimentSignal,
    transcript
} from '@jest-tests/fixtures/toolkitEvents';
import { $, fireToolkit, flush, frame, mount as mountComponent, resetDom, texts } from '@jest-tests/dom';

interface SignalsElement extends HTMLElement {
    alertCategories?: string;
    maxCategories?: number;
    session?: CallSession | undefined;
    toolkit?: Partial<VoiceToolkitElement>;
}

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function category(value: string, startTime: number, score: number | null = 800): object {
    return {
        callId: CALL_ID,
        events: [
            { type: 'IntelligenceSignalCategory', value, startTime, ...(score === null ? {} : { score }) }
        ]
    };
}

const connect = (): Promise<void> => fireToolkit('callconnected', callConnected());

const mount = (props: Partial<SignalsElement> = {}): SignalsElement =>
    mountComponent<SignalsElement>('c-voice-signals', VoiceSignals, props);

describe('c-voice-signals', () => {
    afterEach(resetDom);

    it('shows the empty state before a call and a placeholder until signals arrive', async () => {
        const element = mount();
        expect($(frame(element), '.idle')?.textContent).toBe('Insights appear here during a call.');
        await connect();
        expect($(element, '.no-signals')?.textContent).toBe('No signals yet.');
    });

    it('lists categories newest first with confidence and time', async () => {
        const element = mount();
        await connect();
        voiceToolkitMock.fire('intelligencesignal', category('Billing', T0, 873));
        voiceToolkitMock.fire('intelligencesignal', category('Greeting', T0 - 5000, null));
        voiceToolkitMock.fire('intelligencesignal', category('Escalation', T0 + 5000, 1000));
        await flush();
        expect(texts(element, '.chip-value')).toEqual(['Escalation', 'Billing', 'Greeting']);
        expect(texts(element, '.chip-confidence')).toEqual(['100% confidence', '87% confidence']);
        expect(texts(element, '.chip-time')[1]).toBe(CLOCK.format(new Date(T0)));
    });

    it('reads second-based start times as the Aura guide example sends them', async () => {
        const element = mount();
        await connect();
        voiceToolkitMock.fire('intelligencesignal', category('Billing', 1573503450));
        await flush();
        expect(texts(element, '.chip-time')).toEqual([CLOCK.format(new Date(1573503450000))]);
    });

    it('limits the chips to maxCategories', async () => {
        const element = mount({ maxCategories: 2 });
        await connect();
        for (let i = 0; i < 5; i++) voiceToolkitMock.fire('intelligencesignal', category(`C${i}`, T0 + i));
        await flush();
        expect(texts(element, '.chip-value')).toEqual(['C4', 'C3']);
        element.maxCategories = Number('x');
        expect(element.maxCategories).toBe(20);
    });

    it('shows sentiment per participant with a gauge and a trend line', async () => {
        const element = mount();
        await connect();
        voiceToolkitMock.fire('intelligencesignal', sentimentSignal(-600));
        voiceToolkitMock.fire('intelligencesignal', {
            callId: CALL_ID,
            events: [
                {
                    type: 'IntelligenceSignalSentiment',
                    value: 100,
                    startTime: T0 + 1000,
                    participant: 'CUSTOMER'
                },
                { type: 'IntelligenceSignalSentiment', value: 500, startTime: T0, participant: 'AGENT' },
                { type: 'IntelligenceSignalSentiment', value: 0, startTime: T0, participant: 'Bot 7' }
            ]
        });
        await flush();
        expect(texts(element, '.participant')).toEqual(['Customer', 'Agent', 'Bot 7']);
        expect(texts(element, '.sentiment-value')).toEqual(['Neutral', 'Positive', 'Neutral']);
        const bars = Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('.bar') ?? []);
        expect(bars[1].className).toContain('bar_positive');
        expect(bars[1].style.width).toBe('25%');
        const trend = $(element, 'c-voice-sentiment-trend') as Element;
        const line = trend.shadowRoot?.querySelector('polyline');
        expect(line?.getAttribute('points')).toBe('0,19.2 100,10.8');
    });

    it('marks negative sentiment', async () => {
        const element = mount();
        await connect();
        voiceToolkitMock.fire('intelligencesignal', sentimentSignal(-800));
        await flush();
        // Words for the agent; the raw score stays in the title and for screen readers.
        expect(texts(element, '.sentiment-value')).toEqual(['Negative']);
        expect(texts(element, '.sentiment-raw')).toEqual(['Negative (-800)']);
        const bar = $(element, '.bar') as HTMLElement;
        expect(bar.style.left).toBe('10%');
        expect(bar.style.width).toBe('40%');
    });

    describe('alert banner', () => {
        it('appears when a configured category fires and can be dismissed until it fires again', async () => {
            const element = mount({ alertCategories: 'customerangry, Escalation' });
            await connect();
            voiceToolkitMock.fire('intelligencesignal', category('Billing', T0));
            await flush();
            expect($(element, '.alert')).toBeNull();
            voiceToolkitMock.fire('intelligencesignal', categorySignal('CustomerAngry'));
            await flush();
            expect($(element, '.alert')?.getAttribute('role')).toBe('alert');
            expect($(element, '.alert-text')?.textContent).toBe(
                `Customer angry detected at ${CLOCK.format(new Date(T0))}`
            );
            expect($(element, '.chip.slds-theme_error .chip-value')?.textContent).toBe('Customer angry');
            expect($(element, '.chip.slds-theme_error .chip-value')?.dataset.value).toBe('CustomerAngry');

            ($(element, '.dismiss') as HTMLElement).click();
            await flush();
            expect($(element, '.alert')).toBeNull();

            voiceToolkitMock.fire('intelligencesignal', category('Escalation', T0 + 9000));
            await flush();
            expect($(element, '.alert-text')?.textContent).toContain('Escalation');
        });

        it('uses CustomerAngry by default, also when a parent passes nothing, and can be turned off', async () => {
            const element = mount();
            expect(element.alertCategories).toBe('CustomerAngry');
            element.alertCategories = undefined as unknown as string;
            expect(element.alertCategories).toBe('CustomerAngry');
            element.alertCategories = '';
            await connect();
            voiceToolkitMock.fire('intelligencesignal', categorySignal('CustomerAngry'));
            await flush();
            expect($(element, '.alert')).toBeNull();
        });
    });

    it('does not re-render for events that leave the signals unchanged', async () => {
        const element = mount();
        await connect();
        voiceToolkitMock.fire('intelligencesignal', category('Billing', T0));
        await flush();
        const chip = $(element, '.chip');
        voiceToolkitMock.fire('transcript', transcript(1, 'hello'));
        await flush();
        expect($(element, '.chip')).toBe(chip);
    });

    it('shows the unavailable state without the toolkit', async () => {
        voiceToolkitMock.withoutMethods();
        const element = mount();
        await flush();
        expect($(frame(element), '.unavailable')?.textContent).toBe(
            'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
        );
    });

    it('renders from the parent session when embedded', () => {
        let session = createSession();
        session = applyEvent(session, 'callconnected', callConnected(), T0);
        session = applyEvent(session, 'intelligencesignal', category('Billing', T0), T0);
        const element = mount({ toolkit: { available: true } });
        element.session = undefined;
        element.session = session;
        return flush().then(() => {
            expect(element.session).toBe(session);
            expect(texts(element, '.chip-value')).toEqual(['Billing']);
        });
    });

    it('is accessible', async () => {
        const element = mount();
        await connect();
        voiceToolkitMock.fire('intelligencesignal', categorySignal('CustomerAngry'));
        voiceToolkitMock.fire('intelligencesignal', sentimentSignal(-300));
        await flush();
        await expect(element).toBeAccessible();
    });
});
