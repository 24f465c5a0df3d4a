/**
 * wb/devStrip — the developer strip: scenario picker, transport, fault switches, App Builder design
 * attributes of each placed component, the adapters' self-test and the event log.
 */
import { LightningElement, api } from 'lwc';
import TOOLKIT_UNAVAILABLE from '@salesforce/label/c.Voice_ToolkitUnavailable';
import labels from '@workbench/labels';
import {
    pause,
    play,
    setPlayerSpeed,
    state as playerState,
    step,
    subscribe as onPlayer
} from 'wb/scenarioPlayer';
import type { PlayerState, Scenario, Speed } from 'wb/scenarioPlayer';
import { TOOLKIT_METHOD_NAMES } from 'c/voiceToolkitMethods';
import { liveInstances, subscribe as onSoftphone, callState } from 'wb/softphone';
import { FAULT_MODES, PLATFORM_FAULTS, faultOf, setFault, subscribe as onFaults } from 'wb/faults';
import type { FaultMode } from 'wb/faults';
import { publish } from 'wb/empApi';
import type { AttributeValue, ComponentView } from 'wb/app';

interface ScenarioListItem {
    id: string;
    file: string;
    name: string;
    description: string;
    events: number;
    error?: string;
}

interface FaultRow {
    name: string;
    options: { value: FaultMode; selected: boolean }[];
    faulted: 'true' | 'false';
}

const SPEEDS: { label: string; value: Speed }[] = [
    { label: '×1', value: 1 },
    { label: '×4', value: 4 },
    { label: 'Instant', value: 'instant' }
];

const SAMPLE_ALERT = {
    Name: 'High abandon rate',
    Description: 'Queue abandon rate above 10% for 5 minutes',
    // A value the alert monitor and the trigger handler know (Critical, Warning, Information).
    Severity: 'Critical',
    Source: 'AmazonConnect',
    Payload: '{"queue":"Support"}',
    EventDateTime: new Date().toISOString()
};

export default class DevStrip extends LightningElement {
    @api components: ComponentView[] = [];

    scenarios: ScenarioListItem[] = [];
    selectedId = '';
    listError = '';
    player: PlayerState = playerState();
    faultVersion = 0;
    instances = liveInstances();
    callSummary = 'no call';
    private unsubscribers: (() => void)[] = [];
    private autoplayDone = false;

    readonly labelSample = TOOLKIT_UNAVAILABLE;
    readonly labelCount = Object.keys(labels).length;

    override connectedCallback(): void {
        this.unsubscribers = [
            onPlayer(() => {
                this.player = playerState();
            }),
            onFaults(() => {
                this.faultVersion += 1;
            }),
            onSoftphone(() => {
                this.instances = liveInstances();
                const call = callState();
                this.callSummary = call.callId
                    ? `${call.phase} · ${call.callType} · ${call.callId}${call.muted ? ' · muted' : ''}${
                          call.onHold.length ? ` · on hold: ${call.onHold.join(', ')}` : ''
                      }`
                    : 'no call';
            })
        ];
        void this.loadList();
    }

    override disconnectedCallback(): void {
        this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    }

    private async loadList(): Promise<void> {
        try {
            const response = await fetch('/api/scenarios');
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            this.scenarios = (await response.json()) as ScenarioListItem[];
            const autoplay = window.__WB_CONFIG__?.autoplay ?? null;
            const first = this.scenarios.find((s) => !s.error);
            this.selectedId = autoplay ?? first?.id ?? '';
            if (autoplay && !this.autoplayDone) {
                this.autoplayDone = true;
                await this.loadSelected(true);
            }
        } catch (error) {
            this.listError = `Could not load the scenario list: ${error instanceof Error ? error.message : String(error)}`;
        }
    }

    // `disabled` is an attribute on <option>: LWC writes false as disabled="false", which disables it;
    // null removes the attribute.
    get scenarioOptions(): { id: string; label: string; selected: boolean; disabled: true | null }[] {
        return this.scenarios.map((s) => ({
            id: s.id,
            label: s.error ? `${s.file} (invalid: ${s.error})` : `${s.name} (${s.events} events)`,
            selected: s.id === this.selectedId,
            disabled: s.error ? true : null
        }));
    }

