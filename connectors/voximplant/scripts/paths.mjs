// Shared locations for the Voximplant connector's scripts (the repository root is defined once, in scripts/).
import { join } from 'node:path';
import { ROOT } from '../../../scripts/repo.mjs';

export const REPO_ROOT = ROOT;
export const CONNECTOR_ROOT = join(ROOT, 'connectors', 'voximplant');
