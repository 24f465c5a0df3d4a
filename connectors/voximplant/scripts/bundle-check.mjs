// Bundle gate: the connector bundle that ships to browsers stays small and carries no secret or Kit
// connection detail (the Kit token, its `access_token=` query, PEM keys live only in the relay).
import { buildConnectorBundle } from './build-connector.mjs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { isMain } from '../../../scripts/repo.mjs';

export const SIZE_BUDGET_BYTES = 100 * 1024;
/** @type {[string, RegExp][]} */
export const FORBIDDEN = [
    ['access_token=', /access_token=/],
    ['a PEM key or certificate', /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/],
    ['a bearer token', /Bearer\s+[A-Za-z0-9_-]{10,}\./],
    ['a JWT literal', /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./],
    ['the Kit sender id field', /sender_id/]
];

/** Problems found in a bundle's text. */
export function bundleProblems(text) {
    const problems = [];
    const size = Buffer.byteLength(text);
    if (size > SIZE_BUDGET_BYTES) problems.push(`bundle is ${size} bytes, budget ${SIZE_BUDGET_BYTES}`);
    for (const [what, pattern] of FORBIDDEN) if (pattern.test(text)) problems.push(`bundle contains ${what}`);
    return problems;
}

if (isMain(import.meta.url)) {
    const text = await buildConnectorBundle(
        join(REPO_ROOT, '.workbench', 'voximplant', 'VoximplantConnector.js')
    );
    const problems = bundleProblems(text);
    for (const problem of problems) console.error(`bundle gate: ${problem}`);
    console.log(`connector bundle: ${Buffer.byteLength(text)} bytes (budget ${SIZE_BUDGET_BYTES})`);
    process.exit(problems.length ? 1 : 0);
}
