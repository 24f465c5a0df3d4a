// node --test scripts/replay.test.mjs: the replay CLI on every shipped scenario, and its failure contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lwc-bundles.mjs';
import { LONG_CALL_PATH, generateLongCall, serialize } from './generate-long-call.mjs';
import { ScenarioError, validateScenario } from './scenario.mjs';

const CLI = join(ROOT, 'scripts', 'replay.mjs');
const SCENARIOS = join(ROOT, 'jest-tests', 'scenarios');

/** @param {string[]} args */
function replay(...args) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** @param {string} file */
function summaryOf(file) {
    const { code, stdout, stderr } = replay(join(SCENARIOS, file));
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    return JSON.parse(stdout);
}

const REQUIRED = [
    'callId',
    'callType',
    'phase',
    'muted',
    'recordingPaused',
    'participants',
    'holdCount',
    'transcript',
    'transcriptCount',
    'trimmed',
    'flag',
    'notes',
    'signals',
    'rejected'
];

test('every shipped scenario replays to a summary with every field of the replay contract', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 5, `expected >= 5 scenarios, found ${files.length}`);
    for (const file of files) {
        const summary = summaryOf(file);
        for (const field of REQUIRED) assert.ok(field in summary, `${file}: summary lacks ${field}`);
        assert.equal(
            summary.events,
            summary.accepted + summary.rejected.count + summary.ignoredOtherCall,
            file
        );
    }
});

test('inbound-ivr-case: flag raised by the agent and lowered by the supervisor, hold, wrap-up', () => {
    const summary = summaryOf('inbound-ivr-case.json');
    assert.equal(summary.phase, 'wrapupDone');
    assert.equal(summary.holdCount, 1);
    assert.deepEqual(summary.flag, {
        raised: false,
        by: 'Angela Agent',
        text: 'Customer disputes a duplicate charge over the refund limit.',
        loweredBy: 'Samir Supervisor'
    });
    assert.deepEqual(summary.signals.sentiment, { CUSTOMER: 650, AGENT: 400 });
    assert.equal(summary.notes.length, 2);
    assert.equal(summary.rejected.count, 0);
});

test('outbound-preview and conference', () => {
    const outbound = summaryOf('outbound-preview.json');
    assert.equal(outbound.callType, 'outbound');
    assert.equal(outbound.recordingPaused, false);
    const conference = summaryOf('conference.json');
    assert.deepEqual(conference.participants, [
        { participant: '+1 312 555 0199', role: 'initial', onHold: false }
    ]);
    assert.equal(conference.holdCount, 3);
});

test('hostile: malformed events are counted, not errors', () => {
    const summary = summaryOf('hostile.json');
    assert.equal(summary.rejected.count, 8);
    assert.equal(summary.ignoredOtherCall, 2);
    assert.equal(summary.transcript[0].id, 'h-000');
    assert.ok(summary.transcript.some((t) => t.text === '<script>alert(1)</script>'));
});

test('long-call: the committed file is what the generator produces, and it trims past the cap', () => {
    assert.equal(readFileSync(LONG_CALL_PATH, 'utf8'), serialize(generateLongCall()));
    const summary = summaryOf('long-call.json');
    assert.equal(summary.transcriptCount, 5000);
    assert.equal(summary.trimmed, 20);
});

test('an unreadable or invalid scenario file is one line on stderr and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const cases = {
        'not-json.json': '{ "name": ',
        'no-events.json': JSON.stringify({ name: 'x' }),
        'bad-at.json': JSON.stringify({ name: 'x', events: [{ at: 'soon', type: 'mute' }] }),
        'array.json': '[]'
    };
    const paths = Object.entries(cases).map(([name, text]) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
    });
    for (const path of [...paths, join(dir, 'missing.json')]) {
        const { code, stdout, stderr } = replay(path);
        assert.equal(code, 2, path);
        assert.equal(stdout, '');
        assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
        assert.match(stderr, /^replay: /);
    }
    const usage = replay();
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^usage: /);
});

