// The playbook gate accepts the shipped samples and rejects planted bad records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib-files.mjs';
import { DEFAULT, copyRepo as copyFixture, plant } from './metadata-fixtures.mjs';
import { checkPlaybooks } from './playbook-check.mjs';

const copyRepo = (t) => copyFixture(t, 'scv-playbooks-', ['objects', 'customMetadata', 'labels', 'flows']);

test('playbook gate: the shipped samples pass', async () => {
    assert.deepEqual(await checkPlaybooks(repoRoot), []);
});

test('playbook gate: bad enums, criteria, references, labels, flows and fields are each reported', async (t) => {
    const dir = copyRepo(t);
    plant(dir, 'Voice_Playbook', 'Bad', {
        Trigger__c: 'CallRinging',
        Criteria__c: '1 AND (2 OR',
        Title_Label__c: 'Voice_No_Such_Label',
        Active__c: true,
        Colour__c: 'red'
    });
    plant(dir, 'Voice_Playbook_Condition', 'Bad_1', {
        Playbook__c: 'Bad',
        Order__c: 1,
        Source__c: 'Reference',
        Reference__c: '{!$VoiceCall.No_Such_Field__c}',
        Operator__c: 'Matches'
    });
    plant(dir, 'Voice_Playbook_Step', 'Bad_1', {
        Playbook__c: 'Bad',
        Order__c: 1,
        Step_Name__c: 'Open',
        Type__c: 'OpenRecord',
        Target__c: '{!$Step.Find.recordId}'
    });
    plant(dir, 'Voice_Playbook_Step', 'Bad_2', {
        Playbook__c: 'Bad',
        Order__c: 2,
        Step_Name__c: 'Flow',
        Type__c: 'RunFlow',
        Target__c: 'No_Such_Flow'
    });
    plant(dir, 'Voice_Playbook_Step', 'Orphan', {
        Playbook__c: 'Missing',
        Order__c: 1,
        Step_Name__c: 'X',
        Type__c: 'Banner'
    });
    const findings = (await checkPlaybooks(dir)).join('\n');
    for (const expected of [
        'unknown trigger "CallRinging"',
        'criteria "1 AND (2 OR": ends too early',
        'title label Voice_No_Such_Label does not exist',
        'shipped samples must be inactive',
        'Colour__c is not a field of Voice_Playbook__mdt',
        'unknown operator "Matches"',
        'VoiceCall.No_Such_Field__c does not exist',
        '{!$Step.Find.recordId}: no earlier step named Find',
        'No_Such_Flow is not an autolaunched flow of the package',
        'playbook Missing does not exist'
    ]) {
        assert.ok(findings.includes(expected), `expected "${expected}" in:\n${findings}`);
    }
});

test('playbook gate: an engine vocabulary out of step with its picklist is reported', async (t) => {
    const dir = copyRepo(t);
    const file = join(
        dir,
        DEFAULT,
        'objects',
        'Voice_Playbook_Step__mdt',
        'fields',
        'Type__c.field-meta.xml'
    );
    writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('<fullName>RunFlow</fullName>', '<fullName>Dial</fullName>')
    );
    const findings = (await checkPlaybooks(dir)).join('\n');
    assert.match(
        findings,
        /Voice_Playbook_Step__mdt\.Type__c: picklist values .* differ from the engine's STEP_TYPES/
    );
});
