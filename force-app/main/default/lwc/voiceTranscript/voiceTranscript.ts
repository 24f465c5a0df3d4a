/**
 * Live transcript panel. Renders a bounded, chunked window of the newest lines from the call snapshot,
 * so the cost of one update is O(window) pointer checks plus re-rendering the newest chunk — independent
 * of how long the call has been going. See docs/panels-insight.md.
 */
import { api } from 'lwc';
import { latestTranscript } from 'c/voiceCallModel';
import type { CallSession, SenderRole, TranscriptEntry } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { formatLabel, roleLabel } from 'c/voiceFormat';
import { toBoolean, toBoundedInteger } from 'c/voiceUtil';
import TITLE from '@salesforce/label/c.Voice_Transcript_Title';
import EMPTY from '@salesforce/label/c.Voice_Transcript_Empty';
import WAITING from '@salesforce/label/c.Voice_Transcript_Waiting';
import ENDED from '@salesforce/label/c.Voice_Transcript_Ended';
import SPEAKER_NAMED from '@salesforce/label/c.Voice_Transcript_SpeakerNamed';
import SEARCH from '@salesforce/label/c.Voice_Transcript_Search';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.Voice_Transcript_SearchPlaceholder';
import MATCHES from '@salesforce/label/c.Voice_Transcript_Matches';
import COPY from '@salesforce/label/c.Voice_Transcript_Copy';
import COPIED from '@salesforce/label/c.Voice_Transcript_Copied';
import COPY_FAILED from '@salesforce/label/c.Voice_Transcript_CopyFailed';
import JUMP from '@salesforce/label/c.Voice_Transcript_JumpToLatest';
import SHOW_EARLIER from '@salesforce/label/c.Voice_Transcript_ShowEarlier';
import SHOWING from '@salesforce/label/c.Voice_Transcript_Showing';
import LINES from '@salesforce/label/c.Voice_Transcript_Lines';
import ANNOUNCEMENT from '@salesforce/label/c.Voice_Transcript_Announcement';
import {
    buildChunks,
    buildRow,
    chunkSizeFor,
    copyLine,
    countMatches,
    keywordPattern,
    searchPattern,
    visibleText,
    windowStart
} from './transcriptView';
import type { ChunkView, RowSettings, RowView, TimestampMode } from './transcriptView';

export const DEFAULT_MAX_ROWS = 200;
const MIN_ROWS = 10;
const MAX_ROWS = 2000;
/** Within this many pixels of the bottom counts as "at the latest line". */
const BOTTOM_SLACK_PX = 24;
const ANNOUNCED_ROLES: ReadonlySet<SenderRole> = new Set<SenderRole>(['Customer', 'Agent']);

/**
 * The call start on the utterances' clock: `startedAt` is this browser's receipt time, utterance timestamps
 * are the server's, so any skew between the agent's PC and the server would shift every elapsed time (all
 * "00:00" when the PC runs ahead). The model's clock offset puts both on the server's time base.
 */
function callStartOnServerClock(session: CallSession): number | null {
    const start = session.startedAt ?? session.connectedAt;
    return start === null ? null : start - (session.clockOffsetMs ?? 0);
}

export default class VoiceTranscript extends VoicePanel {
    /** The VoiceCall of the record page (declared here so the page sets it; see VoicePanel). */
    @api override recordId: string | undefined = undefined;
    /** History kept by the model (standalone only; default 5,000 lines). */
    @api maxTranscript: number | undefined;
    /** Keywords to highlight, comma-separated (design attribute). */
    @api
    get keywords(): string {
        return this._keywords;
    }
    set keywords(value: string) {
        this._keywords = typeof value === 'string' ? value : '';
        this.invalidate();
    }

    /** Lines rendered at most before "show earlier" (design attribute, 10..2000, default 200). */
    @api
    get maxRows(): number {
        return this._maxRows;
    }
    set maxRows(value: number) {
        this._maxRows = toBoundedInteger(value, {
            min: MIN_ROWS,
            max: MAX_ROWS,
            fallback: DEFAULT_MAX_ROWS,
            belowMin: 'min'
        });
        this.invalidate();
    }

