// One place that knows where LWC bundles live and how tsconfig paths map `c/<name>` onto them. Bundles live in
// `<package directory>/main/default/lwc` of every package directory sfdx-project.json lists; they share the
// one `c` namespace, as in the org.
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { packageDirectories } from './checks/package-dirs.mjs';
import { ROOT, isMain } from './repo.mjs';

export { ROOT };
/** The core package directory's bundles (the default package directory). */
export const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
/** The c/* paths live in the LWC tsconfig only; the emit config extends it. */
export const LWC_TSCONFIG = join(LWC_DIR, 'tsconfig.json');
export const BUILD_TSCONFIG = join(ROOT, 'tsconfig.build.json');

/** Package directory paths (relative) from sfdx-project.json of `root`, in declaration order. */
export function packageDirectoryPaths(root = ROOT) {
    return packageDirectories(root).map((entry) => entry.path);
}

/** Every existing `<package directory>/main/default/lwc` folder of `root`. */
export function lwcDirs(root = ROOT) {
    return packageDirectoryPaths(root)
        .map((path) => join(root, path, 'main', 'default', 'lwc'))
        .filter((dir) => existsSync(dir));
}

/** The folder holding bundle `name`, in whichever package directory it lives; undefined when none has it. */
export function bundleDir(name, dirs = lwcDirs()) {
    const home = dirs.find((dir) => listBundles(dir).includes(name));
    return home ? join(home, name) : undefined;
}

/** { name, dir } for every bundle of every package directory, sorted by name. */
export function listAllBundles(dirs = lwcDirs()) {
    return dirs
        .flatMap((dir) => listBundles(dir).map((name) => ({ name, dir: join(dir, name) })))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** Names of the bundles in one lwc folder (folders with a .js-meta.xml or a .ts of their name). */
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
 * baseUrl is the core lwc folder; bundles of other package directories are reached relative to it.
 */
export function expectedPaths(bundles = listAllBundles()) {
    const paths = {};
    for (const { name, dir } of bundles) {
        if (!existsSync(join(dir, `${name}.ts`))) continue;
        const target = relative(LWC_DIR, join(dir, name)).split('\\').join('/');
        paths[`c/${name}`] = [target.startsWith('.') ? target : `./${target}`];
    }
    // Jest suites import shared helpers, mock controls and fixtures as `@jest-tests/...` (jest.config.js
    // maps the same alias).
    paths['@jest-tests/*'] = [`${relative(LWC_DIR, join(ROOT, 'jest-tests')).split('\\').join('/')}/*`];
    return paths;
}

/** The emit config compiles the TypeScript of every package directory, never its tests or declarations. */
export function expectedBuildSources(paths = packageDirectoryPaths()) {
    return {
        include: [...paths.map((path) => `${path}/**/lwc/**/*.ts`), 'types/**/*.d.ts'],
        exclude: paths.flatMap((path) => [`${path}/**/__tests__/**`, `${path}/**/*.d.ts`])
    };
}

function readJson(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
}

async function writeJson(file, config) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(JSON.stringify(config), { ...options, filepath: file }));
}

const pathsMatch = (config) =>
    JSON.stringify(config.compilerOptions.paths) === JSON.stringify(expectedPaths());

function buildSourcesMatch(config) {
    const expected = expectedBuildSources();
    return (
        JSON.stringify(config.include) === JSON.stringify(expected.include) &&
        JSON.stringify(config.exclude) === JSON.stringify(expected.exclude)
    );
}

/**
 * Writes the per-bundle paths into the LWC tsconfig and the package directories' sources into the build
 * tsconfig (which extends the LWC one, so it has no paths of its own); returns the files it changed.
 */
export async function syncTsconfigPaths() {
    const changed = [];
    const lwc = readJson(LWC_TSCONFIG);
    if (!pathsMatch(lwc)) {
        lwc.compilerOptions.paths = expectedPaths();
        await writeJson(LWC_TSCONFIG, lwc);
        changed.push(LWC_TSCONFIG);
    }
    const build = readJson(BUILD_TSCONFIG);
    if (!buildSourcesMatch(build)) {
        await writeJson(BUILD_TSCONFIG, { ...build, ...expectedBuildSources() });
        changed.push(BUILD_TSCONFIG);
    }
    return changed;
}

/** Lists the tsconfigs that do not match the bundles and package directories on disk. */
export function staleTsconfigs() {
    return [
        ...(pathsMatch(readJson(LWC_TSCONFIG)) ? [] : [LWC_TSCONFIG]),
        ...(buildSourcesMatch(readJson(BUILD_TSCONFIG)) ? [] : [BUILD_TSCONFIG])
    ];
}

if (isMain(import.meta.url)) {
    const changed = await syncTsconfigPaths();
    if (changed.length)
        console.log(`updated c/* paths in ${changed.map((f) => f.slice(ROOT.length + 1)).join(', ')}`);
}
