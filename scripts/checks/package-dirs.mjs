// One place that knows the package directories: everything that walks "the source" walks every
// directory sfdx-project.json lists, so a new package directory is checked like the core without
// editing any gate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as repoRoot } from '../repo.mjs';

function readProject(root) {
    const file = join(root, 'sfdx-project.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { packageDirectories: [] };
}

/**
 * The package directories of the project at `root`, in declaration order:
 * { path, dir (absolute), name (package or path), dependencies (package names), isDefault }.
 */
export function packageDirectories(root = repoRoot) {
    return (readProject(root).packageDirectories ?? []).map((entry) => ({
        path: entry.path,
        dir: join(root, entry.path),
        name: entry.package ?? entry.path,
        dependencies: (entry.dependencies ?? []).map((dependency) => dependency.package),
        isDefault: entry.default === true
    }));
}

/** Absolute paths of every package directory that exists on disk. */
export function sourceDirs(root = repoRoot) {
    return packageDirectories(root)
        .map((entry) => entry.dir)
        .filter((dir) => existsSync(dir));
}

/** The pinned sourceApiVersion of the project at `root`. */
export function sourceApiVersion(root = repoRoot) {
    return readProject(root).sourceApiVersion;
}
