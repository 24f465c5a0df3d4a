// 3.6.2 accepts SETUP_CONNECTOR only from Salesforce origins: a foreign origin never initialises the connector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initializeConnector } from '@salesforce/scv-connector-base';
import { KitVendorConnector } from '../src/connector/scvConnectorBase3';
import { fakeSalesforce, installFakeWindow } from './support/fakeSalesforce';

test('SETUP_CONNECTOR from a foreign origin is ignored: init never runs, nothing is posted', async () => {
    const win = installFakeWindow();
    let initCalls = 0;
    initializeConnector(
        new KitVendorConnector(async () => {
            initCalls += 1;
            throw new Error('must not run');
        })
    );
    const sf = fakeSalesforce(win);
    sf.setup('https://evil.example.com', { '/reqVoximplant/reqRelayUrl': 'wss://relay.example.com/agent' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(initCalls, 0);
    assert.deepEqual(sf.messages, []);
    sf.close();
});
