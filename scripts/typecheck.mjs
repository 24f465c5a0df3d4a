// `npm run typecheck`: tsc --noEmit for the lwc folder of every package directory (each has a tsconfig.json;
// the core's holds the settings and the c/* paths, the others extend it), the workbench and the Voximplant
// connector (relay, simulator, connector: its own Node/browser tsconfig) and the scripts (checkJs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT, lwcDirs } from './lwc-bundles.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
// scripts/: checkJs over the Node scripts, so their JSDoc types are checked too.
const projects = [
    ...lwcDirs(),
    join(ROOT, 'workbench'),
    join(ROOT, 'connectors', 'voximplant'),
    join(ROOT, 'scripts')
];
let failed = 0;
for (const project of projects) {
    const name = relative(ROOT, project);
    if (!existsSync(join(project, 'tsconfig.json'))) {
        console.error(
            `typecheck: ${name} has no tsconfig.json (extend force-app/main/default/lwc/tsconfig.json)`
        );
        failed += 1;
        continue;
    }
    const run = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], {
        cwd: ROOT,
        stdio: 'inherit'
    });
    if (run.status !== 0) failed += 1;
}
console.log(`typecheck: ${projects.length - failed} of ${projects.length} projects clean`);
process.exit(failed ? 1 : 0);
