import VoiceDtmfKeypad from 'c/voiceDtmfKeypad';
import { mount as mountComponent, resetDom, shadow } from '@jest-tests/dom';

function mount(disabled = false): { element: HTMLElement; sent: string[] } {
    const element = mountComponent('c-voice-dtmf-keypad', VoiceDtmfKeypad, { disabled });
    const sent: string[] = [];
    element.addEventListener('senddigits', (event) =>
        sent.push((event as CustomEvent<{ digits: string }>).detail.digits)
    );
    return { element, sent };
}

function type(element: HTMLElement, detail: Record<string, unknown>): void {
    shadow(element).querySelector('lightning-input')?.dispatchEvent(new CustomEvent('change', { detail }));
}

function submit(element: HTMLElement): void {
    shadow(element)
        .querySelector('form')
        ?.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
}

describe('c-voice-dtmf-keypad', () => {
    afterEach(resetDom);

    it('emits the pressed key', () => {
        const { element, sent } = mount();
        shadow(element).querySelector<HTMLButtonElement>('button[data-digit="#"]')?.click();
        expect(sent).toEqual(['#']);
    });

    it('sends nothing while disabled, even on Enter in the digits field', async () => {
        const { element, sent } = mount(true);
        type(element, { value: '123' });
        await Promise.resolve();
        submit(element);
        expect(sent).toEqual([]);
        expect(shadow(element).querySelector<HTMLButtonElement>('button.key')?.disabled).toBe(true);
    });

    it('treats a cleared field as empty and rejects it', async () => {
        const { element, sent } = mount();
        type(element, {});
        submit(element);
        await Promise.resolve();
        expect(sent).toEqual([]);
        expect(shadow(element).querySelector('.digits-error')).not.toBeNull();
    });

    it('rejects more than 64 digits', async () => {
        const { element, sent } = mount();
        type(element, { value: '1'.repeat(65) });
        submit(element);
        await Promise.resolve();
        expect(sent).toEqual([]);
    });
});
