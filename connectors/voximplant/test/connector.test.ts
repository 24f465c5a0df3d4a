// The bundled connector path end to end: Kit simulator → relay → connector (scv-connector-base 3.6.2)
// → a fake Salesforce host on a MessagePort.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { initializeConnector } from '@salesforce/scv-connector-base';
import { createKitVendorConnector } from '../src/connector/createConnector';
import { findScenario } from '../src/simulator/kitScenarios';
import { type Harness, browserToken, startHarness } from './support/harness';
import { type FakeSalesforce, fakeSalesforce, installFakeWindow } from './support/fakeSalesforce';
import { waitUntil } from './support/sockets';

const SALESFORCE_ORIGIN = 'https://acme.lightning.force.com';
let h: Harness;
let sf: FakeSalesforce;
let connector: ReturnType<typeof createKitVendorConnector>;

type Call = {
    callId: string;
    state: string;
    callType: string;
    reason?: string;
    callAttributes?: { voiceCallId?: string };
    callInfo?: Record<string, boolean>;
};

before(async () => {
    h = await startHarness();
    await waitUntil(() => h.relay.accountState('acme') === 'ready', 3000, 'upstream');
    const win = installFakeWindow();
    connector = createKitVendorConnector({
        openSocket: (url) => new WebSocket(url),
        fetchToken: async () => browserToken(h.keys),
        allowLocalRelay: true
    });
    initializeConnector(connector);
    sf = fakeSalesforce(win);
    sf.setup(SALESFORCE_ORIGIN, {
        '/reqVoximplant/reqRelayUrl': h.relay.url,
        '/reqVoximplant/reqStatusMap': JSON.stringify({ ready: '0N5000000000001' })
    });
    await waitUntil(() => sf.messages.some((m) => m.type === 'CONNECTOR_READY'), 5000, 'CONNECTOR_READY');
});

after(async () => {
    connector.dispose();
    sf.close();
    await h.close();
});

function since(index: number): { type: string; payload: unknown }[] {
    return sf.events().slice(index);
}

test('CONNECTOR_READY declares no mute, record, merge, swap, transfer or contact search', () => {
    const ready = sf.messages.find((m) => m.type === 'CONNECTOR_READY');
    const capabilities = (ready?.payload as { capabilities: Record<string, boolean> }).capabilities;
    assert.ok(Object.keys(capabilities).length >= 10);
    assert.deepEqual(
        Object.entries(capabilities).filter(([, on]) => on === true),
        [],
        'every capability is off'
    );
});

test('inbound answered: CALL_STARTED (ringing, accept disabled, VoiceCall id) → CALL_CONNECTED → HANGUP', async () => {
    const start = sf.events().length;
    const scenario = findScenario('inbound-answered');
    assert.ok(scenario);
    await h.sim.play(scenario);
    await waitUntil(() => since(start).length >= 3, 3000, 'three events');
    const events = since(start);
    assert.deepEqual(
        events.map((e) => e.type),
        ['CALL_STARTED', 'CALL_CONNECTED', 'HANGUP']
    );
    const started = events[0].payload as Call;
    assert.equal(started.callId, 'in-1');
    assert.equal(started.state, 'ringing');
    assert.equal(started.callType, 'Inbound');
    assert.equal(started.callInfo?.acceptEnabled, false);
    assert.equal(started.callInfo?.showMuteButton, false);
    assert.match(String(started.callAttributes?.voiceCallId), /^0LQ/);
    const hangup = events[2].payload as Call[];
    assert.equal(hangup[0].state, 'ended');
});

test('inbound missed: CALL_STARTED → HANGUP with the Kit reason', async () => {
    const start = sf.events().length;
    const scenario = findScenario('inbound-missed');
    assert.ok(scenario);
    await h.sim.play(scenario);
    await waitUntil(() => since(start).length >= 2, 3000, 'two events');
    assert.deepEqual(
        since(start).map((e) => e.type),
        ['CALL_STARTED', 'HANGUP']
    );
    assert.equal((since(start)[1].payload as Call[])[0].reason, 'missed');
});

test('DIAL sends make_call; outgoing_call settles it; the base publishes CALL_STARTED exactly once', async () => {
    const start = sf.events().length;
    sf.send({ type: 'DIAL', contact: { phoneNumber: '+15550199' } });
    await waitUntil(() => since(start).length >= 2, 3000, 'dial events');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
        since(start).map((e) => e.type),
        ['CALL_STARTED', 'CALL_CONNECTED'],
        'nothing published from inside dial()'
    );
    assert.equal((since(start)[0].payload as Call).callType, 'Outbound');
    assert.ok(
        h.sim.commands.some((c) => c.name === 'make_call' && c.phone === '+15550199' && c.userId === '101')
    );
});

