import { LightningElement, api } from 'lwc';
import INTERIM from '@salesforce/label/c.Voice_Transcript_Interim';

/** One row as `c/voiceTranscript` builds it; every field is plain text. */
export interface TranscriptRow {
    readonly key: string;
    readonly speaker: string;
    readonly speakerClass: string;
    readonly time: string;
    readonly segments: ReadonlyArray<{
        readonly key: string;
        readonly text: string;
        readonly className: string;
    }>;
    readonly partial: boolean;
    readonly rowClass: string;
}

/**
 * Presentational: renders a run of transcript rows as plain elements. The transcript hands each instance a
 * frozen array that keeps its identity while unchanged, so older runs are not re-rendered on new lines.
 */
export default class VoiceTranscriptRows extends LightningElement {
    @api rows: readonly TranscriptRow[] = [];

    readonly labels = Object.freeze({ interim: INTERIM });
}
