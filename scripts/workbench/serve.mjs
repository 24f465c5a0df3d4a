// `npm start`: builds the workbench, serves it on loopback and rebuilds when sources change.
//   node scripts/workbench/serve.mjs [--port N] [--scenario <file>] [--mode development|production]
//                                    [--no-watch] [--out <dir>] [--voximplant]
// PORT sets the default port (3000); --port 0 picks a free one. The URL is printed as
// "Workbench: http://127.0.0.1:<port>/". An invalid --scenario file is a one-line error, exit 2.
import { createReadStream, existsSync, readdirSync, statSync, watch } from 'node:fs';
import { createServer } from 'node:http';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ROOT, lwcDirs } from '../lwc-bundles.mjs';
import { loadScenario, ScenarioError } from '../scenario.mjs';
import { createWorkbenchBuilder, DEFAULT_OUT_DIR } from './build.mjs';
import { DEFAULT_DIR, objectsDirs } from './org-metadata.mjs';
import { WORKBENCH_DIR } from './platform-modules.mjs';
import { startVoximplant } from './voximplant.mjs';
import { UsageError, isMain, readCommandLine } from '../repo.mjs';

export const SCENARIOS_DIR = join(ROOT, 'jest-tests', 'scenarios');
const SLDS_ASSETS = join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const LWC_DIRS = lwcDirs();
const WATCHED = [...LWC_DIRS, WORKBENCH_DIR, join(DEFAULT_DIR, 'labels'), ...objectsDirs()];
const HOST = '127.0.0.1';
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2'
};

/** A TCP port from text: digits only, 0..65535 (0 picks a free one); else a one-line error naming the input. */
function parsePort(text, source) {
    const port = /^\d{1,5}$/.test(String(text).trim()) ? Number(text) : Number.NaN;
    if (!Number.isInteger(port) || port > 65535) {
        throw new ScenarioError(
            `invalid port ${JSON.stringify(String(text))} from ${source}: use 0 to 65535`
        );
    }
    return port;
}

/** @satisfies {NonNullable<import('node:util').ParseArgsConfig['options']>} */
const OPTIONS = {
    port: { type: 'string' },
    scenario: { type: 'string' },
    mode: { type: 'string', default: 'development' },
    out: { type: 'string', default: DEFAULT_OUT_DIR },
    'no-watch': { type: 'boolean', default: false },
    voximplant: { type: 'boolean', default: false }
};

function commandLine(args) {
    let values;
    try {
        ({ values } = readCommandLine(OPTIONS, { args }));
    } catch (error) {
        if (error instanceof UsageError) throw new ScenarioError(error.message);
        throw error;
    }
    if (!['development', 'production'].includes(values.mode))
        throw new ScenarioError(`invalid mode ${values.mode}`);
    return {
        port:
            values.port === undefined
                ? parsePort(process.env.PORT ?? '3000', 'PORT')
                : parsePort(values.port, '--port'),
        scenario: values.scenario,
        mode: /** @type {'development' | 'production'} */ (values.mode),
        out: resolve(values.out),
        watch: !values['no-watch'],
        voximplant: values.voximplant
    };
}

/** Scenario files by id: jest-tests/scenarios/*.json, plus the --scenario file when it lives elsewhere. */
function scenarioFiles(extra) {
    const files = new Map();
    if (existsSync(SCENARIOS_DIR)) {
        for (const name of readdirSync(SCENARIOS_DIR)
            .filter((n) => n.endsWith('.json'))
            .sort()) {
            files.set(basename(name, '.json'), join(SCENARIOS_DIR, name));
        }
    }
    if (extra) files.set(extra.id, extra.file);
    return files;
}

/** Validated scenarios, re-read only when their file changes. */
function createScenarioCache() {
    const cache = new Map();
    return function get(file) {
        const stat = statSync(file, { throwIfNoEntry: false });
        const key = stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
        const cached = cache.get(file);
        if (cached?.key === key) return cached;
        let entry;
        try {
            entry = { key, scenario: loadScenario(file) };
        } catch (error) {
            entry = { key, error: error instanceof ScenarioError ? error.message : String(error) };
        }
        cache.set(file, entry);
        return entry;
    };
}

function send(res, status, body, type = 'application/json; charset=utf-8') {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

/** Resolves a URL path inside `base`, refusing anything that escapes it. */
function inside(base, urlPath) {
    const file = resolve(base, `.${decodeURIComponent(urlPath)}`);
    return file === base || file.startsWith(base + sep) ? file : undefined;
}

function sendFile(res, file) {
    if (!file || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, { error: 'not found' });
    res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store'
    });
    createReadStream(file).pipe(res);
    return undefined;
}

/** Rejects with EADDRINUSE (or whatever binding fails with) when the port cannot be listened on. */
function assertPortFree(port) {
    return new Promise((resolveFree, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(port, HOST, () => probe.close(() => resolveFree(undefined)));
    });
}

/**
 * Starts the workbench server. Returns { url, close }.
 * @param {{ port: number, scenario?: string, mode: 'development' | 'production', watch: boolean, out: string, voximplant?: boolean, log?: (line: string) => void }} options
 */
