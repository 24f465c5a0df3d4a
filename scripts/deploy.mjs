// `npm run deploy -- <sf project deploy start arguments>`, e.g. `npm run deploy -- --target-org my-org`.
// Builds (tsc emit + LWC compile + deploy-payload check), deploys with the Salesforce CLI, and always removes
// the emitted .js. Without --source-dir only the core package directory is deployed (see deploy-args.mjs).
import { spawnSync } from 'node:child_process';
import { build } from './build.mjs';
import { cleanEmitted } from './clean.mjs';
import { ROOT } from './lwc-bundles.mjs';
import { deployPlan } from './deploy-args.mjs';

const { sfArgs } = deployPlan(process.argv.slice(2));
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
    const deploy = spawnSync('sf', ['project', 'deploy', 'start', ...sfArgs], {
        cwd: ROOT,
        stdio: 'inherit'
    });
    status = deploy.status ?? 1;
} finally {
    cleanEmitted();
}
process.exit(status);
