/**
 * Jest mock of `lightning/navigation` that records navigation (mapped in jest.config.js).
 * Assert with `navigationMock.lastPageReference()`; import the control by relative path (README).
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { PageReference } from 'lightning/navigation';

export interface NavigateCall {
    readonly pageReference: PageReference;
    readonly replace: boolean | undefined;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
const DEFAULT_URL = 'https://example.invalid/lightning/page';

const navigateCalls: NavigateCall[] = [];
const generateUrlCalls: PageReference[] = [];
let generatedUrl = DEFAULT_URL;

/** Emit a page reference to components wired with `@wire(CurrentPageReference)`: `CurrentPageReference.emit(ref)`. */
export const CurrentPageReference = createTestWireAdapter(jest.fn());

type Constructor = new (...args: never[]) => object;

function mixin<TBase extends Constructor>(Base: TBase): TBase {
    // A class extending `Base` with the two symbol-keyed methods, as the platform mixin does.
    const Mixed = class extends (Base as unknown as new () => object) {
        [Navigate](pageReference: PageReference, replace?: boolean): void {
            navigateCalls.push(Object.freeze({ pageReference, replace }));
        }
        [GenerateUrl](pageReference: PageReference): Promise<string> {
            generateUrlCalls.push(pageReference);
            return Promise.resolve(generatedUrl);
        }
    };
    return Mixed as unknown as TBase;
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

export const navigationMock = {
    /** Every `[NavigationMixin.Navigate]` call, oldest first. */
    navigateCalls(): readonly NavigateCall[] {
        return [...navigateCalls];
    },
    lastPageReference(): PageReference | undefined {
        return navigateCalls[navigateCalls.length - 1]?.pageReference;
    },
    /** Every `[NavigationMixin.GenerateUrl]` page reference, oldest first. */
    generateUrlCalls(): readonly PageReference[] {
        return [...generateUrlCalls];
    },
    /** What `[NavigationMixin.GenerateUrl]` resolves to from now on. */
    setGeneratedUrl(url: string): void {
        generatedUrl = url;
    },
    reset(): void {
        navigateCalls.length = 0;
        generateUrlCalls.length = 0;
        generatedUrl = DEFAULT_URL;
    }
};
