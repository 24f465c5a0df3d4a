// Proves the platform-rule gates reject what a real deploy would reject: each test plants one bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMetadataLimits, loadLimits } from './metadata-limits.mjs';

export function tempProject(t, files, packageDirectories = [{ path: 'force-app', default: true }]) {
    const root = mkdtempSync(join(tmpdir(), 'scv-platform-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const all = {
        'sfdx-project.json': JSON.stringify({ packageDirectories, sourceApiVersion: '65.0' }),
        ...files
    };
    for (const [path, content] of Object.entries(all)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), content);
    }
    return root;
}

const permissionSet = (description) => `<?xml version="1.0" encoding="UTF-8" ?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <description
    >${description}</description>
    <label>Voice Test</label>
</PermissionSet>
`;

test('metadata limits: every limit in the dataset names its source page and API version', () => {
    for (const limit of loadLimits()) {
        assert.match(limit.source.url, /^https:\/\/developer\.salesforce\.com\//, limit.element);
        assert.match(limit.source.apiVersion, /^\d+\.0$/, limit.element);
    }
});

test('metadata limits: a 256-character permission set description in any package directory is a finding', (t) => {
    const root = tempProject(
        t,
        {
            'force-app/main/default/permissionsets/Ok.permissionset-meta.xml': permissionSet('x'.repeat(255)),
            'extra/main/default/permissionsets/Long.permissionset-meta.xml': permissionSet('x'.repeat(256))
        },
        [{ path: 'force-app', default: true }, { path: 'extra' }]
    );
    const findings = checkMetadataLimits(root);
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /Long\.permissionset-meta\.xml: PermissionSet\.description is 256 characters/);
});

test('metadata limits: an LWC description over 255 characters is a finding, entities count as one character', (t) => {
    const meta = (text) =>
        `<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><description>${text}</description></LightningComponentBundle>`;
    const root = tempProject(t, {
        'force-app/main/default/lwc/a/a.js-meta.xml': meta('&apos;'.repeat(255)),
        'force-app/main/default/lwc/b/b.js-meta.xml': meta('y'.repeat(273))
    });
    const findings = checkMetadataLimits(root);
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /b\.js-meta\.xml: LightningComponentBundle\.description is 273 characters/);
});
