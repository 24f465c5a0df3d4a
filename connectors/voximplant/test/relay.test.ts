import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { verifyRs256 } from '../src/relay/jwt';
import { TELEPHONY_AUDIENCE } from '../src/relay/telephonyApi';
import { findScenario } from '../src/simulator/kitScenarios';
import { type KitScenario } from '../src/simulator/kitScenarios';
import { waitUntil } from './support/sockets';
import {
    AGENT_B,
    KIT_TOKEN,
    ORG_ID,
    UNMAPPED,
    browserToken,
    kitEvents,
    messages,
    type Harness,
    startHarness
} from './support/harness';

let h: Harness;

before(async () => {
    h = await startHarness();
    await waitUntil(() => h.relay.accountState('acme') === 'ready', 3000, 'upstream ready');
});
after(() => h.close());

function scenario(name: string): KitScenario {
    const found = findScenario(name);
    assert.ok(found, name);
    return found;
}

async function readyAgent(token: string): ReturnType<Harness['agent']> {
    const socket = await h.agent(token);
    await socket.waitFor((frames) => frames.some((f) => f.includes('"ready"')));
    return socket;
}

test('inbound answered: POST with IVR fields, events to agent A only, one PATCH at hangup', async () => {
    const a = await readyAgent(browserToken(h.keys));
    const b = await readyAgent(browserToken(h.keys, { sub: AGENT_B }));
    const before = h.api.requests.length;
    await h.sim.play(scenario('inbound-answered'));
    await a.waitFor(() => kitEvents(a).length >= 3);
    await waitUntil(() => h.api.requests.length >= before + 2, 3000, 'two API requests');
    assert.deepEqual(kitEvents(a), ['incoming_call', 'call_connected', 'call_disconnected']);
    assert.deepEqual(kitEvents(b), [], 'agent B never receives agent A calls');

    const [post, patch] = h.api.requests.slice(before);
    assert.equal(post.method, 'POST');
    assert.equal(post.url, '/telephony/v1/voiceCalls');
    const body = post.body as Record<string, unknown>;
    assert.equal(body.callCenterApiName, 'VoximplantKit');
    assert.equal(body.vendorCallKey, 'in-1');
    assert.equal(body.initiationMethod, 'Inbound');
    assert.equal(body.from, '+15550100');
    assert.equal(body.to, '+15550001');
    assert.deepEqual(body.participants, [{ participantKey: '+15550100', type: 'END_USER' }]);
    assert.deepEqual(JSON.parse(String(body.callAttributes)), {
        IVRType__c: 'CaseNumber',
        IVRInput__c: '00001026'
    });

    const incoming = messages(a).find((m) => m.type === 'kit');
    assert.ok(
        incoming && typeof incoming.voiceCallId === 'string',
        'the VoiceCall id travels with incoming_call'
    );
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.url, `/telephony/v1/voiceCalls/${String(incoming.voiceCallId)}`);
    const patchBody = patch.body as Record<string, unknown>;
    assert.ok(typeof patchBody.endTime === 'string' && typeof patchBody.acceptTime === 'string');
    assert.equal(patchBody.disconnectReason, undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(h.api.requests.filter((r) => r.method === 'PATCH').length, 1, 'exactly one PATCH');
    a.socket.close();
    b.socket.close();
});

