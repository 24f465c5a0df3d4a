// `npm run voximplant:test`: the Voximplant connector's offline gate, run by `npm test`.
// Runs the connector's tests (protocol, simulator, relay, connector over real 127.0.0.1 sockets),
// the bundle gate, the scripts' own tests, and the Apex checks on the connector's package directory.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CONNECTOR_ROOT, REPO_ROOT } from './paths.mjs';

/** @type {[string, string[]][]} */
const steps = [
    ['tests', [join(CONNECTOR_ROOT, 'scripts', 'run-tests.mjs')]],
    ['bundle', [join(CONNECTOR_ROOT, 'scripts', 'bundle-check.mjs')]],
    ['script tests', ['--test', join(CONNECTOR_ROOT, 'scripts')]],
    ['apex', [join(REPO_ROOT, 'scripts', 'checks', 'apex-check.mjs'), join(CONNECTOR_ROOT, 'force-app')]]
];

let failed = 0;
for (const [name, args] of steps) {
    const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    console.log(`voximplant ${name}: ${run.status === 0 ? 'passed' : 'FAILED'}`);
    if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
