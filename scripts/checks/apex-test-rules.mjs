// Apex test rules the platform enforces only at run time, checked statically so an offline gate catches them:
// - setup-object DML (User, PermissionSetAssignment, Group, ...) and other DML in one test method, outside
//   System.runAs, fails with MIXED_DML_OPERATION:
//   https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dml_non_mix_sobjects.htm
// - EventBus.publish does not throw for a rejected event; a test that ignores the SaveResults proves nothing.
// - updating the record a test inserted sends its create-only fields again, which the update rejects.
// Regex scanning, not a compiler: DML targets are typed from the method's declarations and parameters, and a
// test is also judged by the DML of the methods it calls (one level deep, any class of the package).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { defaultSourceDir, listFiles } from './lib-files.mjs';

export const SETUP_OBJECTS = new Set([
    'user',
    'userrole',
    'group',
    'groupmember',
    'permissionset',
    'permissionsetassignment',
    'permissionsetgroup',
    'queuesobject',
    'territory2',
    'userterritory2association'
]);

const DML =
    /\b(?:insert|update|upsert|delete|undelete)\s+(?:as\s+(?:user|system)\s+)?(?:new\s+(\w+)|(\w+))/gi;
const DATABASE_DML = /\bDatabase\.(?:insert|update|upsert|delete|undelete)\s*\(\s*(?:new\s+(\w+)|(\w+))/gi;
const METHOD_HEADER =
    /(@IsTest\s+)?(?:(?:public|private|protected|global|static|override|virtual)\s+)+(?:[\w.]+(?:<[\w.,\s<>]+>)?\s+)?(\w+)\s*\(([^)]*)\)\s*\{/gi;
const RUN_AS = /System\.runAs\s*\(/i;
const KEYWORDS = new Set(['if', 'for', 'while', 'catch', 'switch', 'when']);
const NOT_TYPES = new Set([
    'return',
    'insert',
    'update',
    'upsert',
    'delete',
    'undelete',
    'new',
    'throw',
    'else',
    'as'
]);

/** Index just past the brace block that opens at `open` (the index of `{`). */
function blockEnd(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) return i + 1;
    }
    return text.length;
}

function stripComments(source) {
    return source
        .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:\\.|[^'\\])*'/g, "''");
}

/** Every method of a class: { name, isTest, body (parameters first, for their types), line }. */
export function methodsOf(source) {
    const text = stripComments(source);
    const methods = [];
    for (const match of text.matchAll(METHOD_HEADER)) {
        if (KEYWORDS.has(match[2].toLowerCase())) continue;
        const open = match.index + match[0].length - 1;
        methods.push({
            name: match[2],
            isTest: Boolean(match[1]),
            body: `${match[3]};${text.slice(open, blockEnd(text, open))}`,
            line: text.slice(0, match.index).split('\n').length
        });
    }
    return methods;
}

/** Index just past the parenthesised group that opens at `open` (the index of `(`). */
function parenEnd(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) return i + 1;
    }
    return text.length;
}

/** The body with every `System.runAs(...) { ... }` block removed (their DML runs as another user). */
function withoutRunAs(body) {
    let out = body;
    for (let start = out.search(RUN_AS); start !== -1; start = out.search(RUN_AS)) {
        const afterArgs = parenEnd(out, out.indexOf('(', start));
        const open = out.indexOf('{', afterArgs);
        out = out.slice(0, start) + out.slice(open === -1 ? afterArgs : blockEnd(out, open));
    }
    return out;
}

function declaredTypes(body) {
    const types = new Map();
    for (const m of body.matchAll(/\b(?:List<\s*(\w+)\s*>|(\w+))\s+(\w+)\s*(?=[=;,)])/g)) {
        const type = (m[1] ?? m[2]).toLowerCase();
        if (!NOT_TYPES.has(type) && !types.has(m[3].toLowerCase())) types.set(m[3].toLowerCase(), type);
    }
    return types;
}

