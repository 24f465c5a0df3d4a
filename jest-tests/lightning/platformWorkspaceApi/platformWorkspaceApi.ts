/**
 * Jest mock of `lightning/platformWorkspaceApi` (mapped in jest.config.js): a controllable console.
 * `IsConsoleNavigation.emit(true)` makes a component believe it is in a console app; `workspaceMock.setTabs`
 * sets what `getAllTabInfo` returns; `workspaceMock.opened()` lists every tab and subtab opened.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { OpenTabOptions, TabInfo } from 'lightning/platformWorkspaceApi';

export interface OpenedTab {
    readonly kind: 'tab' | 'subtab';
    readonly parentTabId: string | null;
    readonly options: OpenTabOptions;
}

export const IsConsoleNavigation = createTestWireAdapter(jest.fn());

let tabs: TabInfo[] = [];
let failure: Error | null = null;
const opened: OpenedTab[] = [];

function open(kind: OpenedTab['kind'], parentTabId: string | null, options: OpenTabOptions): Promise<string> {
    if (failure) return Promise.reject(failure);
    opened.push(Object.freeze({ kind, parentTabId, options }));
    return Promise.resolve(`tab-${opened.length}`);
}

function allTabs(): Promise<TabInfo[]> {
    if (failure) return Promise.reject(failure);
    return Promise.resolve(JSON.parse(JSON.stringify(tabs)) as TabInfo[]);
}

export const getAllTabInfo = jest.fn(allTabs);
export const openTab = jest.fn((options: OpenTabOptions) => open('tab', null, options));
export const openSubtab = jest.fn((parentTabId: string, options: OpenTabOptions) =>
    open('subtab', parentTabId, options)
);
export const focusTab = jest.fn(() => Promise.resolve());

export const workspaceMock = {
    setTabs(value: TabInfo[]): void {
        tabs = value;
    },
    /** Every workspace call rejects with this error from now on (null: they succeed again). */
    fail(error: Error | null): void {
        failure = error;
    },
    opened(): readonly OpenedTab[] {
        return [...opened];
    },
    reset(): void {
        tabs = [];
        failure = null;
        opened.length = 0;
    }
};
