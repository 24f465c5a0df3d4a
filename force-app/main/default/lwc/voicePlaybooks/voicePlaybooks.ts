/**
 * Voice playbooks panel: runs the admin's playbooks (Custom Metadata, read through VoicePlaybookController)
 * on the call's events, shows who is calling (caller card), the choice list when several records match, the
 * caller's open cases and the IVR-linked case (VoicePlaybookController.getCallerCases), the
 * banners, the run log of the current call and, when enabled, the invalid playbooks and why.
 *
 * Once per call, page-wide: every run is claimed with `claimOnce` under its run key, and every screen pop
 * under `<callId>|<recordId>`, so two instances of the panel (or the panel in two console tabs of one page)
 * never run a playbook or open a record twice. Navigation happens only from a visible browser tab.
 * Call control is never a step. Text from definitions, records and callers renders as text only.
 */
import { api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { IsConsoleNavigation } from 'lightning/platformWorkspaceApi';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { MessageContext, publish } from 'lightning/messageService';
import type { MessageContext as MessageContextType } from 'lightning/messageService';
import VOICE_CALL_EVENT from '@salesforce/messageChannel/Voice_Call_Event__c';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import getPlaybooks from '@salesforce/apex/VoicePlaybookController.getPlaybooks';
import identifyCaller from '@salesforce/apex/VoicePlaybookController.identifyCaller';
import getCallerCases from '@salesforce/apex/VoicePlaybookController.getCallerCases';
import runFlowStep from '@salesforce/apex/VoicePlaybookController.runFlowStep';
import type { CallSession } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { toBoundedInteger } from 'c/voiceUtil';
import { claimOnce } from 'c/voicePageOnce';
import { formatLabel } from 'c/voiceFormat';
import { reduceErrors } from 'c/ldsUtils';
import { requestNextBestAction } from 'c/voiceNbaRequests';
import { voiceCallFields } from 'c/voiceReferences';
import { emptyPlanner, parseDefinitions, plan, runPlaybook, toCallEventMessage } from 'c/voicePlaybookEngine';
import type {
    Definitions,
    Edge,
    PlannedRun,
    PlannerState,
    ResolvedStep,
    RunLog,
    StepExecutors,
    StepOutcome,
    StepStatus
} from 'c/voicePlaybookEngine';
import {
    encodeDefaults,
    isRecordId,
    shareCaller,
    sharedCaller,
    toMatches,
    watchCallers
} from './callerMatch';
import type { CallerMatch } from './callerMatch';
import { toCallerCases, toCaseViews } from './callerCases';
import type { CallerCase, CaseView } from './callerCases';
import { LABELS } from './labels';
import { openInConsole } from './workspace';
import type { OpenedIn } from './workspace';

const DEFAULT_RUNS_SHOWN = 10;
const MAX_BANNERS = 5;
const EMPTY: Definitions = Object.freeze({ playbooks: [], invalid: [] });
/** The case the IVR linked: the case-link flow sets VoiceCall.RelatedRecordId (only Apex can set it). */
const LINKED_RECORD_FIELDS = ['VoiceCall.RelatedRecordId'];

interface NewRecordOffer {
    readonly objectApiName: string;
    readonly defaults: string;
}

const RESULT_TEXT: Readonly<Record<StepStatus, string>> = {
    done: LABELS.resultDone,
    failed: LABELS.resultFailed,
    timedOut: LABELS.resultTimedOut,
    skipped: LABELS.resultSkipped,
    notRun: LABELS.resultNotRun
};
const OPENED_TEXT: Readonly<Record<OpenedIn, string>> = {
    subtab: LABELS.tabKindSubtab,
    tab: LABELS.tabKindTab,
    page: LABELS.tabKindPage
};

/** A text field of an untyped Apex answer; blank when absent or not text. */
function answerText(answer: unknown, key: string): string {
    const value =
        typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : '';
}

export default class VoicePlaybooks extends NavigationMixin(VoicePanel) {
    /**
     * The VoiceCall: its fields feed `{!$VoiceCall.X}`, its tab parents the screen-pop subtabs. Declared on the
     * exposed class itself because a record page sets recordId only on a property the component's own class
     * declares.
     */
    @api override recordId: string | undefined = undefined;
    /** Runs the playbooks of this group and the ungrouped ones; blank runs them all (design attribute). */
    @api group = '';
    /** Keeps playbooks from opening records (design attribute, default off; only an explicit true turns it on). */
    @api
    get preventNavigation(): boolean {
        return !this._allowNavigation;
    }
    set preventNavigation(value: boolean) {
        this._allowNavigation = value !== true;
    }
    /** Lists invalid playbooks and why: for the admin's own page (design attribute). */
    @api showInvalid = false;

    /** Runs of the current call kept in the log (design attribute, default 10). */
    @api
    get runsShown(): number {
        return this._runsShown;
    }
    set runsShown(value: number) {
        this._runsShown = toBoundedInteger(value, { min: 1, max: 100, fallback: DEFAULT_RUNS_SHOWN });
    }

    readonly labels = LABELS;

    definitions: Definitions = EMPTY;
    loadError: unknown = null;
    caller: CallerMatch | null = null;
    callerSearched = false;
    choices: CallerMatch[] = [];
    newRecordOffer: NewRecordOffer | null = null;
    banners: { key: string; text: string }[] = [];
    linkedRecordId = '';
    runs: RunLog[] = [];

    private _runsShown = DEFAULT_RUNS_SHOWN;
    private _allowNavigation = true;
    private loaded = false;
    private voiceCall: Readonly<Record<string, string>> = {};
    private voiceCallSettled = true;
    private isConsole = false;
    private planner: PlannerState = emptyPlanner();
    private callId: string | null = null;
    private queue: Promise<void> = Promise.resolve();
    private matchesByStep = new Map<string, CallerMatch[]>();
    private callerCases: CallerCase[] = [];
    /** Which caller and linked record `callerCases` answers, so a previous caller's cases never show. */
    private casesFor: string | null = null;

    private stopWatching: (() => void) | null = null;

    override connectedCallback(): void {
        this.stopWatching = watchCallers((callId) => {
            if (callId === this.callId) this.caller = sharedCaller(callId);
        });
    }

    override disconnectedCallback(): void {
        this.stopWatching?.();
        this.stopWatching = null;
    }

    @wire(MessageContext)
    messageContext: MessageContextType | undefined;

    @wire(IsConsoleNavigation)
    wiredConsole(value: boolean | undefined): void {
        this.isConsole = value === true;
    }

    @wire(getPlaybooks)
    wiredPlaybooks({ data, error }: { data?: unknown; error?: unknown }): void {
        if (error) {
            this.loadError = error;
            this.definitions = EMPTY;
        } else if (data !== undefined) {
            this.loadError = null;
            this.definitions = parseDefinitions(data);
            this.voiceCallSettled = this.voiceCallFieldList.length === 0 || !this.hasRecord;
        } else {
            return;
        }
        this.loaded = true;
        this.evaluate();
    }

    /** VoiceCall fields the playbooks read through `{!$VoiceCall.X}`, in `VoiceCall.X` form for LDS. */
    get voiceCallFieldList(): string[] {
        const fields = new Set<string>();
        for (const playbook of this.definitions.playbooks) {
            const texts = [
                ...playbook.conditions.map((c) => c.reference ?? ''),
                ...playbook.steps.flatMap((s) => [s.target, s.value])
            ];
            texts.forEach((text) =>
                voiceCallFields(text).forEach((field) => fields.add(`VoiceCall.${field}`))
            );
        }
        return [...fields].sort();
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$voiceCallFieldList' })
    wiredVoiceCall({ data, error }: { data?: RecordRepresentation; error?: unknown }): void {
        if (!data && !error) return;
        const values: Record<string, string> = {};
        for (const [field, value] of Object.entries(data?.fields ?? {})) {
            values[field] = value?.value == null ? '' : String(value.value);
        }
        this.voiceCall = values;
        this.voiceCallSettled = true;
        this.evaluate();
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: LINKED_RECORD_FIELDS })
    wiredLink({ data }: { data?: RecordRepresentation; error?: unknown }): void {
        const value = data?.fields?.RelatedRecordId?.value;
        this.linkedRecordId = typeof value === 'string' ? value : '';
    }

    /** The identified caller whose cases the card lists; blank before (or without) an identification. */
    get casesCallerId(): string {
        return this.caller?.recordId ?? '';
    }

    @wire(getCallerCases, { callerId: '$casesCallerId', linkedRecordId: '$linkedRecordId' })
    wiredCases({ data, error }: { data?: unknown; error?: unknown }): void {
        // No Case access or a failed read leaves the card with the caller alone, as before the cases existed.
        if (data === undefined && !error) return;
        this.callerCases = error ? [] : toCallerCases(data);
        this.casesFor = error ? null : this.casesKey;
    }

    private get casesKey(): string {
        return `${this.casesCallerId}|${this.linkedRecordId}`;
    }

    get caseViews(): CaseView[] {
        if (this.casesFor !== this.casesKey) return [];
        return toCaseViews(this.callerCases, (subject, caseStatus) =>
            formatLabel(LABELS.caseDetail, subject, caseStatus)
        );
    }

    get hasCases(): boolean {
        return this.caseViews.length > 0;
    }

    /** "No open cases" only once the read answered for a caller that can have cases. */
    get showCasesNone(): boolean {
        return (
            this.caller !== null &&
            this.caller.objectApiName !== 'Lead' &&
            this.casesFor === this.casesKey &&
            this.callerCases.length === 0
        );
    }

    get hasRecord(): boolean {
        return typeof this.recordId === 'string' && this.recordId.trim() !== '';
    }

    /** Before a call, unless a failed load has to be shown. */
    protected override get idle(): boolean {
        return this.view.phase === 'idle' && !this.loadError;
    }

    get callerAccount(): string {
        return this.caller && this.caller.accountName !== '' && this.caller.objectApiName !== 'Account'
            ? formatLabel(LABELS.callerAccount, this.caller.accountName)
            : '';
    }

    get callerNone(): string {
        return formatLabel(LABELS.callerNone, this.callerNumber);
    }

    get showCallerNone(): boolean {
        return this.callerSearched && this.caller === null && this.choices.length === 0;
    }

    get choicePrompt(): string {
        return formatLabel(LABELS.callerChoose, this.choices.length, this.callerNumber);
    }

    get choiceButtons(): { key: string; label: string; recordId: string }[] {
        return this.choices.map((match) => ({
            key: match.recordId,
            recordId: match.recordId,
            label: formatLabel(
                LABELS.open,
                match.accountName ? `${match.recordName} (${match.accountName})` : match.recordName
            )
        }));
    }

    get newRecordLabel(): string {
        return this.newRecordOffer ? formatLabel(LABELS.newRecord, this.newRecordOffer.objectApiName) : '';
    }

    get runViews(): { key: string; title: string; result: string; steps: { key: string; text: string }[] }[] {
        return this.runs.map((run) => ({
            key: run.key,
            title: run.title,
            result: RESULT_TEXT[run.result],
            steps: run.steps.map((step, i) => ({
                key: `${run.key}|${i}`,
                text: formatLabel(
                    LABELS.stepLine,
                    step.stepName,
                    RESULT_TEXT[step.result],
                    step.detail
                ).trim()
            }))
        }));
    }

    get hasRuns(): boolean {
        return this.runs.length > 0;
    }

    get invalidViews(): { key: string; name: string; problems: { key: string; text: string }[] }[] {
        return this.definitions.invalid.map((invalid) => ({
            key: invalid.developerName,
            name: invalid.developerName,
            problems: invalid.problems.map((text, i) => ({ key: `${invalid.developerName}|${i}`, text }))
        }));
    }

    get showInvalidList(): boolean {
        return this.showInvalid === true && this.definitions.invalid.length > 0;
    }

    private get callerNumber(): string {
        return this.view.participants.find((p) => p.role === 'initial')?.participant ?? '';
    }

    // ---- planning ----

    protected override sessionChanged(session: CallSession): void {
        if (session.callId !== this.callId) this.startCall(session.callId);
        this.evaluate();
    }

    private startCall(callId: string | null): void {
        this.callId = callId;
        this.caller = sharedCaller(callId);
        this.callerSearched = false;
        this.choices = [];
        this.newRecordOffer = null;
        this.banners = [];
        this.runs = [];
        this.matchesByStep = new Map();
    }

    /** Plans once definitions and the VoiceCall fields they read are known: a late record must not skip a run. */
    private evaluate(): void {
        if (!this.loaded || !this.voiceCallSettled || this.unavailable) return;
        const result = plan(this.planner, this.view, this.definitions.playbooks, {
            group: typeof this.group === 'string' ? this.group.trim() : '',
            recordId: this.hasRecord ? String(this.recordId).trim() : null,
            voiceCall: this.voiceCall,
            now: Date.now()
        });
        this.planner = result.state;
        this.publishEdges(result.edges);
        for (const run of result.runs) {
            if (!claimOnce(`playbook|${run.key}`)) continue;
            this.queue = this.queue.then(() => this.execute(run));
        }
    }

    /** One Voice_Call_Event message per edge per page, however many panels see it. */
    private publishEdges(edges: readonly Edge[]): void {
        const voiceCallId = this.hasRecord ? String(this.recordId).trim() : null;
        for (const edge of edges) {
            if (!claimOnce(`lms|${edge.key}`)) continue;
            publish(
                this.messageContext,
                VOICE_CALL_EVENT,
                toCallEventMessage(edge, this.view, voiceCallId, Date.now())
            );
        }
    }

    private async execute(run: PlannedRun): Promise<void> {
        const log = await runPlaybook(run, this.executors());
        if (run.edge.callId !== this.callId) return;
        this.runs = [log, ...this.runs].slice(0, this._runsShown);
    }

    // ---- steps ----

    private executors(): StepExecutors {
        return {
            IdentifyCaller: (step, run) => this.identify(step, run),
            ScreenPop: (step, run) => this.screenPop(step, run),
            OpenRecord: (step, run) => this.openRecord(step.resolvedTarget, run),
            NewRecord: (step) => this.newRecord(step.objectApiName, step.resolvedValue),
            Banner: (step, run) => Promise.resolve(this.banner(step, run)),
            RequestNextBestAction: (step, run) => Promise.resolve(this.nextBestAction(step, run)),
            UpdateVoiceCallField: (step) => this.updateField(step),
            RunFlow: (step, run) => this.runFlow(step, run)
        };
    }

    private async identify(step: ResolvedStep, run: PlannedRun): Promise<StepOutcome> {
        const matches = toMatches(
            await identifyCaller({
                playbook: run.playbook.developerName,
                stepName: step.stepName,
                phone: run.values.call.participant ?? ''
            })
        );
        this.matchesByStep.set(`${run.key}|${step.stepName}`, matches);
        this.callerSearched = true;
        if (matches.length === 1) this.setCaller(matches[0], run.edge.callId);
        const one = matches.length === 1 ? matches[0] : null;
        return {
            result: 'done',
            detail: formatLabel(LABELS.detailMatches, matches.length),
            outputs: {
                recordId: one?.recordId ?? '',
                name: one?.recordName ?? '',
                objectApiName: one?.objectApiName ?? '',
                accountId: one?.accountId ?? '',
                accountName: one?.accountName ?? '',
                matchCount: String(matches.length)
            }
        };
    }

    private async screenPop(step: ResolvedStep, run: PlannedRun): Promise<StepOutcome> {
        const matches = this.matchesByStep.get(`${run.key}|${step.target}`) ?? [];
        if (matches.length === 1) {
            const outcome = await this.openRecord(matches[0].recordId, run);
            return { ...outcome, outputs: { recordId: matches[0].recordId } };
        }
        if (matches.length > 1) {
            this.choices = matches;
            return { result: 'done', detail: LABELS.detailChoice };
        }
        if (step.objectApiName === '')
            return { result: 'skipped', detail: formatLabel(LABELS.detailMatches, 0) };
        this.newRecordOffer = { objectApiName: step.objectApiName, defaults: step.resolvedValue };
        return { result: 'done', detail: LABELS.detailOffer };
    }

    private async openRecord(recordId: string, run: PlannedRun): Promise<StepOutcome> {
        if (!isRecordId(recordId)) return { result: 'skipped', detail: LABELS.detailBadId };
        const blocked = this.navigationBlocked();
        if (blocked) return { result: 'skipped', detail: blocked };
        if (!claimOnce(`pop|${run.edge.callId}|${recordId.slice(0, 15)}`))
            return { result: 'skipped', detail: LABELS.detailAlreadyOpen };
        const openedIn = await this.open(recordId);
        return {
            result: 'done',
            detail: formatLabel(LABELS.detailOpened, OPENED_TEXT[openedIn]),
            outputs: { recordId }
        };
    }

    private navigationBlocked(): string | null {
        if (!this._allowNavigation) return LABELS.detailNavigationOff;
        // Another browser tab showing the same call must not pop as well: only the visible one navigates.
        if (document.visibilityState === 'hidden') return LABELS.detailHiddenTab;
        return null;
    }

    private async open(recordId: string): Promise<OpenedIn> {
        if (this.isConsole) return openInConsole(recordId, this.hasRecord ? String(this.recordId) : null);
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        });
        return 'page';
    }

    private newRecord(objectApiName: string, defaults: string): Promise<StepOutcome> {
        const blocked = this.navigationBlocked();
        if (blocked) return Promise.resolve({ result: 'skipped', detail: blocked });
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName, actionName: 'new' },
            state: { defaultFieldValues: encodeDefaults(defaults) }
        });
        return Promise.resolve({ result: 'done' });
    }

    private banner(step: ResolvedStep, run: PlannedRun): StepOutcome {
        const text = formatLabel(step.message, step.resolvedValue);
        const banner = { key: `${run.key}|${step.stepName}`, text };
        this.banners = [banner, ...this.banners.filter((b) => b.key !== banner.key)].slice(0, MAX_BANNERS);
        return { result: 'done', outputs: { text } };
    }

    private nextBestAction(step: ResolvedStep, run: PlannedRun): StepOutcome {
        if (!this.hasRecord) return { result: 'skipped', detail: LABELS.detailNoRecord };
        const intent = step.resolvedValue;
        const taken = requestNextBestAction({
            recordId: String(this.recordId).trim(),
            intent,
            source: run.playbook.title
        });
        return taken
            ? { result: 'done', outputs: { intent } }
            : { result: 'skipped', detail: LABELS.detailNoNbaPanel };
    }

    private async updateField(step: ResolvedStep): Promise<StepOutcome> {
        if (!this.hasRecord) return { result: 'skipped', detail: LABELS.detailNoRecord };
        try {
            await updateRecord({
                fields: { Id: String(this.recordId).trim(), [step.target]: step.resolvedValue }
            });
            return { result: 'done', outputs: { value: step.resolvedValue } };
        } catch (error) {
            return { result: 'failed', detail: reduceErrors(error).join(' ') };
        }
    }

    private async runFlow(step: ResolvedStep, run: PlannedRun): Promise<StepOutcome> {
        const inputs: Record<string, string> = {
            recordId: this.hasRecord ? String(this.recordId).trim() : ''
        };
        const answer: unknown = await runFlowStep({
            playbook: run.playbook.developerName,
            stepName: step.stepName,
            inputs
        });
        const flowStatus = answerText(answer, 'status');
        const ok =
            typeof answer === 'object' && answer !== null && (answer as Record<string, unknown>).ok === true;
        if (ok) return { result: 'done', outputs: { status: flowStatus }, detail: flowStatus };
        return { result: 'failed', detail: answerText(answer, 'error') };
    }

    private setCaller(match: CallerMatch, callId: string): void {
        this.caller = match;
        shareCaller(callId, match);
    }

    // ---- agent actions ----

    handleChoose(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId ?? '';
        const match = this.choices.find((c) => c.recordId === recordId);
        if (!match) return;
        if (this.callId !== null) this.setCaller(match, this.callId);
        this.choices = [];
        // The agent's own click: no page-wide once key, but still only records the search returned. A console
        // that refuses the tab leaves the record one click away in the caller card.
        this.open(match.recordId).catch(() => undefined);
    }

    handleOpenCase(event: Event): void {
        event.preventDefault();
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId ?? '';
        // The agent's own click, like a choice: no once key, and only a case the read returned.
        if (!this.callerCases.some((found) => found.recordId === recordId)) return;
        this.open(recordId).catch(() => undefined);
    }

    handleNewRecord(): void {
        const offer = this.newRecordOffer;
        if (!offer) return;
        this.newRecordOffer = null;
        void this.newRecord(offer.objectApiName, offer.defaults);
    }
}
