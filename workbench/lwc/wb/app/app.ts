/**
 * wb/app — the workbench page: a narrow Voice Extension column (the exposed voice* panels), a wider
 * agent console (composite components, the record inspector, toasts) and the developer strip. Components
 * are discovered from force-app at build time; design attributes become the props they are mounted with.
 */
import { LightningElement, getComponentDef } from 'lwc';
import registry from '@workbench/registry';
import type { BundleInfo, DesignAttribute } from '@workbench/registry';
import { reset as resetSoftphone } from 'wb/softphone';
import { load as loadScenario, play } from 'wb/scenarioPlayer';
import type { Scenario } from 'wb/scenarioPlayer';
import { seed } from 'wb/fixtureStore';
import { setCurrentRecord } from 'wb/navigation';
import { resetWorkspace } from 'wb/workspaceApi';
import { resetClaims } from 'c/voicePageOnce';
import { TOAST_EVENT } from 'wb/platformShowToastEvent';
import type { ToastDetail } from 'wb/platformShowToastEvent';
import { log } from 'wb/workbenchLog';

export type AttributeValue = string | number | boolean | undefined;

/** What the developer strip shows and edits for one mountable component. */
export interface ComponentView {
    name: string;
    label: string;
    placement: 'voice' | 'console';
    placed: boolean;
    attributes: AttributeView[];
}

export interface AttributeView extends DesignAttribute {
    key: string;
    value: AttributeValue;
    isBoolean: boolean;
    isNumber: boolean;
    isSelect: boolean;
    isText: boolean;
    options: { value: string; selected: boolean }[];
}

interface Slot {
    key: string;
    name: string;
    label: string;
    ctor: BundleInfo['ctor'];
    props: Record<string, unknown>;
}

interface Toast extends ToastDetail {
    key: number;
    className: string;
}

const VOICE_EXTENSION = 'lightning__VoiceExtension';
/** Composite components that fill the console area rather than the narrow softphone column. */
const CONSOLE_COMPONENTS = new Set(['voiceAgentDesktop']);
const TOAST_MS = 6000;

function placementOf(bundle: BundleInfo): 'voice' | 'console' {
    return bundle.targets.includes(VOICE_EXTENSION) && !CONSOLE_COMPONENTS.has(bundle.name)
        ? 'voice'
        : 'console';
}

function publicProps(bundle: BundleInfo): Set<string> {
    if (!bundle.ctor) return new Set();
    return new Set(Object.keys(getComponentDef(bundle.ctor).props));
}

export default class App extends LightningElement {
    readonly mountable: BundleInfo[] = registry.filter((b) => b.ctor !== undefined);
    /** Exposed components left off the page because they (or a bundle they use) do not compile. */
    readonly broken: BundleInfo[] = registry.filter(
        (b) => b.exposed && b.hasTemplate && b.error !== undefined
    );
    values: Record<string, Record<string, AttributeValue>> = {};
    placed: Record<string, boolean> = {};
    mountKey = 0;
    scenarioName = '';
    recordId: string | undefined;
    toasts: Toast[] = [];
    private toastSeq = 0;

    constructor() {
        super();
        for (const bundle of this.mountable) {
            this.placed[bundle.name] = true;
            this.values[bundle.name] = Object.fromEntries(bundle.properties.map((p) => [p.name, p.default]));
        }
    }

    override connectedCallback(): void {
        this.addEventListener(TOAST_EVENT, this.handleToast);
        log('info', 'workbench ready', {
            components: this.mountable.map((b) => b.name),
            bundles: registry.length
        });
    }

    override disconnectedCallback(): void {
        this.removeEventListener(TOAST_EVENT, this.handleToast);
    }

    get subtitle(): string {
        const count = this.mountable.length;
        const scenario = this.scenarioName ? `Scenario: ${this.scenarioName}` : 'No scenario loaded';
        return `${count} exposed component${count === 1 ? '' : 's'} from force-app · ${scenario}`;
    }

