import ErrorPanel from 'c/errorPanel';
import { mount as mountComponent, resetDom, texts } from '@jest-tests/dom';

function mount(props: {
    errors?: unknown;
    friendlyMessage?: string;
    detailsLabel?: string;
    dismissLabel?: string;
}): HTMLElement {
    return mountComponent('c-error-panel', ErrorPanel, props);
}

describe('c-error-panel', () => {
    afterEach(resetDom);

    it('shows the friendly message and every reduced error as text', () => {
        const element = mount({
            friendlyMessage: 'Could not save',
            errors: [{ body: { message: '<img src=x onerror=alert(1)>' } }, new Error('Second')]
        });
        expect(texts(element, '.headline')).toEqual(['Could not save']);
        expect(texts(element, '.messages li')).toEqual(['<img src=x onerror=alert(1)>', 'Second']);
        expect(element.shadowRoot?.querySelector('img')).toBeNull();
    });

    it('falls back to the generic label and omits the list without messages', () => {
        const element = mount({ errors: undefined });
        expect(texts(element, '.headline')).toEqual(['Something went wrong.']);
        expect(element.shadowRoot?.querySelector('.messages')).toBeNull();
    });

    it('announces itself as an alert', () => {
        const element = mount({ errors: 'Offline' });
        expect(element.shadowRoot?.querySelector('[role="alert"]')).not.toBeNull();
    });

    it('folds technical details under a summary and offers a dismiss button when asked', async () => {
        const element = mount({
            errors: 'mute did not finish',
            detailsLabel: 'Details',
            dismissLabel: 'Dismiss'
        });
        await Promise.resolve();
        expect(texts(element, 'details summary')).toEqual(['Details']);
        expect(texts(element, 'details .messages li')).toEqual(['mute did not finish']);
        const dismissed: Event[] = [];
        element.addEventListener('dismiss', (e) => dismissed.push(e));
        element.shadowRoot?.querySelector<HTMLElement>('lightning-button-icon.dismiss')?.click();
        expect(dismissed).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('is accessible', async () => {
        const element = mount({ errors: 'Offline', friendlyMessage: 'Could not load' });
        await expect(element).toBeAccessible();
    });
});
