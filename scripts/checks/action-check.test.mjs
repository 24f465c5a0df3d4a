// The voice action gate accepts the shipped samples and rejects planted bad records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib-files.mjs';
import { DEFAULT, copyRepo as copyFixture, plant } from './metadata-fixtures.mjs';
import { checkActions } from './action-check.mjs';

const copyRepo = (t) =>
    copyFixture(t, 'scv-actions-', ['objects', 'customMetadata', 'labels', 'flows', 'customPermissions']);

const GOOD = {
    Active__c: false,
    Label_Name__c: 'Voice_Actions_SampleLogComplaint',
    Flow_Api_Name__c: 'Voice_Action_Log_Complaint',
    Flow_Type__c: 'Screen',
    Open_Mode__c: 'Inline',
    Offer_During_Call__c: true,
    Input_Mapping__c: 'voiceCallId:String={!$VoiceCall.Id}',
    Outputs__c: 'caseNumber=Voice_Actions_SampleCaseNumber'
};

test('action gate: the shipped samples pass', async () => {
    assert.deepEqual(await checkActions(repoRoot), []);
});

test('action gate: a planted copy of a good record passes', async (t) => {
    const dir = copyRepo(t);
    plant(dir, 'Voice_Action', 'Copy', GOOD);
    assert.deepEqual(await checkActions(dir), []);
});

test('action gate: bad flows, variables, labels, permissions, references and fields are each reported', async (t) => {
    const dir = copyRepo(t);
    plant(dir, 'Voice_Action', 'No_Flow', { ...GOOD, Flow_Api_Name__c: 'No_Such_Flow' });
    plant(dir, 'Voice_Action', 'Wrong_Type', { ...GOOD, Flow_Type__c: 'Autolaunched' });
    plant(dir, 'Voice_Action', 'Bad_Vars', {
        ...GOOD,
        Input_Mapping__c: 'voiceCallId:Number={!$VoiceCall.Id}\nnotDeclared:String=x',
        Outputs__c: 'caseNumber,voiceCallId'
    });
    plant(dir, 'Voice_Action', 'Bad_Labels', {
        ...GOOD,
        Label_Name__c: 'Voice_No_Such_Label',
        Confirmation_Label__c: 'Voice_No_Confirm',
        Outputs__c: 'caseNumber=Voice_No_Output_Label'
    });
    plant(dir, 'Voice_Action', 'Bad_Permission', { ...GOOD, Permission_Name__c: 'No_Such_Permission' });
    plant(dir, 'Voice_Action', 'Bad_Field_Ref', {
        ...GOOD,
        Input_Mapping__c: 'voiceCallId:String={!$VoiceCall.No_Such__c}'
    });
    plant(dir, 'Voice_Action', 'Bad_Reference', {
        ...GOOD,
        Input_Mapping__c: 'voiceCallId:String={!$Call.secret}'
    });
    plant(dir, 'Voice_Action', 'Bad_Last', {
        ...GOOD,
        Input_Mapping__c: 'voiceCallId:String={!$LastResult.nobody}'
    });
    plant(dir, 'Voice_Action', 'Live', { ...GOOD, Active__c: true });
    plant(dir, 'Voice_Action', 'Tab_Auto', {
        ...GOOD,
        Flow_Api_Name__c: 'Voice_Action_Request_Callback',
        Flow_Type__c: 'Autolaunched',
        Open_Mode__c: 'ConsoleTab',
        Input_Mapping__c: '',
        Outputs__c: ''
    });
    plant(dir, 'Voice_Action', 'Odd_Field', { ...GOOD, Colour__c: 'red' });
    plant(dir, 'Voice_Action_Field', 'Orphan', {
        Action__c: 'Nobody',
        Variable_Name__c: 'x',
        Type__c: 'Text'
    });
    plant(dir, 'Voice_Action_Field', 'Bad_Option', {
        Action__c: 'Request_Callback',
        Variable_Name__c: 'priority2',
        Label_Name__c: 'Voice_Actions_SampleCallbackNumber',
        Type__c: 'Picklist',
        Options__c: 'High=Voice_No_Option_Label'
    });
    const findings = (await checkActions(dir)).join('\n');
    for (const expected of [
        'Voice_Action.No_Flow.md-meta.xml: flow No_Such_Flow is not a flow of the package',
        'Voice_Action.Wrong_Type.md-meta.xml: flow Voice_Action_Log_Complaint is Flow, not a Autolaunched flow',
        'Voice_Action.Bad_Vars.md-meta.xml: voiceCallId is String in the flow, declared Number',
        'Voice_Action.Bad_Vars.md-meta.xml: notDeclared is not an input variable of Voice_Action_Log_Complaint',
        'Voice_Action.Bad_Vars.md-meta.xml: voiceCallId is not an output variable',
        'Voice_Action.Bad_Labels.md-meta.xml: label Voice_No_Such_Label does not exist',
        'Voice_Action.Bad_Labels.md-meta.xml: confirmation label Voice_No_Confirm does not exist',
        'Voice_Action.Bad_Labels.md-meta.xml: output caseNumber label Voice_No_Output_Label does not exist',
        'Voice_Action.Bad_Labels.md-meta.xml: Bad_Labels: its label does not exist',
        'Voice_Action.Bad_Permission.md-meta.xml: Custom Permission No_Such_Permission does not exist',
        'Voice_Action.Bad_Field_Ref.md-meta.xml: VoiceCall.No_Such__c does not exist',
        'Voice_Action.Bad_Reference.md-meta.xml: Bad_Reference: unknown call value {!$Call.secret}',
        'Bad_Last: {!$LastResult.nobody}: no action returns nobody',
        'Voice_Action.Live.md-meta.xml: shipped samples must be inactive',
        'Voice_Action.Tab_Auto.md-meta.xml: only screen flows open in a console tab',
        'Voice_Action.Odd_Field.md-meta.xml: Colour__c is not a field of Voice_Action__mdt',
        'Voice_Action_Field.Orphan.md-meta.xml: action Nobody does not exist',
        'Voice_Action.Request_Callback.md-meta.xml: option High label Voice_No_Option_Label does not exist',
        'Voice_Action.Request_Callback.md-meta.xml: priority2 is not an input variable'
    ]) {
        assert.ok(findings.includes(expected), `missing finding: ${expected}\n---\n${findings}`);
    }
});

test('action gate: a picklist drifting from the model is reported', async (t) => {
    const dir = copyRepo(t);
    const file = join(dir, DEFAULT, 'objects', 'Voice_Action__mdt', 'fields', 'Open_Mode__c.field-meta.xml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('<fullName>ConsoleTab</fullName>', '<fullName>Popup</fullName>')
    );
    const findings = await checkActions(dir);
    assert.ok(
        findings.some((f) =>
            f.includes("Open_Mode__c: picklist values Inline,Popup differ from the model's OPEN_MODES")
        )
    );
});
