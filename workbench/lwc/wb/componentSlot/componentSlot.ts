/**
 * wb/componentSlot — one placed component: mounts it dynamically with its App Builder props and, as an
 * error boundary, shows a crash in place instead of taking the whole page down.
 */
import { LightningElement, api } from 'lwc';
import type { BundleInfo } from '@workbench/registry';

export default class ComponentSlot extends LightningElement {
    @api name = '';
    @api label = '';
    @api ctor: BundleInfo['ctor'];
    @api props: Record<string, unknown> = {};
    crash = '';

    get crashed(): boolean {
        return this.crash !== '';
    }

    override errorCallback(error: unknown): void {
        this.crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        this.dispatchEvent(
            new CustomEvent('crash', { detail: { component: this.name, message: this.crash } })
        );
    }
}
