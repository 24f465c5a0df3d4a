import VoicePlaybooks from 'c/voicePlaybooks';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import { resetClaims } from 'c/voicePageOnce';
import { forgetCallers } from '../callerMatch';
import { listenForNbaRequests } from 'c/voiceNbaRequests';
import { publish } from 'lightning/messageService';
import getPlaybooks from '@salesforce/apex/VoicePlaybookController.getPlaybooks';
import identifyCaller from '@salesforce/apex/VoicePlaybookController.identifyCaller';
import runFlowStep from '@salesforce/apex/VoicePlaybookController.runFlowStep';
import getCallerCases from '@salesforce/apex/VoicePlaybookController.getCallerCases';
import { navigationMock } from '@jest-tests/lightning/navigation/navigation';
import {
    IsConsoleNavigation,
    workspaceMock
} from '@jest-tests/lightning/platformWorkspaceApi/platformWorkspaceApi';
import { getRecord, updateRecord } from '@jest-tests/lightning/uiRecordApi/uiRecordApi';
import { CALL_ID, T0, callConnected, transcript } from '@jest-tests/fixtures/toolkitEvents';
import { $$, frame, mount as mountComponent, resetDom, texts } from '@jest-tests/dom';

jest.mock(
    '@salesforce/apex/VoicePlaybookController.getPlaybooks',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/VoicePlaybookController.getCallerCases',
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

interface WireAdapter {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): unknown;
}

interface PanelElement extends HTMLElement {
    recordId?: string;
    session?: CallSession;
    toolkit?: { available: boolean };
    group?: string;
    preventNavigation?: boolean;
    showInvalid?: boolean;
    runsShown?: number;
}

const playbooksWire = getPlaybooks as unknown as WireAdapter;
const casesWire = getCallerCases as unknown as WireAdapter;
const identify = identifyCaller as unknown as jest.Mock;
const runFlow = runFlowStep as unknown as jest.Mock;
const VOICE_CALL_ID = '0LQ5g000000AbC1GAK';
const CASE_ID = '5005g00000XyZ1AAAV';
const HOSTILE = '<img src=x onerror=alert(1)>';

const ADA = {
    objectApiName: 'Contact',
    recordId: '003000000000001AAA',
    name: 'Ada Lovelace',
    accountName: 'Acme'
};
const match = (n: number) => ({ ...ADA, recordId: `00300000000000${n}AAA`, name: `Person ${n}` });

const SCREEN_POP = {
    developerName: 'Screen_Pop_Caller',
    active: true,
    title: 'Open the caller',
    trigger: 'CallConnected',
    callType: 'Inbound',
    order: 10,
    steps: [
        { order: 1, stepName: 'Find', type: 'IdentifyCaller', target: 'Contact,Account' },
        {
            order: 2,
            stepName: 'Pop',
            type: 'ScreenPop',
            target: 'Find',
            objectApiName: 'Contact',
            value: 'Phone={!$Call.participant};Description=a,b'
        }
    ]
};

/** An NBA request that may fail, then a VoiceCall field update: the record steps' skip and failure cases. */
const ASK_AND_MARK = [
    { order: 1, stepName: 'Ask', type: 'RequestNextBestAction', value: 'x', onFailure: 'Continue' },
    { order: 2, stepName: 'Mark', type: 'UpdateVoiceCallField', target: 'X__c', value: 'y' }
];

function connected(): CallSession {
    return applyEvent(createSession(), 'callconnected', callConnected(), T0);
}

/** Lets the run queue (Apex answers, workspace calls, re-render) settle; real timers, no clock involved. */
async function flush(rounds = 4): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (rounds > 1) await flush(rounds - 1);
}

const mount = (props: Partial<PanelElement> = {}): PanelElement =>
    mountComponent<PanelElement>('c-voice-playbooks', VoicePlaybooks, {
        toolkit: { available: true },
        ...props
    });

