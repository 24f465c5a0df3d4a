// The parts of `lightning/uiObjectInfoApi` the panels use. In Jest the module resolves to sfdx-lwc-jest's
// built-in stub, whose adapters are LDS test wire adapters (`getPicklistValues.emit(...)`).
declare module 'lightning/uiObjectInfoApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface ObjectInfoRepresentation {
        apiName: string;
        defaultRecordTypeId: string;
        fields: Record<string, { apiName: string; label: string; updateable?: boolean }>;
    }

    export interface PicklistValue {
        label: string;
        value: string;
        validFor?: number[];
        attributes?: Record<string, unknown> | null;
    }

    export interface PicklistValuesRepresentation {
        values: PicklistValue[];
        defaultValue: PicklistValue | null;
        controllerValues?: Record<string, number>;
    }

    export const getObjectInfo: WireAdapterConstructor<
        { objectApiName: { objectApiName: string } | string },
        { data?: ObjectInfoRepresentation; error?: unknown }
    >;

    export const getPicklistValues: WireAdapterConstructor<
        {
            recordTypeId: string | undefined;
            fieldApiName: { objectApiName: string; fieldApiName: string } | string;
        },
        { data?: PicklistValuesRepresentation; error?: unknown }
    >;
}
