// `npm run voximplant:deploy -- <sf project deploy start arguments>`: builds the connector bundle into its
// static resource (build output, never committed), then deploys only the Voximplant package directory.
import { spawnSync } from 'node:child_process';
import { buildConnectorBundle } from './build-connector.mjs';
import { REPO_ROOT } from './paths.mjs';

await buildConnectorBundle();
const deploy = spawnSync(
    'sf',
    ['project', 'deploy', 'start', '-d', 'connectors/voximplant/force-app', ...process.argv.slice(2)],
    {
        cwd: REPO_ROOT,
        stdio: 'inherit'
    }
);
if (deploy.error) console.error('voximplant:deploy: the Salesforce CLI (`sf`) is not on PATH');
process.exit(deploy.status ?? 2);
