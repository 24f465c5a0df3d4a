// Offline Apex gate: every .cls/.trigger must parse (apex-parser), then PMD's Apex security and performance
// rules run through Salesforce Code Analyzer core; any finding of severity 1 or 2 fails the gate.
// Usage: node scripts/checks/apex-check.mjs [dir]   (default: force-app)
import { readFileSync } from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { defaultSourceDir, display, isMain, listFiles } from './lib-files.mjs';
import { checkApexTests } from './apex-test-rules.mjs';
import { optionalArgument } from '../repo.mjs';

/** PMD selectors: Security and Performance Apex rules plus every Apex rule PMD itself rates Critical/High. */
export const RULE_SELECTORS = [
    'pmd:Security:Apex',
    'pmd:Performance:Apex',
    'pmd:Apex:Critical',
    'pmd:Apex:High'
];
/** Highest severity number (1 Critical, 2 High) that fails the gate. */
export const FAILING_SEVERITY = SeverityLevel.High;

// Rules Code Analyzer ships below High that this project treats as blocking: sharing not declared,
// SOQL/DML/limits in loops, debug statements in shipped code.
const RAISED_RULES = [
    'ApexSharingViolations',
    'OperationWithLimitsInLoop',
    'OperationWithHighCostInLoop',
    'AvoidDebugStatements'
];

const isApexSource = (path) => path.endsWith('.cls') || path.endsWith('.trigger');

class CollectingListener extends ApexErrorListener {
    constructor() {
        super();
        this.errors = [];
    }

    apexSyntaxError(line, column, msg) {
        this.errors.push({ line, column, msg });
    }
}

/** Parses one Apex source; returns its syntax errors as { line, column, msg }. */
export function parseApex(source, isTrigger) {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (isTrigger) {
        parser.triggerUnit();
    } else {
        parser.compilationUnit();
    }
    return listener.errors;
}

/** Syntax findings for every Apex file under `dir`. */
export function checkApexSyntax(dir = defaultSourceDir) {
    const findings = [];
    for (const file of listFiles(dir, isApexSource)) {
        for (const error of parseApex(readFileSync(file, 'utf8'), file.endsWith('.trigger'))) {
            findings.push({
                kind: 'syntax',
                file,
                line: error.line,
                column: error.column + 1,
                severity: SeverityLevel.Critical,
                rule: 'ApexSyntax',
                message: error.msg
            });
        }
    }
    return findings;
}

/** PMD findings (all severities) for the Apex files under `dir`; an empty list when there are none. */
export async function runPmd(dir = defaultSourceDir) {
    const files = listFiles(dir, isApexSource);
    if (files.length === 0) {
        return [];
    }
    const overrides = Object.fromEntries(RAISED_RULES.map((rule) => [rule, { severity: FAILING_SEVERITY }]));
    const config = CodeAnalyzerConfig.fromObject({ rules: { pmd: overrides } });
    const analyzer = new CodeAnalyzer(config);
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace(files);
    const rules = await analyzer.selectRules(RULE_SELECTORS, { workspace });
    const results = await analyzer.run(rules, { workspace });
    return results.getViolations().map((violation) => {
        const location = violation.getPrimaryLocation();
        return {
            kind: 'pmd',
            file: location.getFile() ?? '',
            line: location.getStartLine() ?? 0,
            column: location.getStartColumn() ?? 0,
            severity: violation.getRule().getSeverityLevel(),
            rule: violation.getRule().getName(),
            message: violation.getMessage()
        };
    });
}

/**
 * Runs the whole gate. Syntax errors stop before PMD (PMD cannot analyse unparsable files).
 * @returns {Promise<{ findings: object[], failures: object[], files: number }>}
 */
export async function checkApex(dir = defaultSourceDir) {
    const files = listFiles(dir, isApexSource).length;
    const syntax = checkApexSyntax(dir);
    const findings = syntax.length > 0 ? syntax : [...checkApexTests(dir), ...(await runPmd(dir))];
    const failures = findings.filter((finding) => finding.severity <= FAILING_SEVERITY);
    return { findings, failures, files };
}

export function formatFinding(finding) {
    return `${display(finding.file)}:${finding.line}:${finding.column} [sev ${finding.severity}] ${finding.rule}: ${finding.message}`;
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('apex:check', 'node scripts/checks/apex-check.mjs [folder]');
    const dir = target ?? defaultSourceDir;
    const { findings, failures, files } = await checkApex(dir);
    for (const finding of findings) {
        (finding.severity <= FAILING_SEVERITY ? process.stderr : process.stdout).write(
            `${formatFinding(finding)}\n`
        );
    }
    const summary = `apex-check: ${files} Apex file(s), ${findings.length} finding(s), ${failures.length} at severity <= ${FAILING_SEVERITY}`;
    if (failures.length > 0) {
        process.stderr.write(`${summary}: FAILED\n`);
        process.exitCode = 1;
    } else {
        process.stdout.write(`${summary}: ok\n`);
    }
}
