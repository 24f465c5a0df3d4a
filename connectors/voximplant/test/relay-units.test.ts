import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { CallTracker } from '../src/relay/callTracker';
import { fileCapture, redactFrame } from '../src/relay/capture';
import { kitUrl, parseRelayConfig } from '../src/relay/config';
import { backoffDelay } from '../src/relay/kitUpstream';
import { memoryLogger } from '../src/relay/logger';
import { redactValue } from '../src/relay/redaction';
import { mapVariables } from '../src/relay/voiceCallSync';
import { serializeKitEvent } from '../src/protocol/kitProtocol';

test('status frames: a repeat is dropped, a real ready → away → ready passes', () => {
    const tracker = new CallTracker();
    const frame = (status: string): string =>
        serializeKitEvent({ name: 'status_changed', userId: '1', status });
    assert.deepEqual(
        ['ready', 'ready', 'away', 'ready'].map((s) => tracker.isRepeat('status:1', frame(s))),
        [false, true, false, false]
    );
});

test('call phases only move forward; data merges; replay lists live calls only', () => {
    const tracker = new CallTracker(() => new Date('2026-01-01T00:00:00Z'));
    const ref = { callId: 'c', userId: '1' };
    assert.equal(tracker.apply({ name: 'data_updated', ...ref, variables: {} }).kind, 'drop');
    assert.equal(
        tracker.apply({ name: 'incoming_call', ...ref, phone: '+1', variables: { a: '1' } }).kind,
        'new'
    );
    assert.equal(tracker.apply({ name: 'incoming_call', ...ref, phone: '+1', variables: {} }).kind, 'drop');
    assert.equal(tracker.apply({ name: 'call_connected', ...ref, userId: '2' }).kind, 'drop');
    assert.equal(tracker.apply({ name: 'call_connected', ...ref }).kind, 'update');
    assert.equal(tracker.apply({ name: 'data_updated', ...ref, variables: { b: '2' } }).kind, 'update');
    assert.deepEqual(tracker.activeCalls('1'), [
        { callId: 'c', direction: 'inbound', phase: 'connected', phone: '+1', variables: { a: '1', b: '2' } }
    ]);
    const ended = tracker.apply({ name: 'call_disconnected', ...ref, reason: '' });
    assert.equal(ended.kind, 'ended');
    assert.equal(ended.kind === 'ended' ? ended.call.endTime : '', '2026-01-01T00:00:00.000Z');
    assert.equal(tracker.apply({ name: 'call_connected', ...ref }).kind, 'drop');
    assert.deepEqual(tracker.activeCalls('1'), []);
});

test('backoff grows exponentially, is capped and jittered within [ceiling/2, ceiling]', () => {
    assert.equal(
        backoffDelay(0, 100, 1000, () => 0),
        50
    );
    assert.equal(
        backoffDelay(0, 100, 1000, () => 1),
        100
    );
    assert.equal(
        backoffDelay(3, 100, 1000, () => 1),
        800
    );
    assert.equal(
        backoffDelay(10, 100, 1000, () => 1),
        1000
    );
    assert.equal(
        backoffDelay(99, 100, 1000, () => 0),
        500
    );
});

test('redaction removes tokens, secret-named keys and phone numbers, keeps the shape', () => {
    const frame = JSON.stringify({
        event: 'incoming_call',
        sender_id: 's1',
        url: 'wss://h/x?access_token=abc123&x=1',
        data: {
            call_id: 'c-1',
            phone: '+1 (555) 010-0000',
            variables: { note: 'call me on 89161234567', api_key: 'k' }
        }
    });
    const redacted = JSON.parse(redactFrame(frame, ['topsecret']));
    assert.deepEqual(redacted, {
        event: 'incoming_call',
        sender_id: 's1',
        url: 'wss://h/x?access_token=[redacted]&x=1',
        data: {
            call_id: 'c-1',
            phone: '[phone]',
            variables: { note: 'call me on [phone]', api_key: '[redacted]' }
        }
    });
    assert.equal(redactFrame('{bad topsecret +15550100100', ['topsecret']), '{bad [redacted] [phone]');
    assert.deepEqual(redactValue({ token: 'x', caller: 5550100 }), {
        token: '[redacted]',
        caller: '[phone]'
    });
});

