import { createElement } from 'lwc';
import VoiceActions from 'c/voiceActions';
import { applyEvent, createSession } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import getActions from '@salesforce/apex/VoiceActionController.getActions';
import runAction from '@salesforce/apex/VoiceActionController.runAction';
import { resetPageRuns } from '../pageRuns';
import { flowMock } from '@jest-tests/lightning/flow/flow';
import { navigationMock } from '@jest-tests/lightning/navigation/navigation';
import { CALLER, T0, callConnected, callStarted, callIdOnly } from '@jest-tests/fixtures/toolkitEvents';
import payload from './data/actions.json';
import { $, $$, flush, mount as mountComponent, resetDom, text } from '@jest-tests/dom';

jest.mock(
    '@salesforce/apex/VoiceActionController.getActions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/VoiceActionController.runAction', () => ({ default: jest.fn() }), {
    virtual: true
});

interface ApexWire {
    emit(value: unknown): void;
    error(body?: unknown): void;
}
const actionsWire = getActions as unknown as ApexWire;
const runMock = runAction as unknown as jest.Mock;

const RECORD_ID = '0LQ5e000000abcdGAA';
const CASE_ID = '500000000000001AAA';

interface ActionsElement extends HTMLElement {
    recordId?: string;
    session?: CallSession;
    group?: string;
}

function session(...events: [string, unknown][]): CallSession {
    return events.reduce((s, [type, detail], i) => applyEvent(s, type, detail, T0 + i), createSession());
}

const connected = (): CallSession =>
    session(['callstarted', callStarted()], ['callconnected', callConnected()]);

async function mount(data: unknown = payload, props: Partial<ActionsElement> = {}): Promise<ActionsElement> {
    const element = mountComponent<ActionsElement>('c-voice-actions', VoiceActions, {
        recordId: RECORD_ID,
        session: connected(),
        ...props
    });
    actionsWire.emit(data);
    await flush();
    return element;
}

function button(el: Element, name: string): HTMLElement {
    const found = $$(el, 'lightning-button.run').find((b) => b.dataset.name === name);
    if (!found) throw new Error(`no button for ${name}`);
    return found;
}

async function click(target: HTMLElement | null): Promise<void> {
    target?.click();
    await flush();
}