    /** `wallclock` (default) or `elapsed` since the call started (design attribute). */
    @api
    get timestampMode(): TimestampMode {
        return this._timestampMode;
    }
    set timestampMode(value: TimestampMode) {
        this._timestampMode = value === 'elapsed' ? 'elapsed' : 'wallclock';
        this.invalidate();
    }

    /** Show digit runs (card/account numbers) as spoken; off, they are masked in display, search and copy (design attribute). */
    @api
    get showDigits(): boolean {
        return !this._maskDigits;
    }
    set showDigits(value: boolean) {
        this._maskDigits = !toBoolean(value, false);
        this.invalidate();
    }

    /** Stop announcing each new customer/agent line to screen readers (design attribute). */
    @api
    get muteAnnouncements(): boolean {
        return !this._announceLines;
    }
    set muteAnnouncements(value: boolean) {
        this._announceLines = !toBoolean(value, false);
    }

    readonly labels = Object.freeze({
        title: TITLE,
        empty: EMPTY,
        waiting: WAITING,
        ended: ENDED,
        search: SEARCH,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        copy: COPY,
        jump: JUMP,
        showEarlier: SHOW_EARLIER,
        lines: LINES
    });

    chunks: readonly ChunkView[] = [];
    paused = false;
    announcement = '';
    copyStatus = '';
    matchCount = 0;
    searchQuery = '';
    renderedLines = 0;
    keptLines = 0;

    private _keywords = '';
    private _maxRows = DEFAULT_MAX_ROWS;
    private _timestampMode: TimestampMode = 'wallclock';
    private _maskDigits = true;
    private _announceLines = true;
    private extraRows = 0;
    private settings: RowSettings | null = null;
    private rowCache = new WeakMap<TranscriptEntry, RowView>();
    private matchCache = new WeakMap<TranscriptEntry, number>();
    private lastAnnouncedId: string | null = null;
    private lastScrollTop = 0;
    private scrollPending = false;
    private frameRequested = false;

    protected override get idle(): boolean {
        return this.view.phase === 'idle' && this.view.transcriptCount === 0;
    }

    protected override get bridgeMaxTranscript(): number | undefined {
        return this.maxTranscript;
    }

    get isEnded(): boolean {
        return this.view.phase === 'ended' || this.view.phase === 'wrapupDone';
    }

    get hasLines(): boolean {
        return this.renderedLines > 0;
    }

    get hasEarlier(): boolean {
        return this.renderedLines < this.keptLines;
    }

    get showingText(): string {
        return formatLabel(SHOWING, this.renderedLines, this.keptLines);
    }

    get hasSearch(): boolean {
        return this.searchQuery.trim() !== '';
    }

    get matchText(): string {
        return formatLabel(MATCHES, this.matchCount);
    }

    // ---- session input ----

    protected override sessionChanged(): void {
        this.refresh();
    }

    /** Settings changed: rebuild every row once (an admin or search action, not a per-event cost). */
    private invalidate(): void {
        this.settings = null;
        this.rowCache = new WeakMap();
        this.matchCache = new WeakMap();
        this.refresh(true);
    }

    private rowSettings(): RowSettings {
        const origin = callStartOnServerClock(this.view);
        if (this.settings === null || this.settings.origin !== origin) {
            if (this.settings !== null) this.rowCache = new WeakMap();
            this.settings = Object.freeze({
                mask: this._maskDigits,
                search: searchPattern(this.searchQuery),
                keywords: keywordPattern(this._keywords),
                timestampMode: this._timestampMode,
                origin,
                namedSpeaker: (role: string, displayName: string) =>
                    formatLabel(SPEAKER_NAMED, role, displayName)
            });
        }
        return this.settings;
    }

    private readonly rowFor = (entry: TranscriptEntry): RowView => {
        let row = this.rowCache.get(entry);
        if (row === undefined) {
            row = buildRow(entry, this.rowSettings());
            this.rowCache.set(entry, row);
        }
        return row;
    };

