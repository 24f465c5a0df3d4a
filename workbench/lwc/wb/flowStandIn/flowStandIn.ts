/**
 * wb/flowStandIn — stands in for `lightning-flow` (a platform component the open-source base components do not
 * ship). It renders the screen the scenario describes in `records.flows[<flowApiName>]`, and its Finish button
 * dispatches `statuschange` with the scenario's status and output variables, shaped as lightning-flow documents:
 * `{ status, outputVariables: [{ name, dataType, value }] }`. Inputs and the finish are written to the event log.
 */
import { LightningElement, api } from 'lwc';
import { flowFixture } from 'wb/fixtureStore';
import { log } from 'wb/workbenchLog';

interface ScreenField {
    readonly name: string;
    readonly label: string;
}

interface FlowFixture {
    readonly screen: readonly ScreenField[];
    readonly status: string;
    readonly outputs: readonly { name: string; value: unknown }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

function readFixture(value: unknown): FlowFixture | undefined {
    if (!isObject(value)) return undefined;
    const screen = Array.isArray(value.screen)
        ? value.screen
              .filter(isObject)
              .map((f) => ({ name: String(f.name ?? ''), label: String(f.label ?? f.name ?? '') }))
        : [];
    const outputs = Array.isArray(value.outputs)
        ? value.outputs.filter(isObject).map((o) => ({ name: String(o.name ?? ''), value: o.value }))
        : [];
    return { screen, status: typeof value.status === 'string' ? value.status : 'FINISHED', outputs };
}

export default class FlowStandIn extends LightningElement {
    @api flowApiName: string | undefined;
    @api flowInputVariables: unknown;

    private fixture: FlowFixture | undefined;

    override connectedCallback(): void {
        this.fixture = readFixture(flowFixture(this.flowApiName ?? ''));
        log(
            'info',
            `lightning-flow ${this.flowApiName ?? ''}`,
            this.flowInputVariables,
            this.fixture ? 'started' : 'no flows fixture'
        );
    }

    get missing(): boolean {
        return this.fixture === undefined;
    }

    get fields(): readonly ScreenField[] {
        return this.fixture?.screen ?? [];
    }

    handleFinish(): void {
        const fixture = this.fixture;
        const status = fixture?.status ?? 'ERROR';
        const outputVariables = (fixture?.outputs ?? []).map((o) => ({
            name: o.name,
            dataType: 'String',
            value: o.value
        }));
        log('info', `lightning-flow ${this.flowApiName ?? ''}`, outputVariables, status);
        this.dispatchEvent(new CustomEvent('statuschange', { detail: { status, outputVariables } }));
    }
}