test('capture mode appends redacted frames as JSON lines', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vox-capture-')), 'frames.jsonl');
    const capture = fileCapture(path, ['kit-token-xyz'], () => new Date('2026-01-01T00:00:00Z'));
    capture.record(
        'in',
        JSON.stringify({ event: 'incoming_call', data: { phone: '+15550100', token: 'kit-token-xyz' } })
    );
    capture.record('out', 'kit-token-xyz');
    const lines = readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>);
    assert.equal(lines.length, 2);
    assert.deepEqual(JSON.parse(lines[0].frame), {
        event: 'incoming_call',
        data: { phone: '[phone]', token: '[redacted]' }
    });
    assert.equal(lines[1].frame, '[redacted]');
    assert.ok(!readFileSync(path, 'utf8').includes('+15550100'));
});

test('the logger redacts registered secrets wherever they appear', () => {
    const logger = memoryLogger(['s3cr3t-value']);
    logger.log('error', 'dial wss://h?access_token=s3cr3t-value failed', {
        detail: 'x s3cr3t-value y',
        authorization: 'Bearer abc'
    });
    const record = JSON.parse(logger.lines[0]) as Record<string, string>;
    assert.equal(record.msg, 'dial wss://h?access_token=[redacted] failed');
    assert.equal(record.detail, 'x [redacted] y');
    assert.equal(record.authorization, '[redacted]');
});

test('variables map to VoiceCall fields; unmapped ones are not sent', () => {
    assert.deepEqual(mapVariables({ ivr_type: 'CaseNumber', other: 'x' }, { ivr_type: 'IVRType__c' }), {
        IVRType__c: 'CaseNumber'
    });
});

test('config: URL from host, domain and md5(token id); secrets from the environment; reasons on error', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const files: Record<string, string> = {
        '/cert.pem': publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        '/key.pem': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    };
    const read = (p: string): string => {
        const text = files[p];
        if (text === undefined) throw new Error('missing');
        return text;
    };
    const base = {
        accounts: [
            {
                name: 'acme',
                host: 'kit.example',
                domain: 'acme',
                tokenId: '42',
                tokenEnv: 'KIT_TOKEN',
                userMap: { '101': '005000000000001AAA' }
            }
        ],
        browserToken: {
            certificateFile: '/cert.pem',
            orgId: '00D000000000001',
            audience: 'voximplant-relay'
        },
        telephony: {
            baseUrl: 'https://example.my.salesforce-scrt.com',
            orgId: '00D000000000001',
            callCenterApiName: 'VoximplantKit',
            providerName: 'Voximplant Kit',
            privateKeyFile: '/key.pem',
            contactCenterNumber: '+15550001'
        },
        variableMap: { ivr_type: 'IVRType__c' }
    };
    const parsed = parseRelayConfig(base, { KIT_TOKEN: 'tok' }, read);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
    assert.equal(parsed.value.accounts[0].url, kitUrl('kit.example', 'acme', '42'));
    assert.equal(parsed.value.accounts[0].url, 'wss://kit.example/acme-a1d0c6e83f027327d8461063f4ac58a6');
    assert.equal(parsed.value.host, '127.0.0.1');
    assert.deepEqual(parsed.value.secrets, ['tok']);
    assert.equal(parsed.value.maxCallAgeMs, 4 * 60 * 60 * 1000);

    const failures: [unknown, Record<string, string>, RegExp][] = [
        [null, {}, /JSON object/],
        [{ ...base, accounts: [] }, { KIT_TOKEN: 'tok' }, /at least one/],
        [base, {}, /KIT_TOKEN .* is not set/],
        [
            { ...base, accounts: [{ ...base.accounts[0], userMap: { '1': 'bob' } }] },
            { KIT_TOKEN: 't' },
            /userMap.1 is invalid/
        ],
        [
            { ...base, telephony: { ...base.telephony, baseUrl: 'http://evil' } },
            { KIT_TOKEN: 't' },
            /must be https/
        ],
        [
            { ...base, telephony: { ...base.telephony, privateKeyFile: '/nope' } },
            { KIT_TOKEN: 't' },
            /not a readable PEM private key/
        ],
        [
            { ...base, browserToken: { ...base.browserToken, certificateFile: '/nope' } },
            { KIT_TOKEN: 't' },
            /not a readable PEM certificate/
        ],
        [{ ...base, fieldMap: { name: 1 } }, { KIT_TOKEN: 't' }, /^fieldMap: /],
        [{ ...base, variableMap: { a: 'bad field' } }, { KIT_TOKEN: 't' }, /variableMap.a/],
        [{ ...base, port: -1 }, { KIT_TOKEN: 't' }, /port must be/]
    ];
    for (const [value, env, reason] of failures) {
        const result = parseRelayConfig(value, env, read);
        assert.match(result.ok ? '' : result.reason, reason);
    }
});
