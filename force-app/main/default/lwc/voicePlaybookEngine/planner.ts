// Edges → the playbook runs they start. A run key names what may happen only once: `<callId>|<playbook>`
// for run-once playbooks, else `<callId>|<playbook>|<edge key>`; the panel claims it page-wide (so two
// panels or console tabs never run it twice) and the planner remembers it (so out-of-order snapshots
// never plan it twice). Pure: the caller passes `now`.
import { initialCaller } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import type { CallName, ReferenceValues } from 'c/voiceReferences';
import { conditionHolds } from './conditions';
import { evaluateCriteria } from './criteria';
import { criteriaOf } from './definitions';
import { diffEdges, emptyMemory } from './edges';
import type { Edge, EdgeMemory } from './edges';
import type { Playbook } from './types';

export interface PlanContext {
    /** The panel's group; blank runs every playbook, else that group's and the ungrouped ones. */
    readonly group: string;
    readonly recordId: string | null;
    /** VoiceCall fields as read (API name → text); blank when unknown. */
    readonly voiceCall: Readonly<Record<string, string>>;
    readonly now: number;
}

export interface PlannedRun {
    readonly key: string;
    readonly playbook: Playbook;
    readonly edge: Edge;
    readonly values: ReferenceValues;
}

export interface PlannerState {
    readonly edges: EdgeMemory;
    readonly planned: ReadonlySet<string>;
    /** `<callId>|<playbook>` → time of its last run, for cooldowns. */
    readonly lastRun: ReadonlyMap<string, number>;
}

export function emptyPlanner(): PlannerState {
    return { edges: emptyMemory(), planned: new Set(), lastRun: new Map() };
}

/** `$Call.*` values of a snapshot and the edge that triggered the run. */
export function callValues(
    session: CallSession,
    edge: Edge | null,
    recordId: string | null
): Record<CallName, string> {
    return {
        callId: session.callId ?? '',
        callType: session.callType ?? '',
        participant: initialCaller(session)?.participant ?? session.participants[0]?.participant ?? '',
        phase: session.phase,
        flagRaised: String(session.flag.raised),
        line: edge?.line?.text ?? '',
        lineRole: edge?.line?.role ?? '',
        category: edge?.category?.value ?? '',
        categoryScore: edge?.category?.score == null ? '' : String(edge.category.score),
        recordId: recordId ?? ''
    };
}

function applies(playbook: Playbook, session: CallSession, edge: Edge, group: string): boolean {
    if (!playbook.active || playbook.trigger !== edge.trigger) return false;
    if (group !== '' && playbook.group !== '' && playbook.group !== group) return false;
    return playbook.callType === 'Any' || playbook.callType.toLowerCase() === session.callType;
}

function matches(playbook: Playbook, session: CallSession, edge: Edge, values: ReferenceValues): boolean {
    const byNumber = new Map(playbook.conditions.map((c) => [c.number, c]));
    return evaluate(playbook, (n) => {
        const condition = byNumber.get(n);
        return condition !== undefined && conditionHolds(condition, { session, edge, values });
    });
}

/** Blank criteria over no conditions is an empty AND: the playbook always matches. */
function evaluate(playbook: Playbook, truth: (n: number) => boolean): boolean {
    return evaluateCriteria(criteriaOf(playbook), truth);
}

/** Runs that `session` starts (in playbook order per edge), the edges themselves, and the next state. */
export function plan(
    state: PlannerState,
    session: CallSession,
    playbooks: readonly Playbook[],
    context: PlanContext
): { runs: PlannedRun[]; edges: Edge[]; state: PlannerState } {
    const { edges, memory } = diffEdges(state.edges, session);
    const sameCall = memory.callId === state.edges.callId;
    const planned = new Set(sameCall ? state.planned : []);
    const lastRun = new Map(sameCall ? state.lastRun : []);
    const runs: PlannedRun[] = [];
    for (const edge of edges) {
        for (const playbook of playbooks) {
            if (!applies(playbook, session, edge, context.group)) continue;
            const once = `${edge.callId}|${playbook.developerName}`;
            const key = playbook.runOncePerCall ? once : `${once}|${edge.key}`;
            const last = lastRun.get(once);
            if (planned.has(key)) continue;
            if (last !== undefined && context.now - last < playbook.cooldownSeconds * 1000) continue;
            const values: ReferenceValues = {
                call: callValues(session, edge, context.recordId),
                voiceCall: context.voiceCall,
                steps: {}
            };
            if (!matches(playbook, session, edge, values)) continue;
            planned.add(key);
            lastRun.set(once, context.now);
            runs.push({ key, playbook, edge, values });
        }
    }
    return { runs, edges, state: { edges: memory, planned, lastRun } };
}
