// `npm run deploy -- <sf project deploy start arguments>`, e.g. `npm run deploy -- -o my-scratch`.
// Builds (tsc emit + LWC compile), deploys with the Salesforce CLI, and always removes the emitted .js.
import { spawnSync } from 'node:child_process';
import { build } from './build.mjs';
import { cleanEmitted } from './clean.mjs';
import { ROOT } from './lwc-bundles.mjs';

// Without a source flag `sf project deploy start` deploys every packageDirectory; the default deploy is the
// core only (feature package directories, e.g. connectors/voximplant/force-app, deploy with their own script).
const SOURCE_FLAGS = new Set([
    '-d',
    '--source-dir',
    '-x',
    '--manifest',
    '-m',
    '--metadata',
    '--metadata-dir'
]);
const given = process.argv.slice(2);
const args = given.some((arg) => SOURCE_FLAGS.has(arg.split('=')[0]))
    ? given
    : ['--source-dir', 'force-app', ...given];
const probe = spawnSync('sf', ['--version'], { stdio: 'ignore' });
if (probe.error || probe.status !== 0) {
    console.error(
        'deploy: the Salesforce CLI (`sf`) is not on PATH; install it with `npm install -g @salesforce/cli`'
    );
    process.exit(2);
}

const result = await build({ keep: true });
if (!result.ok) {
    for (const error of result.errors) console.error(`deploy: ${error}`);
    process.exit(1);
}
let status = 1;
try {
    const deploy = spawnSync('sf', ['project', 'deploy', 'start', ...args], { cwd: ROOT, stdio: 'inherit' });
    status = deploy.status ?? 1;
} finally {
    cleanEmitted();
}
process.exit(status);
