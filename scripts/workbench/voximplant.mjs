// `npm start -- --voximplant`: the Voximplant Kit path in the workbench. Bundles and starts the local
// stack (connectors/voximplant/src/workbench/localStack.ts: Kit simulator + relay on 127.0.0.1
// ephemeral ports, throwaway secrets made at start) and the browser stand-in host that drives the
// connector core and hands its events to the simulated softphone. Serves, under /api/voximplant:
//   GET  /api/voximplant               → { relayUrl, scenarios: [{ name, description }] }
//   GET  /api/voximplant/token         → { token }   (a 5-minute relay token for the workbench user)
//   POST /api/voximplant/play/<name>   → 202, then the simulator plays that Kit scenario
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lwc-bundles.mjs';
import { USER_ID } from './platform-modules.mjs';

const SOURCE = join(ROOT, 'connectors', 'voximplant', 'src', 'workbench');
/** The page script's path under the workbench output directory. */
export const STAND_IN_SCRIPT = 'voximplant/stand-in.js';
/** Pause between a Kit scenario's frames, long enough to see ringing → connected → ended. */
const STEP_GAP_MS = 1500;

async function bundleStack(outDir) {
    const outfile = join(outDir, 'voximplant', 'local-stack.mjs');
    await build({
        entryPoints: [join(SOURCE, 'localStack.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        // `ws` resolves from the repository's node_modules.
        external: ['ws'],
        logLevel: 'warning'
    });
    return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

async function bundleStandIn(outDir) {
    await build({
        entryPoints: [join(SOURCE, 'standInEntry.ts')],
        outfile: join(outDir, STAND_IN_SCRIPT),
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        logLevel: 'warning'
    });
}

/** Relay log lines are JSON with secrets already stripped; keep them out of the console unless asked. */
function relayLogger(log) {
    return {
        log(level, msg, fields) {
            if (level === 'warn' || level === 'error' || process.env.WORKBENCH_VOXIMPLANT_DEBUG)
                log(`voximplant relay ${level}: ${msg} ${JSON.stringify(fields ?? {})}`);
        }
    };
}

/**
 * Starts the stack for a workbench served at `origin`. Returns { config, handle(req, res, pathname), close }.
 * `handle` answers /api/voximplant requests and returns false for anything else.
 */
export async function startVoximplant({ outDir, origin, log, send }) {
    await bundleStandIn(outDir);
    const { startLocalStack } = await bundleStack(outDir);
    const stack = await startLocalStack({ userId: USER_ID, origin, logger: relayLogger(log) });
    log(`workbench: Voximplant Kit simulator ${stack.simulatorUrl}, relay ${stack.relayUrl}`);
    const names = new Set(stack.scenarios.map((s) => s.name));
    function handle(req, res, pathname) {
        if (pathname === '/api/voximplant' && req.method === 'GET') {
            send(res, 200, { relayUrl: stack.relayUrl, scenarios: stack.scenarios });
            return true;
        }
        if (pathname === '/api/voximplant/token' && req.method === 'GET') {
            send(res, 200, { token: stack.mintToken() });
            return true;
        }
        if (pathname.startsWith('/api/voximplant/play/') && req.method === 'POST') {
            const name = decodeURIComponent(pathname.slice('/api/voximplant/play/'.length));
            if (!names.has(name)) send(res, 404, { error: `no Kit scenario ${name}` });
            else {
                send(res, 202, { playing: name });
                stack.play(name, STEP_GAP_MS).catch((error) => log(`voximplant: ${error?.message ?? error}`));
            }
            return true;
        }
        return false;
    }
    return { config: { script: `/${STAND_IN_SCRIPT}` }, handle, close: () => stack.close() };
}
