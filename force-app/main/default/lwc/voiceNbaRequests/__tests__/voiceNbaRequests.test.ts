import { listenForNbaRequests, requestNextBestAction } from 'c/voiceNbaRequests';

describe('c/voiceNbaRequests', () => {
    const request = { recordId: '0LQ000000000001AAA', intent: 'retention', source: 'Playbook' };

    it('reports false when no panel listens', () => {
        expect(requestNextBestAction(request)).toBe(false);
    });

    it('hands a request to every listener and reports whether one took it, until it stops listening', () => {
        const declines = jest.fn(() => false);
        const takes = jest.fn(() => true);
        const stopDeclining = listenForNbaRequests(declines);
        const stopTaking = listenForNbaRequests(takes);
        expect(requestNextBestAction(request)).toBe(true);
        expect(declines).toHaveBeenCalledWith(request);
        stopTaking();
        expect(requestNextBestAction(request)).toBe(false);
        stopDeclining();
        expect(requestNextBestAction(request)).toBe(false);
        expect(declines).toHaveBeenCalledTimes(2);
        expect(takes).toHaveBeenCalledTimes(1);
    });
});