test('a failed outbound call ends with HANGUP and the reason', async () => {
    const start = sf.events().length;
    sf.send({ type: 'DIAL', contact: { phoneNumber: '+15550000' } });
    await waitUntil(() => since(start).length >= 2, 3000, 'dial events');
    assert.deepEqual(
        since(start).map((e) => e.type),
        ['CALL_STARTED', 'HANGUP']
    );
    assert.equal((since(start)[1].payload as Call[])[0].reason, 'no_answer');
});

test('accept, end, mute and hold are refused with the agent-facing label', async () => {
    for (const type of ['ACCEPT_CALL', 'END_CALL', 'MUTE', 'HOLD']) {
        const start = sf.events().length;
        sf.send({ type, call: { callId: 'in-1', callType: 'inbound' } });
        await waitUntil(() => since(start).some((e) => e.type === 'ERROR'), 3000, `${type} error`);
        const error = since(start).find((e) => e.type === 'ERROR')?.payload as {
            customError: Record<string, string>;
        };
        assert.equal(error.customError.labelName, 'Voice_Voximplant_UseKitWorkspace', type);
        assert.equal(error.customError.namespace, 'c');
        assert.ok(
            !since(start).some((e) =>
                ['CALL_CONNECTED', 'HANGUP', 'MUTE_TOGGLE', 'HOLD_TOGGLE'].includes(e.type)
            ),
            type
        );
    }
});

test('status_changed sets presence through the status map; unmapped statuses are ignored', async () => {
    const start = sf.events().length;
    h.sim.emit({ name: 'status_changed', userId: '101', status: 'lunch' });
    h.sim.emit({ name: 'status_changed', userId: '101', status: 'ready' });
    await waitUntil(() => since(start).length >= 1, 3000, 'status');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(since(start), [{ type: 'SET_AGENT_STATUS', payload: { statusId: '0N5000000000001' } }]);
});

test('data_updated reaches our components as a MESSAGE; wrap-up writes the outcome back with set_variables', async () => {
    const start = sf.events().length;
    const scenario = findScenario('variables-mid-call');
    assert.ok(scenario);
    await h.sim.play(scenario);
    await waitUntil(() => since(start).length >= 4, 3000, 'four events');
    const events = since(start);
    assert.deepEqual(
        events.map((e) => e.type),
        ['CALL_STARTED', 'CALL_CONNECTED', 'MESSAGE', 'HANGUP']
    );
    assert.deepEqual(events[2].payload, {
        source: 'voximplant-kit',
        type: 'data_updated',
        callId: 'in-3',
        variables: { order_id: 'A-77' }
    });
    const voiceCallId = String((events[0].payload as Call).callAttributes?.voiceCallId);

    // Tracked calls have ended, so the relay refuses set_variables for them: wrap up a live call instead.
    h.sim.emit({
        name: 'incoming_call',
        callId: 'in-wrap',
        userId: '101',
        phone: '+15550100',
        variables: {}
    });
    await waitUntil(() => since(start).length >= 5, 3000, 'live call');
    const live = since(start)[4].payload as Call;
    sf.send({
        type: 'MESSAGE',
        message: {
            type: 'voximplant.wrapup',
            callId: 'in-wrap',
            caseId: '500000000000001',
            disposition: 'Resolved'
        }
    });
    sf.send({
        type: 'WRAP_UP_CALL',
        call: { callId: 'in-wrap', callAttributes: { voiceCallId: live.callAttributes?.voiceCallId } }
    });
    await waitUntil(() => h.sim.commands.some((c) => c.name === 'set_variables'), 3000, 'set_variables');
    assert.deepEqual(
        h.sim.commands.find((c) => c.name === 'set_variables'),
        {
            name: 'set_variables',
            userId: '101',
            callId: 'in-wrap',
            variables: {
                sf_voice_call_id: String(live.callAttributes?.voiceCallId),
                sf_case_id: '500000000000001',
                sf_disposition: 'Resolved'
            }
        }
    );
    assert.notEqual(voiceCallId, '');
});

test('LOGOUT sends logout to Kit and answers LOGOUT_RESULT', async () => {
    const start = sf.events().length;
    sf.send({ type: 'LOGOUT' });
    await waitUntil(() => since(start).some((e) => e.type === 'LOGOUT_RESULT'), 3000, 'logout');
    assert.equal(
        (since(start).find((e) => e.type === 'LOGOUT_RESULT')?.payload as { success: boolean }).success,
        true
    );
    assert.ok(h.sim.commands.some((c) => c.name === 'logout' && c.userId === '101'));
});
