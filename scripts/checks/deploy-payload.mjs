// Deploy-payload gate: builds, with @salesforce/source-deploy-retrieve (the library `sf project deploy start`
// uses), the component set of every package directory as the documented deploy sends it (after the build
// emitted the .js), and fails when the platform would reject it or a clean clone could not deploy it:
// - an LWC bundle without its .js or .js-meta.xml;
// - anything from __tests__, *.ts or jest in the payload;
// - a file that maps to no metadata type;
// - a reference from one package directory to a component of another it does not depend on, or to a
//   standard object that needs an org feature the directory does not require (RealtimeAlertEvent).
import { readFileSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentSet, ForceIgnore, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { packageDirectories } from './package-dirs.mjs';
import { repoRoot } from './lib-files.mjs';
import { listFiles } from '../repo.mjs';

const PLATFORM_DIR = join(dirname(fileURLToPath(import.meta.url)), 'platform');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const NOT_DEPLOYABLE = /(^|\/)__tests__\/|\.ts$|(^|\/)jest[^/]*(\/|$)/i;

function filesOf(component) {
    const files = component.xml ? [component.xml] : [];
    if (component.content) {
        files.push(
            ...(statSync(component.content).isDirectory() ? component.walkContent() : [component.content])
        );
    }
    for (const child of component.getChildren()) files.push(...filesOf(child));
    return files;
}

/** The components (top level) and files the deploy would send from one package directory. */
export function payloadOf(dir) {
    const set = ComponentSet.fromSource({ fsPaths: [dir] });
    const components = set.getSourceComponents().toArray();
    return { set, components, files: new Set(components.flatMap(filesOf)) };
}

function bundleFindings(components, rel) {
    const findings = [];
    for (const component of components.filter((c) => c.type.name === 'LightningComponentBundle')) {
        const names = new Set(filesOf(component).map((file) => basename(file)));
        for (const required of [`${component.fullName}.js`, `${component.fullName}.js-meta.xml`]) {
            if (!names.has(required))
                findings.push(`${rel}: LWC bundle ${component.fullName} has no ${required} in the payload`);
        }
    }
    return findings;
}

function fileFindings(dir, files, rel, root) {
    const findings = [];
    const ignore = ForceIgnore.findAndCreate(dir);
    for (const file of files) {
        if (NOT_DEPLOYABLE.test(relative(root, file)))
            findings.push(
                `${rel}: ${relative(root, file)} is in the payload (tests, TypeScript and jest never deploy)`
            );
    }
    for (const file of listFiles(
        dir,
        () => true,
        () => false
    )) {
        if (!files.has(file) && !ignore.denies(file))
            findings.push(
                `${rel}: ${relative(root, file)} maps to no metadata type (forceignore it or fix its name)`
            );
    }
    return findings;
}

function wordPattern(names) {
    const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`(?<![\\w-])(${escaped.join('|')})(?![\\w-])`, 'g');
}

/** `[name, what]` pairs by which code in another directory could reference a component. */
function referenceNames(component) {
    // Every package directory's labels file is one CustomLabels container with the same name: only the labels
    // inside it can be referenced.
    if (component.type.name === 'CustomLabels')
        return component.getChildren().map((label) => [label.fullName, `CustomLabel ${label.fullName}`]);
    const what = `${component.type.name} ${component.fullName}`;
    const names = [[component.fullName, what]];
    if (component.type.name === 'LightningComponentBundle')
        names.push([`c-${component.fullName.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`, what]);
    return names;
}

function dependencyClosure(entry, byName) {
    const seen = new Set();
    const visit = (name) => {
        if (seen.has(name)) return;
        seen.add(name);
        for (const dependency of byName.get(name)?.dependencies ?? []) visit(dependency);
    };
    for (const dependency of entry.dependencies) visit(dependency);
    return seen;
}

function referenceFindings(entries, payloads, root, granted) {
    const findings = [];
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const featureObjects = readJson(join(PLATFORM_DIR, 'feature-objects.json')).objects;
    for (const entry of entries) {
        const allowed = dependencyClosure(entry, byName);
        const foreign = entries
            .filter((other) => other !== entry && !allowed.has(other.name))
            .flatMap((other) =>
                payloads
                    .get(other.path)
                    .components.flatMap((component) =>
                        referenceNames(component).map(([name, what]) => ({ name, what, other }))
                    )
            );
        const features = new Set(granted[entry.path] ?? []);
        const missingFeatures = Object.entries(featureObjects).filter(
            ([, fact]) => !features.has(fact.feature)
        );
        const checks = [
            ...foreign.map(({ name, what, other }) => ({
                name,
                why: `${what} of ${other.path}, which ${entry.path} does not depend on`
            })),
            ...missingFeatures.map(([name, fact]) => ({
                name,
                why: `${name}, which needs ${fact.feature} (${fact.source.url}); ${entry.path} does not require that feature`
            }))
        ];
        if (!checks.length) continue;
        const pattern = wordPattern(checks.map((check) => check.name));
        for (const file of payloads.get(entry.path).files) {
            if (!/\.(cls|trigger|js|html|xml)$/.test(file)) continue;
            const named = new Set([...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1]));
            for (const check of checks.filter((candidate) => named.has(candidate.name)))
                findings.push(`${entry.path}: ${relative(root, file)} references ${check.why}`);
        }
    }
    return findings;
}

/**
 * Findings for every package directory of `root` (call after the build emitted the .js). With `convert`,
 * each component set is also converted to the metadata-format zip the deploy uploads.
 */
export async function checkDeployPayload(
    root = repoRoot,
    {
        convert = true,
        features = readJson(join(PLATFORM_DIR, 'package-features.json')).packageDirectories
    } = {}
) {
    const findings = [];
    const entries = packageDirectories(root).filter((entry) => existsSync(entry.dir));
    const payloads = new Map();
    for (const entry of entries) {
        let payload;
        try {
            payload = payloadOf(entry.dir);
        } catch (problem) {
            findings.push(`${entry.path}: the component set cannot be built: ${problem.message}`);
            continue;
        }
        payloads.set(entry.path, payload);
        findings.push(
            ...bundleFindings(payload.components, entry.path),
            ...fileFindings(entry.dir, payload.files, entry.path, root)
        );
        if (convert) {
            try {
                await new MetadataConverter().convert(payload.set, 'metadata', { type: 'zip' });
            } catch (problem) {
                findings.push(`${entry.path}: conversion to the deploy payload failed: ${problem.message}`);
            }
        }
    }
    if (payloads.size === entries.length)
        findings.push(...referenceFindings(entries, payloads, root, features));
    return findings;
}
