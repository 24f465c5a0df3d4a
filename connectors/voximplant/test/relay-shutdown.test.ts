import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserToken, kitEvents, messages, startHarness } from './support/harness';
import { waitUntil } from './support/sockets';

test('graceful stop: browsers get 1001, the Kit upstream closes, no reconnect follows', async () => {
    const h = await startHarness();
    await waitUntil(() => h.relay.accountState('acme') === 'ready', 3000, 'upstream');
    const agent = await h.agent(browserToken(h.keys));
    await agent.waitFor((frames) => frames.some((f) => f.includes('"ready"')));
    const connections = h.sim.connectionCount();
    await h.relay.stop();
    assert.deepEqual(await agent.closed(), { code: 1001, reason: 'relay shutting down' });
    assert.equal(h.relay.accountState('acme'), 'stopped');
    await waitUntil(() => h.sim.roomSize() === 0, 3000, 'upstream closed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(h.sim.connectionCount(), connections, 'no reconnect after stop');
    assert.ok(h.logs.some((line) => line.includes('relay stopping')));
    await h.sim.close();
    await h.api.close();
});

test('a call Kit never ends is ended by the relay after the maximum call age, with one PATCH', async () => {
    const h = await startHarness({ maxCallAgeMs: 300 });
    await waitUntil(() => h.relay.accountState('acme') === 'ready', 3000, 'upstream');
    const agent = await h.agent(browserToken(h.keys));
    await agent.waitFor((frames) => frames.some((f) => f.includes('"ready"')));
    h.sim.emit({ name: 'incoming_call', callId: 'lost-1', userId: '101', phone: '+15550100', variables: {} });
    await agent.waitFor(() => kitEvents(agent).includes('call_disconnected'), 3000);
    const ended = messages(agent).find(
        (m) => m.type === 'kit' && (m.event as { name: string }).name === 'call_disconnected'
    );
    assert.equal((ended?.event as { reason: string }).reason, 'stale');
    await waitUntil(() => h.api.requests.length >= 2, 3000, 'create and patch');
    assert.deepEqual(
        h.api.requests.map((r) => r.method),
        ['POST', 'PATCH']
    );
    assert.ok(h.logs.some((line) => line.includes('stale call ended by the relay')));
    await h.close();
});
