// Call quality from the latest audio stats: what an agent or supervisor needs to know is whether the line
// is good, fair or poor, not the raw counters (kept in `audioStats` for whoever wants them).
import type { AudioStatsSample, CallSession } from './types';

export type CallQuality = 'good' | 'fair' | 'poor';

/**
 * Thresholds (product choice, the toolkit documents only the counters): packet loss above 1 % is audible
 * and above 5 % breaks speech; ITU-T G.114 keeps one-way delay under 150 ms for most conversations
 * (a round trip of 300 ms) and calls 400 ms one way the limit; a jitter buffer past 30 ms / 100 ms means
 * the network is uneven enough to delay or drop audio.
 */
interface Limits {
    readonly loss: number;
    readonly jitterMs: number;
    readonly roundTripMs: number;
}

const FAIR: Limits = Object.freeze({ loss: 0.01, jitterMs: 30, roundTripMs: 300 });
const POOR: Limits = Object.freeze({ loss: 0.05, jitterMs: 100, roundTripMs: 800 });

const RANK: Readonly<Record<CallQuality, number>> = Object.freeze({ good: 0, fair: 1, poor: 2 });

function lossOf(sample: AudioStatsSample): number | null {
    const { packetsLost, packetsCount } = sample;
    if (packetsLost === null || packetsCount === null || packetsCount <= 0) return null;
    return packetsLost / packetsCount;
}

function exceeds(sample: AudioStatsSample, limits: Limits): boolean {
    const loss = lossOf(sample);
    return (
        (loss !== null && loss > limits.loss) ||
        (sample.jitterBufferMillis !== null && sample.jitterBufferMillis > limits.jitterMs) ||
        (sample.roundTripTimeMillis !== null && sample.roundTripTimeMillis > limits.roundTripMs)
    );
}

function qualityOf(sample: AudioStatsSample): CallQuality {
    if (exceeds(sample, POOR)) return 'poor';
    return exceeds(sample, FAIR) ? 'fair' : 'good';
}

/** The worse of the two channels, or null before any audio stats arrived. */
export function callQuality(session: CallSession): CallQuality | null {
    const samples = [session.audioStats.inputChannelStats, session.audioStats.outputChannelStats].filter(
        (s): s is AudioStatsSample => s !== null
    );
    if (samples.length === 0) return null;
    return samples.map(qualityOf).reduce((worst, q) => (RANK[q] > RANK[worst] ? q : worst), 'good');
}
