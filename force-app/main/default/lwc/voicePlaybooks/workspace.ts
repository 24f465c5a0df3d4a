// Where a screen pop opens: in a Lightning console a subtab of the call's own tab (so the record sits with
// the call), else a workspace tab; outside a console a page navigation. lightning/platformWorkspaceApi:
// https://developer.salesforce.com/docs/component-library/bundle/lightning-platform-workspace-api
import { getAllTabInfo, openSubtab, openTab } from 'lightning/platformWorkspaceApi';
import type { TabInfo } from 'lightning/platformWorkspaceApi';

export type OpenedIn = 'subtab' | 'tab' | 'page';

/** 15- and 18-character ids of one record compare equal. */
function sameRecord(a: string | undefined, b: string): boolean {
    return typeof a === 'string' && a.slice(0, 15) === b.slice(0, 15);
}

function tabOf(tabs: readonly TabInfo[], recordId: string): TabInfo | undefined {
    for (const tab of tabs) {
        if (sameRecord(tab.recordId, recordId)) return tab;
        const sub = tabOf(tab.subtabs ?? [], recordId);
        if (sub) return tab;
    }
    return undefined;
}

/** Opens `recordId` in the console, under the VoiceCall's tab when there is one. */
export async function openInConsole(recordId: string, voiceCallId: string | null): Promise<OpenedIn> {
    const tabs = await getAllTabInfo();
    const parent = voiceCallId ? tabOf(tabs, voiceCallId) : undefined;
    if (parent) {
        await openSubtab(parent.tabId, { recordId, focus: true });
        return 'subtab';
    }
    await openTab({ recordId, focus: true });
    return 'tab';
}
