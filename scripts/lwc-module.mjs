// Loads an LWC service module (TypeScript) for Node tools: esbuild bundles the very .ts source the LWCs
// ship, resolving `c/<bundle>` imports to their sibling bundles, so no tool ever runs a second copy.
import { build } from 'esbuild';
import { join } from 'node:path';
import { LWC_DIR } from './lwc-bundles.mjs';

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

/** Bundles `lwc/<bundle>/<bundle>.ts` once per process and imports it from a data: URL. */
export function loadLwcModule(bundle) {
    if (!loaded.has(bundle)) {
        loaded.set(
            bundle,
            (async () => {
                const result = await build({
                    entryPoints: [join(LWC_DIR, bundle, `${bundle}.ts`)],
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
    return loaded.get(bundle);
}
