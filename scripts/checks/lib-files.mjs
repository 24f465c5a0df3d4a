// Shared file discovery for the offline metadata gates (apex-check, flow-check, field-check).
import { relative } from 'node:path';
import { ROOT, SKIPPED_DIRS, listFiles as walk } from '../repo.mjs';
import { packageDirectories } from './package-dirs.mjs';

export { isMain } from '../repo.mjs';
export const repoRoot = ROOT;

/** Every package directory sfdx-project.json lists (absolute paths): what the gates check by default. */
export const defaultSourceDir = packageDirectories(repoRoot).map((entry) => entry.dir);

/** The gates check shipped metadata: besides what no walk enters, they skip Jest tests. */
const skipped = (segment) => SKIPPED_DIRS.has(segment) || segment === '__tests__';

/** Files under `dir` (a folder, a file or a list of them) that satisfy `accept`, sorted; tests left out. */
export const listFiles = (dir, accept) => walk(dir, accept, skipped);

/** Path relative to the repository root, for messages. */
export function display(path) {
    return relative(repoRoot, path) || path;
}
