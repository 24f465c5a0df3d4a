// App Builder design attributes (`<property>` in each exposed bundle's .js-meta.xml) follow one convention:
// - a Boolean property defaults to false, so it names what ticking it changes (`hideX` for a part shown by
//   default, `showX` only for an opt-in part hidden by default). The LWC rule behind it: "Always set the default
//   value for a boolean public property to false" (https://developer.salesforce.com/docs/platform/lwc/guide/js-props-boolean.html);
// - one property name means one thing: its type, label and description are the same in every bundle and target,
//   so an admin reads the same words wherever the knob appears.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { display, isMain, listFiles, repoRoot } from './lib-files.mjs';
import { sourceDirs } from './package-dirs.mjs';

const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['targetConfig', 'property'].includes(name)
});

/** `{ bundle, file, target, name, type, label, description, default }` for every property of one meta file. */
export function propertiesOf(file, text) {
    const bundle = basename(file).replace(/\.js-meta\.xml$/, '');
    const configs = xml.parse(text).LightningComponentBundle?.targetConfigs?.targetConfig ?? [];
    return configs.flatMap((config) =>
        (config.property ?? []).map((property) => ({
            bundle,
            file,
            target: config.targets,
            name: property.name,
            type: property.type,
            label: property.label,
            description: property.description,
            default: property.default
        }))
    );
}

/** A Boolean that defaults to anything but false. */
function booleanFindings(property) {
    if (property.type !== 'Boolean') return [];
    const where = `${display(property.file)}: ${property.name} (${property.target})`;
    if (property.default !== undefined && String(property.default) !== 'false')
        return [
            `${where}: a Boolean design attribute defaults to false; name it for what ticking it changes (hideX)`
        ];
    return [];
}

const SAME = ['type', 'label', 'description'];

/** Properties of one name that differ in type, label or description. */
function consistencyFindings(properties) {
    const byName = new Map();
    for (const property of properties)
        byName.set(property.name, [...(byName.get(property.name) ?? []), property]);
    const findings = [];
    for (const [name, group] of byName) {
        const [first] = group;
        for (const key of SAME) {
            const other = group.find((property) => property[key] !== first[key]);
            if (other)
                findings.push(
                    `property ${name}: ${key} differs between ${display(first.file)} (${first.target}) "${first[key]}" and ${display(other.file)} (${other.target}) "${other[key]}"`
                );
        }
    }
    return findings;
}

/** Findings for the given meta files (path → text). */
export function checkDesignAttributeFiles(files) {
    const properties = files.flatMap(({ path, text }) => propertiesOf(path, text));
    return [...properties.flatMap(booleanFindings), ...consistencyFindings(properties)];
}

/** Findings for every component of every package directory of `root`. */
export function checkDesignAttributes(root = repoRoot) {
    const files = sourceDirs(root).flatMap((dir) =>
        listFiles(dir, (path) => path.endsWith('.js-meta.xml') && path.includes('/lwc/')).map((path) => ({
            path,
            text: readFileSync(path, 'utf8')
        }))
    );
    return checkDesignAttributeFiles(files);
}

if (isMain(import.meta.url)) {
    const findings = checkDesignAttributes();
    for (const finding of findings) console.error(`design-attributes: ${finding}`);
    console.log(`design-attributes: ${findings.length} findings`);
    process.exit(findings.length ? 1 : 0);
}
