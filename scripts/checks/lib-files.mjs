// Shared file discovery for the offline metadata gates (apex-check, flow-check, field-check).
import { readdirSync, statSync } from 'node:fs';
import { packageDirectories } from './package-dirs.mjs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Every package directory sfdx-project.json lists (absolute paths): what the gates check by default. */
export const defaultSourceDir = packageDirectories(repoRoot).map((entry) => entry.dir);

const SKIPPED_DIRS = new Set(['node_modules', '.sfdx', '.sf', '__tests__', '.git']);

/** Recursively lists files under `dir` (a folder, a file or a list of them) that satisfy `accept`, sorted. */
export function listFiles(dir, accept) {
    if (Array.isArray(dir)) return dir.flatMap((one) => listFiles(one, accept)).sort();
    const found = [];
    let stats;
    try {
        stats = statSync(dir);
    } catch {
        return found;
    }
    if (stats.isFile()) {
        return accept(dir) ? [dir] : [];
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name)) {
                found.push(...listFiles(path, accept));
            }
        } else if (accept(path)) {
            found.push(path);
        }
    }
    return found.sort();
}

/** Path relative to the repository root, for messages. */
export function display(path) {
    return relative(repoRoot, path) || path;
}

/** True when this module was started as `node <file>` rather than imported. */
export function isMain(importMetaUrl) {
    return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(importMetaUrl);
}
