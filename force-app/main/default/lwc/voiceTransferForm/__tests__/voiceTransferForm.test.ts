import { createElement } from 'lwc';
import VoiceTransferForm from 'c/voiceTransferForm';
import type { AddParticipantDetail } from 'c/voiceTransferForm';

type Stub = HTMLElement & { value?: string; checked?: boolean; label?: string };

function mount(disabled = false): { element: HTMLElement; sent: AddParticipantDetail[] } {
    const element = createElement('c-voice-transfer-form', { is: VoiceTransferForm });
    Object.assign(element, { disabled });
    const sent: AddParticipantDetail[] = [];
    element.addEventListener('addparticipant', (event) =>
        sent.push((event as CustomEvent<AddParticipantDetail>).detail)
    );
    document.body.appendChild(element);
    return { element, sent };
}

function $(element: HTMLElement, selector: string): Stub {
    const found = element.shadowRoot?.querySelector<Stub>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
}

function change(element: HTMLElement, selector: string, detail: Record<string, unknown>): void {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail }));
}

function submit(element: HTMLElement): void {
    $(element, 'form').dispatchEvent(new CustomEvent('submit', { cancelable: true }));
}

describe('c-voice-transfer-form', () => {
    afterEach(() => document.body.replaceChildren());

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
        expect($(element, 'lightning-input.destination').label).toBe('Phone number');
        expect($(element, 'lightning-input.blind').checked).toBe(false);
        submit(element);
        await Promise.resolve();
        expect(sent).toEqual([]);
        expect($(element, '.destination-error').textContent).toBe('Enter a valid phone number.');
    });

    it('clears a blind transfer back to an add', async () => {
        const { element } = mount();
        change(element, 'lightning-input.blind', { checked: true });
        change(element, 'lightning-input.destination', { value: 'x' });
        await Promise.resolve();
        (element as HTMLElement & { clear(): void }).clear();
        await Promise.resolve();
        expect($(element, 'lightning-input.blind').checked).toBe(false);
        expect($(element, 'lightning-input.destination').value).toBe('');
    });
});
