// `npm run build`: emit deployable .js from the LWC TypeScript (tsc, target ESNext), compile every bundle
// with the LWC compiler as the platform would, then check the deploy payload of every package directory
// (deploy-payload.mjs). Emitted .js (and the connector bundle) is removed afterwards unless --keep is given (the deploy step keeps it
// until `sf project deploy start` has run).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, staleTsconfigs } from './lwc-bundles.mjs';
import { compileBundles } from './checks/lwc-compile.mjs';
import { checkDeployPayload } from './checks/deploy-payload.mjs';
import { cleanEmitted } from './clean.mjs';
import { buildConnectorBundle } from '../connectors/voximplant/scripts/build-connector.mjs';
import { commandLineOrExit, isMain } from './repo.mjs';

const require = createRequire(import.meta.url);

export async function build({ keep = false } = {}) {
    const stale = staleTsconfigs();
    if (stale.length)
        return { ok: false, errors: ['c/* paths in tsconfig are stale: run `npm run tsconfig:paths`'] };
    cleanEmitted();
    const tsc = spawnSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
        {
            cwd: ROOT,
            stdio: 'inherit'
        }
    );
    if (tsc.status !== 0) {
        cleanEmitted();
        return { ok: false, errors: ['tsc -p tsconfig.build.json failed'] };
    }
    // The Voximplant connector's static resource content is build output too (one IIFE bundle).
    await buildConnectorBundle();
    const { compiled, errors } = compileBundles();
    if (!errors.length)
        errors.push(...(await checkDeployPayload(ROOT)).map((finding) => `deploy payload: ${finding}`));
    if (!keep || errors.length) cleanEmitted();
    return { ok: errors.length === 0, compiled, errors };
}

if (isMain(import.meta.url)) {
    const { values } = commandLineOrExit('build', 'node scripts/build.mjs [--keep]', {
        keep: { type: 'boolean', default: false }
    });
    const keep = values.keep;
    const result = await build({ keep });
    for (const error of result.errors) console.error(`build: ${error}`);
    if (result.ok)
        console.log(
            `build: ${result.compiled} files compiled by the LWC compiler${keep ? ' (emitted .js kept)' : ''}`
        );
    process.exit(result.ok ? 0 : 1);
}
