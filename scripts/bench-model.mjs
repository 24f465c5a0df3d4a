// npm run bench:model: events/second through c/voiceCallModel's applyEvent (parse + reduce) for a short and
// a long call, and the ratio of per-event cost (long / short). Goal: >= 200,000 events/s, ratio <= 1.3.
// A benchmark prints numbers; it does not assert.
import { performance } from 'node:perf_hooks';
import { loadCallModel } from './call-model.mjs';
import { loadToolkitPayloads } from './lwc-module.mjs';

const { audioStats, callIdOnly, callStarted, conversation, participant, sentimentSignal } =
    await loadToolkitPayloads();

const CALL_ID = 'bench-call';
const PARTY = '+15550100';
const START = 1767258000000;

/**
 * Transcript-heavy mix, generated on the fly (a benchmark that keeps 50,000 payloads alive measures its own
 * heap, not the model): ~85 % utterances (every 5th partial first, every 50th late), ~7 % sentiment, ~6 % audio
 * stats, and the rare hold/resume, mute/unmute and note.
 * @param {number} count
 * @param {(type: string, detail: unknown, at: number) => void} emit
 */
function generate(count, emit) {
    emit('callconnected', callStarted(CALL_ID, PARTY), 0);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let emitted = 1;
    const push = (/** @type {string} */ type, /** @type {unknown} */ detail, /** @type {number} */ at) => {
        if (emitted++ < count) emit(type, detail, at);
    };
    for (let i = 1; emitted < count; i++) {
        const at = i * 1000;
        const roll = random();
        if (roll < 0.85) {
            const ts = START + at - (i % 50 === 0 ? 4000 : 0);
            const base = {
                id: `u${i}`,
                callId: CALL_ID,
                clientSentTimestamp: ts - 20,
                serverReceivedTimestamp: ts,
                formatType: /** @type {const} */ ('Text'),
                role: i % 2 ? 'Agent' : 'EndUser'
            };
            if (i % 5 === 0)
                push('transcript', conversation({ ...base, text: 'I would like', partial: true }), at);
            push('transcript', conversation({ ...base, text: `I would like invoice ${i}` }), at);
        } else if (roll < 0.92) {
            push(
                'intelligencesignal',
                sentimentSignal((i % 2000) - 1000, 'CUSTOMER', CALL_ID, START + at),
                at
            );
        } else if (roll < 0.98) {
            push('audiostats', audioStats(i, undefined, CALL_ID), at);
        } else if (roll < 0.99) {
            push(i % 2 ? 'hold' : 'resume', participant(PARTY, CALL_ID), at);
        } else if (roll < 0.995) {
            push(i % 2 ? 'mute' : 'unmute', callIdOnly(CALL_ID), at);
        } else {
            const note = { id: `n${i}`, callId: CALL_ID, serverReceivedTimestamp: START + at, text: 'note' };
            push('note', conversation({ ...note, role: 'Agent' }), at);
        }
    }
}

/** Replays one generated call; returns the final session. @param {Model} model @param {number} count */
function replayOnce(model, count) {
    let session = model.createSession();
    generate(count, (type, detail, at) => {
        session = model.applyEvent(session, type, detail, at);
    });
    return session;
}

/** The same stream without the model, to subtract payload generation. @param {number} count */
function generateOnly(count) {
    let sink = 0;
    generate(count, (type, detail, at) => {
        sink += at;
    });
    return sink;
}

/** @param {number[]} values */
function median(values) {
    const sorted = values.slice().sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * ms per event for each size: the median of several rounds (not the best: a lucky round that skipped a GC
 * would flatter the long call, whose GC cost is real work), rounds interleaved so machine noise hits both
 * sizes alike. Each round replays at least `minEvents` events, so a short call repeats many times.
 * @param {(count: number) => unknown} run @param {number[]} sizes
 */
function measure(run, sizes, minEvents = 200000, rounds = 9) {
    /** @type {number[][]} */
    const samples = sizes.map(() => []);
    for (let round = 0; round < rounds; round++) {
        sizes.forEach((size, i) => {
            const repeats = Math.max(1, Math.ceil(minEvents / size));
            const started = performance.now();
            for (let r = 0; r < repeats; r++) run(size);
            samples[i].push((performance.now() - started) / (repeats * size));
        });
    }
    return samples.map(median);
}

/** @typedef {Awaited<ReturnType<typeof loadCallModel>>} Model */
const model = await loadCallModel();
const sizes = [1000, 50000];
// Warm up the JIT (and the young generation's sizing) on both shapes before any round counts.
for (let i = 0; i < 3; i++) for (const size of sizes) replayOnce(model, size);
const gross = measure((count) => replayOnce(model, count), sizes);
const generation = measure(generateOnly, sizes);
const costs = gross.map((cost, i) => Math.max(cost - generation[i], 1e-9));
const last = replayOnce(model, sizes[1]);

const rows = sizes.map((size, i) => ({
    events: size.toLocaleString('en-US'),
    'ns/event (applyEvent)': (costs[i] * 1e6).toFixed(0),
    'events/s': Math.round(1000 / costs[i]).toLocaleString('en-US'),
    'ns/event (payload generation, excluded)': (generation[i] * 1e6).toFixed(0)
}));
console.table(rows);
console.log(
    `ratio (50,000 / 1,000 per-event cost): ${(costs[1] / costs[0]).toFixed(2)}   goal: >= 200,000 events/s, ratio <= 1.3`
);
console.log(
    `long stream: transcript ${last.transcriptCount} kept, ${last.transcriptTrimmed} trimmed, ${last.rejected.count} rejected`
);
