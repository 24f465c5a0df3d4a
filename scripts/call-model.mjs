// Loads c/voiceCallModel for Node tools (replay CLI, bench, workbench): esbuild bundles the very .ts
// source the LWCs ship, so no tool ever runs a second copy of the model.
import { build } from 'esbuild';
import { join } from 'node:path';
import { LWC_DIR } from './lwc-bundles.mjs';

export const MODEL_ENTRY = join(LWC_DIR, 'voiceCallModel', 'voiceCallModel.ts');

/** @type {Promise<typeof import('../force-app/main/default/lwc/voiceCallModel/voiceCallModel')> | undefined} */
let loading;

/** Bundles the model once per process and imports it from a data: URL. */
export function loadCallModel() {
    loading ??= (async () => {
        const result = await build({
            entryPoints: [MODEL_ENTRY],
            bundle: true,
            format: 'esm',
            write: false,
            platform: 'neutral',
            target: 'es2022',
            logLevel: 'silent'
        });
        const code = result.outputFiles[0].text;
        return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    })();
    return loading;
}
