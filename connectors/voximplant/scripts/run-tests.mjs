// Runs the Voximplant connector's tests offline: esbuild bundles each test/*.test.ts (TypeScript, no
// emit into the source tree) into .workbench/voximplant-tests, then `node --test` runs them.
//   node connectors/voximplant/scripts/run-tests.mjs [name-filter]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { optionalArgument } from '../../../scripts/repo.mjs';
import { CONNECTOR_ROOT, REPO_ROOT } from './paths.mjs';

const filter =
    optionalArgument('voximplant:test', 'node connectors/voximplant/scripts/run-tests.mjs [name-filter]') ??
    '';
const testDir = join(CONNECTOR_ROOT, 'test');
const outDir = join(REPO_ROOT, '.workbench', 'voximplant-tests');
const entries = readdirSync(testDir)
    .filter((name) => name.endsWith('.test.ts') && name.includes(filter))
    .map((name) => join(testDir, name));
if (entries.length === 0) {
    console.error(`no Voximplant tests match "${filter}"`);
    process.exit(1);
}
rmSync(outDir, { recursive: true, force: true });
await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // The connector SDK is bundled (its UMD build has no named ESM exports); sockets and fuzzing stay external.
    external: ['ws', 'fast-check'],
    sourcemap: 'inline',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning'
});
const files = readdirSync(outDir)
    .filter((name) => name.endsWith('.test.mjs'))
    .map((name) => join(outDir, name));
const run = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--test', '--test-concurrency=1', ...files],
    {
        cwd: REPO_ROOT,
        stdio: 'inherit'
    }
);
process.exit(run.status ?? 1);