export async function startWorkbench(options) {
    const log = options.log ?? ((line) => console.log(line));
    let extra;
    if (options.scenario) {
        const file = resolve(options.scenario);
        loadScenario(file); // throws ScenarioError: one line, exit 2
        const inList = file.startsWith(SCENARIOS_DIR + sep) && file.endsWith('.json');
        extra = { id: inList ? basename(file, '.json') : `file:${basename(file)}`, file };
    }
    // A busy port is reported before the build, not after it.
    if (options.port !== 0) await assertPortFree(options.port);
    const builder = createWorkbenchBuilder({ mode: options.mode, outDir: options.out, log });
    log(
        `workbench: building the components (${options.mode}); the first build takes a while, later ones reuse the cache`
    );
    const first = await builder.build();
    if (!first.ok) throw new Error(`workbench build failed: ${first.error}`);
    log(`workbench: built in ${first.ms} ms (${options.mode})`);

    /** @type {{ autoplay: string | null, mode: string, liveReload: boolean, voximplant: object | null }} */
    const config = {
        autoplay: extra?.id ?? null,
        mode: options.mode,
        liveReload: options.watch,
        voximplant: null
    };
    let voximplant;
    const scenario = createScenarioCache();
    const clients = new Set();
    let lastError = null;

    async function page(res, name) {
        const html = await readFile(join(options.out, name), 'utf8');
        const script = `<script>window.__WB_CONFIG__ = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>`;
        send(res, 200, html.replace('<!--WB_CONFIG-->', script), TYPES['.html']);
    }

    function listScenarios(res) {
        const list = [...scenarioFiles(extra)].map(([id, file]) => {
            const entry = scenario(file);
            return {
                id,
                file: isAbsolute(file) && file.startsWith(ROOT) ? relative(ROOT, file) : file,
                name: entry.scenario?.name ?? basename(file),
                description: entry.scenario?.description ?? '',
                events: entry.scenario?.events.length ?? 0,
                ...(entry.error ? { error: entry.error } : {})
            };
        });
        send(res, 200, list);
    }

    function oneScenario(res, id) {
        const file = scenarioFiles(extra).get(id);
        if (!file) return send(res, 404, { error: `no scenario ${id}` });
        const entry = scenario(file);
        return entry.error ? send(res, 422, { error: entry.error }) : send(res, 200, entry.scenario);
    }

    function events(req, res) {
        res.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive'
        });
        res.write(': workbench\n\n');
        if (lastError) res.write(`event: build-error\ndata: ${JSON.stringify(lastError)}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
    }

    const server = createServer((req, res) => {
        const { pathname } = new URL(req.url ?? '/', 'http://workbench');
        if (voximplant?.handle(req, res, pathname)) return undefined;
        if (req.method !== 'GET' && req.method !== 'HEAD')
            return send(res, 405, { error: 'method not allowed' });
        try {
            if (pathname === '/' || pathname === '/index.html') return void page(res, 'index.html');
            if (pathname === '/bench.html') return void page(res, 'bench.html');
            if (pathname === '/api/scenarios') return listScenarios(res);
            if (pathname.startsWith('/api/scenarios/')) {
                return oneScenario(res, decodeURIComponent(pathname.slice('/api/scenarios/'.length)));
            }
            if (pathname === '/__workbench/events') return events(req, res);
            if (pathname.startsWith('/assets/')) return sendFile(res, inside(SLDS_ASSETS, pathname.slice(7)));
            return sendFile(res, inside(options.out, pathname));
        } catch (error) {
            return send(res, 500, { error: String(error?.message ?? error) });
        }
    });

    await new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(options.port, HOST, () => resolvePromise(undefined));
    });
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const url = `http://${HOST}:${port}/`;
    if (options.voximplant) {
        try {
            voximplant = await startVoximplant({ outDir: options.out, origin: url.slice(0, -1), log, send });
        } catch (error) {
            server.close();
            throw error;
        }
        config.voximplant = voximplant.config;
    }

    const watchers = [];
    let timer;
    let building = false;
    let dirty = false;
    function broadcast(event, data) {
        for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }
    async function rebuild() {
        if (building) {
            dirty = true;
            return;
        }
        building = true;
        const result = await builder.build();
        building = false;
        if (result.ok) {
            lastError = null;
            log(`workbench: rebuilt in ${result.ms} ms`);
            broadcast('reload', result.ms);
        } else {
            lastError = result.error;
            log(`workbench: build failed: ${result.error}`);
            broadcast('build-error', result.error);
        }
        if (dirty) {
            dirty = false;
            void rebuild();
        }
    }
    if (options.watch) {
        for (const dir of WATCHED.filter((d) => existsSync(d))) {
            const watcher = watch(dir, { recursive: true }, (_type, name) => {
                const file = String(name ?? '');
                // Jest tests and emitted deploy JS do not change what the page shows.
                if (file.includes('__tests__') || (LWC_DIRS.includes(dir) && file.endsWith('.js'))) return;
                clearTimeout(timer);
                timer = setTimeout(() => void rebuild(), 150);
            });
            watchers.push(watcher);
        }
    }

    async function close() {
        clearTimeout(timer);
        watchers.forEach((w) => w.close());
        for (const client of clients) client.end();
        clients.clear();
        server.closeAllConnections();
        await new Promise((resolvePromise) => server.close(() => resolvePromise(undefined)));
        await voximplant?.close();
    }

    return { url, close };
}

if (isMain(import.meta.url)) {
    let options;
    try {
        options = commandLine(process.argv.slice(2));
        if (options.scenario) loadScenario(resolve(options.scenario));
    } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        process.stderr.write(`workbench: ${error.message}\n`);
        process.exit(2);
    }
    let workbench;
    try {
        workbench = await startWorkbench(options);
    } catch (error) {
        process.stderr.write(
            `workbench: ${error?.code === 'EADDRINUSE' ? `port ${options.port} is in use (set PORT or --port)` : (error?.message ?? error)}\n`
        );
        process.exit(1);
    }
    console.log(`Workbench: ${workbench.url}`);
    if (options.watch)
        console.log('workbench: watching force-app, workbench/, labels and objects; Ctrl+C to stop');
    let stopping = false;
    const stop = async (signal) => {
        if (stopping) return;
        stopping = true;
        console.log(`workbench: ${signal}, stopping`);
        await workbench.close();
        process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
}
