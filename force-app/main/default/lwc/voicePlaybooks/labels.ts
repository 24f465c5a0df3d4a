// Every visible string of the playbooks panel (Custom Labels, so admins can translate them).
import TITLE from '@salesforce/label/c.Voice_Playbooks_Title';
import IDLE from '@salesforce/label/c.Voice_Playbooks_Idle';
import LOAD_ERROR from '@salesforce/label/c.Voice_Playbooks_LoadError';
import CALLER_HEADING from '@salesforce/label/c.Voice_Playbooks_CallerHeading';
import CALLER_ACCOUNT from '@salesforce/label/c.Voice_Playbooks_CallerAccount';
import CALLER_NONE from '@salesforce/label/c.Voice_Playbooks_CallerNone';
import CALLER_CHOOSE from '@salesforce/label/c.Voice_Playbooks_CallerChoose';
import OPEN from '@salesforce/label/c.Voice_Playbooks_Open';
import NEW_RECORD from '@salesforce/label/c.Voice_Playbooks_NewRecord';
import RUNS_HEADING from '@salesforce/label/c.Voice_Playbooks_RunsHeading';
import NO_RUNS from '@salesforce/label/c.Voice_Playbooks_NoRuns';
import INVALID_HEADING from '@salesforce/label/c.Voice_Playbooks_InvalidHeading';
import RESULT_DONE from '@salesforce/label/c.Voice_Playbooks_ResultDone';
import RESULT_FAILED from '@salesforce/label/c.Voice_Playbooks_ResultFailed';
import RESULT_TIMED_OUT from '@salesforce/label/c.Voice_Playbooks_ResultTimedOut';
import RESULT_SKIPPED from '@salesforce/label/c.Voice_Playbooks_ResultSkipped';
import RESULT_NOT_RUN from '@salesforce/label/c.Voice_Playbooks_ResultNotRun';
import STEP_LINE from '@salesforce/label/c.Voice_Playbooks_StepLine';
import DETAIL_MATCHES from '@salesforce/label/c.Voice_Playbooks_DetailMatches';
import DETAIL_OPENED from '@salesforce/label/c.Voice_Playbooks_DetailOpened';
import DETAIL_CHOICE from '@salesforce/label/c.Voice_Playbooks_DetailChoice';
import DETAIL_OFFER from '@salesforce/label/c.Voice_Playbooks_DetailOffer';
import DETAIL_ALREADY_OPEN from '@salesforce/label/c.Voice_Playbooks_DetailAlreadyOpen';
import DETAIL_NAVIGATION_OFF from '@salesforce/label/c.Voice_Playbooks_DetailNavigationOff';
import DETAIL_HIDDEN_TAB from '@salesforce/label/c.Voice_Playbooks_DetailHiddenTab';
import DETAIL_BAD_ID from '@salesforce/label/c.Voice_Playbooks_DetailBadId';
import DETAIL_NO_RECORD from '@salesforce/label/c.Voice_Playbooks_DetailNoRecord';
import DETAIL_NO_NBA_PANEL from '@salesforce/label/c.Voice_Playbooks_DetailNoNbaPanel';
import TAB_KIND_SUBTAB from '@salesforce/label/c.Voice_Playbooks_TabKindSubtab';
import TAB_KIND_TAB from '@salesforce/label/c.Voice_Playbooks_TabKindTab';
import TAB_KIND_PAGE from '@salesforce/label/c.Voice_Playbooks_TabKindPage';
import CASES_HEADING from '@salesforce/label/c.Voice_Playbooks_CasesHeading';
import CASES_NONE from '@salesforce/label/c.Voice_Playbooks_CasesNone';
import CASE_IVR_LINKED from '@salesforce/label/c.Voice_Playbooks_CaseIvrLinked';
import CASE_DETAIL from '@salesforce/label/c.Voice_Playbooks_CaseDetail';

export const LABELS = Object.freeze({
    title: TITLE,
    idle: IDLE,
    loadError: LOAD_ERROR,
    callerHeading: CALLER_HEADING,
    callerAccount: CALLER_ACCOUNT,
    callerNone: CALLER_NONE,
    callerChoose: CALLER_CHOOSE,
    open: OPEN,
    newRecord: NEW_RECORD,
    runsHeading: RUNS_HEADING,
    noRuns: NO_RUNS,
    invalidHeading: INVALID_HEADING,
    resultDone: RESULT_DONE,
    resultFailed: RESULT_FAILED,
    resultTimedOut: RESULT_TIMED_OUT,
    resultSkipped: RESULT_SKIPPED,
    resultNotRun: RESULT_NOT_RUN,
    stepLine: STEP_LINE,
    detailMatches: DETAIL_MATCHES,
    detailOpened: DETAIL_OPENED,
    detailChoice: DETAIL_CHOICE,
    detailOffer: DETAIL_OFFER,
    detailAlreadyOpen: DETAIL_ALREADY_OPEN,
    detailNavigationOff: DETAIL_NAVIGATION_OFF,
    detailHiddenTab: DETAIL_HIDDEN_TAB,
    detailBadId: DETAIL_BAD_ID,
    detailNoRecord: DETAIL_NO_RECORD,
    detailNoNbaPanel: DETAIL_NO_NBA_PANEL,
    tabKindSubtab: TAB_KIND_SUBTAB,
    tabKindTab: TAB_KIND_TAB,
    tabKindPage: TAB_KIND_PAGE,
    casesHeading: CASES_HEADING,
    casesNone: CASES_NONE,
    caseIvrLinked: CASE_IVR_LINKED,
    caseDetail: CASE_DETAIL
});
