// Shared by the custom-metadata gate tests (action-check, playbook-check): a scratch copy of the core
// package's metadata folders, and a planted CustomMetadata record, so each test can add one bad record.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lib-files.mjs';

export const DEFAULT = join('force-app', 'main', 'default');

/** Copies `parts` of the core package's main/default into a temp dir removed after test `t`. */
export function copyRepo(t, prefix, parts) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    for (const part of parts) {
        cpSync(join(repoRoot, DEFAULT, part), join(dir, DEFAULT, part), { recursive: true });
    }
    return dir;
}

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');

const xsdType = (value) =>
    typeof value === 'number' ? 'xsd:double' : typeof value === 'boolean' ? 'xsd:boolean' : 'xsd:string';

/** Writes record `<type>.<name>` with `values` (field → value) into the copy's customMetadata folder. */
export function plant(dir, type, name, values) {
    const rows = Object.entries(values)
        .map(
            ([field, value]) =>
                `    <values>\n        <field>${field}</field>\n        <value xsi:type="${xsdType(value)}">${escape(value)}</value>\n    </values>\n`
        )
        .join('');
    writeFileSync(
        join(dir, DEFAULT, 'customMetadata', `${type}.${name}.md-meta.xml`),
        `<?xml version="1.0" encoding="UTF-8" ?>\n<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n    <label>${name}</label>\n    <protected>false</protected>\n${rows}</CustomMetadata>\n`
    );
}
