// The workbench's Voximplant path without a browser: the local stack (simulator + relay, throwaway
// secrets) and the stand-in host that turns the connector's events into toolkit events.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { memoryLogger } from '../src/relay/logger';
import { type LocalStack, startLocalStack } from '../src/workbench/localStack';
import { type StandInHost, startStandInHost } from '../src/workbench/standInHost';
import { type ToolkitEvent, toToolkitEvent } from '../src/workbench/toolkitEvents';
import { openSocket, waitUntil } from './support/sockets';

const ORIGIN = 'http://127.0.0.1:4799';
const USER = '005WB0000000001AAA';
let stack: LocalStack;
let host: StandInHost;
const delivered: ToolkitEvent[] = [];
const notes: string[] = [];

/** The browser sends its page's Origin; `ws` needs it spelled out. */
class PageSocket extends WebSocket {
    constructor(url: string) {
        super(url, { origin: ORIGIN });
    }
}

before(async () => {
    stack = await startLocalStack({ userId: USER, origin: ORIGIN, logger: memoryLogger() });
    Reflect.set(globalThis, 'WebSocket', PageSocket);
    host = startStandInHost({
        relayUrl: stack.relayUrl,
        fetchToken: async () => stack.mintToken(),
        deliver: (event) => delivered.push(event),
        note: (what) => notes.push(what)
    });
    await waitUntil(() => host.isReady(), 5000, 'the stand-in host to be ready');
});

after(async () => {
    host.stop();
    Reflect.deleteProperty(globalThis, 'WebSocket');
    await stack.close();
});

test('a Kit inbound call arrives as callstarted, callconnected, callended with its id and caller', async () => {
    delivered.length = 0;
    assert.equal(await stack.play('inbound-answered', 5), true);
    await waitUntil(() => delivered.length >= 3, 3000, 'three toolkit events');
    assert.deepEqual(
        delivered.map((e) => e.type),
        ['callstarted', 'callconnected', 'callended']
    );
    assert.deepEqual(delivered[0]?.detail, { callId: 'in-1', callType: 'inbound', participant: '+15550100' });
    assert.equal(delivered[2]?.detail.reason, 'hangup');
});

test('a missed call ends without connecting; an unknown scenario is refused', async () => {
    delivered.length = 0;
    await stack.play('inbound-missed', 5);
    await waitUntil(() => delivered.length >= 2, 3000, 'two toolkit events');
    assert.deepEqual(
        delivered.map((e) => e.type),
        ['callstarted', 'callended']
    );
    assert.equal(await stack.play('no-such-scenario', 5), false);
});

test('the relay refuses a socket without the workbench origin', async () => {
    await assert.rejects(openSocket(stack.relayUrl), /403/);
});

test('agent status and MESSAGE have no toolkit event', () => {
    assert.equal(toToolkitEvent({ kind: 'agent_status', statusId: '0N5000000000001' }), undefined);
    assert.equal(toToolkitEvent({ kind: 'message', payload: { type: 'data_updated' } }), undefined);
    const ended = toToolkitEvent({
        kind: 'hangup',
        call: { callId: 'c', direction: 'outbound', state: 'ended', phone: '' }
    });
    assert.deepEqual(ended, { type: 'callended', detail: { callId: 'c' } });
});
