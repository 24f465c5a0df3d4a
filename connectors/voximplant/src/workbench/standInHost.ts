// A stand-in softphone host for the local workbench (bundled by scripts/workbench/voximplant.mjs into
// one browser script). scv-connector-base 3.6.2 takes SETUP_CONNECTOR only from Salesforce origins, so
// outside an org the connector is driven through our own port (telephonyPort.ts): the same core and
// relay client the org bundle runs, with the published events turned into toolkit events for the
// workbench's simulated softphone. Holds no secret: relay tokens come from the workbench server.
import { parseConnectorSettings, RELAY_URL_KEY } from '../connector/connectorConfig';
import { KitConnectorCore } from '../connector/kitConnectorCore';
import { RelayClient } from '../connector/relayClient';
import { type PortEvent } from '../connector/telephonyPort';
import { type ToolkitEvent, toToolkitEvent } from './toolkitEvents';

export interface StandInOptions {
    readonly relayUrl: string;
    readonly fetchToken: () => Promise<string>;
    readonly deliver: (event: ToolkitEvent) => void;
    readonly note: (what: string, detail: unknown) => void;
}

export interface StandInHost {
    readonly isReady: () => boolean;
    stop(): void;
}

export function startStandInHost(options: StandInOptions): StandInHost {
    const settings = parseConnectorSettings({ [RELAY_URL_KEY]: options.relayUrl }, true);
    if (!settings.ok) throw new Error(settings.reason);
    const port = {
        publish(event: PortEvent): void {
            const toolkit = toToolkitEvent(event);
            if (toolkit) options.deliver(toolkit);
            else options.note(event.kind, event);
        }
    };
    const client = new RelayClient({
        url: settings.value.relayUrl,
        openSocket: (url) => new WebSocket(url),
        fetchToken: options.fetchToken,
        onMessage: (message) => core.onRelayMessage(message),
        onDisconnected: (reason) => options.note('relay disconnected', { reason })
    });
    const core = new KitConnectorCore(port, client, { statusMap: settings.value.statusMap });
    client.connect();
    return { isReady: () => core.isReady, stop: () => core.dispose() };
}
