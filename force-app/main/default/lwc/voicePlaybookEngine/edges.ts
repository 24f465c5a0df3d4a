// Call snapshots → edges (the events playbooks trigger on). Each edge has a key that names the fact it
// reports (`<callId>|line|<id>`, `<callId>|hold|<participant>|<start>`...); the memory of keys already
// reported makes the diff idempotent: the same snapshot twice, a re-delivered event, or a partial line
// turning final twice never yields an edge twice. Depends only on CallSession's public fields.
import { initialCaller, latestTranscript } from 'c/voiceCallModel';
import type { CallSession, CategorySignal, TranscriptEntry } from 'c/voiceCallModel';
import type { Trigger } from './types';

export interface Edge {
    readonly trigger: Trigger;
    readonly key: string;
    readonly callId: string;
    readonly line?: TranscriptEntry;
    readonly category?: CategorySignal;
    readonly participant?: string;
}

export interface EdgeMemory {
    readonly callId: string | null;
    readonly seen: ReadonlySet<string>;
    /** Transcript lines counted so far (trimmed + kept), so only new lines are scanned. */
    readonly lines: number;
    readonly last: CallSession | null;
}

/** Lines replaced (partial → final) are re-checked this far back from the newest one. */
const LOOKBACK = 16;
const MAX_SEEN = 5000;

export function emptyMemory(): EdgeMemory {
    return { callId: null, seen: new Set(), lines: 0, last: null };
}

class Collector {
    readonly edges: Edge[] = [];
    constructor(
        readonly callId: string,
        readonly seen: Set<string>
    ) {}

    add(trigger: Trigger, fact: string, extra: Partial<Edge> = {}): void {
        const key = `${this.callId}|${fact}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        if (this.seen.size > MAX_SEEN) this.seen.delete(this.seen.values().next().value as string);
        this.edges.push({ trigger, key, callId: this.callId, ...extra });
    }
}

function lifecycle(next: CallSession, out: Collector): void {
    const live = next.phase === 'ringing' || next.phase === 'connected';
    if (next.startedAt !== null && live) out.add('CallStarted', 'started');
    if (next.connectedAt !== null && next.phase === 'connected') out.add('CallConnected', 'connected');
    if (next.endedAt !== null && next.connectedAt === null) out.add('CallMissed', 'missed');
    if (next.endedAt !== null) out.add('CallEnded', 'ended');
    if (next.wrapupEndedAt !== null) out.add('WrapUpDone', 'wrapup');
}

function transcript(next: CallSession, lines: number, out: Collector): number {
    const total = next.transcriptTrimmed + next.transcriptCount;
    const look = Math.min(next.transcriptCount, Math.max(0, total - lines) + LOOKBACK);
    for (const line of latestTranscript(next, look)) {
        if (!line.partial) out.add('TranscriptLine', `line|${line.id}`, { line });
    }
    return total;
}

function signals(next: CallSession, out: Collector): void {
    const categories = next.signals.categories;
    for (let i = categories.length - 1; i >= 0; i--) {
        const category = categories[i];
        const fact = `category|${category.value}|${category.startTime}|${category.participant ?? ''}`;
        if (out.seen.has(`${out.callId}|${fact}`)) break;
        out.add('CategoryDetected', fact, { category });
    }
}

function conversation(next: CallSession, out: Collector): void {
    const flag = next.flag;
    if (flag.raised) out.add('FlagRaised', `flag|${flag.id ?? flag.raisedAt ?? ''}`);
    if (!flag.raised && flag.loweredAt !== null)
        out.add('FlagLowered', `unflag|${flag.id ?? ''}|${flag.loweredAt}`);
    for (const note of next.notes) out.add('NoteAdded', `note|${note.id}`);
    for (const hold of next.holdSegments) {
        out.add('HoldStarted', `hold|${hold.participant}|${hold.start}`, { participant: hold.participant });
        if (hold.end !== null)
            out.add('HoldEnded', `resume|${hold.participant}|${hold.start}`, {
                participant: hold.participant
            });
    }
}

function toggles(prev: CallSession | null, next: CallSession, out: Collector): void {
    const at = `|${next.version}`;
    if (next.muted !== (prev?.muted ?? false)) out.add(next.muted ? 'Muted' : 'Unmuted', `mute${at}`);
    if (next.recordingPaused !== (prev?.recordingPaused ?? false))
        out.add(next.recordingPaused ? 'RecordingPaused' : 'RecordingResumed', `recording${at}`);
    const before = new Set((prev?.participants ?? []).map((p) => p.participant));
    const after = new Set(next.participants.map((p) => p.participant));
    const caller = initialCaller(next)?.participant;
    for (const participant of after) {
        if (!before.has(participant) && participant !== caller)
            out.add('ParticipantAdded', `join|${participant}${at}`, { participant });
    }
    for (const participant of before) {
        if (!after.has(participant))
            out.add('ParticipantRemoved', `leave|${participant}${at}`, { participant });
    }
}

/** Edges between the remembered snapshot and `next`, and the memory to pass to the next call. */
export function diffEdges(memory: EdgeMemory, next: CallSession): { edges: Edge[]; memory: EdgeMemory } {
    if (next === memory.last || next.callId === null) return { edges: [], memory };
    const sameCall = next.callId === memory.callId;
    // Keys carry their call id, so the memory spans calls: a call that comes back after another took over
    // (a late callstarted for it) never reports its edges a second time.
    const seen = new Set(memory.seen);
    const prev = sameCall ? memory.last : null;
    const out = new Collector(next.callId, seen);
    lifecycle(next, out);
    const lines = transcript(next, sameCall ? memory.lines : 0, out);
    signals(next, out);
    conversation(next, out);
    toggles(prev, next, out);
    return { edges: out.edges, memory: { callId: next.callId, seen, lines, last: next } };
}