    /** Recomputes the window; O(window) pointer checks, new rows only for new or changed entries. */
    private refresh(force = false): void {
        const session = this.view;
        const settings = this.rowSettings();
        const total = session.transcriptTrimmed + session.transcriptCount;
        const chunk = chunkSizeFor(this._maxRows);
        const start = windowStart(total, session.transcriptTrimmed, this._maxRows + this.extraRows, chunk);
        const entries = latestTranscript(session, total - start);
        const next = buildChunks(entries, start, chunk, force ? [] : this.chunks, this.rowFor);
        this.renderedLines = entries.length;
        this.keptLines = session.transcriptCount;
        const changed = next !== this.chunks;
        if (changed) {
            this.chunks = next;
            if (!this.paused) this.scrollPending = true;
            this.announce(entries.at(-1), settings);
        }
        if (changed || force) {
            this.matchCount = settings.search === null ? 0 : this.countAllMatches(settings.search);
        }
    }

    private announce(newest: TranscriptEntry | undefined, settings: RowSettings): void {
        if (!this._announceLines || newest === undefined || newest.partial) return;
        if (newest.id === this.lastAnnouncedId || !ANNOUNCED_ROLES.has(newest.role)) return;
        this.lastAnnouncedId = newest.id;
        this.announcement = formatLabel(
            ANNOUNCEMENT,
            roleLabel(newest.role),
            visibleText(newest, settings.mask)
        );
    }

    /** Matches over the whole kept history, each line counted once per query (cached by entry). */
    private countAllMatches(pattern: RegExp): number {
        const mask = this._maskDigits;
        let count = 0;
        for (const entry of latestTranscript(this.view, this.view.transcriptCount)) {
            let n = this.matchCache.get(entry);
            if (n === undefined) {
                n = countMatches(visibleText(entry, mask), pattern);
                this.matchCache.set(entry, n);
            }
            count += n;
        }
        return count;
    }

    // ---- toolbar ----

    handleSearch(event: CustomEvent<{ value?: string }>): void {
        const target = event.target as HTMLInputElement | null;
        this.searchQuery = event.detail?.value ?? target?.value ?? '';
        this.invalidate();
    }

    async handleCopy(): Promise<void> {
        const settings = this.rowSettings();
        const text = latestTranscript(this.view, this.view.transcriptCount)
            .map((entry) => copyLine(entry, settings))
            .join('\n');
        try {
            const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
            if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
            await clipboard.writeText(text);
            this.copyStatus = COPIED;
        } catch {
            // Clipboard access is blocked in some containers (iframes without permission): say how to copy instead.
            this.copyStatus = COPY_FAILED;
        }
    }

    handleShowEarlier(): void {
        this.extraRows += this._maxRows;
        this.refresh();
    }

    // ---- scrolling ----

    handleScroll(): void {
        const scroller = this.refs?.scroller as HTMLElement | undefined;
        if (!scroller) return;
        const top = scroller.scrollTop;
        const atBottom = scroller.scrollHeight - top - scroller.clientHeight <= BOTTOM_SLACK_PX;
        if (atBottom) this.paused = false;
        else if (top < this.lastScrollTop) this.paused = true;
        this.lastScrollTop = top;
    }

    handleJumpToLatest(): void {
        this.paused = false;
        this.scrollToBottom();
        (this.refs?.scroller as HTMLElement | undefined)?.focus();
    }

    override renderedCallback(): void {
        if (!this.scrollPending) return;
        this.scrollPending = false;
        if (this.frameRequested) return;
        this.frameRequested = true;
        // One layout read per frame however many events a burst brought, instead of one per render.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        requestAnimationFrame(() => {
            this.frameRequested = false;
            if (!this.paused) this.scrollToBottom();
        });
    }

    private scrollToBottom(): void {
        const scroller = this.refs?.scroller as HTMLElement | undefined;
        if (!scroller) return;
        scroller.scrollTop = scroller.scrollHeight;
        this.lastScrollTop = scroller.scrollTop;
    }
}
