/**
 * wb/apex — `@salesforce/apex` (refreshApex, getSObjectValue) and the stand-in for every
 * `@salesforce/apex/Class.method` import: imperative calls and @wire both answer from the scenario's
 * `records.apex["Class.method"]` fixture, or an empty answer (`[]` for getters/finders, else `null`).
 */
import { apexFixture } from 'wb/fixtureStore';
import { underFault } from 'wb/faults';
import { log } from 'wb/workbenchLog';

type Params = Record<string, unknown> | undefined;
type DataCallback = (value: { data: unknown; error: unknown }) => void;

/** Shaped like the platform's Apex error (`reduceErrors` reads `body.message`). */
class ApexError extends Error {
    readonly status = 500;
    readonly ok = false;
    readonly body: {
        message: string;
        exceptionType: string;
        stackTrace: string;
        isUserDefinedException: boolean;
    };

    constructor(message: string) {
        super(message);
        this.body = {
            message,
            exceptionType: 'System.Exception',
            stackTrace: '',
            isUserDefinedException: false
        };
    }
}

const refreshers = new WeakMap<object, () => Promise<void>>();
const LIST_METHOD = /^(get|list|find|search|fetch|query)/;
const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

function answer(name: string, params: Params): Promise<unknown> {
    return underFault(
        'apex',
        async () => {
            const fixture = apexFixture(name);
            if (fixture.found && isObject(fixture.value) && typeof fixture.value.$error === 'string') {
                log('apex', name, params, `error: ${fixture.value.$error}`);
                throw new ApexError(fixture.value.$error);
            }
            const method = name.split('.').pop() ?? '';
            const value = fixture.found
                ? structuredClone(fixture.value)
                : LIST_METHOD.test(method)
                  ? []
                  : null;
            log('apex', name, params, fixture.found ? 'fixture' : 'no fixture: empty answer');
            return value;
        },
        (message) => {
            log('apex', name, params, message);
            return new ApexError(message);
        }
    );
}

export function apexMethod(name: string): ((params?: Params) => Promise<unknown>) & { adapter: unknown } {
    class ApexWireAdapter {
        private config: Params;
        private connected = false;

        constructor(private readonly dataCallback: DataCallback) {}

        update(config: Params): void {
            this.config = config;
            void this.fetch();
        }

        connect(): void {
            this.connected = true;
            void this.fetch();
        }

        disconnect(): void {
            this.connected = false;
        }

        private async fetch(): Promise<void> {
            const config = this.config;
            if (!this.connected || (config && Object.values(config).some((v) => v === undefined))) return;
            let value: { data: unknown; error: unknown };
            try {
                value = { data: await answer(name, config), error: undefined };
            } catch (error) {
                value = { data: undefined, error };
            }
            if (!this.connected || config !== this.config) return;
            refreshers.set(value, () => this.fetch());
            this.dataCallback(value);
        }
    }
    const call = (params?: Params): Promise<unknown> => answer(name, params);
    return Object.assign(call, { adapter: ApexWireAdapter });
}

/** Re-runs the wire that produced `wiredValue` (the object the component received). */
export function refreshApex(wiredValue: unknown): Promise<void> {
    const refresh = isObject(wiredValue) ? refreshers.get(wiredValue) : undefined;
    return refresh ? refresh() : Promise.resolve();
}

export function getSObjectValue(record: unknown, field: unknown): unknown {
    const path =
        typeof field === 'string'
            ? field.split('.').slice(1)
            : isObject(field) && typeof field.fieldApiName === 'string'
              ? field.fieldApiName.split('.')
              : [];
    let current: unknown = record;
    for (const segment of path) current = isObject(current) ? current[segment] : undefined;
    return current;
}
