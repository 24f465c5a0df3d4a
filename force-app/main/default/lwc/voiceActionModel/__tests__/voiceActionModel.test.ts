import {
    availability,
    buildInputs,
    callValues,
    coerce,
    countedRuns,
    fieldProblem,
    formDefaults,
    isRecordId,
    lastResultValues,
    parseActions,
    parseInputLines,
    resolveActionText,
    resultLines
} from 'c/voiceActionModel';
import type { ActionDefinition, ActionValues, RunResult } from 'c/voiceActionModel';
import { applyEvent, createSession } from 'c/voiceCallModel';
import { CALLER, callStarted } from '@jest-tests/fixtures/toolkitEvents';
import payload from './data/actions.json';

const CASE_ID = '500000000000001AAA';

function clone(): { actions: Record<string, unknown>[]; problems: string[] } {
    return JSON.parse(JSON.stringify(payload));
}

function action(name: string): ActionDefinition {
    const found = parseActions(payload).actions.find((a) => a.name === name);
    if (!found) throw new Error(`fixture has no ${name}`);
    return found;
}

const values: ActionValues = {
    call: { participant: '+15550100', callId: 'call-1' },
    voiceCall: { Id: '0LQ000000000001' },
    lastResult: { caseId: CASE_ID }
};

function result(actionName: string, status: RunResult['status'], lines: RunResult['lines'] = []): RunResult {
    return {
        key: `${actionName}-${status}`,
        action: actionName,
        actionLabel: actionName,
        status,
        lines,
        detail: '',
        at: 0
    };
}

