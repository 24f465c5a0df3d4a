// Builds the workbench: the real force-app components (TypeScript stripped by esbuild, compiled by
// @lwc/rollup-plugin on the pinned lwc version) with platform modules swapped for local adapters.
//   node scripts/workbench/build.mjs [--mode development|production] [--out <dir>]
import { createHash } from 'node:crypto';
import {
    cpSync,
    existsSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    renameSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { ROOT } from '../lwc-bundles.mjs';
import { createBundleHealth } from './bundle-health.mjs';
import { WB_MODULES_DIR, WORKBENCH_DIR, platformModules } from './platform-modules.mjs';
import { commandLineOrExit, isMain } from '../repo.mjs';

export const DEFAULT_OUT_DIR = join(ROOT, '.workbench', 'dev');
const CACHE_DIR = join(ROOT, '.workbench', 'cache');
const STATIC_FILES = ['index.html', 'bench.html', 'workbench.css'];

/**
 * Rollup's module cache survives restarts on disk, so `npm start`, the e2e suite and the benchmark only
 * recompile what changed. Keyed by everything that changes compiled output besides the sources rollup
 * already compares: the lockfile (compiler versions), this build's own code, the mode and Node.
 */
function cacheFile(mode) {
    const hash = createHash('sha256');
    for (const file of [
        'package-lock.json',
        ...['build', 'platform-modules', 'bundle-health', 'org-metadata'].map(
            (f) => `scripts/workbench/${f}.mjs`
        )
    ]) {
        const path = join(ROOT, file);
        hash.update(existsSync(path) ? readFileSync(path) : file);
    }
    hash.update(`${mode}:${process.version}`);
    return join(CACHE_DIR, `rollup-${mode}-${hash.digest('hex').slice(0, 16)}.json`);
}

function readCache(file) {
    try {
        return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    } catch {
        return undefined;
    }
}

/** Written atomically; a stale or unreadable file only costs a full rebuild. */
async function writeCache(file, cache) {
    try {
        mkdirSync(dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(cache));
        renameSync(tmp, file);
        const prefix = basename(file).replace(/-[0-9a-f]+\.json$/, '-');
        for (const old of readdirSync(CACHE_DIR)) {
            if (old.startsWith(prefix) && old.endsWith('.json') && join(CACHE_DIR, old) !== file) {
                rmSync(join(CACHE_DIR, old), { force: true });
            }
        }
    } catch {
        // The cache is an optimisation: failing to write it changes nothing else.
    }
}

/** Warnings that come from third-party sources and say nothing about this project. */
function isNoise(warning) {
    const id = warning.id ?? warning.loc?.file ?? '';
    if (id.includes(`${sep}node_modules${sep}`)) return true;
    return ['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY'].includes(warning.code) && !id.startsWith(ROOT);
}

function replacements(mode) {
    return replace({
        preventAssignment: true,
        values: {
            'import.meta.env.SSR': 'false',
            'process.env.NODE_ENV': JSON.stringify(mode)
        }
    });
}

/** Loaded as a classic script before the app, as the platform does. */
async function buildSyntheticShadow(outDir, mode) {
    const bundle = await rollup({
        input: fileURLToPath(import.meta.resolve('@lwc/synthetic-shadow')),
        plugins: [replacements(mode)]
    });
    await bundle.write({ file: join(outDir, 'synthetic-shadow.js'), format: 'iife' });
    await bundle.close();
}

/**
 * @param {{ mode?: 'development' | 'production', outDir?: string, log?: (line: string) => void, persistentCache?: boolean }} [options]
 * @returns {{ outDir: string, build: () => Promise<{ ok: boolean, ms: number, error?: string, warnings: string[] }> }}
 */
export function createWorkbenchBuilder(options = {}) {
    const mode = options.mode ?? 'development';
    const outDir = options.outDir ?? DEFAULT_OUT_DIR;
    const log = options.log ?? (() => {});
    const persistentCache = cacheFile(mode);
    let cache = options.persistentCache === false ? undefined : readCache(persistentCache);
    let cacheWrittenAt = 0;
    let shadowBuilt = false;
    const health = createBundleHealth();

    async function build() {
        const started = Date.now();
        const warnings = [];
        try {
            mkdirSync(outDir, { recursive: true });
            if (!shadowBuilt) {
                await buildSyntheticShadow(outDir, mode);
                shadowBuilt = true;
            }
            const broken = health.check();
            for (const [name, reason] of broken) warnings.push(`c/${name} is left off the page: ${reason}`);
            const bundle = await rollup({
                input: { app: join(WORKBENCH_DIR, 'main.ts'), bench: join(WORKBENCH_DIR, 'bench.ts') },
                cache,
                plugins: [
                    platformModules({
                        onWarning: (message) => warnings.push(message),
                        brokenBundles: () => broken
                    }),
                    replacements(mode),
                    lwc({
                        rootDir: WB_MODULES_DIR,
                        modules: [{ npm: 'lightning-base-components' }],
                        enableSyntheticElementInternals: true,
                        enableDynamicComponents: true
                    })
                ],
                onwarn(warning) {
                    // A module the page cannot load is an error, not a warning.
                    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
                    if (!isNoise(warning)) warnings.push(warning.message.split('\n')[0]);
                }
            });
            cache = bundle.cache;
            // ~100 MB of JSON: written after the first build, then at most every 30 s while watching.
            if (options.persistentCache !== false && Date.now() - cacheWrittenAt > 30_000) {
                cacheWrittenAt = Date.now();
                await writeCache(persistentCache, cache);
            }
            rmSync(join(outDir, 'chunks'), { recursive: true, force: true });
            await bundle.write({
                dir: outDir,
                format: 'esm',
                entryFileNames: '[name].js',
                chunkFileNames: 'chunks/[name]-[hash].js'
            });
            await bundle.close();
            for (const file of STATIC_FILES) cpSync(join(WORKBENCH_DIR, file), join(outDir, file));
            writeFileSync(
                join(outDir, 'build.json'),
                JSON.stringify({ mode, builtAt: new Date().toISOString() })
            );
            const ms = Date.now() - started;
            for (const warning of warnings) log(`workbench: warning: ${warning}`);
            return { ok: true, ms, warnings };
        } catch (error) {
            const where = error.id ? ` (${relative(ROOT, error.id.split('?')[0])})` : '';
            const message = `${error.message ?? error}${where}`;
            return { ok: false, ms: Date.now() - started, error: message, warnings };
        }
    }

    return { outDir, build };
}

if (isMain(import.meta.url)) {
    const { values } = commandLineOrExit(
        'workbench:build',
        'node scripts/workbench/build.mjs [--mode development|production] [--out <dir>]',
        {
            mode: { type: 'string', default: 'development' },
            out: { type: 'string', default: DEFAULT_OUT_DIR }
        }
    );
    const builder = createWorkbenchBuilder({
        mode: /** @type {'development' | 'production'} */ (values.mode),
        outDir: values.out,
        log: (line) => console.log(line)
    });
    const result = await builder.build();
    if (!result.ok) {
        console.error(`workbench build failed: ${result.error}`);
        process.exit(1);
    }
    console.log(`workbench built in ${result.ms} ms → ${relative(ROOT, builder.outDir)}`);
}
