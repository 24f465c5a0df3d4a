// One place that knows where LWC bundles live and how tsconfig paths map `c/<name>` onto them.
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
export const TSCONFIG_FILES = [join(LWC_DIR, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json')];

/** Names of the bundles under force-app/main/default/lwc (folders with a .js-meta.xml or a .ts of their name). */
export function listBundles(dir = LWC_DIR) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== '__tests__')
        .map((d) => d.name)
        .filter(
            (name) =>
                existsSync(join(dir, name, `${name}.ts`)) ||
                existsSync(join(dir, name, `${name}.js-meta.xml`))
        )
        .sort();
}

/**
 * TypeScript cannot map `c/*` onto `./*\/*` (one wildcard only), so each bundle gets its own entry,
 * the way the Salesforce language server does it. Returns the paths object for a tsconfig whose
 * baseUrl is the lwc folder.
 */
export function expectedPaths(bundles = listBundles()) {
    const paths = {};
    for (const name of bundles) {
        if (existsSync(join(LWC_DIR, name, `${name}.ts`))) paths[`c/${name}`] = [`./${name}/${name}`];
    }
    return paths;
}

function readJson(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
}

/** Writes the per-bundle paths into both tsconfigs (prettier-formatted); returns the files it changed. */
export async function syncTsconfigPaths() {
    const paths = expectedPaths();
    const changed = [];
    for (const file of TSCONFIG_FILES) {
        const config = readJson(file);
        if (JSON.stringify(config.compilerOptions.paths) === JSON.stringify(paths)) continue;
        config.compilerOptions.paths = paths;
        const options = (await prettier.resolveConfig(file)) ?? {};
        writeFileSync(file, await prettier.format(JSON.stringify(config), { ...options, filepath: file }));
        changed.push(file);
    }
    return changed;
}

/** Lists tsconfigs whose paths do not match the bundles on disk. */
export function staleTsconfigs() {
    const expected = JSON.stringify(expectedPaths());
    return TSCONFIG_FILES.filter((file) => JSON.stringify(readJson(file).compilerOptions.paths) !== expected);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const changed = await syncTsconfigPaths();
    if (changed.length)
        console.log(`updated c/* paths in ${changed.map((f) => f.slice(ROOT.length + 1)).join(', ')}`);
}
