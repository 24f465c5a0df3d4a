// Bundles the relay service into one Node 20 ES module (`ws` bundled in), for `npm run voximplant:relay`
// and the container image. `node build-relay.mjs [outfile]` (default .workbench/voximplant/relay.mjs).
import { build } from 'esbuild';
import { join } from 'node:path';
import { CONNECTOR_ROOT, REPO_ROOT } from './paths.mjs';

const outfile = process.argv[2] ?? join(REPO_ROOT, '.workbench', 'voximplant', 'relay.mjs');
await build({
    entryPoints: [join(CONNECTOR_ROOT, 'src/relay/main.ts')],
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
console.log(`relay bundle: ${outfile}`);
