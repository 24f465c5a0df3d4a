import VoiceSentimentTrend, { trendPoints } from 'c/voiceSentimentTrend';
import { mount, resetDom } from '@jest-tests/dom';

describe('c-voice-sentiment-trend', () => {
    afterEach(resetDom);

    describe('trendPoints', () => {
        it('is empty without points', () => {
            expect(trendPoints([])).toBe('');
        });

        it('draws a flat line for one point', () => {
            expect(trendPoints([{ time: 5, value: 1000 }])).toBe('0,0 100,0');
        });

        it('spreads points over time and clamps values', () => {
            expect(
                trendPoints([
                    { time: 0, value: -2000 },
                    { time: 50, value: 0 },
                    { time: 100, value: 500 }
                ])
            ).toBe('0,24 50,12 100,6');
        });

        it('copes with points at the same time', () => {
            expect(
                trendPoints([
                    { time: 7, value: 0 },
                    { time: 7, value: 0 }
                ])
            ).toBe('0,12 0,12');
        });
    });

    it('renders a decorative SVG polyline', () => {
        const element = mount('c-voice-sentiment-trend', VoiceSentimentTrend, { points: null });
        const svg = element.shadowRoot?.querySelector('svg');
        expect(svg?.getAttribute('aria-hidden')).toBe('true');
        expect(element.shadowRoot?.querySelector('polyline')?.getAttribute('points')).toBe('');
    });
});
