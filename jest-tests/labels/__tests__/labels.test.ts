import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import UNAVAILABLE from '@salesforce/label/c.Voice_ToolkitUnavailable';
import RELAY_UNAVAILABLE from '@salesforce/label/c.Voice_Voximplant_RelayUnavailable';

const ROOT = join(__dirname, '..', '..', '..');
const labelsFile = (packageDir: string): string =>
    readFileSync(join(ROOT, packageDir, 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml'), 'utf8');

describe('label imports in Jest', () => {
    it('read the text of the core package directory’s CustomLabels file', () => {
        expect(UNAVAILABLE).not.toBe('c.Voice_ToolkitUnavailable');
        expect(labelsFile('force-app')).toContain(`>${UNAVAILABLE}</value>`);
    });

    it('read the labels of every other package directory too', () => {
        expect(labelsFile('connectors/voximplant/force-app')).toContain(`>${RELAY_UNAVAILABLE}</value>`);
    });
});