test('malformed events inside a valid file are not errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const path = join(dir, 'junk-events.json');
    const events = [
        { at: 0, type: 'mute', detail: null },
        { at: 1, type: 'nonsense' },
        { at: 2, type: 'transcript', detail: [1, 2] }
    ];
    writeFileSync(path, JSON.stringify({ name: 'junk', events }));
    const { code, stdout } = replay('--', path);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).rejected.count, 3);
});

test('validateScenario names the first structural problem', () => {
    assert.throws(() => validateScenario({ name: '', events: [] }), ScenarioError);
    assert.throws(() => validateScenario({ name: 'x', events: [], records: [] }), /records/);
    assert.throws(() => validateScenario({ name: 'x', events: [], description: 5 }), /description/);
    assert.throws(() => validateScenario({ name: 'x', events: [null] }), /events\[0\] must be an object/);
    assert.throws(() => validateScenario({ name: 'x', events: [{ at: 1, type: '' }] }), /events\[0\]\.type/);
    assert.throws(
        () => validateScenario({ name: 'x', events: [{ at: -1, type: 'mute' }] }),
        /events\[0\]\.at/
    );
    const ok = { name: 'x', recordId: '0LQ', records: {}, events: [{ at: 0, type: 'mute', detail: {} }] };
    assert.equal(validateScenario(ok), ok);
});

test('replay --playbooks: the shipped IVR scenario plans the screen pop and "open the linked case" exactly once', () => {
    const { code, stdout, stderr } = replay(
        join(SCENARIOS, 'inbound-ivr-case.json'),
        '--playbooks',
        ROOT,
        '--include-inactive'
    );
    assert.equal(code, 0, stderr);
    const { runs, invalid } = JSON.parse(stdout);
    assert.deepEqual(invalid, []);
    assert.deepEqual(
        runs.map((run) => `${run.playbook}:${run.trigger}@${run.at}`),
        ['Screen_Pop_Caller:CallConnected@1800', 'Open_IVR_Case:CallConnected@1800']
    );
});

test('replay --playbooks: shipped samples are inactive, so nothing is planned without --include-inactive', () => {
    const { code, stdout } = replay(join(SCENARIOS, 'inbound-ivr-case.json'), '--playbooks', ROOT);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).runs, []);
});

test('replay --playbooks: a JSON file of definitions; invalid ones are listed; an unreadable file exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scv-replay-pb-'));
    const file = join(dir, 'playbooks.json');
    writeFileSync(
        file,
        JSON.stringify([
            {
                developerName: 'Keyword',
                active: true,
                trigger: 'TranscriptLine',
                runOncePerCall: false,
                conditions: [
                    {
                        number: 1,
                        source: 'TranscriptText',
                        role: 'Customer',
                        operator: 'Contains',
                        value: 'charge'
                    }
                ],
                steps: [{ order: 1, stepName: 'Ask', type: 'RequestNextBestAction', value: 'refund' }]
            },
            { developerName: 'Broken', trigger: 'Nope', steps: [] }
        ])
    );
    const { code, stdout, stderr } = replay(join(SCENARIOS, 'inbound-ivr-case.json'), '--playbooks', file);
    assert.equal(code, 0, stderr);
    const { runs, invalid } = JSON.parse(stdout);
    assert.ok(
        runs.length >= 1 &&
            runs.every((run) => run.playbook === 'Keyword' && run.trigger === 'TranscriptLine')
    );
    assert.equal(new Set(runs.map((run) => run.edge)).size, runs.length);
    assert.deepEqual(
        invalid.map((i) => i.developerName),
        ['Broken']
    );
    const missing = replay(join(SCENARIOS, 'inbound-ivr-case.json'), '--playbooks', join(dir, 'none.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^replay: cannot read playbooks /);
    assert.equal(replay(join(SCENARIOS, 'inbound-ivr-case.json'), '--playbooks').code, 2);
});
