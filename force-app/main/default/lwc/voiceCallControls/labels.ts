import TITLE from '@salesforce/label/c.Voice_Controls_Title';
import IDLE from '@salesforce/label/c.Voice_Controls_Idle';
import INCOMING from '@salesforce/label/c.Voice_Controls_Incoming';
import ACCEPT from '@salesforce/label/c.Voice_Controls_Accept';
import DECLINE from '@salesforce/label/c.Voice_Controls_Decline';
import CONNECTED from '@salesforce/label/c.Voice_Controls_Connected';
import CALL_TIME from '@salesforce/label/c.Voice_Controls_CallTime';
import MUTE from '@salesforce/label/c.Voice_Controls_Mute';
import UNMUTE from '@salesforce/label/c.Voice_Controls_Unmute';
import MUTED from '@salesforce/label/c.Voice_Controls_Muted';
import PARTICIPANTS from '@salesforce/label/c.Voice_Controls_Participants';
import ROLE_CALLER from '@salesforce/label/c.Voice_Controls_RoleCaller';
import ROLE_THIRD_PARTY from '@salesforce/label/c.Voice_Controls_RoleThirdParty';
import HOLD from '@salesforce/label/c.Voice_Controls_Hold';
import RESUME from '@salesforce/label/c.Voice_Controls_Resume';
import ON_HOLD_FOR from '@salesforce/label/c.Voice_Controls_OnHoldFor';
import REMOVE from '@salesforce/label/c.Voice_Controls_Remove';
import END_CALL from '@salesforce/label/c.Voice_Controls_EndCall';
import PAUSE_RECORDING from '@salesforce/label/c.Voice_Controls_PauseRecording';
import RESUME_RECORDING from '@salesforce/label/c.Voice_Controls_ResumeRecording';
import RECORDING_PAUSED from '@salesforce/label/c.Voice_Controls_RecordingPaused';
import MERGE from '@salesforce/label/c.Voice_Controls_Merge';
import SWAP from '@salesforce/label/c.Voice_Controls_Swap';
import WORKING from '@salesforce/label/c.Voice_Controls_Working';
import ENDED from '@salesforce/label/c.Voice_Controls_Ended';
import DIAL_HEADING from '@salesforce/label/c.Voice_Controls_DialHeading';
import PHONE_NUMBER from '@salesforce/label/c.Voice_Controls_PhoneNumber';
import DIAL from '@salesforce/label/c.Voice_Controls_Dial';
import PHONE_INVALID from '@salesforce/label/c.Voice_Controls_PhoneInvalid';
import KEYPAD from '@salesforce/label/c.Voice_Controls_Keypad';
import TRANSFER_HEADING from '@salesforce/label/c.Voice_Controls_TransferHeading';
import CALLING from '@salesforce/label/c.Voice_Controls_Calling';
import CANCEL from '@salesforce/label/c.Voice_Controls_Cancel';
import ROLE_CALLED from '@salesforce/label/c.Voice_Controls_RoleCalled';
import UNKNOWN_NUMBER from '@salesforce/label/c.Voice_Controls_UnknownNumber';
import ON_HOLD from '@salesforce/label/c.Voice_Controls_OnHold';
import CONFERENCE from '@salesforce/label/c.Voice_Controls_Conference';
import QUALITY_GOOD from '@salesforce/label/c.Voice_Controls_QualityGood';
import QUALITY_FAIR from '@salesforce/label/c.Voice_Controls_QualityFair';
import QUALITY_POOR from '@salesforce/label/c.Voice_Controls_QualityPoor';
import DISMISS from '@salesforce/label/c.Voice_Action_Dismiss';
import DETAILS from '@salesforce/label/c.Voice_Action_Details';

export const LABELS = Object.freeze({
    title: TITLE,
    idle: IDLE,
    incoming: INCOMING,
    accept: ACCEPT,
    decline: DECLINE,
    connected: CONNECTED,
    callTime: CALL_TIME,
    mute: MUTE,
    unmute: UNMUTE,
    muted: MUTED,
    participants: PARTICIPANTS,
    roleCaller: ROLE_CALLER,
    roleThirdParty: ROLE_THIRD_PARTY,
    hold: HOLD,
    resume: RESUME,
    onHoldFor: ON_HOLD_FOR,
    remove: REMOVE,
    endCall: END_CALL,
    pauseRecording: PAUSE_RECORDING,
    resumeRecording: RESUME_RECORDING,
    recordingPaused: RECORDING_PAUSED,
    merge: MERGE,
    swap: SWAP,
    working: WORKING,
    ended: ENDED,
    dialHeading: DIAL_HEADING,
    phoneNumber: PHONE_NUMBER,
    dial: DIAL,
    phoneInvalid: PHONE_INVALID,
    keypad: KEYPAD,
    transferHeading: TRANSFER_HEADING,
    calling: CALLING,
    cancel: CANCEL,
    roleCalled: ROLE_CALLED,
    unknownNumber: UNKNOWN_NUMBER,
    onHold: ON_HOLD,
    conference: CONFERENCE,
    qualityGood: QUALITY_GOOD,
    qualityFair: QUALITY_FAIR,
    qualityPoor: QUALITY_POOR,
    dismiss: DISMISS,
    details: DETAILS
});
