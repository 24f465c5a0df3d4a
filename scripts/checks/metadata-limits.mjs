// Lengths the platform enforces on deploy, checked offline against scripts/checks/platform/metadata-limits.json
// for every file of every package directory. One too-long description rolls back the whole (atomic) deploy.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { display, isMain, listFiles, repoRoot } from './lib-files.mjs';
import { sourceDirs } from './package-dirs.mjs';

const LIMITS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'platform', 'metadata-limits.json');
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false });

/** The limits dataset; every entry must carry its source, or the dataset itself is a finding. */
export function loadLimits(file = LIMITS_FILE) {
    const { limits } = JSON.parse(readFileSync(file, 'utf8'));
    const unsourced = limits.filter((limit) => !limit.source?.url || !limit.source?.apiVersion);
    if (unsourced.length)
        throw new Error(
            `metadata-limits.json: ${unsourced.length} limit(s) without source url and apiVersion`
        );
    return limits;
}

/** Findings for one file's text against the limits that apply to its suffix. */
export function checkFileLimits(path, text, limits) {
    const applicable = limits.filter((limit) => path.endsWith(limit.suffix));
    if (!applicable.length) return [];
    const parsed = xml.parse(text);
    const findings = [];
    for (const limit of applicable) {
        const value = parsed[limit.root]?.[limit.element];
        if (typeof value !== 'string') continue;
        if (value.length > limit.max)
            findings.push(
                `${display(path)}: ${limit.root}.${limit.element} is ${value.length} characters; the platform allows ${limit.max} (${limit.source.url})`
            );
    }
    return findings;
}

/** Findings for every file under every package directory of `root`. */
export function checkMetadataLimits(root = repoRoot, limits = loadLimits()) {
    const suffixes = [...new Set(limits.map((limit) => limit.suffix))];
    return sourceDirs(root).flatMap((dir) =>
        listFiles(dir, (path) => suffixes.some((suffix) => path.endsWith(suffix))).flatMap((path) =>
            checkFileLimits(path, readFileSync(path, 'utf8'), limits)
        )
    );
}

if (isMain(import.meta.url)) {
    const findings = checkMetadataLimits();
    for (const finding of findings) console.error(`metadata-limits: ${finding}`);
    console.log(`metadata-limits: ${findings.length} findings`);
    process.exit(findings.length ? 1 : 0);
}