function fill(el: Element, variable: string, value: string): void {
    const input = $$(el, '.field [data-variable]').find((i) => i.dataset.variable === variable);
    input?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function submit(el: Element): Promise<void> {
    $(el, 'form.action-form')?.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
    await flush();
}

async function logComplaint(
    el: Element,
    outputs = [
        { name: 'caseNumber', value: '00001026' },
        { name: 'caseId', value: CASE_ID }
    ]
): Promise<void> {
    await click(button(el, 'Log_Complaint'));
    flowMock.emit('FINISHED', outputs);
    await flush();
}

describe('c-voice-actions', () => {
    afterEach(() => {
        resetDom();
        flowMock.reset();
        navigationMock.reset();
        resetPageRuns();
        jest.useRealTimers();
    });

    it('is accessible', async () => {
        const element = await mount();
        await expect(element).toBeAccessible();
    });

    describe('listing', () => {
        it('lists every one of 25 actions, enabled, in admin order', async () => {
            const base = payload.actions[1];
            const many = Array.from({ length: 25 }, (_, i) => ({
                ...base,
                name: `Action_${i}`,
                label: `Action ${i}`,
                order: 25 - i
            }));
            const element = await mount({ actions: many, problems: [] });
            const buttons = $$(element, 'lightning-button.run');
            expect(buttons.map((b) => b.dataset.name)).toEqual(many.map((a) => a.name).reverse());
            expect(buttons.every((b) => (b as unknown as { disabled: boolean }).disabled === false)).toBe(
                true
            );
        });

        it('offers nothing before the call when the actions are for during and after it', async () => {
            const element = await mount(payload, { session: createSession() });
            expect($$(element, 'lightning-button.run')).toHaveLength(0);
            expect($(element, '.empty')).not.toBeNull();
        });

        it('hides actions the user lacks the permission for', async () => {
            const data = JSON.parse(JSON.stringify(payload));
            data.actions[0].permitted = false;
            const element = await mount(data);
            expect($$(element, 'lightning-button.run').map((b) => b.dataset.name)).toEqual(['Log_Complaint']);
        });

        it('lists only its group and the ungrouped actions', async () => {
            const data = JSON.parse(JSON.stringify(payload));
            data.actions[0].group = 'Billing';
            const element = await mount(data, { group: 'Sales' });
            expect($$(element, 'lightning-button.run').map((b) => b.dataset.name)).toEqual(['Log_Complaint']);
        });

        it('shows setup problems in the admin box and keeps the valid actions', async () => {
            const data = JSON.parse(JSON.stringify(payload));
            data.actions.push({ ...data.actions[1], name: 'Broken', flowType: 'Nope' });
            data.problems = ['Request_Callback: flow variable taskId is not an output'];
            const element = await mount(data);
            const box = text(element, '.admin-problems');
            expect(box).toContain('Broken: flow type Nope');
            expect(box).toContain('taskId is not an output');
            expect($$(element, 'lightning-button.run')).toHaveLength(2);
        });

        it('shows a load error in agent words', async () => {
            const element = createElement('c-voice-actions', { is: VoiceActions }) as ActionsElement;
            document.body.appendChild(element);
            actionsWire.error({ message: 'boom' });
            await flush();
            expect($(element, 'c-error-panel')).not.toBeNull();
        });
    });

    describe('screen flows', () => {
        it('gives lightning-flow exactly the mapped inputs and shows the outputs', async () => {
            const element = await mount();
            await click(button(element, 'Log_Complaint'));
            expect(flowMock.connected()).toEqual([
                {
                    flowApiName: 'Voice_Action_Log_Complaint',
                    serial: 1,
                    inputs: [
                        { name: 'voiceCallId', type: 'String', value: RECORD_ID },
                        { name: 'caller', type: 'String', value: `Caller ${CALLER}` }
                    ]
                }
            ]);
            flowMock.emit('FINISHED', [
                { name: 'caseNumber', value: '00001026' },
                { name: 'caseId', value: CASE_ID },
                { name: 'internal', value: 'hidden' }
            ]);
            await flush();
            expect(flowMock.connected()).toHaveLength(0);
            expect(text(element, '.result-title')).toBe('Log a complaint finished.');
            expect($$(element, '.line-value').map((d) => d.textContent)).toEqual(['00001026', CASE_ID]);
            expect($(element, '.line-value a')?.getAttribute('href')).toBe(`/lightning/r/${CASE_ID}/view`);
            expect(text(element, '.results')).not.toContain('hidden');
        });

        it('uses a fresh flow element for every run', async () => {
            const element = await mount();
            await logComplaint(element);
            await click(button(element, 'Log_Complaint'));
            expect(flowMock.connected().map((f) => f.serial)).toEqual([2]);
        });

        it.each([
            ['FINISHED_SCREEN', 'Log a complaint finished.'],
            ['PAUSED', 'Log a complaint was paused. You can resume it from your paused flow interviews.'],
            ['ERROR', 'Log a complaint could not finish. Try again, or tell your admin if it keeps failing.']
        ])('handles %s', async (status, words) => {
            const element = await mount();
            await click(button(element, 'Log_Complaint'));
            flowMock.emit(status, [{ name: 'caseNumber', value: '42' }]);
            await flush();
            expect(text(element, '.message')).toBe(words);
            expect(text(element, '.result-title')).toBe(words);
            expect($$(element, '.line-value')).toHaveLength(
                status === 'ERROR' || status === 'PAUSED' ? 0 : 1
            );
        });

        it('ignores STARTED and keeps the button disabled while the flow is open', async () => {
            const element = await mount();
            await click(button(element, 'Log_Complaint'));
            flowMock.emit('STARTED');
            await flush();
            expect(flowMock.connected()).toHaveLength(1);
            expect((button(element, 'Log_Complaint') as unknown as { disabled: boolean }).disabled).toBe(
                true
            );
            await click($(element, 'lightning-button.close-flow'));
            expect(flowMock.connected()).toHaveLength(0);
            expect((button(element, 'Log_Complaint') as unknown as { disabled: boolean }).disabled).toBe(
                false
            );
        });

        it('renders hostile outputs as inert text', async () => {
            const element = await mount();
            const hostile = '<img src=x onerror="window.pwned=1">{!$VoiceCall.Id}';
            await logComplaint(element, [{ name: 'caseNumber', value: hostile }]);
            expect($(element, '.results img')).toBeNull();
            expect(text(element, '.line-value')).toBe(hostile);
        });

        it('opens a console-tab action through navigation with the inputs', async () => {
            const data = JSON.parse(JSON.stringify(payload));
            data.actions[1].openMode = 'ConsoleTab';
            const element = await mount(data);
            await click(button(element, 'Log_Complaint'));
            expect(navigationMock.lastPageReference()).toEqual({
                type: 'standard__webPage',
                attributes: {
                    url: `/flow/Voice_Action_Log_Complaint?voiceCallId=${RECORD_ID}&caller=Caller+%2B14159990000`
                }
            });
            expect(flowMock.connected()).toHaveLength(0);
            expect(text(element, '.message')).toBe('Log a complaint opened in a console tab.');
        });
    });

    describe('autolaunched flows', () => {
        async function openCallbackForm(element: Element): Promise<void> {
            await click(button(element, 'Request_Callback'));
            expect(text(element, '.question')).toBe('Request a callback for this customer?');
            await click($(element, 'lightning-button.yes'));
        }

        it('confirms, blocks an incomplete form, then runs with the typed inputs and the last result', async () => {
            runMock.mockResolvedValue({
                status: 'Finished',
                outputs: { taskId: '00T000000000001EAA', extra: 'x' },
                problems: []
            });
            const element = await mount();
            await logComplaint(element);
            await openCallbackForm(element);
            const phone = $$(element, '.field [data-variable]').find(
                (i) => i.dataset.variable === 'phoneNumber'
            ) as unknown as { value: string };
            expect(phone.value).toBe(CALLER);
            await submit(element);
            expect(runMock).not.toHaveBeenCalled();
            expect($$(element, '.field-error').map((e) => e.textContent)).toEqual(['Complete this field.']);
            fill(element, 'callbackTime', '2026-12-02T15:30:00Z');
            await submit(element);
            expect(runMock).toHaveBeenCalledTimes(1);
            expect(runMock).toHaveBeenCalledWith({
                actionName: 'Request_Callback',
                inputs: {
                    relatedCaseId: CASE_ID,
                    priority: 'Normal',
                    attempts: 2,
                    phoneNumber: CALLER,
                    callbackTime: '2026-12-02T15:30:00.000Z'
                }
            });
            await flush();
            expect(text(element, '.result-title')).toBe('Request a callback finished.');
            expect($(element, '.line-value a')?.textContent).toBe('00T000000000001EAA');
        });

        it('reports a value longer than allowed', async () => {
            const element = await mount();
            await openCallbackForm(element);
            fill(element, 'phoneNumber', '1'.repeat(41));
            fill(element, 'callbackTime', '2026-12-02T15:30:00Z');
            await submit(element);
            expect(text(element, '.field-error')).toBe('Use at most 40 characters.');
            expect(runMock).not.toHaveBeenCalled();
        });

        it('cancels a form without running', async () => {
            const element = await mount();
            await openCallbackForm(element);
            await click($(element, 'form lightning-button.no'));
            expect($(element, 'form')).toBeNull();
            expect(runMock).not.toHaveBeenCalled();
        });

        it('runs once on a double click and once across two panels, then honours the run limit', async () => {
            let settle: (value: unknown) => void = () => undefined;
            runMock.mockReturnValue(new Promise((resolve) => (settle = resolve)));
            const data = JSON.parse(JSON.stringify(payload));
            Object.assign(data.actions[0], { confirmation: '', fields: [] });
            const first = await mount(data);
            const second = await mount(data);
            button(first, 'Request_Callback').click();
            button(first, 'Request_Callback').click();
            await click(button(second, 'Request_Callback'));
            expect(runMock).toHaveBeenCalledTimes(1);
            settle({ status: 'Finished', outputs: { taskId: 'T-1' } });
            await flush();
            await click(button(second, 'Request_Callback'));
            expect(runMock).toHaveBeenCalledTimes(1);
            expect(text(second, '.message')).toBe(
                'Request a callback already ran as often as allowed for this call.'
            );
            expect((button(first, 'Request_Callback') as unknown as { disabled: boolean }).disabled).toBe(
                true
            );
            second.session = connected();
            await flush();
            expect((button(second, 'Request_Callback') as unknown as { disabled: boolean }).disabled).toBe(
                true
            );
        });

        it('tells the agent when the runner does not answer in time, and re-enables nothing past the limit', async () => {
            jest.useFakeTimers();
            runMock.mockReturnValue(new Promise(() => undefined));
            const data = JSON.parse(JSON.stringify(payload));
            Object.assign(data.actions[0], { confirmation: '', fields: [], maxRuns: 0 });
            const element = await mount(data);
            await click(button(element, 'Request_Callback'));
            expect((button(element, 'Request_Callback') as unknown as { disabled: boolean }).disabled).toBe(
                true
            );
            jest.advanceTimersByTime(20000);
            await flush();
            expect(text(element, '.message')).toBe(
                'Request a callback is taking too long. It may still finish: check the record before you run it again.'
            );
            expect((button(element, 'Request_Callback') as unknown as { disabled: boolean }).disabled).toBe(
                false
            );
        });

        it.each([
            [
                { status: 'NotAllowed', outputs: {}, problems: [] },
                'You are not allowed to run Request a callback.'
            ],
            [
                { status: 'Failed', outputs: {}, message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', problems: [] },
                'Request a callback could not finish. Try again, or tell your admin if it keeps failing.'
            ],
            [
                'garbage',
                'Request a callback could not finish. Try again, or tell your admin if it keeps failing.'
            ]
        ])('turns the runner answer %j into agent words', async (answer, words) => {
            runMock.mockResolvedValue(answer);
            const data = JSON.parse(JSON.stringify(payload));
            Object.assign(data.actions[0], { confirmation: '', fields: [] });
            const element = await mount(data);
            await click(button(element, 'Request_Callback'));
            await flush();
            expect(text(element, '.message')).toBe(words);
            expect((button(element, 'Request_Callback') as unknown as { disabled: boolean }).disabled).toBe(
                false
            );
        });

        it('shows a rejected call in agent words with the detail kept as text', async () => {
            runMock.mockRejectedValue({ body: { message: '<b>System.LimitException</b>' } });
            const data = JSON.parse(JSON.stringify(payload));
            Object.assign(data.actions[0], { confirmation: '', fields: [] });
            const element = await mount(data);
            await click(button(element, 'Request_Callback'));
            await flush();
            expect(text(element, '.result-title')).toBe(
                'Request a callback could not finish. Try again, or tell your admin if it keeps failing.'
            );
            expect(text(element, '.result-detail')).toBe('<b>System.LimitException</b>');
            expect($(element, '.results b')).toBeNull();
        });

        it('fails an input of the wrong type without calling the server', async () => {
            const data = JSON.parse(JSON.stringify(payload));
            Object.assign(data.actions[0], {
                confirmation: '',
                fields: [],
                staticInputs: 'attempts:Number=many'
            });
            const element = await mount(data);
            await click(button(element, 'Request_Callback'));
            expect(runMock).not.toHaveBeenCalled();
            expect(text(element, '.result-detail')).toBe('attempts is not a Number');
        });
    });

    describe('per call', () => {
        it('starts a new call with no results and a fresh run limit', async () => {
            const element = await mount();
            await logComplaint(element);
            expect($$(element, '.result')).toHaveLength(1);
            element.session = session(
                ['callstarted', callStarted('call-2')],
                ['callconnected', callConnected('call-2')]
            );
            await flush();
            expect($$(element, '.result')).toHaveLength(0);
            expect($(element, '.no-results')).not.toBeNull();
        });

        it('keeps results when the same call moves to after-call work', async () => {
            const element = await mount();
            await logComplaint(element);
            element.session = session(
                ['callstarted', callStarted()],
                ['callconnected', callConnected()],
                ['callended', callIdOnly()]
            );
            await flush();
            expect($$(element, '.result')).toHaveLength(1);
        });
    });
});
