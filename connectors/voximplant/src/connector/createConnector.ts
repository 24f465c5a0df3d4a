// Wires a KitVendorConnector: settings from the contact center, a relay link, the SDK port.
import { KitConnectorCore } from './kitConnectorCore';
import { parseConnectorSettings } from './connectorConfig';
import { RelayClient, type SocketLike } from './relayClient';
import { KitVendorConnector, sdkPort } from './scvConnectorBase3';
import { AgentFacingError, type TelephonyPort } from './telephonyPort';

export interface ConnectorHost {
    readonly openSocket: (url: string) => SocketLike;
    readonly fetchToken: () => Promise<string>;
    readonly port?: TelephonyPort;
    readonly readyTimeoutMs?: number;
    /** Tests only: accept ws:// relay URLs on 127.0.0.1. */
    readonly allowLocalRelay?: boolean;
}

export function createKitVendorConnector(host: ConnectorHost): KitVendorConnector {
    return new KitVendorConnector(async (config) => {
        const settings = parseConnectorSettings(config, host.allowLocalRelay ?? false);
        if (!settings.ok) throw new AgentFacingError('Voice_Voximplant_RelayUnavailable', settings.reason);
        const client = new RelayClient({
            url: settings.value.relayUrl,
            openSocket: host.openSocket,
            fetchToken: host.fetchToken,
            // Messages arrive only after connect(), when `core` exists.
            onMessage: (message) => core.onRelayMessage(message)
        });
        const core = new KitConnectorCore(host.port ?? sdkPort, client, {
            statusMap: settings.value.statusMap
        });
        client.connect();
        await waitForReady(core, host.readyTimeoutMs ?? 8000);
        return core;
    });
}

function waitForReady(core: KitConnectorCore, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
            if (core.isReady) resolve();
            else if (Date.now() - started > timeoutMs)
                reject(new AgentFacingError('Voice_Voximplant_RelayUnavailable', 'relay did not answer'));
            else setTimeout(check, 20);
        };
        check();
    });
}
