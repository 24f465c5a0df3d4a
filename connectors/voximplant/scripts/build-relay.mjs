// Bundles the relay service into one Node 20 ES module (`ws` bundled in), for `npm run voximplant:relay`
// and the container image. `node build-relay.mjs [outfile] [--simulator]` (default
// .workbench/voximplant/relay.mjs); `--simulator` bundles the Kit simulator CLI instead.
import { build } from 'esbuild';
import { join } from 'node:path';
import { commandLineOrExit } from '../../../scripts/repo.mjs';
import { CONNECTOR_ROOT, REPO_ROOT } from './paths.mjs';

const { values, positionals } = commandLineOrExit(
    'voximplant:relay',
    'node connectors/voximplant/scripts/build-relay.mjs [outfile] [--simulator]',
    { simulator: { type: 'boolean', default: false } },
    { allowPositionals: true }
);
const simulator = values.simulator;
const outfile =
    positionals[0] ?? join(REPO_ROOT, '.workbench', 'voximplant', simulator ? 'simulator.mjs' : 'relay.mjs');
await build({
    entryPoints: [join(CONNECTOR_ROOT, simulator ? 'src/simulator/cli.ts' : 'src/relay/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // ws loads these optional native helpers only when installed.
    external: ['bufferutil', 'utf-8-validate'],
    banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    },
    logLevel: 'warning'
});
console.log(`${simulator ? 'simulator' : 'relay'} bundle: ${outfile}`);
