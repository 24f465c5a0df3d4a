import { createElement } from 'lwc';
import VoicePanelFrame from 'c/voicePanelFrame';
import type { PanelFrameState } from 'c/voicePanelFrame';
import { createSession } from 'c/voiceCallModel';
import type { VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import { callConnected } from '@jest-tests/fixtures/toolkitEvents';
import { $, flush, mount as mountComponent, parentToolkit, resetDom } from '@jest-tests/dom';

interface FrameElement extends HTMLElement {
    heading?: string;
    iconName?: string;
    idleText?: string;
    state?: PanelFrameState;
    readonly bridge: VoiceToolkitElement | undefined;
}

const STANDALONE: PanelFrameState = {
    recordId: undefined,
    maxTranscript: undefined,
    toolkit: undefined,
    unavailable: false,
    idle: false
};

const mount = (props: Partial<FrameElement> = {}): FrameElement =>
    mountComponent<FrameElement>('c-voice-panel-frame', VoicePanelFrame, props);

describe('c-voice-panel-frame', () => {
    afterEach(resetDom);

    describe('standalone (no parent toolkit)', () => {
        it('renders its own bridge, with the record id and transcript cap, and hands it out as `bridge`', () => {
            const element = mount({
                state: { ...STANDALONE, recordId: '0LQ5e000000abcdGAA', maxTranscript: 50 }
            });
            const bridge = $(element, 'c-voice-toolkit') as unknown as VoiceToolkitElement | null;
            expect(bridge).not.toBeNull();
            expect(element.bridge).toBe(bridge);
            expect(bridge?.maxTranscript).toBe(50);
            expect((bridge as unknown as { recordId: string }).recordId).toBe('0LQ5e000000abcdGAA');
        });

        it('hands the bridge events on, bubbling but not composed, with the same detail', async () => {
            const element = mount();
            const wrapper = document.createElement('div');
            const heard: CustomEvent[] = [];
            const escaped: Event[] = [];
            wrapper.addEventListener('sessionchange', (event) => heard.push(event as CustomEvent));
            document.addEventListener('sessionchange', (event) => escaped.push(event));
            element.addEventListener('sessionchange', (event) => heard.push(event as CustomEvent));
            voiceToolkitMock.fire('callconnected', callConnected());
            await flush();
            expect(heard).toHaveLength(1);
            const [event] = heard;
            expect(event?.bubbles).toBe(true);
            expect(event?.composed).toBe(false);
            expect(event?.detail.session.phase).toBe('connected');
            expect(event?.detail.session).toBe(element.bridge?.session);
            expect(escaped).toHaveLength(1);
        });

        it('hands on toolkitunavailable when the platform element lacks every method', async () => {
            voiceToolkitMock.withoutMethods();
            const element = createElement('c-voice-panel-frame', { is: VoicePanelFrame });
            const heard: unknown[] = [];
            // The bridge reports once, after its first render: listen before the frame is connected.
            element.addEventListener('toolkitunavailable', (event) =>
                heard.push((event as CustomEvent).detail)
            );
            document.body.appendChild(element);
            await flush();
            expect(heard).toEqual([expect.objectContaining({ available: false })]);
        });
    });

    describe('embedded (the parent toolkit in state)', () => {
        it('renders no bridge of its own and hands none out', () => {
            const element = mount({ state: { ...STANDALONE, toolkit: parentToolkit(true) } });
            expect($(element, 'c-voice-toolkit')).toBeNull();
            expect(element.bridge).toBeUndefined();
        });
    });

    describe('card and states', () => {
        it('titles the card and gives it the icon', () => {
            const element = mount({ heading: 'Call controls', iconName: 'utility:call' });
            const card = $(element, 'lightning-card') as unknown as { title: string; iconName: string };
            expect(card.title).toBe('Call controls');
            expect(card.iconName).toBe('utility:call');
        });

        it('shows the body slot when neither unavailable nor idle', () => {
            const element = mount({ idleText: 'No call' });
            expect($(element, 'slot:not([name])')).not.toBeNull();
            expect($(element, '.unavailable')).toBeNull();
            expect($(element, '.idle')).toBeNull();
        });

        it('shows the idle text instead of the body before a call', () => {
            const element = mount({ idleText: 'No call', state: { ...STANDALONE, idle: true } });
            expect($(element, '.idle')?.textContent).toBe('No call');
            expect($(element, 'slot:not([name])')).toBeNull();
        });

        it('shows the unavailable state first, whatever else holds, and keeps the notices and actions slots', () => {
            const element = mount({ state: { ...STANDALONE, unavailable: true, idle: true } });
            expect($(element, '.unavailable')?.textContent).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
            expect($(element, '.idle')).toBeNull();
            expect($(element, 'slot:not([name])')).toBeNull();
            expect($(element, 'slot[name="notices"]')).not.toBeNull();
            expect($(element, 'slot[name="actions"]')).not.toBeNull();
        });

        it('follows a new state', async () => {
            const element = mount({ state: { ...STANDALONE, idle: true }, idleText: 'No call' });
            element.state = { ...STANDALONE, idle: false };
            await flush();
            expect($(element, '.idle')).toBeNull();
        });
    });

    it('is accessible', async () => {
        const element = mount({
            heading: 'Panel',
            idleText: 'No call',
            state: { ...STANDALONE, idle: true }
        });
        await flush();
        await expect(element).toBeAccessible();
    });

    it('keeps an empty session on its bridge until events arrive', () => {
        const element = mount();
        expect(element.bridge?.session).toEqual(createSession());
    });
});
