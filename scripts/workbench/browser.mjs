// Shared by the e2e suite and the benchmark: start the workbench server as a child process, launch
// Debian Chromium through playwright-core (never a downloaded browser), and the in-page helpers that
// walk shadow roots (Playwright's innerText/getByText do not pierce them).
/* global document, window, Node */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../lwc-bundles.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

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
            if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
            const force = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
                clearTimeout(force);
                resolveStop();
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
        viewport: { width: 1440, height: 900 }
    });
    const close = async () => {
        await context.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
    };
    return { context, close };
}

/**
 * Installed into every page: `window.__deep.all(selector)` finds elements across shadow roots (a selector
 * only matches within one root; `host >>> inner` continues inside each match's shadow tree),
 * `window.__deep.text(node)` is the composed text (shadow content, slotted nodes in their slots).
 */
export function installDeepDom() {
    const roots = (start) => {
        const found = [start];
        const visit = (root) => {
            for (const element of root.querySelectorAll('*')) {
                if (element.shadowRoot) {
                    found.push(element.shadowRoot);
                    visit(element.shadowRoot);
                }
            }
        };
        visit(start);
        return found;
    };
    const within = (selector, start) => roots(start).flatMap((root) => [...root.querySelectorAll(selector)]);
    const all = (selector, start = document) =>
        selector
            .split('>>>')
            .map((part) => part.trim())
            .reduce(
                (scopes, part, i) => {
                    const next = scopes.flatMap((scope) =>
                        within(part, i === 0 ? scope : (scope.shadowRoot ?? scope))
                    );
                    return [...new Set(next)];
                },
                [start]
            );
    const text = (node = document.body) => {
        if (node.nodeType === Node.TEXT_NODE) return node.data;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
        if (node.localName === 'script' || node.localName === 'style') return '';
        if (node.localName === 'slot') {
            const assigned = node.assignedNodes({ flatten: true });
            return (assigned.length ? assigned : [...node.childNodes]).map(text).join('');
        }
        const children = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
        return children.map(text).join('');
    };
    window.__deep = { all, text };
}
