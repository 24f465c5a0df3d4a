// Builds the connector bundle: one minified IIFE for the browser, written as the content of the
// VoximplantConnector static resource (build output, gitignored: run this before deploying
// connectors/voximplant/force-app). `node build-connector.mjs [outfile]`.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONNECTOR_ROOT } from './paths.mjs';
import { isMain, optionalArgument } from '../../../scripts/repo.mjs';

export const STATIC_RESOURCE = join(
    CONNECTOR_ROOT,
    'force-app/main/default/staticresources/VoximplantConnector.js'
);

/** @returns {Promise<string>} the bundle text */
export async function buildConnectorBundle(outfile = STATIC_RESOURCE) {
    mkdirSync(dirname(outfile), { recursive: true });
    const result = await build({
        entryPoints: [join(CONNECTOR_ROOT, 'src/connector/main.ts')],
        outfile,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        legalComments: 'eof',
        write: true,
        metafile: false,
        logLevel: 'warning'
    });
    if (result.errors.length > 0) throw new Error('connector bundle failed');
    const { readFileSync } = await import('node:fs');
    return readFileSync(outfile, 'utf8');
}

if (isMain(import.meta.url)) {
    const outfile = optionalArgument(
        'voximplant:build',
        'node connectors/voximplant/scripts/build-connector.mjs [outfile]'
    );
    const text = await buildConnectorBundle(outfile);
    console.log(`connector bundle: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`);
}