    private slotsFor(placement: 'voice' | 'console'): Slot[] {
        return this.mountable
            .filter((b) => placementOf(b) === placement && this.placed[b.name])
            .map((bundle) => {
                const accepted = publicProps(bundle);
                const props: Record<string, unknown> = {};
                for (const [name, value] of Object.entries(this.values[bundle.name] ?? {})) {
                    if (value !== undefined && accepted.has(name)) props[name] = value;
                }
                if (this.recordId && accepted.has('recordId')) props.recordId = this.recordId;
                if (this.recordId && accepted.has('objectApiName')) props.objectApiName = 'VoiceCall';
                return {
                    key: `${bundle.name}-${this.mountKey}`,
                    name: bundle.name,
                    label: bundle.masterLabel,
                    ctor: bundle.ctor,
                    props
                };
            });
    }

    get voiceSlots(): Slot[] {
        return this.slotsFor('voice');
    }

    get consoleSlots(): Slot[] {
        return this.slotsFor('console');
    }

    get hasVoiceSlots(): boolean {
        return this.voiceSlots.length > 0 || this.broken.length > 0;
    }

    get hasConsoleSlots(): boolean {
        return this.consoleSlots.length > 0;
    }

    get componentViews(): ComponentView[] {
        return this.mountable.map((bundle) => ({
            name: bundle.name,
            label: bundle.masterLabel,
            placement: placementOf(bundle),
            placed: this.placed[bundle.name] ?? false,
            attributes: bundle.properties.map((p) => {
                const value = this.values[bundle.name]?.[p.name];
                const isBoolean = p.type === 'Boolean';
                const isNumber = p.type === 'Integer';
                const isSelect =
                    !isBoolean && !isNumber && Array.isArray(p.datasource) && p.datasource.length > 0;
                return {
                    ...p,
                    key: `${bundle.name}.${p.name}`,
                    value,
                    isBoolean,
                    isNumber,
                    isSelect,
                    isText: !isBoolean && !isNumber && !isSelect,
                    options: (p.datasource ?? []).map((v) => ({ value: v, selected: v === value }))
                };
            })
        }));
    }

    get hasToasts(): boolean {
        return this.toasts.length > 0;
    }

    handleScenarioLoad(event: CustomEvent<{ scenario: Scenario; autoplay: boolean }>): void {
        const { scenario, autoplay } = event.detail;
        resetSoftphone();
        seed(scenario.records, scenario.recordId);
        setCurrentRecord(scenario.recordId);
        resetWorkspace(scenario.recordId);
        // A reloaded scenario replays the same call ids: page-wide "once" claims belong to the previous load.
        resetClaims();
        loadScenario(scenario);
        this.scenarioName = scenario.name;
        this.recordId = scenario.recordId;
        this.toasts = [];
        this.mountKey += 1;
        log('info', 'scenario loaded', { name: scenario.name, events: scenario.events.length });
        // The panels attach their toolkit listeners after their first render: play once they have.
        if (autoplay) setTimeout(() => play(), 100);
    }

    handleAttributeChange(
        event: CustomEvent<{ component: string; name: string; value: AttributeValue }>
    ): void {
        const { component, name, value } = event.detail;
        this.values = { ...this.values, [component]: { ...this.values[component], [name]: value } };
        log('info', 'design attribute', { component, name, value });
    }

    handlePlacementChange(event: CustomEvent<{ component: string; placed: boolean }>): void {
        const { component, placed } = event.detail;
        this.placed = { ...this.placed, [component]: placed };
    }

    handleCrash(event: CustomEvent<{ component: string; message: string }>): void {
        log('error', `${event.detail.component} crashed`, event.detail.message);
    }

    private readonly handleToast = (event: Event): void => {
        const detail = (event as CustomEvent<ToastDetail>).detail ?? {};
        log('toast', detail.variant ?? 'info', detail);
        this.toastSeq += 1;
        const key = this.toastSeq;
        const variant = detail.variant ?? 'info';
        this.toasts = [
            ...this.toasts,
            { ...detail, key, className: `slds-notify slds-notify_toast slds-theme_${variant}` }
        ];
        if (detail.mode !== 'sticky') {
            setTimeout(() => {
                this.toasts = this.toasts.filter((t) => t.key !== key);
            }, TOAST_MS);
        }
    };

    handleToastClose(event: Event): void {
        const key = Number((event.currentTarget as HTMLElement).dataset.key);
        this.toasts = this.toasts.filter((t) => t.key !== key);
    }
}