async function start(definitions: unknown[], props: Partial<PanelElement> = {}): Promise<PanelElement> {
    const element = mount(props);
    playbooksWire.emit(definitions);
    element.session = connected();
    await flush();
    return element;
}

/** The page's VoiceCall record arrives, linked to CASE_ID (what the IVR case link leaves). */
async function loadCallLinkedToCase(): Promise<void> {
    getRecord.emit({
        apiName: 'VoiceCall',
        id: VOICE_CALL_ID,
        fields: { RelatedRecordId: { value: CASE_ID } }
    });
    await flush();
}

describe('c-voice-playbooks', () => {
    beforeEach(() => {
        identify.mockResolvedValue([ADA]);
        runFlow.mockResolvedValue({ ok: true, status: 'sent', error: '' });
    });

    afterEach(() => {
        resetDom();
        resetClaims();
        forgetCallers();
        navigationMock.reset();
        workspaceMock.reset();
    });

    describe('screen pop', () => {
        it('opens a subtab under the VoiceCall tab in a console and shows the caller card', async () => {
            workspaceMock.setTabs([{ tabId: 'call-tab', recordId: VOICE_CALL_ID.slice(0, 15) }]);
            const element = mount({ recordId: VOICE_CALL_ID });
            IsConsoleNavigation.emit(true);
            playbooksWire.emit([SCREEN_POP]);
            element.session = connected();
            await flush();
            expect(identify).toHaveBeenCalledWith({
                playbook: 'Screen_Pop_Caller',
                stepName: 'Find',
                phone: '+14159990000'
            });
            expect(workspaceMock.opened()).toEqual([
                { kind: 'subtab', parentTabId: 'call-tab', options: { recordId: ADA.recordId, focus: true } }
            ]);
            expect(texts(element, '.caller-name')).toEqual(['Ada Lovelace']);
            expect(texts(element, '.caller-account')).toEqual(['Account: Acme']);
            expect(texts(element, '.run-step')).toEqual([
                'Find: Done 1 matches',
                'Pop: Done opened in a subtab'
            ]);
            await expect(element).toBeAccessible();
        });

        it('opens a workspace tab in a console without the call tab', async () => {
            const element = mount();
            IsConsoleNavigation.emit(true);
            playbooksWire.emit([SCREEN_POP]);
            element.session = connected();
            await flush();
            expect(workspaceMock.opened().map((t) => t.kind)).toEqual(['tab']);
            expect(navigationMock.navigateCalls()).toHaveLength(0);
        });

        it('navigates with NavigationMixin outside a console', async () => {
            await start([SCREEN_POP]);
            expect(navigationMock.lastPageReference()).toEqual({
                type: 'standard__recordPage',
                attributes: { recordId: ADA.recordId, actionName: 'view' }
            });
            expect(workspaceMock.opened()).toHaveLength(0);
        });

        it('offers a choice list for three matches and opens the one the agent picks', async () => {
            identify.mockResolvedValue([match(1), match(2), { ...match(3), accountName: '' }, { bad: true }]);
            const element = await start([SCREEN_POP]);
            expect(navigationMock.navigateCalls()).toHaveLength(0);
            expect(texts(element, '.choice-prompt')).toEqual([
                '3 records match +14159990000. Choose the caller:'
            ]);
            const buttons = $$(element, 'lightning-button.choice');
            expect(buttons.map((b) => (b as unknown as { label: string }).label)).toEqual([
                'Open Person 1 (Acme)',
                'Open Person 2 (Acme)',
                'Open Person 3'
            ]);
            buttons[1].click();
            await flush();
            expect(navigationMock.lastPageReference()?.attributes).toEqual({
                recordId: match(2).recordId,
                actionName: 'view'
            });
            expect(texts(element, '.caller-name')).toEqual(['Person 2']);
            expect($$(element, 'lightning-button.choice')).toHaveLength(0);
            await expect(element).toBeAccessible();
        });

        it('offers a new record with defaults when nobody matches', async () => {
            identify.mockResolvedValue([]);
            const element = await start([SCREEN_POP]);
            expect(texts(element, '.caller-none')).toEqual(['No record matches +14159990000.']);
            const button = $$(element, 'lightning-button.new-record')[0];
            expect((button as unknown as { label: string }).label).toBe('New Contact');
            button.click();
            await flush();
            expect(navigationMock.lastPageReference()).toEqual({
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Contact', actionName: 'new' },
                state: { defaultFieldValues: 'Phone=%2B14159990000,Description=a%2Cb' }
            });
            expect($$(element, 'lightning-button.new-record')).toHaveLength(0);
        });

        it('two panels on one page run the playbook once and open the record once', async () => {
            const first = mount();
            const second = mount();
            playbooksWire.emit([SCREEN_POP]);
            const session = connected();
            first.session = session;
            second.session = session;
            await flush();
            expect(identify).toHaveBeenCalledTimes(1);
            expect(navigationMock.navigateCalls()).toHaveLength(1);
            // Both show who is calling, though only one searched.
            expect([...texts(first, '.caller-name'), ...texts(second, '.caller-name')]).toEqual([
                'Ada Lovelace',
                'Ada Lovelace'
            ]);
            // One Voice_Call_Event message per event on the page, though two panels saw it.
            const published = (publish as unknown as jest.Mock).mock.calls.map(
                (call) => (call[2] as { type: string }).type
            );
            expect(published).toEqual(['CallStarted', 'CallConnected']);
            expect((publish as unknown as jest.Mock).mock.calls[1][2]).toMatchObject({
                version: 1,
                callId: CALL_ID,
                caller: '+14159990000',
                phase: 'connected'
            });
            const late = mount();
            late.session = session;
            await flush();
            expect(texts(late, '.caller-name')).toEqual(['Ada Lovelace']);
        });

        it('never opens a record twice for one call, even from two playbooks', async () => {
            const again = { ...SCREEN_POP, developerName: 'Again', order: 20 };
            const element = await start([SCREEN_POP, again]);
            expect(navigationMock.navigateCalls()).toHaveLength(1);
            expect(texts(element, '.run-step')).toContain('Pop: Skipped already opened for this call');
        });

        it('opens nothing when navigation is turned off or the browser tab is hidden', async () => {
            const element = await start([SCREEN_POP], { preventNavigation: true });
            expect(navigationMock.navigateCalls()).toHaveLength(0);
            expect(texts(element, '.run-step')).toContain('Pop: Skipped navigation turned off in this panel');
            document.body.replaceChildren();
            resetClaims();
            forgetCallers();
            const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
            const hidden = await start([SCREEN_POP]);
            visibility.mockRestore();
            expect(navigationMock.navigateCalls()).toHaveLength(0);
            expect(texts(hidden, '.run-step')).toContain('Pop: Skipped this browser tab is not visible');
        });

        it('logs a failed pop when the console refuses the tab', async () => {
            workspaceMock.fail(new Error('no console'));
            const element = mount();
            IsConsoleNavigation.emit(true);
            playbooksWire.emit([SCREEN_POP]);
            element.session = connected();
            await flush();
            expect(texts(element, '.run-step')).toContain('Pop: Failed no console');
        });
    });

    describe('caller card cases', () => {
        const LINKED = {
            recordId: CASE_ID,
            caseNumber: '00001026',
            subject: 'Duplicate charge',
            status: 'Working',
            ivrLinked: true
        };
        const OPEN = {
            recordId: '5005g00000XyZ2AAAV',
            caseNumber: '00001031',
            subject: HOSTILE,
            status: 'New',
            ivrLinked: false
        };

        it('lists the IVR-linked case first, marked, then the open cases as record links', async () => {
            const element = await start([SCREEN_POP], { recordId: VOICE_CALL_ID });
            await loadCallLinkedToCase();
            expect(casesWire.getLastConfig()).toEqual({ callerId: ADA.recordId, linkedRecordId: CASE_ID });
            casesWire.emit([LINKED, OPEN, { recordId: 'bad', caseNumber: '1' }, { ...OPEN, caseNumber: '' }]);
            await flush();
            expect(texts(element, '.case-link')).toEqual(['00001026', '00001031']);
            expect($$(element, '.case-link').map((a) => a.getAttribute('href'))).toEqual([
                `/lightning/r/Case/${CASE_ID}/view`,
                `/lightning/r/Case/${OPEN.recordId}/view`
            ]);
            expect(texts(element, '.case-detail').map((t) => t.trim())).toEqual([
                'Duplicate charge (Working)',
                `${HOSTILE} (New)`
            ]);
            expect($$(element, '.case img')).toHaveLength(0);
            const rows = $$(element, 'li.case');
            expect(rows.map((row) => row.querySelectorAll('.case-ivr').length)).toEqual([1, 0]);
            expect(texts(element, '.cases-none')).toEqual([]);
            await expect(element).toBeAccessible();

            const popsBefore = navigationMock.navigateCalls().length;
            $$(element, '.case-link')[1].click();
            await flush();
            expect(navigationMock.navigateCalls()).toHaveLength(popsBefore + 1);
            expect(navigationMock.lastPageReference()?.attributes).toEqual({
                recordId: OPEN.recordId,
                actionName: 'view'
            });
        });

        it('says so when the caller has no open case, and hides a failed read', async () => {
            const element = await start([SCREEN_POP]);
            expect(casesWire.getLastConfig()).toEqual({ callerId: ADA.recordId, linkedRecordId: '' });
            casesWire.emit([null, 'x', 7]);
            await flush();
            expect($$(element, '.case-link')).toHaveLength(0);
            expect(texts(element, '.cases-none')).toEqual(['No open cases']);
            casesWire.emit({ cases: [OPEN] });
            await flush();
            expect($$(element, '.case-link')).toHaveLength(0);
            casesWire.error();
            await flush();
            expect(texts(element, '.cases-none')).toEqual([]);
            expect($$(element, '.case-link')).toHaveLength(0);
        });

        it('shows the linked case when nobody matched', async () => {
            identify.mockResolvedValue([]);
            const element = await start([SCREEN_POP], { recordId: VOICE_CALL_ID });
            await loadCallLinkedToCase();
            expect(casesWire.getLastConfig()).toEqual({ callerId: '', linkedRecordId: CASE_ID });
            casesWire.emit([LINKED]);
            await flush();
            expect(texts(element, '.case-link')).toEqual(['00001026']);
            expect($$(element, '.case-ivr')).toHaveLength(1);
            expect(texts(element, '.caller-none')).toHaveLength(1);
        });

        it('has no "no cases" line for a lead, which cannot own cases', async () => {
            identify.mockResolvedValue([{ ...ADA, objectApiName: 'Lead', recordId: '00Q000000000001AAA' }]);
            const element = await start([SCREEN_POP]);
            casesWire.emit([]);
            await flush();
            expect(texts(element, '.caller-name')).toEqual(['Ada Lovelace']);
            expect(texts(element, '.cases-none')).toEqual([]);
        });

        it("never shows the previous caller's cases after the agent picks another match", async () => {
            identify.mockResolvedValue([match(1), match(2)]);
            const element = await start([SCREEN_POP]);
            casesWire.emit([OPEN]);
            await flush();
            expect($$(element, '.case-link')).toHaveLength(1);
            $$(element, 'lightning-button.choice')[1].click();
            await flush();
            expect(casesWire.getLastConfig()).toEqual({ callerId: match(2).recordId, linkedRecordId: '' });
            expect($$(element, '.case-link')).toHaveLength(0);
        });
    });

    describe('other steps', () => {
        const OPEN_CASE = {
            developerName: 'Open_IVR_Case',
            active: true,
            title: 'Open the case',
            trigger: 'CallConnected',
            conditions: [
                {
                    number: 1,
                    source: 'Reference',
                    reference: '{!$VoiceCall.RelatedRecordId}',
                    operator: 'IsNotBlank'
                }
            ],
            steps: [
                { order: 1, stepName: 'Open', type: 'OpenRecord', target: '{!$VoiceCall.RelatedRecordId}' }
            ]
        };

        it('waits for the VoiceCall fields it reads, then opens the IVR-linked case once', async () => {
            const element = mount({ recordId: VOICE_CALL_ID });
            playbooksWire.emit([OPEN_CASE]);
            element.session = connected();
            await flush();
            expect(navigationMock.navigateCalls()).toHaveLength(0);
            expect(getRecord.getLastConfig()).toEqual({
                recordId: VOICE_CALL_ID,
                optionalFields: ['VoiceCall.RelatedRecordId']
            });
            await loadCallLinkedToCase();
            element.session = applyEvent(
                element.session as CallSession,
                'callconnected',
                callConnected(),
                T0 + 5
            );
            await flush();
            expect(navigationMock.navigateCalls().map((c) => c.pageReference.attributes)).toEqual([
                { recordId: CASE_ID, actionName: 'view' }
            ]);
        });

        it('renders banner text literally, hands NBA to the metered panel, updates the call and runs the flow', async () => {
            const taken: unknown[] = [];
            const stop = listenForNbaRequests((request) => {
                taken.push(request);
                return true;
            });
            const element = await start(
                [
                    {
                        developerName: 'Keyword',
                        active: true,
                        title: 'Keyword',
                        trigger: 'TranscriptLine',
                        conditions: [
                            { number: 1, source: 'TranscriptText', operator: 'Contains', value: 'cancel' }
                        ],
                        steps: [
                            {
                                order: 1,
                                stepName: 'Tell',
                                type: 'Banner',
                                message: 'Said: {0}',
                                value: '{!$Call.line}'
                            },
                            { order: 2, stepName: 'Ask', type: 'RequestNextBestAction', value: 'retention' },
                            {
                                order: 3,
                                stepName: 'Mark',
                                type: 'UpdateVoiceCallField',
                                target: 'Call_Disposition__c',
                                value: 'Retention'
                            },
                            { order: 4, stepName: 'Flow', type: 'RunFlow', onFailure: 'Continue' },
                            { order: 5, stepName: 'Flow2', type: 'RunFlow' }
                        ]
                    }
                ],
                { recordId: VOICE_CALL_ID }
            );
            getRecord.emit({ apiName: 'VoiceCall', id: VOICE_CALL_ID, fields: {} });
            runFlow.mockResolvedValueOnce({ ok: false, error: 'flow broke' });
            element.session = applyEvent(
                element.session as CallSession,
                'transcript',
                transcript(1, `cancel ${HOSTILE}`),
                T0 + 1
            );
            await flush();
            stop();
            expect(texts(element, '.banner-text')).toEqual([`Said: cancel ${HOSTILE}`]);
            expect(element.shadowRoot?.querySelector('img')).toBeNull();
            expect(taken).toEqual([{ recordId: VOICE_CALL_ID, intent: 'retention', source: 'Keyword' }]);
            expect(updateRecord).toHaveBeenCalledWith({
                fields: { Id: VOICE_CALL_ID, Call_Disposition__c: 'Retention' }
            });
            expect(runFlow).toHaveBeenCalledWith({
                playbook: 'Keyword',
                stepName: 'Flow',
                inputs: { recordId: VOICE_CALL_ID }
            });
            expect(texts(element, '.run-step')).toEqual([
                'Tell: Done',
                'Ask: Done',
                'Mark: Done',
                'Flow: Failed flow broke',
                'Flow2: Done sent'
            ]);
            await expect(element).toBeAccessible();
        });

        it('skips record steps without a VoiceCall record and NBA without an NBA panel', async () => {
            (updateRecord as jest.Mock).mockRejectedValueOnce(new Error('read only'));
            const element = await start([
                {
                    developerName: 'NoRecord',
                    active: true,
                    trigger: 'CallConnected',
                    steps: [
                        ...ASK_AND_MARK,
                        { order: 3, stepName: 'Open', type: 'OpenRecord', target: '{!$Call.category}' },
                        {
                            order: 4,
                            stepName: 'New',
                            type: 'NewRecord',
                            objectApiName: 'Case',
                            value: 'Origin=Phone'
                        }
                    ]
                }
            ]);
            expect(texts(element, '.run-step')).toEqual([
                'Ask: Skipped no voice call record on this page',
                'Mark: Skipped no voice call record on this page',
                'Open: Skipped no record id to open',
                'New: Done'
            ]);
            expect(navigationMock.lastPageReference()).toMatchObject({
                type: 'standard__objectPage',
                state: { defaultFieldValues: 'Origin=Phone' }
            });
        });

        it('reports a failed field update and NBA with no panel for the call', async () => {
            (updateRecord as jest.Mock).mockRejectedValueOnce({ body: { message: 'read only' } });
            const element = await start(
                [
                    {
                        developerName: 'Record',
                        active: true,
                        trigger: 'CallConnected',
                        steps: ASK_AND_MARK
                    }
                ],
                { recordId: VOICE_CALL_ID }
            );
            expect(texts(element, '.run-step')).toEqual([
                'Ask: Skipped no Next Best Action panel for this call on the page',
                'Mark: Failed read only'
            ]);
        });
    });

    describe('states', () => {
        it('shows the idle state, then the empty run log, keeping only the newest runs', async () => {
            const element = mount({ runsShown: 1 });
            playbooksWire.emit([
                SCREEN_POP,
                { ...SCREEN_POP, developerName: 'Two', title: 'Second', order: 20 }
            ]);
            await flush();
            expect($$(frame(element), '.idle')).toHaveLength(1);
            await expect(element).toBeAccessible();
            element.session = connected();
            await flush();
            expect(texts(element, '.run-title')).toEqual(['Second']);
            expect(element.runsShown).toBe(1);
            element.runsShown = 'many' as unknown as number;
            expect(element.runsShown).toBe(10);
        });

        it('lists invalid playbooks for admins only', async () => {
            const broken = { developerName: 'Broken', trigger: 'Nope', steps: [] };
            const element = await start([broken], { showInvalid: true });
            expect(texts(element, '.invalid-name')).toEqual(['Broken']);
            expect(texts(element, '.invalid-problem')).toEqual(['unknown trigger "Nope"', 'has no steps']);
            expect(texts(element, '.no-runs')).toHaveLength(1);
            const agent = await start([broken]);
            expect($$(agent, '.invalid')).toHaveLength(0);
        });

        it('shows the error panel when definitions cannot be loaded', async () => {
            const element = mount();
            playbooksWire.error({ message: 'nope' });
            await flush();
            expect($$(element, 'c-error-panel')).toHaveLength(1);
            await expect(element).toBeAccessible();
        });

        it('shows the unavailable state without the toolkit', async () => {
            const element = mount({ toolkit: { available: false } });
            playbooksWire.emit([SCREEN_POP]);
            element.session = connected();
            await flush();
            expect($$(frame(element), '.unavailable')).toHaveLength(1);
            expect(identify).not.toHaveBeenCalled();
        });

        it('forgets the previous call: a new call gets its own caller and runs', async () => {
            const element = await start([SCREEN_POP]);
            expect(texts(element, '.caller-name')).toEqual(['Ada Lovelace']);
            identify.mockResolvedValue([]);
            const ended = applyEvent(
                element.session as CallSession,
                'callended',
                { callId: CALL_ID },
                T0 + 1
            );
            element.session = applyEvent(ended, 'callconnected', callConnected('call-2'), T0 + 2);
            await flush();
            expect(texts(element, '.caller-name')).toEqual([]);
            expect(texts(element, '.caller-none')).toHaveLength(1);
            expect(identify).toHaveBeenCalledTimes(2);
        });
    });
});
