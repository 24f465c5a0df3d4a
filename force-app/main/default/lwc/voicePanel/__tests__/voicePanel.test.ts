import { api, createElement } from 'lwc';
import { VoicePanel } from 'c/voicePanel';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { SessionChangeDetail, VoiceToolkitElement, ToolkitUnavailableDetail } from 'c/voiceToolkit';
import { T0, callConnected, transcript } from '@jest-tests/fixtures/toolkitEvents';
import { mount as mountComponent, parentToolkit, resetDom } from '@jest-tests/dom';

interface PanelState {
    standalone: boolean;
    unavailable: boolean;
    view: CallSession;
    bridge: VoiceToolkitElement | undefined;
}

/** A test-only panel: exposes the inherited plumbing and records what `sessionChanged` was told. */
class ProbePanel extends VoicePanel {
    @api changes: CallSession[] = [];

    @api
    get state(): PanelState {
        return {
            standalone: this.standalone,
            unavailable: this.unavailable,
            view: this.view,
            bridge: this.bridge
        };
    }

    /** What the panel's own `<c-voice-toolkit>` would send. */
    @api
    fromBridge(session: CallSession): void {
        this.handleSessionChange(
            new CustomEvent<SessionChangeDetail>('sessionchange', { detail: { session, events: 1 } })
        );
    }

    @api
    bridgeUnavailable(available = false): void {
        this.handleUnavailable(
            new CustomEvent<ToolkitUnavailableDetail>('toolkitunavailable', {
                detail: { missing: ['merge'], available }
            })
        );
    }

    protected override sessionChanged(session: CallSession): void {
        this.changes.push(session);
    }
}

interface ProbeElement extends HTMLElement {
    recordId?: string;
    toolkit?: VoiceToolkitElement;
    session?: CallSession | undefined;
    readonly changes: CallSession[];
    readonly state: PanelState;
    fromBridge(session: CallSession): void;
    bridgeUnavailable(available?: boolean): void;
}

function mount(props: Partial<ProbeElement> = {}): ProbeElement {
    return mountComponent<ProbeElement>('c-probe-panel', ProbePanel, props);
}

function connected(): CallSession {
    return applyEvent(createSession(), 'callconnected', callConnected(), T0);
}

describe('c-voice-panel', () => {
    afterEach(resetDom);

    it('exposes recordId, toolkit and session as public properties of every subclass', () => {
        const toolkit = parentToolkit(true);
        const session = connected();
        const element = mount({ recordId: '0LQ5e000000abcdGAA', toolkit, session });
        expect(element.recordId).toBe('0LQ5e000000abcdGAA');
        expect(element.toolkit).toBe(toolkit);
        expect(element.session).toBe(session);
    });

    describe('standalone (no parent toolkit)', () => {
        it('is standalone and available, and shows an empty session before the bridge reports', () => {
            const element = mount();
            expect(element.state.standalone).toBe(true);
            expect(element.state.unavailable).toBe(false);
            expect(element.state.view.phase).toBe('idle');
            expect(element.session).toBeUndefined();
            expect(element.changes).toEqual([]);
        });

        it('shows what its own bridge sends, telling the subclass once per new snapshot', () => {
            const element = mount();
            const session = connected();
            element.fromBridge(session);
            element.fromBridge(session);
            expect(element.state.view).toBe(session);
            expect(element.changes).toEqual([session]);
        });

        it('is unavailable once its own bridge says the toolkit is missing', () => {
            const element = mount();
            element.bridgeUnavailable();
            expect(element.state.unavailable).toBe(true);
        });

        it('stays available when only some toolkit methods are missing', () => {
            const element = mount();
            element.bridgeUnavailable(true);
            expect(element.state.unavailable).toBe(false);
        });

        it('has no bridge to act through while its own bridge is not rendered', () => {
            expect(mount().state.bridge).toBeUndefined();
        });
    });

    describe('embedded (parent toolkit and session)', () => {
        it('acts through the parent toolkit and follows its availability', () => {
            const toolkit = parentToolkit(true);
            const element = mount({ toolkit });
            expect(element.state.standalone).toBe(false);
            expect(element.state.bridge).toBe(toolkit);
            expect(element.state.unavailable).toBe(false);
            element.toolkit = parentToolkit(false);
            expect(element.state.unavailable).toBe(true);
        });

        it('ignores its own missing-toolkit flag while the parent toolkit is available', () => {
            const element = mount({ toolkit: parentToolkit(true) });
            element.bridgeUnavailable();
            expect(element.state.unavailable).toBe(false);
        });

        it('shows the parent session, telling the subclass once per new snapshot', () => {
            const element = mount({ toolkit: parentToolkit(true) });
            const first = connected();
            const second = applyEvent(first, 'transcript', transcript(1, 'Hello'), T0 + 1);
            element.session = first;
            element.session = first;
            element.session = second;
            expect(element.state.view).toBe(second);
            expect(element.changes).toEqual([first, second]);
        });

        it('keeps the last parent session when the parent sets none', () => {
            const element = mount({ toolkit: parentToolkit(true) });
            const session = connected();
            element.session = session;
            element.session = undefined;
            expect(element.session).toBe(session);
            expect(element.state.view).toBe(session);
            expect(element.changes).toEqual([session]);
        });

        it('prefers the parent session over anything its own bridge sent', () => {
            const element = mount({ toolkit: parentToolkit(true) });
            const parent = connected();
            element.session = parent;
            element.fromBridge(createSession());
            expect(element.state.view).toBe(parent);
            expect(element.changes).toEqual([parent]);
        });
    });

    it('lets a subclass that does not override the hook ignore session changes', () => {
        const element = createElement('c-bare-panel', { is: VoicePanel }) as unknown as ProbeElement;
        document.body.appendChild(element);
        const session = connected();
        element.session = session;
        expect(element.session).toBe(session);
    });
});
