import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserToken, startHarness } from './support/harness';
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