test('every API request carries an RS256 JWT with the guide claims and the provider header', () => {
    assert.ok(h.api.requests.length > 0);
    const seenJti = new Set<string>();
    for (const req of h.api.requests) {
        assert.equal(req.headers['content-type'], 'application/json');
        assert.equal(req.headers['telephony-provider-name'], 'Voximplant Kit');
        const auth = String(req.headers.authorization);
        assert.match(auth, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
        const token = auth.slice('Bearer '.length);
        assert.equal(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).alg, 'RS256');
        const claims = verifyRs256(token, h.keys.telephony.publicKey);
        assert.ok(claims.ok, 'signed with the contact center key');
        assert.equal(claims.value.iss, ORG_ID);
        assert.equal(claims.value.sub, 'VoximplantKit');
        assert.equal(claims.value.aud, TELEPHONY_AUDIENCE);
        const ttl = Number(claims.value.exp) - Math.floor(Date.now() / 1000);
        assert.ok(ttl > 0 && ttl <= 180, `expiry within 3 minutes (${ttl}s)`);
        assert.ok(!seenJti.has(String(claims.value.jti)), 'fresh jti per request');
        seenJti.add(String(claims.value.jti));
        assert.equal(verifyRs256(token, h.keys.stranger.publicKey).ok, false);
    }
});

test('duplicate frames are forwarded once; out-of-order and stale events are dropped', async () => {
    const a = await readyAgent(browserToken(h.keys));
    const before = h.api.requests.length;
    await h.sim.play(scenario('duplicate-frames'));
    await h.sim.play(scenario('out-of-order'));
    await a.waitFor(() => kitEvents(a).length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.deepEqual(kitEvents(a), [
        'incoming_call',
        'call_connected',
        'call_disconnected',
        'call_connected',
        'call_disconnected'
    ]);
    const made = h.api.requests
        .slice(before)
        .map((r) => `${r.method} ${r.url.split('/').slice(0, 4).join('/')}`);
    assert.deepEqual(
        made.filter((m) => m.startsWith('POST')).length,
        1,
        'in-5 arrived connected first: no inbound create'
    );
    assert.equal(made.filter((m) => m.startsWith('PATCH')).length, 2, 'one PATCH per call');
    a.socket.close();
});

test('malformed frames are rejected with a logged reason and never forwarded', async () => {
    const a = await readyAgent(browserToken(h.keys));
    await h.sim.play(scenario('malformed-frames'));
    await a.waitFor(() => kitEvents(a).length >= 2);
    assert.deepEqual(kitEvents(a), ['incoming_call', 'call_disconnected']);
    const reasons = h.logs
        .filter((l) => l.includes('kit frame rejected'))
        .map((l) => String(JSON.parse(l).reason));
    assert.ok(reasons.includes('frame is not JSON'));
    assert.ok(reasons.includes('unknown event call_parked'));
    assert.ok(reasons.includes('call id missing at data.call_id'));
    a.socket.close();
});

test('outbound failed: no create (Salesforce creates outbound calls), one PATCH with the reason', async () => {
    const a = await readyAgent(browserToken(h.keys));
    const before = h.api.requests.length;
    await h.sim.play(scenario('outbound-failed'));
    await waitUntil(() => h.api.requests.length > before, 3000, 'patch');
    const [patch] = h.api.requests.slice(before);
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.url, '/telephony/v1/voiceCalls/out-2');
    assert.deepEqual((patch.body as Record<string, unknown>).disconnectReason, {
        value: 'no_answer',
        isError: true
    });
    assert.deepEqual(kitEvents(a), ['outgoing_call', 'call_failed']);
    a.socket.close();
});

test('browser tokens: expired, wrong signature, other org, other audience, unmapped user, garbage are refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
        [browserToken(h.keys, { exp: now - 120 }), 'token expired'],
        [browserToken(h.keys, {}, h.keys.stranger.privateKey), 'token signature invalid'],
        [browserToken(h.keys, { iss: '00D000000000002AAA' }), 'token issuer is not this org'],
        [browserToken(h.keys, { aud: 'someone-else' }), 'token audience mismatch'],
        [browserToken(h.keys, { exp: now + 3600 }), 'token lifetime too long'],
        [browserToken(h.keys, { sub: UNMAPPED }), 'user not mapped to a Kit user'],
        ['a.b.c', 'token part is not JSON']
    ];
    for (const [token, reason] of cases) {
        const socket = await h.agent(token);
        const closed = await socket.closed();
        assert.deepEqual(closed, { code: 4003, reason }, reason);
        assert.equal(socket.frames.length, 0, `${reason}: nothing delivered`);
    }
    const silent = await (await import('./support/sockets')).openSocket(h.relay.url);
    assert.equal((await silent.closed()).code, 4001, 'no auth within the timeout');
});

