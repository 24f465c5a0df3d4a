// Loads TypeScript modules for Node tools: esbuild bundles the very .ts source the LWCs (or the Jest suites)
// use, resolving `c/<bundle>` imports to their sibling bundles, so no tool ever runs a second copy.
import { build } from 'esbuild';
import { join } from 'node:path';
import { LWC_DIR, ROOT } from './lwc-bundles.mjs';

/** The toolkit payload builders every producer of events uses (Jest fixtures, generator, benchmarks). */
export const TOOLKIT_PAYLOADS_ENTRY = join(ROOT, 'jest-tests', 'fixtures', 'toolkitEvents.ts');

const loaded = new Map();

const lwcImports = {
    name: 'lwc-c-namespace',
    setup(context) {
        context.onResolve({ filter: /^c\/[A-Za-z0-9_]+$/ }, (args) => {
            const bundle = args.path.slice(2);
            return { path: join(LWC_DIR, bundle, `${bundle}.ts`) };
        });
    }
};

/** Bundles one .ts entry once per process and imports it from a data: URL. */
export function loadTypeScript(entry) {
    if (!loaded.has(entry)) {
        loaded.set(
            entry,
            (async () => {
                const result = await build({
                    entryPoints: [entry],
                    bundle: true,
                    format: 'esm',
                    write: false,
                    platform: 'neutral',
                    target: 'es2022',
                    logLevel: 'silent',
                    plugins: [lwcImports]
                });
                const code = result.outputFiles[0].text;
                return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
            })()
        );
    }
    return loaded.get(entry);
}

/** Bundles `lwc/<bundle>/<bundle>.ts` once per process and imports it. */
export function loadLwcModule(bundle) {
    return loadTypeScript(join(LWC_DIR, bundle, `${bundle}.ts`));
}

/** @returns {Promise<typeof import('../jest-tests/fixtures/toolkitEvents')>} */
export function loadToolkitPayloads() {
    return loadTypeScript(TOOLKIT_PAYLOADS_ENTRY);
}
