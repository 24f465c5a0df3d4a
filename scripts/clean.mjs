// Removes the .js that `tsc -p tsconfig.build.json` emitted next to each LWC .ts, so Jest and the
// workbench resolve the TypeScript source again. Only .js files with a sibling .ts are touched, plus the
// Voximplant connector bundle that the build writes into its static resource.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, packageDirectoryPaths } from './lwc-bundles.mjs';
import { STATIC_RESOURCE as CONNECTOR_BUNDLE } from '../connectors/voximplant/scripts/build-connector.mjs';
import { isMain, listFiles } from './repo.mjs';

/** Removes emitted .js under `dir`, or under every package directory when no folder is given. */
export function cleanEmitted(dir) {
    if (dir === undefined) {
        const removed = packageDirectoryPaths().flatMap((path) => cleanEmitted(join(ROOT, path)));
        if (existsSync(CONNECTOR_BUNDLE)) rmSync(CONNECTOR_BUNDLE);
        return removed;
    }
    const emitted = listFiles(
        dir,
        (file) => file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts'))
    );
    for (const file of emitted) rmSync(file);
    return emitted;
}

if (isMain(import.meta.url)) {
    const removed = cleanEmitted();
    console.log(`clean: removed ${removed.length} emitted .js files`);
}
