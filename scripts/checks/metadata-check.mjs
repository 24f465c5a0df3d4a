// `npm run metadata:check`: consistency rules no compiler checks for us. Every rule returns findings
// as strings; a non-empty list fails the gate.
import { readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT, listBundles, lwcDirs, packageDirectoryPaths, staleTsconfigs } from '../lwc-bundles.mjs';
import { checkDesignAttributes } from './design-attributes.mjs';
import { checkFields } from './field-check.mjs';
import { checkMetadataLimits } from './metadata-limits.mjs';
import { checkProjectSchemas } from './project-schema.mjs';
import { isMain, listFiles, optionalArgument } from '../repo.mjs';

const TOOLKIT_TAG = 'lightning-service-cloud-voice-toolkit-api';
const TOOLKIT_CAPABILITY = 'lightning__ServiceCloudVoiceToolkitApi';
const TEXT_ATTRIBUTES = [
    'label',
    'title',
    'alternative-text',
    'placeholder',
    'aria-label',
    'help-text',
    'field-level-help',
    'assistive-text',
    'text',
    'message-when-value-missing',
    'message-when-pattern-mismatch',
    'message-when-bad-input'
];

const xml = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) =>
        ['targets', 'target', 'capability', 'labels', 'actionCalls', 'targetConfig', 'property'].includes(
            name
        )
});

/** Files under `dir` that satisfy `predicate`; dependencies and dot-folders and dot-files left out. */
const walk = (dir, predicate) =>
    listFiles(dir, predicate, (segment) => segment === 'node_modules' || segment.startsWith('.'));

/** Kebab tag `c-voice-transcript-list` → bundle name `voiceTranscriptList`. */
export function bundleFromTag(tag) {
    return tag.replace(/^c-/, '').replace(/-([a-z0-9])/g, (_, ch) => ch.toUpperCase());
}

/** Every package directory of `root` (absolute): the rules below apply to each the same way. */
const packageRoots = (root) => packageDirectoryPaths(root).map((path) => join(root, path));
const walkPackages = (root, predicate) => packageRoots(root).flatMap((dir) => walk(dir, predicate));

function readText(file) {
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function templatesOf(bundleDir) {
    return walk(bundleDir, (f) => f.endsWith('.html') && !f.includes('__tests__'));
}

/** Hard-coded visible text in a template: text nodes or text attributes that are not `{bindings}`. */
export function hardCodedText(html) {
    const findings = [];
    const source = html.replace(/<!--[\s\S]*?-->/g, '');
    for (const match of source.matchAll(/>([^<]+)</g)) {
        const text = match[1].replace(/\{[^}]*\}/g, '').trim();
        if (/[A-Za-z]/.test(text)) findings.push(`text "${text.slice(0, 40)}"`);
    }
    for (const attr of TEXT_ATTRIBUTES) {
        const re = new RegExp(`\\s${attr}="([^"]*)"`, 'g');
        for (const match of source.matchAll(re)) {
            if (!match[1].startsWith('{') && /[A-Za-z]/.test(match[1]))
                findings.push(`${attr}="${match[1]}"`);
        }
    }
    return findings;
}

/** The .ts of the `c/` bundle a component's default class extends, if it extends one. */
export function baseClassFile(source, bundleDirOf) {
    const base = /export\s+default\s+class\s+\w+\s+extends\s+(\w+)/.exec(source)?.[1];
    if (!base || base === 'LightningElement') return undefined;
    const from = new RegExp(`import\\s*\\{[^}]*\\b${base}\\b[^}]*\\}\\s*from\\s*'c/(\\w+)'`).exec(
        source
    )?.[1];
    const dir = from && bundleDirOf(from);
    return dir ? join(dir, `${from}.ts`) : undefined;
}

/**
 * A record page sets recordId only on a public property the component's own class declares, so an exposed
 * record-page component that uses recordId (itself or through its base class) must declare `@api recordId`.
 */
export function recordIdFinding(name, meta, source, baseSource) {
    const targets = asList(meta.targets).flatMap((group) => asList(group?.target));
    if (!targets.includes('lightning__RecordPage')) return undefined;
    if (!/\brecordId\b/.test(source + baseSource)) return undefined;
    if (/@api\s+(override\s+)?recordId\b/.test(source)) return undefined;
    return `lwc/${name}: targets record pages and uses recordId but does not declare @api recordId itself`;
}

