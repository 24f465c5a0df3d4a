// Reads the org metadata the workbench needs from force-app (labels, bundle meta, object fields) so the
// local adapters answer the way the org would. Pure functions of the files on disk; no caching here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT, listBundles, lwcDirs, packageDirectoryPaths } from '../lwc-bundles.mjs';

export const DEFAULT_DIR = join(ROOT, 'force-app', 'main', 'default');
export const LABELS_FILE = join(DEFAULT_DIR, 'labels', 'CustomLabels.labels-meta.xml');
export const OBJECTS_DIR = join(DEFAULT_DIR, 'objects');
/** The objects folder of every package directory (a package directory may add objects of its own). */
export const objectsDirs = () =>
    packageDirectoryPaths().map((path) => join(ROOT, path, 'main', 'default', 'objects'));
const asList = (value) => (Array.isArray(value) ? value : [value]);
const STANDARD_OBJECTS_FILE = join(ROOT, 'scripts', 'checks', 'platform', 'standard-objects.json');
// Standard picklists have org-defined values; the workbench offers these sample values for them.
const STANDARD_PICKLISTS_FILE = join(ROOT, 'scripts', 'workbench', 'fixtures', 'standard-picklists.json');

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true
});

const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value) => (value === undefined || value === null ? undefined : String(value));

/** `{ Voice_X: 'value' }` from the labels file (empty when the file does not exist yet). */
export function readLabels(file = LABELS_FILE) {
    if (!existsSync(file)) return {};
    const xml = parser.parse(readFileSync(file, 'utf8'));
    const labels = {};
    for (const label of asArray(xml.CustomLabels?.labels)) {
        if (label.fullName) labels[label.fullName] = text(label.value) ?? '';
    }
    return labels;
}

function parseDefault(type, raw) {
    if (raw === undefined) return undefined;
    if (type === 'Boolean') return raw === 'true';
    if (type === 'Integer') return Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    return raw;
}

/** Design attributes of one targetConfigs block, merged by property name across targets. */
function designAttributes(targetConfigs) {
    const byName = new Map();
    for (const config of asArray(targetConfigs?.targetConfig)) {
        const targets = String(config.targets ?? '')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
        for (const property of asArray(config.property)) {
            if (!property.name) continue;
            const existing = byName.get(property.name);
            if (existing) {
                existing.targets.push(...targets.filter((t) => !existing.targets.includes(t)));
                continue;
            }
            const type = property.type ?? 'String';
            byName.set(property.name, {
                name: property.name,
                type,
                label: property.label ?? property.name,
                description: property.description ?? '',
                default: parseDefault(type, property.default),
                datasource: property.datasource
                    ? String(property.datasource)
                          .split(',')
                          .map((v) => v.trim())
                          .filter(Boolean)
                    : undefined,
                min: property.min === undefined ? undefined : Number(property.min),
                max: property.max === undefined ? undefined : Number(property.max),
                required: property.required === 'true',
                targets
            });
        }
    }
    return [...byName.values()];
}

/** One descriptor per LWC bundle: what App Builder would know about it. */
export function readBundles(dirs = lwcDirs()) {
    const bundles = asList(dirs).flatMap((dir) => listBundles(dir).map((name) => ({ dir, name })));
    return bundles.map(({ dir, name }) => {
        const bundleDir = join(dir, name);
        const metaFile = join(bundleDir, `${name}.js-meta.xml`);
        const meta = existsSync(metaFile)
            ? (parser.parse(readFileSync(metaFile, 'utf8')).LightningComponentBundle ?? {})
            : {};
        const hasTemplate = existsSync(join(bundleDir, `${name}.html`));
        const source = existsSync(join(bundleDir, `${name}.ts`)) ? `${name}.ts` : `${name}.js`;
        return {
            name,
            tag: `c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
            source,
            hasTemplate,
            exposed: String(meta.isExposed) === 'true',
            masterLabel: text(meta.masterLabel) ?? name,
            description: (text(meta.description) ?? '').replace(/\s+/g, ' '),
            targets: asArray(meta.targets?.target).map(String),
            capabilities: asArray(meta.capabilities?.capability).map(String),
            properties: designAttributes(meta.targetConfigs)
        };
    });
}

function picklistValues(field) {
    const values = asArray(field.valueSet?.valueSetDefinition?.value);
    return values.map((v) => ({
        value: String(v.fullName),
        label: text(v.label) ?? String(v.fullName),
        default: String(v.default) === 'true'
    }));
}

/**
 * `{ VoiceCall: { apiName, label, fields: { Field__c: { apiName, label, dataType, custom, picklistValues } } } }`
 * from the objects folder plus the standard fields the package declares it may reference.
 */
export function readObjects(dirs = objectsDirs()) {
    const objects = {};
    const ensure = (apiName) =>
        (objects[apiName] ??= {
            apiName,
            label: apiName.replace(/__[a-z]+$/, '').replace(/_/g, ' '),
            fields: {}
        });
    const samples = existsSync(STANDARD_PICKLISTS_FILE)
        ? JSON.parse(readFileSync(STANDARD_PICKLISTS_FILE, 'utf8'))
        : {};
    const standard = JSON.parse(readFileSync(STANDARD_OBJECTS_FILE, 'utf8')).objects;
    for (const [objectName, entry] of Object.entries(standard)) {
        const object = ensure(objectName);
        for (const [field, facts] of Object.entries(entry.fields)) {
            const values = samples[objectName]?.[field];
            object.fields[field] = {
                apiName: field,
                label: field,
                dataType: facts.type === 'picklist' ? 'Picklist' : 'String',
                custom: false,
                length: facts.length,
                picklistValues: values
            };
        }
    }
    for (const dir of asList(dirs).filter((folder) => existsSync(folder))) readObjectsDir(dir, ensure);
    return objects;
}

function readObjectsDir(dir, ensure) {
    for (const objectName of readdirSync(dir)) {
        const object = ensure(objectName);
        const objectFile = join(dir, objectName, `${objectName}.object-meta.xml`);
        if (existsSync(objectFile)) {
            const meta = parser.parse(readFileSync(objectFile, 'utf8')).CustomObject ?? {};
            object.label = text(meta.label) ?? object.label;
        }
        const fieldsDir = join(dir, objectName, 'fields');
        if (!existsSync(fieldsDir)) continue;
        for (const file of readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml'))) {
            const field = parser.parse(readFileSync(join(fieldsDir, file), 'utf8')).CustomField ?? {};
            const apiName = text(field.fullName) ?? file.replace('.field-meta.xml', '');
            object.fields[apiName] = {
                apiName,
                label: text(field.label) ?? apiName,
                dataType: text(field.type) ?? 'String',
                custom: apiName.endsWith('__c'),
                length: field.length === undefined ? undefined : Number(field.length),
                picklistValues: field.type === 'Picklist' ? picklistValues(field) : undefined
            };
        }
    }
}