    get selectedDescription(): string {
        return this.scenarios.find((s) => s.id === this.selectedId)?.description ?? '';
    }

    /** The Voximplant Kit card, present when the server runs with --voximplant. */
    get voximplant(): boolean {
        return Boolean(window.__WB_CONFIG__?.voximplant);
    }

    get hasScenarios(): boolean {
        return this.scenarios.length > 0;
    }

    get progress(): string {
        const { index, total, status, nextType } = this.player;
        return total ? `${index} / ${total} · ${status}${nextType ? ` · next: ${nextType}` : ''}` : status;
    }

    get playDisabled(): boolean {
        return (
            this.player.status === 'empty' ||
            this.player.status === 'done' ||
            this.player.status === 'playing'
        );
    }

    get pauseDisabled(): boolean {
        return this.player.status !== 'playing';
    }

    get stepDisabled(): boolean {
        return this.player.status === 'empty' || this.player.status === 'done';
    }

    get speedButtons(): { label: string; key: string; className: string; pressed: string }[] {
        return SPEEDS.map((s) => {
            const active = s.value === this.player.speed;
            return {
                label: s.label,
                key: String(s.value),
                className: `slds-button ${active ? 'slds-button_brand' : 'slds-button_neutral'}`,
                pressed: String(active)
            };
        });
    }

    get faultRows(): FaultRow[] {
        // faultVersion is read so the rows re-render when a switch changes.
        void this.faultVersion;
        return [...TOOLKIT_METHOD_NAMES, ...PLATFORM_FAULTS].map((name) => {
            const mode = faultOf(name);
            return {
                name,
                faulted: mode === 'ok' ? 'false' : 'true',
                options: FAULT_MODES.map((value) => ({ value, selected: value === mode }))
            };
        });
    }

    get hasComponents(): boolean {
        return this.components.length > 0;
    }

    handleScenarioPick(event: Event): void {
        this.selectedId = (event.target as HTMLSelectElement).value;
    }

    handleLoad(): void {
        void this.loadSelected(false);
    }

    handleLoadAndPlay(): void {
        void this.loadSelected(true);
    }

    private async loadSelected(autoplay: boolean): Promise<void> {
        if (!this.selectedId) return;
        try {
            const response = await fetch(`/api/scenarios/${encodeURIComponent(this.selectedId)}`);
            const body = (await response.json()) as Scenario | { error: string };
            if (!response.ok || 'error' in body) {
                throw new Error('error' in body ? body.error : `HTTP ${response.status}`);
            }
            this.listError = '';
            this.dispatchEvent(new CustomEvent('scenarioload', { detail: { scenario: body, autoplay } }));
        } catch (error) {
            this.listError = `Could not load the scenario: ${error instanceof Error ? error.message : String(error)}`;
        }
    }

    handlePlay(): void {
        play();
    }

    handlePause(): void {
        pause();
    }

    handleStep(): void {
        step();
    }

    handleSpeed(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.speed;
        setPlayerSpeed(key === 'instant' ? 'instant' : key === '4' ? 4 : 1);
    }

    handleFault(event: Event): void {
        const select = event.target as HTMLSelectElement;
        const name = select.dataset.method ?? '';
        setFault(name, select.value as FaultMode);
    }

    handlePlacement(event: Event): void {
        const input = event.target as HTMLInputElement;
        this.dispatchEvent(
            new CustomEvent('placementchange', {
                detail: { component: input.dataset.component, placed: input.checked }
            })
        );
    }

    handleAttribute(event: Event): void {
        const input = event.target as HTMLInputElement | HTMLSelectElement;
        const { component, name, type } = input.dataset;
        let value: AttributeValue;
        if (type === 'Boolean') value = (input as HTMLInputElement).checked;
        else if (type === 'Integer') value = input.value === '' ? undefined : Number(input.value);
        else value = input.value;
        this.dispatchEvent(new CustomEvent('attributechange', { detail: { component, name, value } }));
    }

    handlePublishAlert(): void {
        publish('/event/RealtimeAlertEvent', { ...SAMPLE_ALERT, EventDateTime: new Date().toISOString() });
    }
}
