// `npm run bench:relay`: bundles bench/relayBench.ts with esbuild and runs it (numbers, no assertions).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CONNECTOR_ROOT, REPO_ROOT } from './paths.mjs';

const outfile = join(REPO_ROOT, '.workbench', 'voximplant', 'relay-bench.mjs');
await build({
    entryPoints: [join(CONNECTOR_ROOT, 'bench', 'relayBench.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['ws'],
    logLevel: 'warning'
});
const run = spawnSync(process.execPath, [outfile], { cwd: REPO_ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
