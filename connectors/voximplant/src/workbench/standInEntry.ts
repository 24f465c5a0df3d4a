// Entry of the workbench's stand-in host bundle: exposes `voximplantStandIn.start` to the page.
import { startStandInHost } from './standInHost';

Reflect.set(globalThis, 'voximplantStandIn', { start: startStandInHost });
