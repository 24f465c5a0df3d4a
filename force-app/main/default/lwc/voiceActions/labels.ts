import TITLE from '@salesforce/label/c.Voice_Actions_Title';
import EMPTY from '@salesforce/label/c.Voice_Actions_Empty';
import LOAD_ERROR from '@salesforce/label/c.Voice_Actions_LoadError';
import RUN from '@salesforce/label/c.Voice_Actions_Run';
import RUN_NAMED from '@salesforce/label/c.Voice_Actions_RunNamed';
import CANCEL from '@salesforce/label/c.Voice_Actions_Cancel';
import CONFIRM from '@salesforce/label/c.Voice_Actions_Confirm';
import CLOSE from '@salesforce/label/c.Voice_Actions_Close';
import RUNNING from '@salesforce/label/c.Voice_Actions_Running';
import RESULTS from '@salesforce/label/c.Voice_Actions_Results';
import NO_RESULTS from '@salesforce/label/c.Voice_Actions_NoResults';
import FINISHED from '@salesforce/label/c.Voice_Actions_Finished';
import PAUSED from '@salesforce/label/c.Voice_Actions_Paused';
import FAILED from '@salesforce/label/c.Voice_Actions_Failed';
import TIMEOUT from '@salesforce/label/c.Voice_Actions_Timeout';
import NOT_ALLOWED from '@salesforce/label/c.Voice_Actions_NotAllowed';
import LIMIT_REACHED from '@salesforce/label/c.Voice_Actions_LimitReached';
import NOT_NOW from '@salesforce/label/c.Voice_Actions_NotNow';
import OPENED_IN_TAB from '@salesforce/label/c.Voice_Actions_OpenedInTab';
import REQUIRED from '@salesforce/label/c.Voice_Actions_Required';
import TOO_LONG from '@salesforce/label/c.Voice_Actions_TooLong';
import BAD_NUMBER from '@salesforce/label/c.Voice_Actions_BadNumber';
import ADMIN_PROBLEMS from '@salesforce/label/c.Voice_Actions_AdminProblems';
import FORM_TITLE from '@salesforce/label/c.Voice_Actions_FormTitle';

/** Every visible string of the actions panel. */
export const LABELS = Object.freeze({
    title: TITLE,
    empty: EMPTY,
    loadError: LOAD_ERROR,
    run: RUN,
    runNamed: RUN_NAMED,
    cancel: CANCEL,
    confirm: CONFIRM,
    close: CLOSE,
    running: RUNNING,
    results: RESULTS,
    noResults: NO_RESULTS,
    finished: FINISHED,
    paused: PAUSED,
    failed: FAILED,
    timeout: TIMEOUT,
    notAllowed: NOT_ALLOWED,
    limitReached: LIMIT_REACHED,
    notNow: NOT_NOW,
    openedInTab: OPENED_IN_TAB,
    required: REQUIRED,
    tooLong: TOO_LONG,
    badNumber: BAD_NUMBER,
    adminProblems: ADMIN_PROBLEMS,
    formTitle: FORM_TITLE
});
