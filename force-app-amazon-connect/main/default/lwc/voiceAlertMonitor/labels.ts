import TITLE from '@salesforce/label/c.Voice_Alerts_Title';
import LIVE from '@salesforce/label/c.Voice_Alerts_Live';
import CONNECTING from '@salesforce/label/c.Voice_Alerts_Connecting';
import STREAMING_UNAVAILABLE from '@salesforce/label/c.Voice_Alerts_StreamingUnavailable';
import REFRESH from '@salesforce/label/c.Voice_Alerts_Refresh';
import HISTORY from '@salesforce/label/c.Voice_Alerts_History';
import HISTORY_EMPTY from '@salesforce/label/c.Voice_Alerts_HistoryEmpty';
import LOADING from '@salesforce/label/c.Voice_Alerts_Loading';
import LOAD_ERROR from '@salesforce/label/c.Voice_Alerts_LoadError';
import ANNOUNCEMENT from '@salesforce/label/c.Voice_Alerts_Announcement';
import NEWEST from '@salesforce/label/c.Voice_Alerts_Newest';
import DISMISS from '@salesforce/label/c.Voice_Alerts_Dismiss';
import SOURCE from '@salesforce/label/c.Voice_Alerts_Source';
import PAYLOAD from '@salesforce/label/c.Voice_Alerts_Payload';
import SHOW_MORE from '@salesforce/label/c.Voice_Alerts_ShowMore';
import SHOW_LESS from '@salesforce/label/c.Voice_Alerts_ShowLess';
import PAYLOAD_TRUNCATED from '@salesforce/label/c.Voice_Alerts_PayloadTruncated';
import ACKNOWLEDGE from '@salesforce/label/c.Voice_Alerts_Acknowledge';
import ACKNOWLEDGE_NAMED from '@salesforce/label/c.Voice_Alerts_AcknowledgeNamed';
import ACKNOWLEDGING from '@salesforce/label/c.Voice_Alerts_Acknowledging';
import ACKNOWLEDGED from '@salesforce/label/c.Voice_Alerts_Acknowledged';
import ACKNOWLEDGED_BY from '@salesforce/label/c.Voice_Alerts_AcknowledgedBy';
import ACK_SUCCESS from '@salesforce/label/c.Voice_Alerts_AckSuccess';
import ACK_FAILED from '@salesforce/label/c.Voice_Alerts_AckFailed';
import CRITICAL from '@salesforce/label/c.Voice_Alerts_SeverityCritical';
import WARNING from '@salesforce/label/c.Voice_Alerts_SeverityWarning';
import INFORMATION from '@salesforce/label/c.Voice_Alerts_SeverityInformation';
import UNKNOWN from '@salesforce/label/c.Voice_Alerts_SeverityUnknown';
import UNNAMED from '@salesforce/label/c.Voice_AlertUnnamed';
import ACKNOWLEDGE_FAILED_DETAIL from '@salesforce/label/c.Voice_AlertAcknowledgeFailed';
import type { Severity } from './alertModel';

export const LABELS = Object.freeze({
    title: TITLE,
    live: LIVE,
    connecting: CONNECTING,
    streamingUnavailable: STREAMING_UNAVAILABLE,
    refresh: REFRESH,
    history: HISTORY,
    historyEmpty: HISTORY_EMPTY,
    loading: LOADING,
    loadError: LOAD_ERROR,
    announcement: ANNOUNCEMENT,
    newest: NEWEST,
    dismiss: DISMISS,
    source: SOURCE,
    payload: PAYLOAD,
    showMore: SHOW_MORE,
    showLess: SHOW_LESS,
    payloadTruncated: PAYLOAD_TRUNCATED,
    acknowledge: ACKNOWLEDGE,
    acknowledgeNamed: ACKNOWLEDGE_NAMED,
    acknowledging: ACKNOWLEDGING,
    acknowledged: ACKNOWLEDGED,
    acknowledgedBy: ACKNOWLEDGED_BY,
    ackSuccess: ACK_SUCCESS,
    ackFailed: ACK_FAILED,
    ackFailedDetail: ACKNOWLEDGE_FAILED_DETAIL,
    unnamed: UNNAMED
});

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = Object.freeze({
    Critical: CRITICAL,
    Warning: WARNING,
    Information: INFORMATION,
    Unknown: UNKNOWN
});
