// lightning/platformWorkspaceApi (API 59.0+): console workspace tabs and subtabs from LWC.
// https://developer.salesforce.com/docs/component-library/bundle/lightning-platform-workspace-api and the
// "Methods for Workspace Tabs and Subtabs in Lightning Experience" of the Console Developer Guide.
declare module 'lightning/platformWorkspaceApi' {
    import type { WireAdapterConstructor } from 'lwc';
    import type { PageReference } from 'lightning/navigation';

    export interface TabInfo {
        tabId: string;
        recordId?: string;
        focused?: boolean;
        isSubtab?: boolean;
        parentTabId?: string | null;
        pageReference?: PageReference;
        subtabs?: TabInfo[];
    }

    export interface OpenTabOptions {
        recordId?: string;
        pageReference?: PageReference;
        url?: string;
        focus?: boolean;
        label?: string;
    }

    /** `@wire(IsConsoleNavigation) isConsoleNavigation?: boolean;` */
    export const IsConsoleNavigation: WireAdapterConstructor<Record<string, never>, boolean>;
    export function getAllTabInfo(): Promise<TabInfo[]>;
    export function openTab(options: OpenTabOptions): Promise<string>;
    export function openSubtab(parentTabId: string, options: OpenTabOptions): Promise<string>;
    export function focusTab(tabId: string): Promise<void>;
}
