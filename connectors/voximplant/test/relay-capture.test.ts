import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileCapture } from '../src/relay/capture';
import { findScenario } from '../src/simulator/kitScenarios';
import { KIT_TOKEN, browserToken, kitEvents, startHarness } from './support/harness';
import { waitUntil } from './support/sockets';

test('capture mode records every Kit frame in and out, tokens and numbers redacted', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vox-relay-capture-')), 'frames.jsonl');
    const h = await startHarness({ capture: fileCapture(path, [KIT_TOKEN]) });
    await waitUntil(() => h.relay.accountState('acme') === 'ready', 3000, 'upstream');
    const agent = await h.agent(browserToken(h.keys));
    await agent.waitFor((frames) => frames.some((f) => f.includes('"ready"')));
    const scenario = findScenario('inbound-answered');
    assert.ok(scenario);
    await h.sim.play(scenario);
    agent.send({ type: 'command', id: 'd1', command: { name: 'make_call', phone: '+15550199' } });
    await agent.waitFor(() => kitEvents(agent).includes('outgoing_call'));
    const records = readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { direction: string; frame: string });
    const names = records.map(
        (r) => `${r.direction}:${String((JSON.parse(r.frame) as { event: string }).event)}`
    );
    assert.deepEqual(names.slice(0, 5), [
        'in:connection_accepted',
        'out:connected',
        'in:incoming_call',
        'in:call_connected',
        'in:call_disconnected'
    ]);
    assert.ok(names.includes('out:make_call'));
    const text = readFileSync(path, 'utf8');
    assert.ok(!text.includes('+15550100') && !text.includes('+15550199'), 'phone numbers redacted');
    assert.ok(!text.includes(KIT_TOKEN), 'token never captured');
    assert.ok(text.includes('[phone]'));
    await h.close();
});
