/** wb/consoleTabs — the console's workspace tabs as the workbench workspace API holds them. */
import { LightningElement } from 'lwc';
import { onWorkspaceChange, workspaceTabs } from 'wb/workspaceApi';

interface TabView {
    key: string;
    text: string;
    className: string;
}

export default class ConsoleTabs extends LightningElement {
    tabs: TabView[] = [];
    private unsubscribe: (() => void) | undefined;

    override connectedCallback(): void {
        this.unsubscribe = onWorkspaceChange(() => this.refresh());
        this.refresh();
    }

    override disconnectedCallback(): void {
        this.unsubscribe?.();
    }

    get hasTabs(): boolean {
        return this.tabs.length > 0;
    }

    private refresh(): void {
        this.tabs = workspaceTabs().map((tab) => ({
            key: tab.tabId,
            text: `${tab.parentTabId ? '↳ subtab' : 'tab'} ${tab.recordId}`,
            className: tab.focused ? 'wb-tab wb-tab_focused' : 'wb-tab'
        }));
    }
}
