// The caller card's cases as VoicePlaybookController.getCallerCases returns them (VoiceCallerService.CallerCase):
// `unknown` checked field by field, so a malformed row is dropped rather than rendered or linked to.
import { isRecordId } from './callerMatch';

export interface CallerCase {
    readonly recordId: string;
    readonly caseNumber: string;
    readonly subject: string;
    readonly caseStatus: string;
    readonly ivrLinked: boolean;
}

export interface CaseView extends CallerCase {
    readonly key: string;
    /** The record's Lightning URL, so the link also works with a middle click or "open in new tab". */
    readonly url: string;
    readonly detail: string;
}

function textOf(record: Record<string, unknown>, key: string): string {
    const value = record[key];
    return typeof value === 'string' ? value : '';
}

/** The valid cases of an Apex answer; anything else in it is ignored. */
export function toCallerCases(value: unknown): CallerCase[] {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
        if (typeof item !== 'object' || item === null) return [];
        const record = item as Record<string, unknown>;
        const found: CallerCase = {
            recordId: textOf(record, 'recordId'),
            caseNumber: textOf(record, 'caseNumber'),
            subject: textOf(record, 'subject'),
            caseStatus: textOf(record, 'status'),
            ivrLinked: record.ivrLinked === true
        };
        return isRecordId(found.recordId) && found.caseNumber !== '' ? [found] : [];
    });
}

/** Rows for the template; `describe` turns subject and status into the label's text. */
export function toCaseViews(
    cases: readonly CallerCase[],
    describe: (subject: string, caseStatus: string) => string
): CaseView[] {
    return cases.map((found) => ({
        ...found,
        key: found.recordId,
        url: `/lightning/r/Case/${found.recordId}/view`,
        detail: describe(found.subject, found.caseStatus)
    }));
}
