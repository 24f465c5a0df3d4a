import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type KitSimulator, startKitSimulator } from '../src/simulator/kitSimulator';
import { KIT_SCENARIOS, findScenario } from '../src/simulator/kitScenarios';
import { serializeKitCommand, toSenderId } from '../src/protocol/kitProtocol';
import { type TestSocket, events, openSocket, waitUntil } from './support/sockets';

const OPTIONS = { domain: 'acme', tokenId: 'tok-1', token: 'secret-token', failingNumbers: ['+15550000'] };
let sim: KitSimulator;

before(async () => {
    sim = await startKitSimulator(OPTIONS);
});
after(() => sim.close());

async function join(): Promise<{ client: TestSocket; senderId: string }> {
    const client = await openSocket(`${sim.url}?access_token=${OPTIONS.token}`);
    await client.waitFor((frames) => frames.length >= 1);
    const accepted = JSON.parse(client.frames[0]) as { event: string; sender_id: string };
    assert.equal(accepted.event, 'connection_accepted');
    client.send({ event: 'connected', sender_id: accepted.sender_id });
    await waitUntil(() => sim.roomSenders().includes(accepted.sender_id));
    return { client, senderId: accepted.sender_id };
}

test('binds 127.0.0.1 on an ephemeral port', () => {
    assert.match(sim.url, /^ws:\/\/127\.0\.0\.1:\d+\/acme-[0-9a-f]{32}$/);
    assert.notEqual(sim.port, 0);
});

test('rejects a wrong token and a wrong path at the handshake', async () => {
    await assert.rejects(openSocket(`${sim.url}?access_token=nope`), /401/);
    await assert.rejects(
        openSocket(`ws://127.0.0.1:${sim.port}/acme-x?access_token=${OPTIONS.token}`),
        /401/
    );
});

test('a client that skips `connected` is closed and receives no room events', async () => {
    const client = await openSocket(`${sim.url}?access_token=${OPTIONS.token}`);
    await client.waitFor((frames) => frames.length >= 1);
    client.send({ event: 'make_call', sender_id: 'x', data: { user_id: 1, phone: '+1555' } });
    const closed = await client.closed();
    assert.equal(closed.code, 1008);
    assert.equal(closed.reason, 'connected expected');
});

test('the room receives every event; commands need the connection sender id', async () => {
    const a = await join();
    const b = await join();
    await waitUntil(() => sim.roomSize() >= 2);
    sim.emit({ name: 'status_changed', userId: '7', status: 'ready' });
    await a.client.waitFor((f) => events(f).includes('status_changed'));
    await b.client.waitFor((f) => events(f).includes('status_changed'));

    const sender = toSenderId(a.senderId);
    assert.ok(sender.ok);
    a.client.send(serializeKitCommand({ name: 'make_call', userId: '7', phone: '+15550000' }, sender.value));
    await b.client.waitFor((f) => events(f).includes('call_failed'));
    assert.deepEqual(sim.commands.at(-1), { name: 'make_call', userId: '7', phone: '+15550000' });

    const foreign = toSenderId(b.senderId);
    assert.ok(foreign.ok);
    const rejectedBefore = sim.rejections.length;
    a.client.send(serializeKitCommand({ name: 'logout', userId: '7' }, foreign.value));
    a.client.send('{"event":"set_variables","sender_id":"' + a.senderId + '","data":{"user_id":7}}');
    await waitUntil(() => sim.rejections.length >= rejectedBefore + 2);
    assert.deepEqual(sim.rejections.slice(-2), [
        'sender id does not match this connection',
        'call id missing at data.call_id'
    ]);
    a.client.socket.close();
    b.client.socket.close();
});

test('every scripted scenario plays its frames to the room, drop included', async () => {
    assert.equal(new Set(KIT_SCENARIOS.map((s) => s.name)).size, 10);
    const malformed = findScenario('malformed-frames');
    assert.ok(malformed);
    const { client } = await join();
    const count = client.frames.length;
    await sim.play(malformed);
    await client.waitFor((f) => f.length >= count + malformed.steps.length);
    assert.equal(client.frames[count], '{not json');

    const drop = findScenario('server-drop');
    assert.ok(drop);
    await sim.play(drop);
    const closed = await client.closed();
    assert.equal(closed.code, 1006);
});
