// Shared locations for the Voximplant connector's scripts.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONNECTOR_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const REPO_ROOT = resolve(CONNECTOR_ROOT, '../..');
