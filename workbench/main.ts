// Workbench page entry: mounts the shell and, in watch mode, reloads when the build changes.
import { createElement } from 'lwc';
import App from 'wb/app';

const root = document.getElementById('root');
if (root) root.appendChild(createElement('wb-app', { is: App }));

function showBuildError(message: string): void {
    let overlay = document.getElementById('wb-build-error');
    if (!overlay) {
        overlay = document.createElement('pre');
        overlay.id = 'wb-build-error';
        overlay.setAttribute('role', 'alert');
        document.body.appendChild(overlay);
    }
    overlay.textContent = `Workbench build failed (the page shows the last good build):\n\n${message}`;
}

if (window.__WB_CONFIG__?.liveReload) {
    const events = new EventSource('/__workbench/events');
    events.addEventListener('reload', () => window.location.reload());
    events.addEventListener('build-error', (event) => showBuildError((event as MessageEvent<string>).data));
}
