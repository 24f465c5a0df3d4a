// One condition against the call: what it tests (source) compared with the admin's value (operator).
// Text comparisons ignore case and surrounding spaces; GreaterThan/LessThan compare numbers only.
import { initialCaller } from 'c/voiceCallModel';
import type { CallSession } from 'c/voiceCallModel';
import { resolveReferences } from 'c/voiceReferences';
import type { ReferenceValues } from 'c/voiceReferences';
import type { Edge } from './edges';
import type { Condition, Operator } from './types';

export interface Facts {
    readonly session: CallSession;
    readonly edge: Edge;
    readonly values: ReferenceValues;
}

const fold = (text: string): string => text.trim().toLowerCase();

export function compare(operator: Operator, actual: string, expected: string): boolean {
    switch (operator) {
        case 'Equals':
            return fold(actual) === fold(expected);
        case 'NotEquals':
            return fold(actual) !== fold(expected);
        case 'GreaterThan':
        case 'LessThan': {
            const a = actual.trim() === '' ? NaN : Number(actual);
            const b = Number(expected);
            if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
            return operator === 'GreaterThan' ? a > b : a < b;
        }
        case 'Contains':
            return fold(actual).includes(fold(expected));
        case 'StartsWith':
            return fold(actual).startsWith(fold(expected));
        case 'IsBlank':
            return actual.trim() === '';
        default:
            return actual.trim() !== '';
    }
}

function callerSentiment(session: CallSession): string {
    const caller = initialCaller(session)?.participant;
    const series =
        session.signals.sentiment.find((s) => s.participant === caller) ?? session.signals.sentiment[0];
    return series ? String(series.latest) : '';
}

/** The values a condition's source provides; a condition holds when any of them compares true. */
function actuals(condition: Condition, facts: Facts): string[] {
    const { edge, session } = facts;
    switch (condition.source) {
        case 'Reference':
            return [resolveReferences(condition.reference ?? '', facts.values)];
        case 'TranscriptText':
            return edge.line && (condition.role === 'Any' || edge.line.role === condition.role)
                ? [edge.line.text]
                : [];
        case 'SignalCategory':
            return edge.category ? [edge.category.value] : session.signals.categories.map((c) => c.value);
        case 'SignalScore':
            return edge.category?.score != null ? [String(edge.category.score)] : [];
        case 'Sentiment':
            return [callerSentiment(session)];
        default:
            return [session.flag.raised ? 'Raised' : 'Lowered'];
    }
}

export function conditionHolds(condition: Condition, facts: Facts): boolean {
    return actuals(condition, facts).some((actual) => compare(condition.operator, actual, condition.value));
}
