import VoiceAgentDesktop from 'c/voiceAgentDesktop';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import * as ev from '@jest-tests/fixtures/toolkitEvents';
import { fireToolkit as fire, flush, mountSettled, resetDom, shadow } from '@jest-tests/dom';

jest.mock(
    '@salesforce/apex/VoicePlaybookController.getPlaybooks',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/VoicePlaybookController.identifyCaller', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/VoicePlaybookController.runFlowStep', () => ({ default: jest.fn() }), {
    virtual: true
});

interface DesktopProps {
    recordId?: string;
    hideControls?: boolean;
    hideTranscript?: boolean;
    hideSignals?: boolean;
    hideNextBestAction?: boolean;
    hideSupervisorHelp?: boolean;
    hideWrapUp?: boolean;
    hideActions?: boolean;
    actionsGroup?: string;
    hidePlaybooks?: boolean;
    playbookGroup?: string;
    keywords?: string;
    nbaRules?: string;
}

const PANELS = [
    'c-voice-call-controls',
    'c-voice-transcript',
    'c-voice-signals',
    'c-voice-next-best-action',
    'c-voice-supervisor-help',
    'c-voice-playbooks'
] as const;

const mount = (props: DesktopProps = {}): Promise<HTMLElement> =>
    mountSettled('c-voice-agent-desktop', VoiceAgentDesktop, props);

function panel(element: Element, tag: string): (HTMLElement & Record<string, unknown>) | null {
    return shadow(element).querySelector(tag);
}

describe('c-voice-agent-desktop', () => {
    afterEach(resetDom);

    describe('before a call', () => {
        it('shows the controls and one idle message, not every empty panel', async () => {
            const element = await mount();
            expect(panel(element, 'c-voice-call-controls')).not.toBeNull();
            expect(shadow(element).querySelector('.idle')?.textContent).toBe(
                'Waiting for a call. Call details appear here when one starts.'
            );
            for (const tag of PANELS.slice(1)) expect(panel(element, tag)).toBeNull();
            expect(panel(element, 'c-voice-wrap-up')).toBeNull();
        });
    });

    describe('during a call', () => {
        it('renders every section from one shared snapshot and one toolkit element', async () => {
            const element = await mount({
                recordId: '0LQ5e000000abcdGAA',
                keywords: 'refund',
                playbookGroup: 'Sales'
            });
            await fire('callconnected', ev.callConnected());
            await fire('transcript', ev.transcript(1, 'I want a refund', 'Customer'));
            const controls = panel(element, 'c-voice-call-controls');
            for (const tag of PANELS) {
                const child = panel(element, tag);
                expect(child).not.toBeNull();
                expect(child?.session).toBe(controls?.session);
                expect(child?.toolkit).toBe(controls?.toolkit);
                expect(child?.recordId).toBe('0LQ5e000000abcdGAA');
            }
            expect((controls?.session as { transcriptCount: number }).transcriptCount).toBe(1);
            expect(panel(element, 'c-voice-transcript')?.keywords).toBe('refund');
            expect(panel(element, 'c-voice-playbooks')?.group).toBe('Sales');
            expect(shadow(element).querySelector('.idle')).toBeNull();
            // The panels are embedded: only the desktop's bridge renders a toolkit element.
            expect(voiceToolkitMock.instances()).toHaveLength(1);
        });

        it('routes an embedded panel action through the single bridge exactly once', async () => {
            const element = await mount();
            await fire('callconnected', ev.callConnected());
            const controls = panel(element, 'c-voice-call-controls');
            const mute = controls?.shadowRoot?.querySelector<HTMLElement>('lightning-button[data-id="mute"]');
            mute?.click();
            await flush();
            expect(voiceToolkitMock.fn('mute')).toHaveBeenCalledTimes(1);
        });

        it('hides the sections an admin turned off', async () => {
            const element = await mount({
                hideTranscript: true,
                hideSignals: true,
                hideControls: true,
                hidePlaybooks: true
            });
            await fire('callconnected', ev.callConnected());
            expect(panel(element, 'c-voice-playbooks')).toBeNull();
            expect(panel(element, 'c-voice-transcript')).toBeNull();
            expect(panel(element, 'c-voice-signals')).toBeNull();
            expect(panel(element, 'c-voice-call-controls')).toBeNull();
            expect(panel(element, 'c-voice-next-best-action')).not.toBeNull();
            expect(panel(element, 'c-voice-supervisor-help')).not.toBeNull();
        });
    });

    describe('actions', () => {
        it('embeds the actions panel before a call with the group and the shared session', async () => {
            const element = await mount({ actionsGroup: 'Billing' });
            const actions = panel(element, 'c-voice-actions') as
                (HTMLElement & { group?: string; session?: { phase: string } }) | null;
            expect(actions?.group).toBe('Billing');
            await fire('callconnected', ev.callConnected());
            expect(actions?.session?.phase).toBe('connected');
        });

        it('hides the actions panel when an admin turned it off', async () => {
            const element = await mount({ hideActions: true });
            expect(panel(element, 'c-voice-actions')).toBeNull();
        });
    });

    describe('after a call', () => {
        it('leads with after-call work once the call ends, and keeps it through wrap-up end', async () => {
            const element = await mount();
            await fire('callconnected', ev.callConnected());
            expect(panel(element, 'c-voice-wrap-up')).toBeNull();
            await fire('callended', ev.callIdOnly());
            const first = shadow(element).querySelector('.section');
            expect(first?.tagName.toLowerCase()).toBe('c-voice-wrap-up');
            await fire('wrapupended', ev.callIdOnly());
            expect(panel(element, 'c-voice-wrap-up')).not.toBeNull();
        });

        it("keeps after-call work on screen during the next call while it holds the previous call's notes", async () => {
            const element = await mount({ recordId: '0LQ5e000000abcdGAA' });
            await fire('callconnected', ev.callConnected());
            await fire('callended', ev.callIdOnly());
            const wrapUp = panel(element, 'c-voice-wrap-up');
            const notes = wrapUp?.shadowRoot?.querySelector('lightning-textarea');
            notes?.dispatchEvent(new CustomEvent('change', { detail: { value: 'call back Monday' } }));
            await flush();
            await fire('callconnected', ev.callConnected(ev.OTHER_CALL_ID));
            expect(panel(element, 'c-voice-wrap-up')).toBe(wrapUp);
            const discard = wrapUp?.shadowRoot?.querySelector<HTMLElement>(
                'lightning-button[data-id="discard"]'
            );
            expect(wrapUp?.classList.contains('slds-hide')).toBe(false);
            discard?.click();
            await flush();
            expect(panel(element, 'c-voice-wrap-up')?.classList.contains('slds-hide')).toBe(true);
        });

        it('omits after-call work when hidden', async () => {
            const element = await mount({ hideWrapUp: true });
            await fire('callconnected', ev.callConnected());
            await fire('callended', ev.callIdOnly());
            expect(panel(element, 'c-voice-wrap-up')).toBeNull();
        });
    });

    describe('without the toolkit', () => {
        it('shows the unavailable state instead of the panels', async () => {
            voiceToolkitMock.withoutMethods();
            const element = await mount();
            expect(shadow(element).querySelector('.unavailable')?.textContent).toBe(
                'Voice features are unavailable here. Open this page from the Omni-Channel softphone.'
            );
            expect(panel(element, 'c-voice-call-controls')).toBeNull();
        });
    });

    it('is accessible', async () => {
        const element = await mount();
        await fire('callconnected', ev.callConnected());
        await fire('transcript', ev.transcript(1, 'Hello', 'Customer'));
        await expect(element).toBeAccessible();
    });
});
