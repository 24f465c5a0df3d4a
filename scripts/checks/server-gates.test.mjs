// Proves the Apex, Flow/XML and field-reference gates reject bad input and accept good input.
// PMD starts a JVM, so it runs exactly twice here: once on a violating fixture, once on a clean one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkApex, checkApexSyntax, parseApex } from './apex-check.mjs';
import { checkFlows, checkXml, scanFlows } from './flow-check.mjs';
import { checkFields, findMissingFields } from './field-check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name) => join(here, 'fixtures', name);

function runCli(script, dir) {
    return spawnSync(process.execPath, [join(here, script), dir], { encoding: 'utf8' });
}

function tempDir(t, files) {
    const dir = mkdtempSync(join(tmpdir(), 'scv-server-gate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), content);
    }
    return dir;
}

test('apex gate: a syntax error fails with file:line:col before PMD runs', () => {
    const findings = checkApexSyntax(fixture('apex-bad-syntax'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].line, 4);
    assert.match(findings[0].message, /missing ';'/);

    const cli = runCli('apex-check.mjs', fixture('apex-bad-syntax'));
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /apex-bad-syntax\/Broken\.cls:4:9 .*ApexSyntax/);
});

test('apex gate: triggers parse as trigger units', () => {
    assert.deepEqual(parseApex('trigger T on Account (after insert) { new H().run(); }', true), []);
    assert.notEqual(parseApex('trigger T on Account (after insert) { new H().run() }', true).length, 0);
});

test('apex gate: no Apex files passes without starting PMD', async (t) => {
    const result = await checkApex(tempDir(t, { 'readme.txt': 'no apex here' }));
    assert.deepEqual(result, { findings: [], failures: [], files: 0 });
});

test('apex gate: PMD flags missing sharing, SOQL/DML in loops, CRUD and SOQL injection', async () => {
    const { failures } = await checkApex(fixture('apex-pmd-violation'));
    const rules = new Set(failures.map((finding) => finding.rule));
    for (const rule of [
        'ApexSharingViolations',
        'OperationWithLimitsInLoop',
        'ApexCRUDViolation',
        'ApexSOQLInjection',
        'AvoidDebugStatements'
    ]) {
        assert.ok(rules.has(rule), `expected ${rule} in ${[...rules].join(', ')}`);
    }
    assert.ok(failures.every((finding) => finding.severity <= 2));
});

test('apex gate: a user-mode, bulk-safe class passes PMD', async () => {
    const { failures, files } = await checkApex(fixture('apex-good'));
    assert.equal(files, 1);
    assert.deepEqual(failures, []);
});

test('flow gate: DML in a loop, missing fault paths, hard-coded ids and descriptions fail', async () => {
    const findings = await scanFlows(fixture('flow-bad'));
    const rules = new Set(findings.map((finding) => finding.rule));
    for (const rule of [
        'DMLStatementInLoop',
        'MissingFaultPath',
        'HardcodedId',
        'FlowDescription',
        'MissingMetadataDescription'
    ]) {
        assert.ok(rules.has(rule), `expected ${rule} in ${[...rules].join(', ')}`);
    }
    const cli = runCli('flow-check.mjs', fixture('flow-bad'));
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /Case_Loop_Bad\.flow-meta\.xml:\d+:\d+ \[flow\] DMLStatementInLoop/);
});

test('flow gate: a described, fault-handled, ordered after-save flow passes', async () => {
    const result = await checkFlows(fixture('flow-good'));
    assert.deepEqual(result.failures, []);
    assert.equal(result.flows, 1);
});

test('flow gate: malformed metadata XML fails with its position', async () => {
    const findings = checkXml(fixture('xml-malformed'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].line, 7);
    assert.match(findings[0].message, /CustomFeld/);
    const cli = runCli('flow-check.mjs', fixture('xml-malformed'));
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /Broken__c\.field-meta\.xml:7:\d+ \[xml\]/);
});

test('field gate: missing custom fields in Apex, flows and LWC imports are reported', () => {
    const { failures } = findMissingFields(fixture('field-missing'));
    const messages = failures.map((failure) => failure.message).sort();
    assert.deepEqual(messages, [
        'VoiceCall.Ghost_Notes__c does not exist',
        'VoiceCall.Lost_Field__c does not exist',
        'VoiceCall.Missing_Field__c does not exist',
        'VoiceCall.Phantom_Status__c does not exist',
        'VoiceCall.Vanished__c does not exist'
    ]);
    assert.equal(
        checkFields(fixture('field-missing')).length,
        5,
        'the metadata-check contract returns strings'
    );
    const cli = runCli('field-check.mjs', fixture('field-missing'));
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /GhostReader\.cls:3 VoiceCall\.Missing_Field__c does not exist/);
});

test('field gate: SOQL is read from the parse tree: past a ] in a string, in subqueries and every clause', () => {
    const { failures } = findMissingFields(fixture('field-missing-soql'));
    const found = failures.map((failure) => `${failure.line} ${failure.message}`).sort();
    assert.deepEqual(found, [
        '14 VoiceCall.Ghost_Group__c does not exist',
        '6 VoiceCall.Ghost_After_Bracket__c does not exist',
        '7 Case.Ghost_In_Semi_Join__c does not exist',
        '9 VoiceCall.Ghost_Order__c does not exist'
    ]);
});

test('field gate: existing custom, standard and relationship fields pass; unknown custom objects fail', (t) => {
    const field = (name) =>
        `<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName></CustomField>`;
    const dir = tempDir(t, {
        'objects/Voice_Alert__c/Voice_Alert__c.object-meta.xml': '<CustomObject/>',
        'objects/Voice_Alert__c/fields/Acknowledged_By__c.field-meta.xml': field('Acknowledged_By__c'),
        'objects/Voice_Alert__c/fields/Severity__c.field-meta.xml': field('Severity__c'),
        'classes/Reader.cls': [
            'public with sharing class Reader {',
            '    public static List<Voice_Alert__c> read() {',
            '        return [SELECT Id, Name, Severity__c, Acknowledged_By__r.Name FROM Voice_Alert__c',
            "            WHERE Severity__c = 'Critical' WITH USER_MODE ORDER BY CreatedDate DESC LIMIT 5];",
            '    }',
            "    public static Case open() { return new Case(Subject = 'x', Origin = 'Phone'); }",
            "    public static Integer other() { return [SELECT COUNT() FROM Ghost__c WHERE Name = 'x']; }",
            '}'
        ].join('\n')
    });
    const { failures, references } = findMissingFields(dir);
    assert.ok(references >= 8, `expected the references to be found, got ${references}`);
    assert.deepEqual(
        failures.map((failure) => failure.message),
        ['object Ghost__c is not defined in objects/']
    );
});
