// Benchmark page entry (bench.html): mounts the transcript panel or the naive baseline and feeds it
// transcript events through the simulated softphone. scripts/workbench/bench.mjs drives it.
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import registry from '@workbench/registry';
import BaselineTranscript from 'wb/baselineTranscript';
import { broadcast, reset } from 'wb/softphone';
import { setEnabled } from 'wb/workbenchLog';
import { callStarted, conversation } from '../jest-tests/fixtures/toolkitEvents.js';
import type { ConversationPayload } from '../jest-tests/fixtures/toolkitEvents.js';
import type { BenchApi } from './bench-api';

interface NativeDom {
    MutationObserver: typeof MutationObserver;
    observe: MutationObserver['observe'];
    textContent: (this: Node) => string | null;
    querySelectorAll: (this: Element, selector: string) => NodeListOf<Element>;
}

declare global {
    interface Window {
        __native?: NativeDom;
        __bench?: BenchApi;
    }
}

const CALL_ID = 'bench-call-0001';
const STARTED = Date.UTC(2025, 0, 6, 9, 0, 0);
const PANEL_NAME = 'voiceTranscript';
const panel = registry.find((bundle) => bundle.name === PANEL_NAME && bundle.ctor !== undefined);
const native = window.__native as NativeDom;
const root = document.getElementById('root') as HTMLElement;
let host: HTMLElement | null = null;
let seq = 0;

setEnabled(false);

/** A letters-only token: digit masking or number formatting cannot alter it. */
function marker(n: number): string {
    let token = '';
    let rest = n;
    do {
        token = String.fromCharCode(97 + (rest % 26)) + token;
        rest = Math.floor(rest / 26);
    } while (rest > 0);
    return `zq${token}qz`;
}

function utterance(n: number): ConversationPayload {
    const time = STARTED + n * 1500;
    return conversation({
        id: `bench-utterance-${n}`,
        callId: CALL_ID,
        clientSentTimestamp: time,
        serverReceivedTimestamp: time + 40,
        formatType: 'Text',
        text: `Thanks for holding, the reference is ${marker(n)} and it is on file`,
        role: n % 2 === 0 ? 'Agent' : 'EndUser'
    });
}

function feed(count: number): string {
    for (let i = 0; i < count; i += 1) {
        seq += 1;
        broadcast('transcript', utterance(seq), 'bench');
    }
    return marker(seq);
}

function contains(node: Node, token: string): boolean {
    return (native.textContent.call(node) ?? '').includes(token);
}

/** Resolves with performance.now() once `token` is in the rendered DOM (native observer: no shadow filtering). */
function rendered(token: string, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const observer = new native.MutationObserver((records) => {
            for (const record of records) {
                const hit =
                    record.type === 'characterData'
                        ? contains(record.target, token)
                        : [...record.addedNodes].some((node) => contains(node, token));
                if (hit) {
                    const now = performance.now();
                    observer.disconnect();
                    clearTimeout(timer);
                    resolve(now);
                    return;
                }
            }
        });
        timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`"${token}" did not render within ${timeoutMs} ms`));
        }, timeoutMs);
        native.observe.call(observer, root, { childList: true, subtree: true, characterData: true });
    });
}

window.__bench = {
    panelAvailable: panel !== undefined,
    mount(kind, props = {}) {
        if (host) host.remove();
        reset();
        seq = 0;
        const ctor: typeof LightningElement | undefined = kind === 'panel' ? panel?.ctor : BaselineTranscript;
        if (!ctor) throw new Error(`c/${PANEL_NAME} is not an exposed component yet`);
        host = createElement(kind === 'panel' ? 'c-voice-transcript' : 'wb-baseline-transcript', {
            is: ctor
        });
        Object.assign(host, props);
        root.appendChild(host);
    },
    startCall() {
        broadcast('callconnected', callStarted(CALL_ID, '+14155550100'), 'bench');
    },
    feed,
    async measureOne(timeoutMs) {
        const token = marker(seq + 1);
        const done = rendered(token, timeoutMs);
        const started = performance.now();
        feed(1);
        return (await done) - started;
    },
    async measureBurst(count, timeoutMs) {
        const token = marker(seq + count);
        const done = rendered(token, timeoutMs);
        const started = performance.now();
        feed(count);
        return (await done) - started;
    },
    domSize() {
        if (!host) return { elements: 0, rows: 0 };
        // Synthetic shadow keeps shadow content in the real DOM, so the unpatched query sees all of it.
        return {
            elements: native.querySelectorAll.call(host, '*').length,
            rows: native.querySelectorAll.call(host, '.row, .baseline-row').length
        };
    }
};
