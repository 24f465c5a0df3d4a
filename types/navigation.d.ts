declare module 'lightning/navigation' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, string | undefined>;
    }

    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;

    /** What `NavigationMixin(Base)` adds to a component. */
    export interface NavigationCapable {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }

    // TypeScript mixins require an `any[]` constructor signature.
    type Constructor<T = object> = new (...args: any[]) => T;

    export interface NavigationMixinFunction {
        <TBase extends Constructor>(Base: TBase): TBase & Constructor<NavigationCapable>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    }

    export const NavigationMixin: NavigationMixinFunction;

    /** Wire adapter: `@wire(CurrentPageReference) pageRef?: PageReference;` */
    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
