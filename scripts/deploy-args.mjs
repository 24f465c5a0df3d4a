// What `npm run deploy -- <args>` sends: the package directories it deploys for given arguments. Shared by the
// deploy script and the deploy-payload gate, so the gate checks exactly what the documented command deploys.
import { ROOT } from './lwc-bundles.mjs';
import { packageDirectories } from './checks/package-dirs.mjs';

const SOURCE_FLAGS = new Set(['--source-dir', '-d']);
const OTHER_SELECTIONS = new Set(['--metadata', '-m', '--manifest', '-x', '--metadata-dir']);

function defaultPackageDirectory(root) {
    const dirs = packageDirectories(root);
    return (dirs.find((entry) => entry.isDefault) ?? dirs[0])?.path;
}

/**
 * The `sf project deploy start` arguments and the source directories they deploy. Without a selection the
 * default package directory (the core, which deploys to any Service Cloud Voice org) is deployed, never
 * every package directory: the Amazon Connect directory is deployed only when asked for with --source-dir.
 */
export function deployPlan(args, root = ROOT) {
    const sourceDirs = [];
    let otherSelection = false;
    for (let i = 0; i < args.length; i++) {
        const [flag, inline] = args[i].split('=', 2);
        if (SOURCE_FLAGS.has(flag)) sourceDirs.push(inline ?? args[++i]);
        else if (OTHER_SELECTIONS.has(flag)) otherSelection = true;
    }
    if (sourceDirs.length || otherSelection) return { sfArgs: args, sourceDirs };
    const core = defaultPackageDirectory(root);
    return { sfArgs: [...args, '--source-dir', core], sourceDirs: [core] };
}
