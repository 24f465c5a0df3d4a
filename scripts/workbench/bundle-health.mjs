// Compiles each force-app LWC bundle on its own before the workbench bundles them, so one component that
// does not compile (say, a panel mid-change) is shown as broken in its slot instead of taking the whole
// page down. A bundle is unusable when it, or any c/* bundle it uses, fails to compile.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync as stripTypes } from 'esbuild';
import { transformSync } from '@lwc/compiler';
import { listBundles, lwcDirs } from '../lwc-bundles.mjs';

const IMPORT_RE = /(?:from\s*|import\s*\(?\s*)['"]c\/([A-Za-z0-9_]+)['"]/g;
const TAG_RE = /<c-([a-z0-9-]+)/g;

const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const firstLine = (error, file) =>
    String(error?.message ?? error)
        .split('\n')[0]
        .replace(`${file}: `, '');

function sourceFiles(bundleDir) {
    const out = [];
    for (const entry of readdirSync(bundleDir)) {
        const full = join(bundleDir, entry);
        if (entry === '__tests__' || entry.startsWith('.')) continue;
        if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
        else if (/\.(ts|html|css)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(full);
        else if (entry.endsWith('.js') && !existsSync(full.replace(/\.js$/, '.ts'))) out.push(full);
    }
    return out;
}

/** Compiles one file as the workbench build would; returns its c/* dependencies or throws. */
function compileFile(file, name) {
    let code = readFileSync(file, 'utf8');
    if (file.endsWith('.ts')) {
        code = stripTypes(code, { loader: 'ts', target: 'esnext', sourcefile: file }).code;
    }
    transformSync(code, file, {
        name,
        namespace: 'c',
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
        outputConfig: { sourcemap: false }
    });
    const deps = new Set();
    const pattern = file.endsWith('.html') ? TAG_RE : IMPORT_RE;
    for (const match of code.matchAll(pattern)) deps.add(file.endsWith('.html') ? camel(match[1]) : match[1]);
    return deps;
}

/**
 * A checker with a per-file cache (keyed by mtime and size) so rebuilds only recompile what changed.
 * `check()` returns `Map<bundleName, string>` of the bundles that cannot be used, with the reason.
 */
export function createBundleHealth(dirs = lwcDirs()) {
    const folders = Array.isArray(dirs) ? dirs : [dirs];
    const cache = new Map();

    function checkFile(file, name, dir) {
        const stat = statSync(file);
        const key = `${stat.mtimeMs}:${stat.size}`;
        const cached = cache.get(file);
        if (cached?.key === key) return cached;
        let result;
        try {
            result = { key, deps: compileFile(file, name), error: undefined };
        } catch (error) {
            result = {
                key,
                deps: new Set(),
                error: `${file.slice(dir.length + 1)}: ${firstLine(error, file)}`
            };
        }
        cache.set(file, result);
        return result;
    }

    function check() {
        const homes = new Map(folders.flatMap((dir) => listBundles(dir).map((name) => [name, dir])));
        const bundles = [...homes.keys()];
        const known = new Set(bundles);
        const own = new Map();
        const deps = new Map();
        for (const name of bundles) {
            const bundleDeps = new Set();
            let error;
            const dir = homes.get(name);
            for (const file of sourceFiles(join(dir, name))) {
                const result = checkFile(file, name, dir);
                error ??= result.error;
                result.deps.forEach((dep) => dep !== name && bundleDeps.add(dep));
            }
            for (const dep of bundleDeps)
                if (!known.has(dep)) error ??= `uses c/${dep}, which does not exist`;
            if (error) own.set(name, error);
            deps.set(name, bundleDeps);
        }
        const broken = new Map(own);
        let grew = true;
        while (grew) {
            grew = false;
            for (const [name, bundleDeps] of deps) {
                if (broken.has(name)) continue;
                const bad = [...bundleDeps].find((dep) => broken.has(dep));
                if (bad) {
                    broken.set(name, `uses c/${bad}, which does not compile`);
                    grew = true;
                }
            }
        }
        return broken;
    }

    return { check };
}
