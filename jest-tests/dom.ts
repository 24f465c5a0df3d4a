/**
 * DOM helpers every component suite shares: mount a component, let the bridge's microtask flush and the
 * re-render settle, query inside shadow roots, drive the toolkit stub, and reset between tests.
 */
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import type { VoiceToolkitElement } from 'c/voiceToolkit';
import { voiceToolkitMock } from './lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi';

/** What `createElement({ is })` accepts: a component class. */
export type ComponentClass = LightningElement['constructor'] & (new () => LightningElement);

/** Creates `<tag>` as `component`, assigns `props` (its `@api` properties) and attaches it to the body. */
export function mount<T extends HTMLElement = HTMLElement>(
    tag: string,
    component: ComponentClass,
    props: object = {}
): T {
    const element = createElement(tag, { is: component }) as unknown as T;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/**
 * Lets queued microtasks run: c/voiceToolkit coalesces a burst of events into one `sessionchange` in a
 * microtask, then the panel re-renders in another. Promise-only, so it works under fake timers too.
 */
export function flush(rounds = 10): Promise<void> {
    let chain = Promise.resolve();
    for (let i = 0; i < rounds; i++) chain = chain.then(() => undefined);
    return chain;
}

/** `mount`, then `flush`: for components that render after their first wire or bridge round. */
export async function mountSettled<T extends HTMLElement = HTMLElement>(
    tag: string,
    component: ComponentClass,
    props: object = {}
): Promise<T> {
    const element = mount<T>(tag, component, props);
    await flush();
    return element;
}

/** The element's shadow root; throws when there is none (a typo'd host selector fails loudly). */
export function shadow(element: Element): ShadowRoot {
    const root = element.shadowRoot;
    if (!root) throw new Error(`<${element.tagName.toLowerCase()}> has no shadow root`);
    return root;
}

/** First match of `selector` in the element's shadow root. */
export function $<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
    return shadow(element).querySelector<T>(selector);
}

/** Every match of `selector` in the element's shadow root. */
export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
    return Array.from(shadow(element).querySelectorAll<T>(selector));
}

/** First match of `selector`; throws when it is missing, naming the selector. */
export function must<T extends Element = HTMLElement>(element: Element, selector: string): T {
    const found = $<T>(element, selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
}

/**
 * The panel's `<c-voice-panel-frame>`: the shell that renders the unavailable and idle states (query those
 * inside it, e.g. `text(frame(el), '.idle')`). Throws when the panel renders no frame.
 */
export function frame(element: Element): HTMLElement {
    return must(element, 'c-voice-panel-frame');
}

// Text helpers trim: template indentation around an expression is not what the agent reads.

/** Trimmed textContent of the first match ('' when nothing matches). */
export function text(element: Element, selector: string): string {
    return ($(element, selector)?.textContent ?? '').trim();
}

/** Trimmed textContent of every match, in document order. */
export function texts(element: Element, selector: string): string[] {
    return $$(element, selector).map((node) => (node.textContent ?? '').trim());
}

/**
 * A stand-in for a parent's `<c-voice-toolkit>`, for panels embedded in `voiceAgentDesktop`: an element (a
 * plain object would reach the panel as a read-only proxy) with `available` and the methods a test gives it.
 */
export function parentToolkit(available: boolean, methods: object = {}): VoiceToolkitElement {
    return Object.assign(document.createElement('div'), {
        available,
        ...methods
    }) as unknown as VoiceToolkitElement;
}

/** Dispatches a toolkit event on every connected stub, then lets the panels re-render. */
export async function fireToolkit(type: string, detail: unknown): Promise<void> {
    voiceToolkitMock.fire(type, detail);
    await flush();
}

/** The shared afterEach: empty the document, reset the toolkit stub, forget mock calls. */
export function resetDom(): void {
    document.body.replaceChildren();
    voiceToolkitMock.reset();
    jest.clearAllMocks();
}
