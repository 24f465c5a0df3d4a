import VoiceTransferForm from 'c/voiceTransferForm';
import type { AddParticipantDetail } from 'c/voiceTransferForm';
import { mount as mountComponent, must as mustFind, resetDom } from '@jest-tests/dom';

type Stub = HTMLElement & { value?: string; checked?: boolean; label?: string };

function mount(disabled = false): { element: HTMLElement; sent: AddParticipantDetail[] } {
    const element = mountComponent('c-voice-transfer-form', VoiceTransferForm, { disabled });
    const sent: AddParticipantDetail[] = [];
    element.addEventListener('addparticipant', (event) =>
        sent.push((event as CustomEvent<AddParticipantDetail>).detail)
    );
    return { element, sent };
}

const must = (element: Element, selector: string): Stub => mustFind<Stub>(element, selector);

function change(element: HTMLElement, selector: string, detail: Record<string, unknown>): void {
    must(element, selector).dispatchEvent(new CustomEvent('change', { detail }));
}

function submit(element: HTMLElement): void {
    must(element, 'form').dispatchEvent(new CustomEvent('submit', { cancelable: true }));
}

describe('c-voice-transfer-form', () => {
    afterEach(resetDom);

    it('does not emit while disabled', () => {
        const { element, sent } = mount(true);
        change(element, 'lightning-input.destination', { value: '4155550123' });
        submit(element);
        expect(sent).toEqual([]);
    });

    it('tolerates change events without a value', async () => {
        const { element, sent } = mount();
        change(element, 'lightning-radio-group', {});
        change(element, 'lightning-input.destination', {});
        change(element, 'lightning-input.blind', {});
        await Promise.resolve();
        expect(must(element, 'lightning-input.destination').label).toBe('Phone number');
        expect(must(element, 'lightning-input.blind').checked).toBe(false);
        submit(element);
        await Promise.resolve();
        expect(sent).toEqual([]);
        expect(must(element, '.destination-error').textContent).toBe('Enter a valid phone number.');
    });

    it('clears a blind transfer back to an add', async () => {
        const { element } = mount();
        change(element, 'lightning-input.blind', { checked: true });
        change(element, 'lightning-input.destination', { value: 'x' });
        await Promise.resolve();
        (element as HTMLElement & { clear(): void }).clear();
        await Promise.resolve();
        expect(must(element, 'lightning-input.blind').checked).toBe(false);
        expect(must(element, 'lightning-input.destination').value).toBe('');
    });
});
