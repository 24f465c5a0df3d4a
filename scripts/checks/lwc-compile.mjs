// Compiles every LWC bundle's deployable files (emitted .js, .html, .css) with the LWC compiler the way
// the platform does, and checks that every import can be satisfied on the platform. Run after
// `tsc -p tsconfig.build.json` has emitted the .js (scripts/build.mjs does both).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, extname, dirname, resolve } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { ROOT, listBundles, lwcDirs } from '../lwc-bundles.mjs';
import { isMain, optionalArgument } from '../repo.mjs';

const PLATFORM_PREFIXES = ['lightning/', '@salesforce/', 'c/'];
const PLATFORM_MODULES = new Set(['lwc']);
const IMPORT_RE =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function apiVersionOf(dir, name) {
    const meta = join(dir, name, `${name}.js-meta.xml`);
    if (!existsSync(meta)) return undefined;
    const match = /<apiVersion>([\d.]+)<\/apiVersion>/.exec(readFileSync(meta, 'utf8'));
    return match ? Number(match[1]) : undefined;
}

function deployableFiles(bundleDir) {
    const out = [];
    for (const entry of readdirSync(bundleDir)) {
        const full = join(bundleDir, entry);
        if (entry === '__tests__' || entry.startsWith('.')) continue;
        if (statSync(full).isDirectory()) {
            out.push(...deployableFiles(full));
        } else if (['.js', '.html', '.css'].includes(extname(entry))) {
            out.push(full);
        }
    }
    return out;
}

function checkImports(file, code, bundles) {
    const problems = [];
    for (const match of code.matchAll(IMPORT_RE)) {
        const spec = match[1] ?? match[2] ?? match[3];
        if (spec.startsWith('.')) {
            const target = resolve(dirname(file), spec);
            const candidates = [target, `${target}.js`, `${target}.html`, `${target}.css`];
            if (!candidates.some((c) => existsSync(c) && statSync(c).isFile())) {
                problems.push(`unresolved relative import '${spec}'`);
            }
        } else if (spec.startsWith('c/')) {
            if (!bundles.includes(spec.slice(2))) problems.push(`import of unknown bundle '${spec}'`);
        } else if (!PLATFORM_MODULES.has(spec) && !PLATFORM_PREFIXES.some((p) => spec.startsWith(p))) {
            problems.push(`import '${spec}' is not available on the platform`);
        }
    }
    return problems;
}

/**
 * @param {string | string[]} dirs folder(s) holding LWC bundles (default: the lwc folder of every package
 *   directory; `c/` imports may cross package directories, as in the org)
 * @returns {{ compiled: number, errors: string[] }}
 */
export function compileBundles(dirs = lwcDirs()) {
    const folders = Array.isArray(dirs) ? dirs : [dirs];
    const bundles = folders.flatMap((dir) => listBundles(dir));
    const errors = [];
    let compiled = 0;
    for (const { dir, name } of folders.flatMap((dir) => listBundles(dir).map((name) => ({ dir, name })))) {
        const bundleDir = join(dir, name);
        const apiVersion = apiVersionOf(dir, name);
        if (existsSync(join(bundleDir, `${name}.ts`)) && !existsSync(join(bundleDir, `${name}.js`))) {
            errors.push(`${name}: no emitted ${name}.js (run tsc -p tsconfig.build.json first)`);
            continue;
        }
        for (const file of deployableFiles(bundleDir)) {
            const rel = relative(ROOT, file);
            const code = readFileSync(file, 'utf8');
            try {
                transformSync(code, file, {
                    name,
                    namespace: 'c',
                    apiVersion,
                    enableLightningWebSecurityTransforms: true,
                    outputConfig: { sourcemap: false }
                });
                compiled += 1;
            } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                errors.push(`${rel}: ${message.split('\n')[0]}`);
            }
            if (extname(file) === '.js') {
                for (const problem of checkImports(file, code, bundles)) errors.push(`${rel}: ${problem}`);
            }
        }
    }
    return { compiled, errors };
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('lwc:compile', 'node scripts/checks/lwc-compile.mjs [folder]');
    const dirs = target ? resolve(target) : lwcDirs();
    const { compiled, errors } = compileBundles(dirs);
    for (const error of errors) console.error(`lwc:compile: ${error}`);
    console.log(`lwc:compile: ${compiled} files compiled, ${errors.length} errors`);
    process.exit(errors.length ? 1 : 0);
}