describe('c/voiceActionModel', () => {
    describe('parseActions', () => {
        it('keeps valid actions in admin order and never passes an autolaunched flow name on', () => {
            const parsed = parseActions(payload);
            expect(parsed.problems).toEqual([]);
            expect(parsed.actions.map((a) => a.name)).toEqual(['Log_Complaint', 'Request_Callback']);
            expect(action('Request_Callback').flowApiName).toBe('');
            expect(action('Log_Complaint').flowApiName).toBe('Voice_Action_Log_Complaint');
        });

        it('orders by Order, then developer name, however many actions there are', () => {
            const data = clone();
            const base = data.actions[1];
            data.actions = Array.from({ length: 25 }, (_, i) => ({
                ...base,
                name: `A_${String(24 - i).padStart(2, '0')}`,
                order: i % 2
            }));
            const names = parseActions(data).actions.map((a) => a.name);
            expect(names).toHaveLength(25);
            expect(names.slice(0, 3)).toEqual(['A_00', 'A_02', 'A_04']);
            expect(names[13]).toBe('A_01');
        });

        it('leaves out a record with a reason for each problem', () => {
            const data = clone();
            data.actions.push(
                { ...data.actions[1], name: 'Bad_Type', flowType: 'Visualforce' },
                { ...data.actions[1], name: 'Bad_Ref', inputMapping: 'x:String={!$Call.nope}' },
                { ...data.actions[1], name: 'Bad_Last', inputMapping: 'x:String={!$LastResult.missing}' },
                { ...data.actions[1], name: 'Bad_Line', inputMapping: 'just text' },
                { ...data.actions[1], name: 'Bad_Kind', staticInputs: 'x:Currency=1' },
                { ...data.actions[1], name: 'Ref_Static', staticInputs: 'x:String={!$VoiceCall.Id}' },
                { ...data.actions[1], name: 'Step_Ref', inputMapping: 'x:String={!$Step.Find.recordId}' },
                { ...data.actions[1], name: 'No_Label', label: '' },
                {
                    ...data.actions[1],
                    name: 'Twice',
                    inputMapping: 'voiceCallId:String=a\nvoiceCallId:String=b'
                },
                {
                    ...data.actions[0],
                    name: 'Bad_Field',
                    fields: [{ variable: 'x', label: 'X', type: 'Slider' }]
                },
                {
                    ...data.actions[0],
                    name: 'No_Options',
                    fields: [{ variable: 'x', label: 'X', type: 'Picklist' }]
                },
                {
                    ...data.actions[1],
                    name: 'Screen_Form',
                    fields: [{ variable: 'x', label: 'X', type: 'Text' }]
                },
                { ...data.actions[1], name: 'Screen_No_Flow', flowApiName: '' },
                { ...data.actions[1], name: 'Bad_Output', outputs: [{ name: '1x' }] },
                { ...data.actions[1] }
            );
            (data.actions as unknown[]).push('not a record');
            const parsed = parseActions(data);
            expect(parsed.actions.map((a) => a.name)).toEqual(['Log_Complaint', 'Request_Callback']);
            const text = parsed.problems.join('\n');
            for (const expected of [
                'Bad_Type: flow type Visualforce',
                'Bad_Ref: unknown call value {!$Call.nope}',
                'Bad_Last: {!$LastResult.missing}: no action returns missing',
                'Bad_Line: input line "just text"',
                'Bad_Kind: input x: type Currency',
                'Ref_Static: static input x holds a reference',
                'Step_Ref: actions cannot use $Step references',
                'No_Label: its label does not exist',
                'Twice: input voiceCallId is given twice',
                'Bad_Field: form field x: type Slider is unknown',
                'No_Options: form field x: a picklist needs options',
                'Screen_Form: form fields are for autolaunched actions',
                'Screen_No_Flow: a screen action needs its flow API name',
                'Bad_Output: output "1x" is not a variable name',
                'Log_Complaint: listed twice',
                'an action record has no valid name'
            ])
                expect(text).toContain(expected);
        });

        it('rejects an unreadable payload without throwing', () => {
            expect(parseActions(null).problems).toEqual(['the action list is not readable']);
            expect(parseActions({ actions: 'x' }).actions).toEqual([]);
        });

        it('keeps server problems for the admin box', () => {
            expect(parseActions({ actions: [], problems: ['Flow X: no active version'] }).problems).toEqual([
                'Flow X: no active version'
            ]);
        });

        it('clamps counts and falls back for odd values', () => {
            const data = clone();
            data.actions[1] = {
                ...data.actions[1],
                maxRuns: -3,
                timeoutSeconds: 9999,
                order: 'x',
                icon: '<img>',
                openMode: 'Popup'
            };
            const parsed = parseActions(data).actions.find((a) => a.name === 'Log_Complaint');
            expect(parsed).toMatchObject({
                maxRuns: 0,
                timeoutSeconds: 120,
                order: 100,
                icon: '',
                openMode: 'Inline'
            });
        });
    });

    describe('parseInputLines', () => {
        it('reads name:Type=value and keeps "=" inside values', () => {
            expect(parseInputLines(' a:Number = 1 \nb:String=x=y', false).inputs).toEqual([
                { name: 'a', type: 'Number', value: '1', literal: false },
                { name: 'b', type: 'String', value: 'x=y', literal: false }
            ]);
        });
    });

    describe('availability', () => {
        const complaint = (): ActionDefinition => action('Log_Complaint');

        it('follows the call phase', () => {
            expect(availability(complaint(), 'idle', 0)).toBe('notNow');
            expect(availability(complaint(), 'ringing', 0)).toBe('notNow');
            expect(availability(complaint(), 'connected', 0)).toBe('available');
            expect(availability(complaint(), 'ended', 0)).toBe('available');
            expect(
                availability(
                    { ...complaint(), offer: { before: true, during: false, after: false } },
                    'idle',
                    0
                )
            ).toBe('available');
            expect(
                availability(
                    { ...complaint(), offer: { before: true, during: false, after: false } },
                    'wrapupDone',
                    0
                )
            ).toBe('notNow');
        });

        it('hides what the user may not run', () => {
            expect(availability({ ...complaint(), permitted: false }, 'connected', 0)).toBe('notAllowed');
        });

        it('stops at the run limit; failed runs do not count', () => {
            const callback = action('Request_Callback');
            const results = [result('Request_Callback', 'failed'), result('Log_Complaint', 'finished')];
            expect(countedRuns(results, 'Request_Callback')).toBe(0);
            expect(availability(callback, 'connected', countedRuns(results, 'Request_Callback'))).toBe(
                'available'
            );
            const more = [...results, result('Request_Callback', 'timeout')];
            expect(availability(callback, 'connected', countedRuns(more, 'Request_Callback'))).toBe(
                'limitReached'
            );
            expect(availability(complaint(), 'connected', 50)).toBe('available');
        });
    });

    describe('buildInputs', () => {
        it('gives the flow exactly the mapped, static and form inputs, typed', () => {
            const built = buildInputs(action('Request_Callback'), values, {
                phoneNumber: '+15550100',
                callbackTime: '2026-12-02T15:30:00Z',
                urgent: 'true'
            });
            expect(built.problems).toEqual([]);
            expect(built.inputs).toEqual([
                { name: 'relatedCaseId', type: 'String', value: CASE_ID },
                { name: 'priority', type: 'String', value: 'Normal' },
                { name: 'attempts', type: 'Number', value: 2 },
                { name: 'phoneNumber', type: 'String', value: '+15550100' },
                { name: 'callbackTime', type: 'DateTime', value: '2026-12-02T15:30:00.000Z' },
                { name: 'urgent', type: 'Boolean', value: true }
            ]);
        });

        it('leaves blank values out and names values of the wrong type', () => {
            const built = buildInputs(
                action('Request_Callback'),
                { ...values, lastResult: {} },
                { callbackTime: 'soon' }
            );
            expect(built.inputs.map((i) => i.name)).toEqual(['priority', 'attempts']);
            expect(built.problems).toEqual(['callbackTime is not a DateTime']);
        });

        it('keeps hostile call values as text, never as references', () => {
            const hostile: ActionValues = {
                call: { participant: '{!$VoiceCall.Id}<img src=x onerror=alert(1)>' },
                voiceCall: { Id: '{!$Call.participant}' },
                lastResult: {}
            };
            const built = buildInputs(action('Log_Complaint'), hostile, {});
            expect(built.inputs).toEqual([
                { name: 'voiceCallId', type: 'String', value: '{!$Call.participant}' },
                {
                    name: 'caller',
                    type: 'String',
                    value: 'Caller {!$VoiceCall.Id}<img src=x onerror=alert(1)>'
                }
            ]);
        });
    });

    describe('coerce', () => {
        it('converts each declared type or refuses', () => {
            expect(coerce('Number', '1.5')).toBe(1.5);
            expect(coerce('Number', 'abc')).toBeUndefined();
            expect(coerce('Boolean', 'false')).toBe(false);
            expect(coerce('Boolean', 'yes')).toBeUndefined();
            expect(coerce('Date', '2026-12-02')).toBe('2026-12-02');
            expect(coerce('Date', '02/12/2026')).toBeUndefined();
            expect(coerce('DateTime', 'never')).toBeUndefined();
            expect(coerce('String', '  padded ')).toBe('  padded ');
            expect(coerce('String', '   ')).toBeUndefined();
        });
    });

    describe('form', () => {
        it('starts from resolved defaults', () => {
            expect(formDefaults(action('Request_Callback'), values)).toEqual({
                phoneNumber: '+15550100',
                callbackTime: '',
                urgent: ''
            });
        });

        it('names the first problem of a value', () => {
            const [phone, , urgent] = action('Request_Callback').fields;
            expect(fieldProblem(phone, ' ')).toBe('required');
            expect(fieldProblem(phone, '1'.repeat(41))).toBe('tooLong');
            expect(fieldProblem(phone, '+1555')).toBeNull();
            expect(fieldProblem(urgent, '')).toBeNull();
            expect(fieldProblem({ ...phone, type: 'Number' }, 'x')).toBe('notNumber');
        });
    });

    describe('results', () => {
        it('shows only the declared outputs, in the action order, as text', () => {
            const outputs = [
                { name: 'caseId', value: CASE_ID },
                { name: 'secret', value: 'not shown' },
                { name: 'caseNumber', value: '00001026' }
            ];
            expect(resultLines(action('Log_Complaint'), outputs)).toEqual([
                { name: 'caseNumber', label: 'Case number', value: '00001026', recordId: false },
                { name: 'caseId', label: 'Case', value: CASE_ID, recordId: true }
            ]);
        });

        it('reads the runner map form and drops blank and non-scalar values', () => {
            const lines = resultLines(action('Log_Complaint'), { caseNumber: { nested: true }, caseId: '' });
            expect(lines).toEqual([]);
            expect(resultLines(action('Log_Complaint'), 'junk')).toEqual([]);
            expect(
                resultLines(action('Log_Complaint'), [null, { name: 'caseNumber', value: 7 }])[0].value
            ).toBe('7');
        });

        it('links only real 18-character record ids', () => {
            expect(isRecordId(CASE_ID)).toBe(true);
            expect(isRecordId('500000000000001AAB')).toBe(false);
            expect(isRecordId('500000000000001')).toBe(false);
            expect(isRecordId('001Xx000003DGb2IAG')).toBe(true);
            expect(isRecordId('001xx000003DGb2IAG')).toBe(false);
            expect(isRecordId('001xx000003DGb2AAG')).toBe(true);
        });

        it('keeps the latest value per output for $LastResult', () => {
            const results = [
                result('A', 'finished', [{ name: 'caseId', label: 'c', value: 'old', recordId: false }]),
                result('B', 'finished', [{ name: 'caseId', label: 'c', value: 'new', recordId: false }])
            ];
            expect(lastResultValues(results)).toEqual({ caseId: 'new' });
            expect(
                resolveActionText('{!$LastResult.caseId}|{!$Step.A.b}', {
                    ...values,
                    lastResult: lastResultValues(results)
                })
            ).toBe('');
            expect(
                resolveActionText('{!$LastResult.caseId}', {
                    ...values,
                    lastResult: lastResultValues(results)
                })
            ).toBe('new');
        });
    });

    describe('callValues', () => {
        it('reads the caller, call id and phase from the snapshot', () => {
            const session = applyEvent(createSession(), 'callstarted', callStarted('c-1'), 1);
            const call = callValues(session, '0LQ1');
            expect(call).toEqual({
                callId: 'c-1',
                callType: 'inbound',
                participant: CALLER,
                phase: 'ringing',
                flagRaised: 'false',
                recordId: '0LQ1'
            });
            expect(callValues(createSession(), undefined)).toMatchObject({
                callId: '',
                participant: '',
                recordId: ''
            });
        });
    });
});
