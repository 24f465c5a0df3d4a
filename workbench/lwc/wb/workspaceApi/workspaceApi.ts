/**
 * wb/workspaceApi — `lightning/platformWorkspaceApi` as a console app: the scenario's VoiceCall is the first
 * workspace tab, every openTab/openSubtab adds a tab (shown in the console area's tab strip) and is logged.
 */
import { log } from 'wb/workbenchLog';

export interface WorkbenchTab {
    readonly tabId: string;
    readonly recordId: string;
    readonly parentTabId: string | null;
    readonly focused: boolean;
}

interface OpenTabOptions {
    recordId?: string;
    focus?: boolean;
}

let tabs: WorkbenchTab[] = [];
let sequence = 0;
const listeners = new Set<() => void>();

function changed(): void {
    for (const listener of listeners) listener();
}

function add(recordId: string, parentTabId: string | null, focus: boolean): string {
    const tabId = `wb-tab-${++sequence}`;
    const unfocused = focus ? tabs.map((t) => ({ ...t, focused: false })) : tabs;
    tabs = [...unfocused, { tabId, recordId, parentTabId, focused: focus }];
    changed();
    return tabId;
}

/** Set by the shell when a scenario loads: the call's record is the open workspace tab. */
export function resetWorkspace(voiceCallId: string | undefined): void {
    tabs = [];
    if (voiceCallId) add(voiceCallId, null, true);
    else changed();
}

export function workspaceTabs(): readonly WorkbenchTab[] {
    return tabs;
}

export function onWorkspaceChange(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

class IsConsoleNavigationAdapter {
    constructor(private readonly dataCallback: (value: boolean) => void) {}
    update(): void {}
    connect(): void {
        this.dataCallback(true);
    }
    disconnect(): void {}
}

export const IsConsoleNavigation = IsConsoleNavigationAdapter;

export function getAllTabInfo(): Promise<unknown[]> {
    const top = tabs.filter((t) => t.parentTabId === null);
    return Promise.resolve(
        top.map((t) => ({ ...t, subtabs: tabs.filter((s) => s.parentTabId === t.tabId) }))
    );
}

export function openTab(options: OpenTabOptions): Promise<string> {
    const tabId = add(options.recordId ?? '', null, options.focus === true);
    log('nav', 'openTab', options, tabId);
    return Promise.resolve(tabId);
}

export function openSubtab(parentTabId: string, options: OpenTabOptions): Promise<string> {
    const tabId = add(options.recordId ?? '', parentTabId, options.focus === true);
    log('nav', 'openSubtab', { parentTabId, ...options }, tabId);
    return Promise.resolve(tabId);
}

export function focusTab(tabId: string): Promise<void> {
    tabs = tabs.map((t) => ({ ...t, focused: t.tabId === tabId }));
    changed();
    return Promise.resolve();
}
