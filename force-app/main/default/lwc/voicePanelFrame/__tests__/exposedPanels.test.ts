/**
 * Every exposed bundle that uses the toolkit, found from the package directories' metadata rather than listed by
 * hand: placed alone on a page it renders exactly one toolkit bridge, and a panel built on `VoicePanel` acts
 * through that bridge and hears its events (a panel whose template leaves out `c-voice-panel-frame` has no
 * bridge, and every action of it would answer "unavailable").
 */
import { readFileSync, readdirSync } from 'fs';
import { join, relative, sep } from 'path';
import { api } from 'lwc';
import { VoicePanel } from 'c/voicePanel';
import type { CallSession } from 'c/voiceCallModel';
import type { VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from '@jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';
import { callConnected } from '@jest-tests/fixtures/toolkitEvents';
import { flush, mountSettled, resetDom } from '@jest-tests/dom';
import type { ComponentClass } from '@jest-tests/dom';

const ROOT = join(__dirname, '../../../../../..');
const TOOLKIT_CAPABILITY = '<capability>lightning__ServiceCloudVoiceToolkitApi</capability>';

/** Bundle names of exposed components that declare the toolkit capability, in every package directory. */
function exposedToolkitBundles(): string[] {
    const project = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')) as {
        packageDirectories: { path: string }[];
    };
    return project.packageDirectories.flatMap(({ path }) =>
        readdirSync(join(ROOT, path), { recursive: true, encoding: 'utf8' })
            .filter((file) => file.endsWith('.js-meta.xml') && file.split(sep).includes('lwc'))
            .filter((file) => {
                const meta = readFileSync(join(ROOT, path, file), 'utf8');
                return meta.includes('<isExposed>true</isExposed>') && meta.includes(TOOLKIT_CAPABILITY);
            })
            .map(
                (file) =>
                    relative(join(ROOT, path), join(ROOT, path, file))
                        .split(sep)
                        .at(-2) ?? file
            )
    );
}

interface ProbeElement extends HTMLElement {
    readonly probeBridge: VoiceToolkitElement | undefined;
    readonly probeView: CallSession;
}

/** The panel with its protected plumbing made readable (it keeps the panel's own template). */
function probeOf(Panel: typeof VoicePanel): ComponentClass {
    class Probe extends Panel {
        @api
        get probeBridge(): VoiceToolkitElement | undefined {
            return this.bridge;
        }
        @api
        get probeView(): CallSession {
            return this.view;
        }
    }
    return Probe;
}

/** All elements inside `host`'s shadow tree, through every nested shadow root. */
function deepAll(host: Element, selector: string): Element[] {
    const root = host.shadowRoot;
    if (!root) return [];
    return [
        ...root.querySelectorAll(selector),
        ...[...root.querySelectorAll('*')].flatMap((el) => deepAll(el, selector))
    ];
}

const bundles = exposedToolkitBundles();

describe('every exposed toolkit component, placed alone', () => {
    afterEach(resetDom);

    it('finds the exposed toolkit components in the package directories', () => {
        expect(bundles).toEqual(expect.arrayContaining(['voiceAgentDesktop', 'voiceCallControls']));
    });

    it.each(bundles)('%s renders exactly one toolkit bridge', async (name) => {
        const { default: Component } = (await import(`c/${name}`)) as { default: ComponentClass };
        const element = await mountSettled(`c-probe-${name.toLowerCase()}`, Component);
        expect(deepAll(element, 'c-voice-toolkit')).toHaveLength(1);
    });

    const panels = bundles.filter((name) => {
        const { default: Component } = require(`c/${name}`) as { default: ComponentClass };
        return Component.prototype instanceof VoicePanel;
    });

    it('builds every voice panel on VoicePanel (the desktop composes them)', () => {
        expect(panels).toEqual(bundles.filter((name) => name !== 'voiceAgentDesktop'));
    });

    it.each(panels)('%s acts through its frame’s bridge and hears its events', async (name) => {
        const { default: Panel } = require(`c/${name}`) as { default: typeof VoicePanel };
        const element = await mountSettled<ProbeElement>(`c-probe-${name.toLowerCase()}`, probeOf(Panel));
        const [rendered] = deepAll(element, 'c-voice-toolkit');
        expect(element.probeBridge).toBeDefined();
        expect(element.probeBridge).toBe(rendered);
        voiceToolkitMock.fire('callconnected', callConnected());
        await flush();
        expect(element.probeView.phase).toBe('connected');
    });
});
