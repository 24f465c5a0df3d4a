/**
 * Pure parsing for the alert monitor: live RealtimeAlertEvent messages from lightning/empApi and history rows
 * from VoiceAlertController.getRecentAlerts. Both cross a trust boundary, so input is `unknown` and every
 * field is checked; nothing here touches the DOM.
 */
import { isRecord } from 'c/voiceUtil';
import ID_FIELD from '@salesforce/schema/Voice_Alert__c.Id';
import NAME_FIELD from '@salesforce/schema/Voice_Alert__c.Name';
import SEVERITY_FIELD from '@salesforce/schema/Voice_Alert__c.Severity__c';
import SOURCE_FIELD from '@salesforce/schema/Voice_Alert__c.Source__c';
import DESCRIPTION_FIELD from '@salesforce/schema/Voice_Alert__c.Description__c';
import EVENT_TIME_FIELD from '@salesforce/schema/Voice_Alert__c.Event_Time__c';
import ACKNOWLEDGED_FIELD from '@salesforce/schema/Voice_Alert__c.Acknowledged__c';
import ACKNOWLEDGED_BY_NAME_FIELD from '@salesforce/schema/Voice_Alert__c.Acknowledged_By__r.Name';
import ACKNOWLEDGED_AT_FIELD from '@salesforce/schema/Voice_Alert__c.Acknowledged_At__c';

export type Severity = 'Critical' | 'Warning' | 'Information' | 'Unknown';
export type MinimumSeverity = Exclude<Severity, 'Unknown'>;

export const DEFAULT_MINIMUM_SEVERITY: MinimumSeverity = 'Information';

/** Same aliases as VoiceAlertSeverity.normalise, so banner and log agree. */
// A Map, not an object literal: a severity of `__proto__` or `constructor` must not find a prototype member.
const SEVERITY_ALIASES: ReadonlyMap<string, Severity> = new Map<string, Severity>([
    ['critical', 'Critical'],
    ['warning', 'Warning'],
    ['warn', 'Warning'],
    ['information', 'Information'],
    ['informational', 'Information'],
    ['info', 'Information']
]);

/** Unknown ranks lowest: it is shown only when the admin asks for everything (minimum Information). */
const RANK: Readonly<Record<Severity, number>> = Object.freeze({
    Critical: 3,
    Warning: 2,
    Information: 1,
    Unknown: 0
});

const ALL_SEVERITIES: readonly Severity[] = Object.freeze(['Critical', 'Warning', 'Information', 'Unknown']);

export interface LiveAlert {
    readonly alertName: string;
    readonly severity: Severity;
    readonly source: string;
    readonly description: string;
    readonly payload: string;
    /** Epoch ms of EventDateTime, else CreatedDate, else when it was received. */
    readonly eventTime: number;
}

export interface HistoryAlert {
    readonly id: string;
    readonly alertName: string;
    readonly severity: Severity;
    readonly source: string;
    readonly description: string;
    readonly eventTime: number | null;
    readonly acknowledged: boolean;
    readonly acknowledgedBy: string;
    readonly acknowledgedAt: number | null;
}

function text(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

/** The range a JavaScript Date can represent (ECMAScript: ±8.64e15 ms); beyond it every formatter throws. */
const MAX_EPOCH_MS = 8.64e15;

/** ISO date-time strings (how the platform serialises DateTime) or epoch ms a Date can hold; else null. */
function epochOf(value: unknown): number | null {
    if (typeof value === 'number')
        return Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_MS ? value : null;
    if (typeof value !== 'string' || value.trim() === '') return null;
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
}

/** Critical / Warning / Information / Unknown, ignoring case and surrounding spaces; blank is Unknown. */
export function normaliseSeverity(raw: unknown): Severity {
    return SEVERITY_ALIASES.get(text(raw).toLowerCase()) ?? 'Unknown';
}

/** The design attribute, tolerant of App Builder casing; anything else means "show everything". */
export function toMinimumSeverity(raw: unknown): MinimumSeverity {
    const severity = normaliseSeverity(raw);
    return severity === 'Unknown' ? DEFAULT_MINIMUM_SEVERITY : severity;
}

export function meetsMinimum(severity: Severity, minimum: MinimumSeverity): boolean {
    return minimum === 'Information' || RANK[severity] >= RANK[minimum];
}

/** The `severities` argument for getRecentAlerts. */
export function severitiesFor(minimum: MinimumSeverity): string[] {
    return ALL_SEVERITIES.filter((severity) => meetsMinimum(severity, minimum));
}

/**
 * A RealtimeAlertEvent message as lightning/empApi delivers it (`{ data: { payload, event } }`), or null
 * when it carries no payload object.
 */
export function parseLiveAlert(message: unknown, unnamed: string, receivedAt: number): LiveAlert | null {
    if (!isRecord(message) || !isRecord(message.data) || !isRecord(message.data.payload)) return null;
    const payload = message.data.payload;
    return Object.freeze({
        alertName: text(payload.Name) || unnamed,
        severity: normaliseSeverity(payload.Severity),
        source: text(payload.Source),
        description: text(payload.Description),
        // Payload keeps its whitespace: it is shown verbatim (pre-wrap), never parsed or rendered as markup.
        payload: typeof payload.Payload === 'string' ? payload.Payload : '',
        eventTime: epochOf(payload.EventDateTime) ?? epochOf(payload.CreatedDate) ?? receivedAt
    });
}

function toHistoryAlert(row: unknown, unnamed: string): HistoryAlert | null {
    if (!isRecord(row)) return null;
    const id = row[ID_FIELD.fieldApiName];
    const name = row[NAME_FIELD.fieldApiName];
    if (typeof id !== 'string' || id.trim() === '') return null;
    if (name !== undefined && name !== null && typeof name !== 'string') return null;
    const [relationship, relatedField] = ACKNOWLEDGED_BY_NAME_FIELD.fieldApiName.split('.');
    const acknowledgedBy = row[relationship];
    return Object.freeze({
        id,
        alertName: text(name) || unnamed,
        severity: normaliseSeverity(row[SEVERITY_FIELD.fieldApiName]),
        source: text(row[SOURCE_FIELD.fieldApiName]),
        description: text(row[DESCRIPTION_FIELD.fieldApiName]),
        eventTime: epochOf(row[EVENT_TIME_FIELD.fieldApiName]),
        acknowledged: row[ACKNOWLEDGED_FIELD.fieldApiName] === true,
        acknowledgedBy: isRecord(acknowledgedBy) ? text(acknowledgedBy[relatedField]) : '',
        acknowledgedAt: epochOf(row[ACKNOWLEDGED_AT_FIELD.fieldApiName])
    });
}

/** getRecentAlerts rows; anything that is not a row with an Id (and a text Name, if any) is dropped. */
export function parseHistory(data: unknown, unnamed: string): HistoryAlert[] {
    if (!Array.isArray(data)) return [];
    const rows: HistoryAlert[] = [];
    const seen = new Set<string>();
    for (const item of data) {
        const row = toHistoryAlert(item, unnamed);
        if (row && !seen.has(row.id)) {
            seen.add(row.id);
            rows.push(row);
        }
    }
    return rows;
}

/** The alert name from acknowledgeAlert's return value, if it has one. */
export function nameOfRecord(value: unknown): string {
    return isRecord(value) ? text(value[NAME_FIELD.fieldApiName]) : '';
}