export function checkLwc(root = ROOT, sourceApiVersion) {
    const findings = [];
    const homes = new Map(lwcDirs(root).flatMap((dir) => listBundles(dir).map((name) => [name, dir])));
    const bundles = [...homes.keys()];
    const labelNames = new Set(
        walkPackages(root, (f) => f.endsWith('.labels-meta.xml')).flatMap((file) =>
            (xml.parse(readText(file)).CustomLabels?.labels ?? []).map((l) => l.fullName)
        )
    );
    const children = new Map();
    const usesToolkitDirectly = new Set();
    const metas = new Map();

    for (const name of bundles) {
        const dir = join(homes.get(name), name);
        const ts = join(dir, `${name}.ts`);
        const metaFile = join(dir, `${name}.js-meta.xml`);
        const source = readText(ts);
        if (!existsSync(ts)) findings.push(`lwc/${name}: no ${name}.ts (TypeScript is the source)`);
        if (!existsSync(metaFile)) {
            findings.push(`lwc/${name}: no ${name}.js-meta.xml`);
        } else {
            const meta = xml.parse(readText(metaFile)).LightningComponentBundle ?? {};
            metas.set(name, meta);
            const version = String(meta.apiVersion ?? '');
            if (!/^\d+\.0$/.test(version)) findings.push(`lwc/${name}: invalid apiVersion '${version}'`);
            else if (sourceApiVersion && version !== sourceApiVersion)
                findings.push(
                    `lwc/${name}: apiVersion ${version} differs from sourceApiVersion ${sourceApiVersion}`
                );
            if (meta.isExposed === true || meta.isExposed === 'true') {
                const tests = walk(join(dir, '__tests__'), (f) => f.endsWith('.test.ts'))
                    .map(readText)
                    .join('\n');
                if (!tests.includes('toBeAccessible'))
                    findings.push(`lwc/${name}: exposed but has no sa11y (toBeAccessible) test`);
                const baseFile = baseClassFile(
                    source,
                    (bundle) => homes.get(bundle) && join(homes.get(bundle), bundle)
                );
                const finding = recordIdFinding(name, meta, source, readText(baseFile ?? ''));
                if (finding) findings.push(finding);
            }
        }
        // A bundle whose default export is a component needs a template; a base-class module does not.
        const isComponent = /export\s+default\s+class\s+\w+\s+extends\s/.test(source);
        const templates = templatesOf(dir);
        if (isComponent && templates.length === 0 && !/\brender\s*\(/.test(source)) {
            findings.push(`lwc/${name}: component without an .html template`);
        }
        const kids = new Set();
        for (const template of templates) {
            const html = readText(template);
            if (html.includes(`<${TOOLKIT_TAG}`)) usesToolkitDirectly.add(name);
            for (const m of html.matchAll(/<(c-[a-z0-9-]+)/g)) kids.add(bundleFromTag(m[1]));
            for (const finding of hardCodedText(html)) {
                findings.push(
                    `${relative(root, template)}: hard-coded visible string ${finding} (use a Custom Label)`
                );
            }
        }
        children.set(name, kids);
        for (const file of walk(dir, (f) => f.endsWith('.ts') && !f.includes('__tests__'))) {
            for (const m of readText(file).matchAll(/@salesforce\/label\/c\.([A-Za-z0-9_]+)/g)) {
                if (!labelNames.has(m[1]))
                    findings.push(`${relative(root, file)}: label c.${m[1]} is not in the labels file`);
            }
        }
    }

    const needsToolkit = (name, seen = new Set()) => {
        if (usesToolkitDirectly.has(name)) return true;
        if (seen.has(name)) return false;
        seen.add(name);
        return [...(children.get(name) ?? [])].some((kid) => needsToolkit(kid, seen));
    };
    for (const [name, meta] of metas) {
        if (!needsToolkit(name)) continue;
        const capabilities = meta.capabilities?.capability ?? [];
        if (!capabilities.includes(TOOLKIT_CAPABILITY)) {
            findings.push(
                `lwc/${name}: uses the toolkit element but does not declare capability ${TOOLKIT_CAPABILITY}`
            );
        }
    }
    return findings;
}

export function checkApiVersions(root = ROOT, sourceApiVersion) {
    const findings = [];
    for (const file of walkPackages(root, (f) => f.endsWith('-meta.xml'))) {
        const match = /<apiVersion>([^<]*)<\/apiVersion>/.exec(readText(file));
        if (match && match[1] !== sourceApiVersion && !file.endsWith('.flow-meta.xml')) {
            findings.push(
                `${relative(root, file)}: apiVersion ${match[1]} differs from sourceApiVersion ${sourceApiVersion}`
            );
        }
        if (match && file.endsWith('.flow-meta.xml') && Number(match[1]) > Number(sourceApiVersion)) {
            findings.push(
                `${relative(root, file)}: flow apiVersion ${match[1]} is newer than sourceApiVersion`
            );
        }
    }
    return findings;
}

const PAGE_TARGETS = {
    VoiceExtension: 'lightning__VoiceExtension',
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

function asList(value) {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

/** Every `c:` component on a FlexiPage is an exposed bundle targeting that page type, with those properties. */
export function checkFlexiPages(root = ROOT) {
    const findings = [];
    const dirs = lwcDirs(root);
    for (const file of walkPackages(root, (f) => f.endsWith('.flexipage-meta.xml'))) {
        const page = xml.parse(readText(file)).FlexiPage ?? {};
        const target = PAGE_TARGETS[page.type];
        for (const region of asList(page.flexiPageRegions)) {
            for (const item of asList(region.itemInstances)) {
                const instance = item.componentInstance;
                const name = String(instance?.componentName ?? '');
                if (!name.startsWith('c:')) continue;
                const bundle = name.slice(2);
                const home = dirs.find((dir) => existsSync(join(dir, bundle, `${bundle}.js-meta.xml`)));
                const metaFile = join(home ?? dirs[0] ?? root, bundle, `${bundle}.js-meta.xml`);
                if (!existsSync(metaFile)) {
                    findings.push(`${relative(root, file)}: component ${name} does not exist`);
                    continue;
                }
                const meta = xml.parse(readText(metaFile)).LightningComponentBundle ?? {};
                // `targets` is parsed as an array (see isArray), each holding the `target` list.
                const targets = asList(meta.targets).flatMap((group) => asList(group?.target));
                if (String(meta.isExposed) !== 'true')
                    findings.push(`${relative(root, file)}: ${name} is not exposed`);
                if (target && !targets.includes(target))
                    findings.push(`${relative(root, file)}: ${name} does not target ${target}`);
                const configs = asList(meta.targetConfigs?.targetConfig).filter((c) =>
                    String(c['@_targets'] ?? '')
                        .split(',')
                        .includes(target)
                );
                const known = new Set(configs.flatMap((c) => asList(c.property).map((p) => p['@_name'])));
                for (const property of asList(instance.componentInstanceProperties)) {
                    if (!known.has(property.name)) {
                        findings.push(
                            `${relative(root, file)}: ${name} has no design attribute '${property.name}' for ${target}`
                        );
                    }
                }
            }
        }
    }
    return findings;
}

export function checkFlowActions(root = ROOT) {
    const findings = [];
    const classes = new Map();
    for (const file of walkPackages(root, (f) => f.endsWith('.cls'))) {
        const name = file
            .split('/')
            .pop()
            .replace(/\.cls$/, '');
        classes.set(name.toLowerCase(), readText(file));
    }
    for (const file of walkPackages(root, (f) => f.endsWith('.flow-meta.xml'))) {
        const flow = xml.parse(readText(file)).Flow ?? {};
        for (const call of flow.actionCalls ?? []) {
            if (call.actionType !== 'apex') continue;
            const source = classes.get(String(call.actionName).toLowerCase());
            if (source === undefined)
                findings.push(
                    `${relative(root, file)}: calls Apex action '${call.actionName}' but no such class exists`
                );
            else if (!/@InvocableMethod\b/i.test(source))
                findings.push(
                    `${relative(root, file)}: Apex class '${call.actionName}' has no @InvocableMethod`
                );
        }
    }
    return findings;
}

export async function checkMetadata(root = ROOT) {
    const project = JSON.parse(readText(join(root, 'sfdx-project.json')) || '{}');
    const sourceApiVersion = project.sourceApiVersion;
    const findings = [];
    if (!/^\d+\.0$/.test(String(sourceApiVersion)) || Number(sourceApiVersion) < 62) {
        findings.push(
            `sfdx-project.json: sourceApiVersion '${sourceApiVersion}' must be a pinned version >= 62.0`
        );
    }
    findings.push(
        ...checkLwc(root, sourceApiVersion),
        ...checkApiVersions(root, sourceApiVersion),
        ...checkFlowActions(root),
        ...checkFlexiPages(root),
        ...checkMetadataLimits(root),
        ...checkDesignAttributes(root),
        ...(root === ROOT ? checkProjectSchemas(root) : []),
        ...checkFields(root)
    );
    if (root === ROOT) {
        for (const file of staleTsconfigs())
            findings.push(`${relative(root, file)}: c/* paths are stale (run node scripts/lwc-bundles.mjs)`);
    }
    const { checkPlaybooks } = await import('./playbook-check.mjs');
    findings.push(...(await checkPlaybooks(root)));
    const { checkActions } = await import('./action-check.mjs');
    findings.push(...(await checkActions(root)));
    return findings;
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('metadata:check', 'node scripts/checks/metadata-check.mjs [folder]');
    const root = target ? resolve(target) : ROOT;
    const findings = await checkMetadata(root);
    for (const finding of findings) console.error(`metadata:check: ${finding}`);
    console.log(`metadata:check: ${findings.length} findings`);
    process.exit(findings.length ? 1 : 0);
}
