/**
 * Controllable Jest stub of `lightning-flow` (mapped in jest.config.js; the sfdx-lwc-jest stub has no
 * events). Every connected instance is recorded with the inputs it was given; `flowMock.emit(status, outputs)`
 * dispatches `statuschange` from the newest one, shaped as the component documents it
 * (https://developer.salesforce.com/docs/component-library/bundle/lightning-flow/documentation):
 * `detail.status` and `detail.outputVariables` as `{ name, dataType, value }` items.
 */
import { LightningElement, api } from 'lwc';

export interface FlowOutputVariable {
    // eslint-disable-next-line no-restricted-globals -- an interface member, not the window global
    readonly name: string;
    readonly dataType?: string;
    readonly value: unknown;
}

const connected: Flow[] = [];
let created = 0;

export default class Flow extends LightningElement {
    @api flowApiName: string | undefined;
    @api flowInputVariables: unknown;
    @api flowFinishBehavior: string | undefined;

    /** 1 for the first element created in a test, 2 for the next, …: proves a fresh element per run. */
    readonly serial = ++created;

    override connectedCallback(): void {
        connected.push(this);
    }

    override disconnectedCallback(): void {
        const index = connected.indexOf(this);
        if (index >= 0) connected.splice(index, 1);
    }

    emitStatus(status: string, outputVariables: readonly FlowOutputVariable[]): void {
        this.dispatchEvent(
            new CustomEvent('statuschange', {
                detail: { status, outputVariables, flowTitle: this.flowApiName }
            })
        );
    }
}

export const flowMock = {
    /** Connected flow elements, oldest first. */
    connected(): readonly { flowApiName: string | undefined; inputs: unknown; serial: number }[] {
        return connected.map((f) => ({
            flowApiName: f.flowApiName,
            inputs: f.flowInputVariables,
            serial: f.serial
        }));
    },
    /** Dispatches `statuschange` from the newest connected element; false when none is connected. */
    emit(status: string, outputVariables: readonly FlowOutputVariable[] = []): boolean {
        const latest = connected[connected.length - 1];
        if (!latest) return false;
        latest.emitStatus(status, outputVariables);
        return true;
    },
    reset(): void {
        connected.length = 0;
        created = 0;
    }
};
