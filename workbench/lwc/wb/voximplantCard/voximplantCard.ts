/**
 * wb/voximplantCard — the developer strip's Voximplant Kit card (`npm start -- --voximplant`). Loads the
 * stand-in softphone host the server bundled from connectors/voximplant, starts it against the local
 * relay and delivers the toolkit events it produces to the simulated softphone, so a Kit scenario the
 * local simulator plays drives the panels: simulator → relay → connector core → this host → softphone.
 */
import { LightningElement } from 'lwc';
import { isRecord } from 'c/voiceUtil';
import { broadcast } from 'wb/softphone';
import { log } from 'wb/workbenchLog';

interface KitScenario {
    name: string;
    description: string;
}

interface StandInHost {
    isReady(): boolean;
    stop(): void;
}

interface StandInApi {
    start(options: {
        relayUrl: string;
        fetchToken: () => Promise<string>;
        deliver: (event: { type: string; detail: unknown }) => void;
        note: (what: string, detail: unknown) => void;
    }): StandInHost;
}

const READY_POLL_MS = 200;

function parseInfo(value: unknown): { relayUrl: string; scenarios: KitScenario[] } | string {
    if (!isRecord(value) || typeof value.relayUrl !== 'string' || !Array.isArray(value.scenarios))
        return 'the server answered without a relay URL or scenario list';
    const scenarios = value.scenarios.filter(
        (s): s is KitScenario =>
            isRecord(s) && typeof s.name === 'string' && typeof s.description === 'string'
    );
    return { relayUrl: value.relayUrl, scenarios };
}

async function fetchToken(): Promise<string> {
    const body: unknown = await (await fetch('/api/voximplant/token')).json();
    if (!isRecord(body) || typeof body.token !== 'string') throw new Error('no relay token');
    return body.token;
}

function loadScript(src: string): Promise<StandInApi> {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => {
            const api: unknown = Reflect.get(window, 'voximplantStandIn');
            if (isRecord(api) && typeof api.start === 'function') resolve(api as unknown as StandInApi);
            else reject(new Error('the stand-in host script did not register'));
        };
        script.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.appendChild(script);
    });
}

export default class VoximplantCard extends LightningElement {
    scenarios: KitScenario[] = [];
    selected = '';
    status = 'Connecting to the local relay…';
    ready = false;
    private host: StandInHost | undefined;
    private poll: ReturnType<typeof setInterval> | undefined;

    override connectedCallback(): void {
        void this.start();
    }

    override disconnectedCallback(): void {
        clearInterval(this.poll);
        this.host?.stop();
        this.host = undefined;
    }

    get options(): { name: string; selected: boolean }[] {
        return this.scenarios.map((s) => ({ name: s.name, selected: s.name === this.selected }));
    }

    get description(): string {
        return this.scenarios.find((s) => s.name === this.selected)?.description ?? '';
    }

    get playDisabled(): boolean {
        return !this.ready || this.selected === '';
    }

    handlePick(event: Event): void {
        this.selected = (event.target as HTMLSelectElement).value;
    }

    async handlePlay(): Promise<void> {
        const response = await fetch(`/api/voximplant/play/${encodeURIComponent(this.selected)}`, {
            method: 'POST'
        });
        log('info', 'voximplant play', this.selected, response.ok ? 'playing' : `HTTP ${response.status}`);
    }

    private async start(): Promise<void> {
        const script = window.__WB_CONFIG__?.voximplant?.script;
        try {
            if (!script) throw new Error('the server runs without --voximplant');
            const info = parseInfo(await (await fetch('/api/voximplant')).json());
            if (typeof info === 'string') throw new Error(info);
            this.scenarios = info.scenarios;
            this.selected = info.scenarios[0]?.name ?? '';
            const api = await loadScript(script);
            const host = api.start({
                relayUrl: info.relayUrl,
                fetchToken,
                deliver: ({ type, detail }) => broadcast(type, detail, 'voximplant'),
                note: (what, detail) => log('info', `voximplant ${what}`, detail)
            });
            this.host = host;
            this.poll = setInterval(() => {
                if (host.isReady() === this.ready) return;
                this.ready = host.isReady();
                this.status = this.ready ? 'Connected to the local relay' : 'Connecting to the local relay…';
            }, READY_POLL_MS);
        } catch (error) {
            this.status = error instanceof Error ? error.message : String(error);
            log('error', 'voximplant', this.status);
        }
    }
}
