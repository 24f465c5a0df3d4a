/**
 * wb/navigation — `lightning/navigation`: NavigationMixin records every Navigate/GenerateUrl in the
 * event log (the workbench has nowhere to go), CurrentPageReference serves the page's record.
 */
import { log } from 'wb/workbenchLog';

type Constructor<T = object> = abstract new (...args: never[]) => T;
export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const NAVIGATE: unique symbol = Symbol('Navigate');
const GENERATE_URL: unique symbol = Symbol('GenerateUrl');

function urlOf(pageReference: PageReference): string {
    return `#/${encodeURIComponent(JSON.stringify(pageReference))}`;
}

/** Returns `Base` with the navigation methods; typed as `Base` because components type their own calls. */
function NavigationMixinFactory<TBase extends Constructor>(Base: TBase): TBase {
    class Navigating extends (Base as unknown as new () => object) {
        [NAVIGATE](pageReference: PageReference, replace?: boolean): void {
            log('nav', 'Navigate', { pageReference, replace: replace === true });
        }

        [GENERATE_URL](pageReference: PageReference): Promise<string> {
            log('nav', 'GenerateUrl', pageReference);
            return Promise.resolve(urlOf(pageReference));
        }
    }
    return Navigating as unknown as TBase;
}

export const NavigationMixin = Object.assign(NavigationMixinFactory, {
    Navigate: NAVIGATE,
    GenerateUrl: GENERATE_URL
});

let currentRecordId: string | undefined;

/** Set by the shell when a scenario is loaded: the record page the components sit on. */
export function setCurrentRecord(recordId: string | undefined): void {
    currentRecordId = recordId;
}

class CurrentPageReferenceAdapter {
    constructor(private readonly dataCallback: (value: PageReference) => void) {}

    update(): void {}

    connect(): void {
        this.dataCallback({
            type: 'standard__recordPage',
            attributes: { recordId: currentRecordId, objectApiName: 'VoiceCall', actionName: 'view' },
            state: {}
        });
    }

    disconnect(): void {}
}

export const CurrentPageReference = CurrentPageReferenceAdapter;
