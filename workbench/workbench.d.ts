// Modules the workbench build generates from force-app metadata (scripts/workbench/platform-modules.mjs).
declare module '@workbench/registry' {
    import type { LightningElement } from 'lwc';

    export interface DesignAttribute {
        name: string;
        type: string;
        label: string;
        description: string;
        default?: string | number | boolean;
        datasource?: string[];
        min?: number;
        max?: number;
        required: boolean;
        targets: string[];
    }

    export interface BundleInfo {
        name: string;
        tag: string;
        source: string;
        hasTemplate: boolean;
        exposed: boolean;
        masterLabel: string;
        description: string;
        targets: string[];
        capabilities: string[];
        properties: DesignAttribute[];
        /** Why the bundle (or a c/* bundle it uses) does not compile; such bundles are not mounted. */
        error?: string;
        /** Present for exposed components with a template: what the page can mount. */
        ctor: typeof LightningElement | undefined;
    }

    const bundles: BundleInfo[];
    export default bundles;
}

declare module '@workbench/labels' {
    const labels: Record<string, string>;
    export default labels;
}

declare module '@workbench/objects' {
    export interface FieldMetadata {
        apiName: string;
        label: string;
        dataType: string;
        custom: boolean;
        length?: number;
        picklistValues?: { value: string; label: string; default: boolean }[];
    }

    export interface ObjectMetadata {
        apiName: string;
        label: string;
        fields: Record<string, FieldMetadata>;
    }

    const objects: Record<string, ObjectMetadata>;
    export default objects;
}

// The developer strip's adapter self-test imports one real label through the label alias.
declare module '@salesforce/label/c.Voice_ToolkitUnavailable' {
    const label: string;
    export default label;
}

interface WorkbenchConfig {
    /** Scenario id to load and play on start (`npm start -- --scenario <file>`). */
    autoplay: string | null;
    mode: 'development' | 'production';
    /** True when the server watches the sources and pushes reloads. */
    liveReload: boolean;
    /** Set by `npm start -- --voximplant`: where the stand-in softphone host script is served. */
    voximplant: { script: string } | null;
}

interface Window {
    __WB_CONFIG__?: WorkbenchConfig;
}