function dmlTargets(body) {
    const types = declaredTypes(body);
    return [...body.matchAll(DML), ...body.matchAll(DATABASE_DML)].map((m) =>
        (m[1] ?? types.get(m[2].toLowerCase()) ?? 'unknown').toLowerCase()
    );
}

/** Variables a method inserts and later updates unchanged in identity (the inserted record, create-only fields and all). */
function reusedForUpdate(body) {
    const inserted = new Map();
    const reused = new Set();
    for (const m of body.matchAll(/\b(insert|update)\s+(?:as\s+(?:user|system)\s+)?([a-z]\w*)\s*;/gi)) {
        const name = m[2];
        if (m[1].toLowerCase() === 'insert') inserted.set(name, m.index);
        else if (inserted.has(name)) reused.add(name);
    }
    return [...reused];
}

const isSetup = (type) => SETUP_OBJECTS.has(type);
const isOther = (type) => !SETUP_OBJECTS.has(type) && type !== 'unknown';

/** `class.method` → { setup (outside runAs), other } DML types of each method of the given [className, source]. */
export function dmlSummaries(sources) {
    const summaries = new Map();
    for (const [className, source] of sources) {
        for (const method of methodsOf(source)) {
            summaries.set(`${className}.${method.name}`.toLowerCase(), {
                setup: dmlTargets(withoutRunAs(method.body)).filter(isSetup),
                other: dmlTargets(method.body).filter(isOther)
            });
        }
    }
    return summaries;
}

function called(body, className, summaries) {
    return [...body.matchAll(/\b(?:(\w+)\.)?(\w+)\s*\(/g)]
        .map((m) => summaries.get(`${m[1] ?? className}.${m[2]}`.toLowerCase()))
        .filter(Boolean);
}

/** Findings for one test class; `summaries` (dmlSummaries of the package) resolves the methods it calls. */
export function checkTestSource(source, className = 'Test', summaries = dmlSummaries([[className, source]])) {
    const findings = [];
    for (const method of methodsOf(source).filter((candidate) => candidate.isTest)) {
        const outside = withoutRunAs(method.body);
        const setup = [
            ...dmlTargets(outside).filter(isSetup),
            ...called(outside, className, summaries).flatMap((summary) => summary.setup)
        ];
        const other = [
            ...dmlTargets(method.body).filter(isOther),
            ...called(method.body, className, summaries).flatMap((summary) => summary.other)
        ];
        if (setup.length && other.length)
            findings.push({
                line: method.line,
                rule: 'MixedDmlOutsideRunAs',
                message: `${method.name}: DML on ${setup[0]} outside System.runAs in a method that also writes ${other[0]} (MIXED_DML_OPERATION)`
            });
        for (const name of reusedForUpdate(method.body)) {
            findings.push({
                line: method.line,
                rule: 'UpdateCarriesCreateFields',
                message: `${method.name}: ${name} is inserted, then updated as is; update a fresh record with only Id and the changed fields (create-only fields make the update fail)`
            });
        }
        for (const statement of method.body.matchAll(/(^|[;{}]\s*)EventBus\.publish\s*\(/g)) {
            findings.push({
                line: method.line + method.body.slice(0, statement.index).split('\n').length - 1,
                rule: 'PublishResultIgnored',
                message: `${method.name}: EventBus.publish result ignored (a rejected event does not throw; assert isSuccess())`
            });
        }
    }
    return findings;
}

/** Findings for every @IsTest class under `dir` (default: every package directory). */
export function checkApexTests(dir = defaultSourceDir) {
    const files = listFiles(dir, (path) => path.endsWith('.cls'));
    const sources = files.map((file) => [basename(file, '.cls'), readFileSync(file, 'utf8')]);
    const summaries = dmlSummaries(sources);
    return sources.flatMap(([className, source], i) =>
        /@IsTest/i.test(source)
            ? checkTestSource(source, className, summaries).map((finding) => ({
                  kind: 'test-rule',
                  file: files[i],
                  column: 1,
                  severity: 1,
                  ...finding
              }))
            : []
    );
}
