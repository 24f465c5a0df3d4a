// Settings the connector reads from the contact center (Salesforce passes the contact center's
// import-template items to init() keyed `/section/item`, as Salesforce's demo-scv-connector reads
// `/reqGeneralInfo/reqInternalName`). Parsed from unknown with reasons.
import { isRecord } from '../protocol/jsonValues';
import { type Result, fail, ok } from '../protocol/result';

export const RELAY_URL_KEY = '/reqVoximplant/reqRelayUrl';
export const STATUS_MAP_KEY = '/reqVoximplant/reqStatusMap';

export interface ConnectorSettings {
    readonly relayUrl: string;
    /** Kit status → Salesforce presence status id. */
    readonly statusMap: Readonly<Record<string, string>>;
}

const SECURE_URL = /^wss:\/\/[^\s/]+/;
const LOCAL_URL = /^ws:\/\/127\.0\.0\.1:\d+\//;

/** `allowLocal` admits ws://127.0.0.1 (local workbench and tests only; an org always gets wss://). */
export function parseConnectorSettings(
    config: Readonly<Record<string, unknown>>,
    allowLocal = false
): Result<ConnectorSettings> {
    const url = config[RELAY_URL_KEY];
    if (typeof url !== 'string' || !(SECURE_URL.test(url) || (allowLocal && LOCAL_URL.test(url))))
        return fail(`${RELAY_URL_KEY} must be a wss:// URL`);
    const rawMap = config[STATUS_MAP_KEY];
    let statusMap: Record<string, string> = {};
    if (typeof rawMap === 'string' && rawMap.trim() !== '') {
        try {
            const parsed: unknown = JSON.parse(rawMap);
            if (!isRecord(parsed) || !Object.values(parsed).every((v) => typeof v === 'string'))
                return fail(`${STATUS_MAP_KEY} must map Kit statuses to status ids`);
            statusMap = parsed as Record<string, string>;
        } catch {
            return fail(`${STATUS_MAP_KEY} is not JSON`);
        }
    }
    return ok({ relayUrl: url, statusMap });
}
