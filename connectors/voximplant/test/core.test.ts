import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KitConnectorCore, type RelayLink } from '../src/connector/kitConnectorCore';
import { parseConnectorSettings } from '../src/connector/connectorConfig';
import { AgentFacingError, type PortEvent } from '../src/connector/telephonyPort';
import { type Result, fail, ok } from '../src/protocol/result';
import { type BrowserCommand, parseBrowserMessage, parseRelayMessage } from '../src/wire/agentWire';

function setup(answer: Result<true> = ok(true)): {
    core: KitConnectorCore;
    events: PortEvent[];
    sent: BrowserCommand[];
} {
    const events: PortEvent[] = [];
    const sent: BrowserCommand[] = [];
    const relay: RelayLink = {
        command: async (command) => {
            sent.push(command);
            return answer;
        },
        stop: () => undefined
    };
    const core = new KitConnectorCore({ publish: (e) => events.push(e) }, relay, {
        statusMap: { ready: 'S1' },
        dialTimeoutMs: 50
    });
    core.onRelayMessage({ type: 'ready', kitUserId: '101', calls: [] });
    return { core, events, sent };
}

const ref = { callId: 'c1', userId: '101' };

test('call_failed before outgoing_call rejects the pending dial with the agent-facing label', async () => {
    const { core, events } = setup();
    const dial = core.dial('+1555');
    await new Promise((resolve) => setTimeout(resolve, 5));
    core.onRelayMessage({ type: 'kit', event: { name: 'call_failed', ...ref, reason: 'busy' } });
    await assert.rejects(
        dial,
        (error: unknown) =>
            error instanceof AgentFacingError &&
            error.labelName === 'Voice_Voximplant_DialFailed' &&
            error.message === 'busy'
    );
    assert.deepEqual(events, [], 'the base publishes CALL_FAILED itself');
});

test('a dial the relay refuses, or Kit never starts, rejects', async () => {
    await assert.rejects(setup(fail('relay not connected')).core.dial('+1'), /relay not connected/);
    await assert.rejects(setup().core.dial('+1'), /Kit did not start the call/);
});

test('an outgoing_call without a pending dial publishes an outbound CALL_STARTED', () => {
    const { core, events } = setup();
    core.onRelayMessage({
        type: 'kit',
        event: { name: 'outgoing_call', ...ref, phone: '+1', variables: {} }
    });
    assert.deepEqual(events, [
        { kind: 'call_started', call: { callId: 'c1', direction: 'outbound', state: 'ringing', phone: '+1' } }
    ]);
});

test('after a relay reconnect, calls that ended meanwhile hang up and new ones start', () => {
    const { core, events } = setup();
    core.onRelayMessage({
        type: 'kit',
        event: { name: 'incoming_call', ...ref, phone: '+1', variables: {} }
    });
    events.length = 0;
    core.onRelayMessage({
        type: 'ready',
        kitUserId: '101',
        calls: [{ callId: 'c2', direction: 'inbound', phase: 'connected', phone: '+2', variables: {} }]
    });
    assert.deepEqual(
        events.map((e) => `${e.kind}:${'call' in e ? e.call.callId : ''}`),
        ['hangup:c1', 'call_started:c2', 'call_connected:c2']
    );
    assert.deepEqual(
        core.activeCalls().map((c) => c.callId),
        ['c2']
    );
});

test('the first snapshot seeds getActiveCalls without publishing (Salesforce replays it)', () => {
    const events: PortEvent[] = [];
    const core = new KitConnectorCore(
        { publish: (e) => events.push(e) },
        { command: async () => ok(true), stop: () => undefined },
        { statusMap: {} }
    );
    assert.equal(core.isReady, false);
    core.onRelayMessage({
        type: 'ready',
        kitUserId: '1',
        calls: [
            {
                callId: 'c',
                direction: 'inbound',
                phase: 'ringing',
                phone: '',
                variables: {},
                voiceCallId: '0LQ1'
            }
        ]
    });
    assert.equal(core.isReady, true);
    assert.deepEqual(events, []);
    assert.deepEqual(core.activeCalls(), [
        { callId: 'c', direction: 'inbound', state: 'ringing', phone: '', voiceCallId: '0LQ1' }
    ]);
});

test('wrap-up without a note sends only the VoiceCall id; garbage messages are ignored', async () => {
    const { core, sent } = setup();
    core.remember(null);
    core.remember({ type: 'other', callId: 'c1', caseId: 'x' });
    await core.wrapUp('c1', '0LQ9');
    assert.deepEqual(sent, [
        { name: 'set_variables', callId: 'c1', variables: { sf_voice_call_id: '0LQ9' } }
    ]);
    assert.equal(core.agentStatus(), undefined);
    core.onRelayMessage({ type: 'kit', event: { name: 'status_changed', userId: '101', status: 'ready' } });
    assert.equal(core.agentStatus(), 'S1');
});

test('contact-center settings: wss only, JSON status map', () => {
    const url = '/reqVoximplant/reqRelayUrl';
    const map = '/reqVoximplant/reqStatusMap';
    assert.deepEqual(
        parseConnectorSettings({ [url]: 'wss://r.example.com/agent', [map]: '{"ready":"0N5"}' }),
        {
            ok: true,
            value: { relayUrl: 'wss://r.example.com/agent', statusMap: { ready: '0N5' } }
        }
    );
    assert.match(
        String(Reflect.get(parseConnectorSettings({ [url]: 'ws://r.example.com' }), 'reason')),
        /wss/
    );
    assert.equal(parseConnectorSettings({ [url]: 'ws://127.0.0.1:1/agent' }, true).ok, true);
    assert.match(
        String(Reflect.get(parseConnectorSettings({ [url]: 'wss://r', [map]: '{' }), 'reason')),
        /not JSON/
    );
    assert.match(
        String(Reflect.get(parseConnectorSettings({ [url]: 'wss://r', [map]: '{"a":1}' }), 'reason')),
        /map Kit statuses/
    );
});

test('wire messages from an untrusted peer are parsed with reasons', () => {
    assert.match(String(Reflect.get(parseRelayMessage('nope'), 'reason')), /not JSON/);
    assert.match(
        String(Reflect.get(parseRelayMessage('{"type":"kit","event":{"name":"connected"}}'), 'reason')),
        /handshake/
    );
    assert.match(
        String(
            Reflect.get(
                parseRelayMessage(
                    '{"type":"ready","kitUserId":"1","calls":[{"callId":"c","direction":"up"}]}'
                ),
                'reason'
            )
        ),
        /direction/
    );
    assert.match(
        String(
            Reflect.get(
                parseBrowserMessage('{"type":"command","id":"1","command":{"name":"hold"}}'),
                'reason'
            )
        ),
        /unknown command/
    );
    assert.match(String(Reflect.get(parseBrowserMessage('{"type":"auth"}'), 'reason')), /token missing/);
    assert.deepEqual(parseBrowserMessage('{"type":"command","id":"1","command":{"name":"logout"}}'), {
        ok: true,
        value: { type: 'command', id: '1', command: { name: 'logout' } }
    });
});
