/**
 * Voice actions panel (the CTI Actions equivalent): admin-defined buttons that run a flow with the call's
 * context and keep what it returns for the call. Screen flows run inline in `lightning-flow` (a fresh
 * element per run) or open in a console tab; autolaunched flows run through the Apex runner, which resolves
 * the flow from the action record: the browser only ever sends the action's name. Results render as text,
 * record ids as links, and feed `{!$LastResult.x}` inputs of later actions.
 */
import { api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import getActions from '@salesforce/apex/VoiceActionController.getActions';
import runAction from '@salesforce/apex/VoiceActionController.runAction';
import type { CallSession } from 'c/voiceCallModel';
import { VoicePanel } from 'c/voicePanel';
import { voiceCallFields } from 'c/voiceReferences';
import { formatLabel } from 'c/voiceFormat';
import { reduceErrors } from 'c/ldsUtils';
import {
    availability,
    buildInputs,
    callValues,
    countedRuns,
    fieldProblem,
    formDefaults,
    lastResultValues,
    parseActions,
    resultLines
} from 'c/voiceActionModel';
import type {
    ActionDefinition,
    ActionValues,
    FlowInput,
    ParsedActions,
    RunResult,
    RunStatus
} from 'c/voiceActionModel';
import { LABELS } from './labels';
import { finishRun, runKey, runsOnPage, tryStart } from './pageRuns';
import { parseRunnerResult } from './runnerResult';
import { actionViews, fieldViews, resultViews } from './views';
import type { ActionView, FieldView, ResultView } from './views';

type Stage = 'confirm' | 'form' | 'flow';

interface FlowRun {
    /** Element key: a new one per run, so every run gets a fresh lightning-flow. */
    readonly key: string;
    /** Page-wide run key (pageRuns). */
    readonly pageKey: string;
    readonly action: string;
    readonly flowApiName: string;
    readonly inputs: readonly FlowInput[];
}

interface WiredRecord {
    data?: { fields?: Record<string, { value?: unknown }> };
}

const FLOW_FINAL: Readonly<Record<string, RunStatus>> = Object.freeze({
    FINISHED: 'finished',
    FINISHED_SCREEN: 'finished',
    PAUSED: 'paused',
    ERROR: 'failed'
});

let runSerial = 0;

export default class VoiceActions extends NavigationMixin(VoicePanel) {
    /** The VoiceCall on a record page; declared here because a record page sets only the component's own properties. */
    @api override recordId: string | undefined = undefined;
    /** Lists only actions of this group (design attribute); blank lists every action. */
    @api group: string | undefined;

    readonly labels = LABELS;

    catalog: ParsedActions = { actions: [], problems: [] };
    loadError: string | undefined;
    results: RunResult[] = [];
    open: { action: string; stage: Stage } | null = null;
    form: Record<string, string> = {};
    formErrors: Record<string, string> = {};
    flowRun: FlowRun | null = null;
    running: string[] = [];
    message = '';

    private callId: string | null = null;
    private voiceCall: Record<string, string> = {};

    @wire(getActions)
    wiredActions({ data, error }: { data?: unknown; error?: unknown }): void {
        if (data !== undefined) {
            this.catalog = parseActions(data);
            this.loadError = undefined;
        } else if (error !== undefined) {
            this.loadError = reduceErrors(error).join(', ');
        }
    }

    /** The VoiceCall fields the actions' `{!$VoiceCall.X}` references read (Id comes from the record id). */
    get voiceCallFieldNames(): string[] {
        const texts = this.catalog.actions.flatMap((a) => [
            ...a.inputs.map((i) => i.value),
            ...a.fields.map((f) => f.defaultValue)
        ]);
        const names = new Set(texts.flatMap((t) => voiceCallFields(t)).filter((f) => f !== 'Id'));
        return [...names].map((field) => `VoiceCall.${field}`);
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$voiceCallFieldNames' })
    wiredVoiceCall({ data }: WiredRecord): void {
        const values: Record<string, string> = {};
        for (const [field, entry] of Object.entries(data?.fields ?? {}))
            if (typeof entry?.value === 'string' || typeof entry?.value === 'number')
                values[field] = String(entry.value);
        this.voiceCall = values;
    }

    // ---- view ----

    get actions(): ActionView[] {
        const group = (this.group ?? '').trim();
        const offered = this.catalog.actions.filter(
            (a) => group === '' || a.group === '' || a.group === group
        );
        return actionViews(offered, this.view.phase, (name) => this.runsOf(name), this.running, this.labels);
    }

    get hasActions(): boolean {
        return this.actions.length > 0;
    }

    get hasProblems(): boolean {
        return this.catalog.problems.length > 0;
    }

    get problems(): { key: string; text: string }[] {
        return this.catalog.problems.map((text, i) => ({ key: String(i), text }));
    }

    get openAction(): ActionDefinition | undefined {
        return this.open ? this.find(this.open.action) : undefined;
    }

    get confirming(): boolean {
        return this.open?.stage === 'confirm';
    }

    get filling(): boolean {
        return this.open?.stage === 'form';
    }

    get formTitle(): string {
        return formatLabel(this.labels.formTitle, this.openAction?.label ?? '');
    }

    get fields(): FieldView[] {
        const action = this.openAction;
        return action ? fieldViews(action, this.form, this.formErrors) : [];
    }

    get flowRuns(): FlowRun[] {
        return this.flowRun ? [this.flowRun] : [];
    }

    get resultItems(): ResultView[] {
        return resultViews(this.results, this.labels);
    }

    get hasResults(): boolean {
        return this.results.length > 0;
    }

    // ---- session ----

    protected override sessionChanged(session: CallSession): void {
        if (session.callId === this.callId) return;
        this.callId = session.callId;
        this.results = [];
        this.open = null;
        this.message = '';
    }

    private values(): ActionValues {
        return {
            call: callValues(this.view, this.recordId),
            voiceCall: { ...this.voiceCall, Id: this.recordId ?? '' },
            lastResult: lastResultValues(this.results)
        };
    }

    /** Counted runs of an action in this call: this panel's results, or more when another panel ran it. */
    private runsOf(name: string): number {
        return Math.max(countedRuns(this.results, name), runsOnPage(runKey(this.callId, name)));
    }

    private find(name: string | undefined): ActionDefinition | undefined {
        return this.catalog.actions.find((a) => a.name === name);
    }

    // ---- intents ----

    handleActionClick(event: Event): void {
        const action = this.find((event.currentTarget as HTMLElement).dataset.name);
        if (!action || this.running.includes(action.name)) return;
        const state = availability(action, this.view.phase, this.runsOf(action.name));
        if (state !== 'available') {
            this.message = formatLabel(
                state === 'limitReached'
                    ? this.labels.limitReached
                    : state === 'notAllowed'
                      ? this.labels.notAllowed
                      : this.labels.notNow,
                action.label
            );
            return;
        }
        if (action.confirmation !== '') this.open = { action: action.name, stage: 'confirm' };
        else this.afterConfirm(action);
    }

    handleConfirm(): void {
        const action = this.openAction;
        if (action) this.afterConfirm(action);
    }

    handleCancel(): void {
        this.open = null;
        this.formErrors = {};
    }

    handleFieldChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
        const target = event.target as HTMLElement;
        const name = target.dataset.variable ?? '';
        const value =
            target.dataset.type === 'Checkbox'
                ? String(event.detail?.checked === true)
                : String(event.detail?.value ?? '');
        this.form = { ...this.form, [name]: value };
        if (this.formErrors[name]) this.formErrors = { ...this.formErrors, [name]: '' };
    }

    handleSubmit(event: Event): void {
        event.preventDefault();
        const action = this.openAction;
        if (!action) return;
        const errors: Record<string, string> = {};
        for (const field of action.fields) {
            const problem = fieldProblem(field, this.form[field.variable] ?? '');
            if (problem === 'required') errors[field.variable] = this.labels.required;
            else if (problem === 'tooLong')
                errors[field.variable] = formatLabel(this.labels.tooLong, field.maxLength);
            else if (problem === 'notNumber') errors[field.variable] = this.labels.badNumber;
        }
        this.formErrors = errors;
        if (Object.keys(errors).length === 0) this.start(action, this.form);
    }

    handleFlowStatus(event: CustomEvent<{ status?: string; outputVariables?: unknown }>): void {
        const run = this.flowRun;
        const status = FLOW_FINAL[event.detail?.status ?? ''];
        const action = this.find(run?.action);
        if (!run || !status || !action) return;
        this.flowRun = null;
        this.record(
            run.pageKey,
            action,
            status,
            status === 'finished' ? event.detail.outputVariables : undefined,
            ''
        );
    }

    handleCloseFlow(): void {
        const run = this.flowRun;
        const action = this.find(run?.action);
        if (!run || !action) return;
        this.flowRun = null;
        this.settle(run.pageKey, action, false);
    }

    // ---- runs ----

    private afterConfirm(action: ActionDefinition): void {
        if (action.fields.length > 0) {
            this.form = formDefaults(action, this.values());
            this.formErrors = {};
            this.open = { action: action.name, stage: 'form' };
        } else {
            this.start(action, {});
        }
    }

    private start(action: ActionDefinition, form: Readonly<Record<string, string>>): void {
        this.open = null;
        const key = runKey(this.callId, action.name);
        const outcome = tryStart(key, action.maxRuns);
        if (outcome !== 'started') {
            if (outcome === 'limitReached')
                this.message = formatLabel(this.labels.limitReached, action.label);
            return;
        }
        this.running = [...this.running, action.name];
        const built = buildInputs(action, this.values(), form);
        if (built.problems.length > 0) {
            this.record(key, action, 'failed', undefined, built.problems.join('\n'));
            return;
        }
        this.message = formatLabel(this.labels.running, action.label);
        if (action.flowType === 'Autolaunched') void this.runOnServer(key, action, built.inputs);
        else if (action.openMode === 'ConsoleTab') this.openInTab(key, action, built.inputs);
        else
            this.flowRun = {
                key: `${action.name}-${++runSerial}`,
                pageKey: key,
                action: action.name,
                flowApiName: action.flowApiName,
                inputs: built.inputs
            };
    }

    private openInTab(key: string, action: ActionDefinition, inputs: readonly FlowInput[]): void {
        const state: Record<string, string> = {};
        for (const input of inputs) state[input.name] = String(input.value);
        const query = new URLSearchParams(state).toString();
        this[NavigationMixin.Navigate]({
            type: 'standard__webPage',
            attributes: { url: `/flow/${encodeURIComponent(action.flowApiName)}${query ? `?${query}` : ''}` }
        });
        this.settle(key, action, true);
        this.message = formatLabel(this.labels.openedInTab, action.label);
    }

    private async runOnServer(
        key: string,
        action: ActionDefinition,
        inputs: readonly FlowInput[]
    ): Promise<void> {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
            // The runner call cannot be cancelled; the agent is told after the action's own timeout.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            timer = setTimeout(() => resolve('timeout'), action.timeoutSeconds * 1000);
        });
        const values: Record<string, unknown> = {};
        for (const input of inputs) values[input.name] = input.value;
        try {
            const answer = await Promise.race([
                runAction({ actionName: action.name, inputs: values }),
                timeout
            ]);
            if (answer === 'timeout') {
                this.record(key, action, 'timeout', undefined, '');
                return;
            }
            const result = parseRunnerResult(answer);
            if (result.status === 'Finished')
                this.record(key, action, 'finished', result.outputs, result.detail);
            else this.record(key, action, 'failed', undefined, result.detail, result.status === 'NotAllowed');
        } catch (error: unknown) {
            this.record(key, action, 'failed', undefined, reduceErrors(error).join(', '));
        } finally {
            clearTimeout(timer);
        }
    }

    private record(
        key: string,
        action: ActionDefinition,
        status: RunStatus,
        outputs: unknown,
        detail: string,
        notAllowed = false
    ): void {
        this.settle(key, action, status !== 'failed');
        const result: RunResult = Object.freeze({
            key: `${action.name}-${++runSerial}`,
            action: action.name,
            actionLabel: action.label,
            status,
            lines: outputs === undefined ? [] : resultLines(action, outputs),
            detail,
            at: Date.now()
        });
        this.results = [...this.results, result];
        const words = {
            finished: this.labels.finished,
            paused: this.labels.paused,
            failed: this.labels.failed,
            timeout: this.labels.timeout
        };
        this.message = formatLabel(notAllowed ? this.labels.notAllowed : words[status], action.label);
    }

    private settle(key: string, action: ActionDefinition, counts: boolean): void {
        finishRun(key, counts);
        this.running = this.running.filter((name) => name !== action.name);
    }
}