test('commands are sent as the agent own Kit user, with the sender id; foreign calls refused', async () => {
    const a = await readyAgent(browserToken(h.keys));
    const b = await readyAgent(browserToken(h.keys, { sub: AGENT_B }));
    a.send({ type: 'command', id: 'c1', command: { name: 'make_call', phone: '+15550199' } });
    await a.waitFor((f) => f.some((x) => x.includes('"c1"')));
    assert.deepEqual(
        messages(a).find((m) => m.id === 'c1'),
        { type: 'result', id: 'c1', ok: true }
    );
    await waitUntil(
        () => h.sim.commands.some((c) => c.name === 'make_call' && c.userId === '101'),
        3000,
        'make_call'
    );
    await a.waitFor(() => kitEvents(a).includes('outgoing_call'));
    const outgoing = messages(a).find(
        (m) => m.type === 'kit' && (m.event as { name: string }).name === 'outgoing_call'
    );
    const callId = String((outgoing?.event as { callId: string }).callId);

    b.send({ type: 'command', id: 'c2', command: { name: 'set_variables', callId, variables: { x: '1' } } });
    await b.waitFor((f) => f.some((x) => x.includes('"c2"')));
    assert.deepEqual(
        messages(b).find((m) => m.id === 'c2'),
        { type: 'result', id: 'c2', ok: false, reason: 'call does not belong to this agent' }
    );
    assert.equal(h.sim.rejections.length, 0, 'the simulator accepted every frame the relay sent');
    a.socket.close();
    b.socket.close();
});

test('a browser that reconnects mid-call gets the active call replayed', async () => {
    h.sim.emit({
        name: 'incoming_call',
        callId: 'in-replay',
        userId: '101',
        phone: '+15550100',
        variables: {}
    });
    h.sim.emit({ name: 'call_connected', callId: 'in-replay', userId: '101' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const a = await readyAgent(browserToken(h.keys));
    const ready = messages(a).find((m) => m.type === 'ready') as {
        calls: { callId: string; phase: string }[];
    };
    assert.deepEqual(
        ready.calls.filter((c) => c.callId === 'in-replay').map((c) => c.phase),
        ['connected']
    );
    h.sim.emit({ name: 'call_disconnected', callId: 'in-replay', userId: '101', reason: 'hangup' });
    await a.waitFor(() => kitEvents(a).includes('call_disconnected'));
    a.socket.close();
});

test('the relay reconnects after the server drops and keeps delivering', async () => {
    const a = await readyAgent(browserToken(h.keys));
    const connectionsBefore = h.sim.connectionCount();
    await h.sim.play(scenario('server-drop'));
    await waitUntil(
        () => h.sim.connectionCount() > connectionsBefore && h.relay.accountState('acme') === 'ready',
        3000,
        'reconnect'
    );
    h.sim.emit({ name: 'status_changed', userId: '101', status: 'ready-after-drop' });
    await a.waitFor(() => kitEvents(a).includes('status_changed'));
    assert.ok(h.logs.some((l) => l.includes('kit upstream closed')));
    a.socket.close();
});

test('/healthz reports the upstream state; logs never contain the Kit token', async () => {
    const body = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port: h.relay.port, path: '/healthz' }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve(`${res.statusCode} ${text}`));
        })
            .on('error', reject)
            .end();
    });
    assert.match(body, /^200 /);
    assert.equal(JSON.parse(body.slice(4)).status, 'ok');
    const all = h.logs.join('\n');
    assert.ok(h.logs.length > 5);
    assert.ok(!all.includes(KIT_TOKEN), 'token never logged');
    assert.ok(!all.includes('+15550100'), 'caller number never logged');
});
