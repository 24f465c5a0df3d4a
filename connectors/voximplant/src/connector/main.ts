// Entry of the connector bundle (one IIFE, served as a static resource by the Visualforce page
// VoximplantConnector). The page defines `window.voximplantConnectorHost.fetchRelayToken`, which calls
// the Apex controller for a short-lived relay token; nothing secret is in this bundle.
import { initializeConnector } from '@salesforce/scv-connector-base';
import { createKitVendorConnector } from './createConnector';

interface PageHost {
    fetchRelayToken(): Promise<string>;
}

function pageHost(): PageHost | undefined {
    const host: unknown = Reflect.get(window, 'voximplantConnectorHost');
    if (typeof host !== 'object' || host === null) return undefined;
    const fetchRelayToken: unknown = Reflect.get(host, 'fetchRelayToken');
    return typeof fetchRelayToken === 'function'
        ? { fetchRelayToken: () => Promise.resolve(fetchRelayToken.call(host)).then(String) }
        : undefined;
}

const host = pageHost();
const connector = createKitVendorConnector({
    openSocket: (url) => new WebSocket(url),
    fetchToken: () =>
        host ? host.fetchRelayToken() : Promise.reject(new Error('voximplantConnectorHost missing'))
});
window.addEventListener('pagehide', () => connector.dispose());
initializeConnector(connector);
