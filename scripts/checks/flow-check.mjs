// Offline Flow/metadata gate: every *-meta.xml (labels included) must be well-formed XML, and every
// *.flow-meta.xml must pass Lightning Flow Scanner with no error-severity finding (missing fault path,
// DML/SOQL/actions in loops, hard-coded Ids, missing descriptions, inactive flows, ...).
// Usage: node scripts/checks/flow-check.mjs [dir]   (default: force-app)
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import flowScanner from '@flow-scanner/lightning-flow-scanner-core';
import { defaultSourceDir, display, isMain, listFiles } from './lib-files.mjs';
import { optionalArgument } from '../repo.mjs';

const { getRules, parse, scan } = flowScanner;

/**
 * Scanner configuration: every default rule at its default severity (a `rules` map replaces the default set,
 * so it is built from getRules()), plus the beta rule that requires a description on every element and
 * resource (the house flow conventions) and a few rules raised to error.
 */
const RAISED_TO_ERROR = [
    'MissingMetadataDescription',
    'TriggerOrder',
    'HardcodedUrl',
    'UnsafeRunningContext'
];
export const SCANNER_CONFIG = {
    betaMode: true,
    rules: {
        ...Object.fromEntries(getRules().map((rule) => [rule.name, { severity: rule.severity }])),
        ...Object.fromEntries(RAISED_TO_ERROR.map((name) => [name, { severity: 'error' }]))
    }
};

const isMetaXml = (path) => path.endsWith('-meta.xml');
const isFlow = (path) => path.endsWith('.flow-meta.xml');

/** Well-formedness findings for every *-meta.xml under `dir`. */
export function checkXml(dir = defaultSourceDir) {
    const findings = [];
    for (const file of listFiles(dir, isMetaXml)) {
        const result = XMLValidator.validate(readFileSync(file, 'utf8'));
        if (result !== true) {
            findings.push({
                kind: 'xml',
                file,
                line: result.err.line,
                column: result.err.col,
                rule: result.err.code,
                message: result.err.msg
            });
        }
    }
    return findings;
}

/** Lightning Flow Scanner findings with severity "error" for every flow under `dir`. */
export async function scanFlows(dir = defaultSourceDir) {
    const files = listFiles(dir, isFlow);
    if (files.length === 0) {
        return [];
    }
    const parsed = await parse(files);
    const findings = [];
    for (const item of parsed) {
        if (item.errorMessage) {
            findings.push({
                kind: 'flow',
                file: item.uri,
                line: 0,
                column: 0,
                rule: 'Parse',
                message: item.errorMessage
            });
        }
    }
    for (const result of scan(
        parsed.filter((item) => !item.errorMessage),
        SCANNER_CONFIG
    )) {
        for (const rule of result.ruleResults) {
            if (rule.severity !== 'error' || (!rule.occurs && !rule.errorMessage)) {
                continue;
            }
            if (rule.errorMessage) {
                findings.push({
                    kind: 'flow',
                    file: result.flow.fsPath ?? result.flow.name,
                    line: 0,
                    column: 0,
                    rule: rule.ruleName,
                    message: rule.errorMessage
                });
            }
            for (const detail of rule.details) {
                findings.push({
                    kind: 'flow',
                    file: result.flow.fsPath ?? result.flow.name,
                    line: detail.lineNumber ?? 0,
                    column: detail.columnNumber ?? 0,
                    rule: rule.ruleName,
                    message: `${rule.ruleDefinition.label}: ${detail.name} (${detail.type})`
                });
            }
        }
    }
    return findings;
}

/**
 * Runs the whole gate.
 * @returns {Promise<{ failures: object[], xmlFiles: number, flows: number }>}
 */
export async function checkFlows(dir = defaultSourceDir) {
    const xml = checkXml(dir);
    const brokenFiles = new Set(xml.map((finding) => finding.file));
    // Malformed flows are reported once, as XML errors; the scanner only sees well-formed ones.
    const flowDir = brokenFiles.size === 0 ? dir : null;
    const flowFindings = flowDir ? await scanFlows(flowDir) : await scanWellFormed(dir, brokenFiles);
    return {
        failures: [...xml, ...flowFindings],
        xmlFiles: listFiles(dir, isMetaXml).length,
        flows: listFiles(dir, isFlow).length
    };
}

async function scanWellFormed(dir, brokenFiles) {
    const findings = [];
    for (const file of listFiles(dir, isFlow).filter((path) => !brokenFiles.has(path))) {
        findings.push(...(await scanFlows(file)));
    }
    return findings;
}

export function formatFinding(finding) {
    return `${display(finding.file)}:${finding.line}:${finding.column} [${finding.kind}] ${finding.rule}: ${finding.message}`;
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('flow:check', 'node scripts/checks/flow-check.mjs [folder]');
    const dir = target ?? defaultSourceDir;
    const { failures, xmlFiles, flows } = await checkFlows(dir);
    for (const finding of failures) {
        process.stderr.write(`${formatFinding(finding)}\n`);
    }
    const summary = `flow-check: ${xmlFiles} metadata XML file(s), ${flows} flow(s), ${failures.length} failure(s)`;
    if (failures.length > 0) {
        process.stderr.write(`${summary}: FAILED\n`);
        process.exitCode = 1;
    } else {
        process.stdout.write(`${summary}: ok\n`);
    }
}
