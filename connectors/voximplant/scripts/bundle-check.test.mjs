import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIZE_BUDGET_BYTES, bundleProblems } from './bundle-check.mjs';

test('the bundle gate flags secrets, Kit frame fields and size', () => {
    assert.deepEqual(bundleProblems('(()=>{})()'), []);
    assert.deepEqual(bundleProblems('u+"?access_token="+t'), ['bundle contains access_token=']);
    assert.deepEqual(bundleProblems('-----BEGIN PRIVATE KEY-----'), [
        'bundle contains a PEM key or certificate'
    ]);
    assert.deepEqual(bundleProblems('{"sender_id":1}'), ['bundle contains the Kit sender id field']);
    assert.deepEqual(bundleProblems('x'.repeat(SIZE_BUDGET_BYTES + 1)), [
        `bundle is ${SIZE_BUDGET_BYTES + 1} bytes, budget ${SIZE_BUDGET_BYTES}`
    ]);
});
