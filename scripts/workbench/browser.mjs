// Shared by the benchmarks (bench.mjs, shift-bench.mjs) and, for the Chromium path and flags, by
// playwright.config.mjs: start the workbench server as a child process and launch Debian Chromium through
// playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../lwc-bundles.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags every run of the workbench's Chromium uses (e2e suite and benchmarks). */
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/** The desktop the suites and benchmarks look at. */
export const VIEWPORT = { width: 1440, height: 900 };

/**
 * Runs `node scripts/workbench/serve.mjs --port 0 --no-watch ...args` and resolves once it prints its URL.
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<void> }>}
 */
export function startServer(args = [], { timeoutMs = 120_000 } = {}) {
    const child = spawn(
        process.execPath,
        ['scripts/workbench/serve.mjs', '--port', '0', '--no-watch', ...args],
        {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    let output = '';
    const stop = () =>
        new Promise((resolveStop) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolveStop(undefined);
            const force = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
                clearTimeout(force);
                resolveStop(undefined);
            });
            child.kill('SIGTERM');
        });
    return new Promise((resolveStart, reject) => {
        const timer = setTimeout(() => {
            void stop();
            reject(new Error(`workbench did not start within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const onData = (chunk) => {
            output += chunk;
            const match = /Workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
            if (match) {
                clearTimeout(timer);
                resolveStart({ url: match[1], child, output: () => output, stop });
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`workbench exited with ${code} before serving:\n${output}`));
        });
    });
}

/** A fresh-profile Chromium; `close()` also removes the profile directory. */
export async function launchChromium() {
    const profile = mkdtempSync(join(tmpdir(), 'scv-workbench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: VIEWPORT
    });
    const close = async () => {
        await context.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
    };
    return { context, close };
}
