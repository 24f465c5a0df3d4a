/**
 * wb/toolkitSimulator — stands in for `lightning-service-cloud-voice-toolkit-api` (the build aliases
 * `lightning/serviceCloudVoiceToolkitApi` here). Each instance registers with the one simulated softphone
 * while connected, re-dispatches the softphone's events on itself as the platform element does, and
 * forwards every method of the one method list (`c/voiceToolkitMethods`) to it.
 */
import { LightningElement } from 'lwc';
import { TOOLKIT_METHOD_NAMES } from 'c/voiceToolkitMethods';
import { invoke, register, unregister } from 'wb/softphone';
import type { ToolkitHost } from 'wb/softphone';

export default class ToolkitSimulator extends LightningElement {
    private readonly host: ToolkitHost = {
        deliver: (type: string, detail: unknown): void => {
            this.dispatchEvent(new CustomEvent(type, { detail }));
        }
    };

    override connectedCallback(): void {
        // The methods are the host's own properties, defined before the parent's renderedCallback looks.
        const element = this.template?.host as HTMLElement;
        for (const method of TOOLKIT_METHOD_NAMES) {
            const value = (...args: unknown[]): Promise<{ success: true }> => invoke(method, args);
            Object.defineProperty(element, method, { configurable: true, value });
        }
        register(this.host);
    }

    override disconnectedCallback(): void {
        unregister(this.host);
    }
}
