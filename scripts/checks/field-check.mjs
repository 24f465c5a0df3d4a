// Offline metadata gate: every field that Apex (SOQL and typed SObject references), flows or LWC schema
// imports reference must exist in the package directory's objects/ (or a directory it depends on) or in the
// sourced dataset scripts/checks/platform/standard-objects.json.
// SOQL is read from the parse tree of the Apex parser the Apex gate uses (@apexdevtools/apex-parser), so
// clauses, subqueries and string literals are what the compiler sees. Typed SObject references, flows and LWC
// imports are still pragmatic regex scanning: it resolves what it can and never guesses an object.
// Usage: node scripts/checks/field-check.mjs [dir]   (default: force-app)
import { existsSync, readFileSync } from 'node:fs';
import {
    ApexErrorListener,
    ApexParserFactory,
    FieldNameContext,
    FromNameListContext,
    QueryContext,
    SubQueryContext,
    TypeOfContext
} from '@apexdevtools/apex-parser';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSourceDir, display, isMain, listFiles, repoRoot } from './lib-files.mjs';
import { packageDirectories } from './package-dirs.mjs';
import { optionalArgument } from '../repo.mjs';

const STANDARD_OBJECTS_FILE = join(
    dirname(fileURLToPath(import.meta.url)),
    'platform',
    'standard-objects.json'
);

/** The dataset; an entry (object or field) without a source page is an error, not a silent pass. */
export function loadStandardObjects(file = STANDARD_OBJECTS_FILE) {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, object] of Object.entries(data.objects)) {
        if (!object.source?.url || !object.source?.apiVersion)
            throw new Error(`standard-objects.json: ${name} has no source url and apiVersion`);
    }
    for (const key of ['customObjectSystemFields', 'customMetadataFields']) {
        if (!data[key]?.source?.url) throw new Error(`standard-objects.json: ${key} has no source`);
    }
    return data;
}
const CUSTOM_SUFFIX = /__(c|mdt|e|x|b)$/;
/** Builds { objectName(lowercase) → { name, fields:Set(lowercase) } } from objects/ folders and the JSON list. */
export function loadSchema(dir = defaultSourceDir) {
    const schema = new Map();
    const add = (object, field) => {
        const key = object.toLowerCase();
        if (!schema.has(key)) {
            schema.set(key, { name: object, fields: new Set() });
        }
        if (field) {
            schema.get(key).fields.add(field.toLowerCase());
        }
    };
    const standard = loadStandardObjects();
    for (const [object, entry] of Object.entries(standard.objects)) {
        Object.keys(entry.fields).forEach((field) => add(object, field));
        const versions = new Map(
            Object.entries(entry.fields).map(([field, facts]) => [
                field.toLowerCase(),
                { since: facts.since ?? entry.since, until: facts.until }
            ])
        );
        schema.get(object.toLowerCase()).versions = versions;
    }
    for (const file of listFiles(dir, (path) => /\/objects\/[^/]+\/[^/]+\.object-meta\.xml$/.test(path))) {
        const object = basename(dirname(file));
        const inherited = object.endsWith('__mdt')
            ? standard.customMetadataFields
            : standard.customObjectSystemFields;
        add(object);
        inherited.fields.forEach((field) => add(object, field));
    }
    for (const file of listFiles(dir, (path) => path.endsWith('.field-meta.xml'))) {
        add(basename(dirname(dirname(file))), basename(file, '.field-meta.xml'));
    }
    return schema;
}

/** Checks one Object.field path (relationship hops with __r / standard lookups resolved one level). */
function checkPath(schema, objectName, path) {
    const object = schema.get(objectName.toLowerCase());
    if (!object) {
        return CUSTOM_SUFFIX.test(objectName) ? `object ${objectName} is not defined in objects/` : null;
    }
    const [first, ...rest] = path.split('.');
    if (rest.length === 0) {
        return object.fields.has(first.toLowerCase()) ? null : `${object.name}.${first} does not exist`;
    }
    const lookupField = /__r$/i.test(first) ? first.replace(/__r$/i, '__c') : `${first}Id`;
    if (!object.fields.has(lookupField.toLowerCase())) {
        return `${object.name}.${first} is not a known relationship (no ${lookupField})`;
    }
    return null;
}

/**
 * The API version a field reference is compiled at: the class's or trigger's -meta.xml, the flow's own
 * apiVersion, or the LWC bundle's js-meta.xml. Undefined when the file declares none.
 */
export function apiVersionOf(file) {
    const metaFile = /\.(cls|trigger)$/.test(file)
        ? `${file}-meta.xml`
        : file.endsWith('.flow-meta.xml')
          ? file
          : join(dirname(file), `${basename(dirname(file))}.js-meta.xml`);
    if (!existsSync(metaFile)) return undefined;
    const match = /<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/.exec(readFileSync(metaFile, 'utf8'));
    return match ? Number(match[1]) : undefined;
}

/** A standard field used at an API version where it does not exist yet, or no longer under that name. */
function versionProblem(schema, objectName, path, version) {
    const object = schema.get(objectName.toLowerCase());
    const facts = object?.versions?.get(path.split('.')[0].toLowerCase());
    if (!facts || version === undefined) return null;
    if (facts.since && version < Number(facts.since))
        return `${object.name}.${path} needs API ${facts.since} or later; the file is at ${version.toFixed(1)}`;
    if (facts.until && version > Number(facts.until))
        return `${object.name}.${path} exists under that name only up to API ${facts.until}; the file is at ${version.toFixed(1)}`;
    return null;
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** Syntax errors are the Apex gate's findings; this gate reads whatever the parser could recover. */
class SilentListener extends ApexErrorListener {
    apexSyntaxError() {}
}

const isQuery = (node) => node instanceof QueryContext || node instanceof SubQueryContext;

/** Descendants of `node` that pass `wanted`, not descending below nodes that pass `boundary`. */
function descendants(node, wanted, boundary, found = []) {
    for (const child of node.children ?? []) {
        if (wanted(child)) found.push(child);
        if (!boundary(child)) descendants(child, wanted, boundary, found);
    }
    return found;
}

/**
 * Field references of every SOQL query and subquery, each against its own FROM object. A query's fields are
 * the field names of its clauses (select list, functions, WHERE, GROUP BY, ORDER BY); a nested query is read on
 * its own, and TYPEOF branches name fields of other objects, so both are left out of the enclosing query.
 */
function soqlReferences(source, isTrigger) {
    const { parser } = ApexParserFactory.createLexerAndParser(source, new SilentListener());
    const tree = isTrigger ? parser.triggerUnit() : parser.compilationUnit();
    const ownClauses = (node) =>
        isQuery(node) || node instanceof TypeOfContext || node instanceof FromNameListContext;
    return descendants(tree, isQuery, () => false).flatMap((query) => {
        const objectName = query.fromNameList()?.fieldName(0)?.getText();
        if (!objectName) return [];
        return descendants(query, (node) => node instanceof FieldNameContext, ownClauses).map((field) => ({
            object: objectName,
            path: field.getText(),
            line: field.start.line
        }));
    });
}

function typedReferences(source, schema) {
    const refs = [];
    const known = [...schema.values()].map((entry) => entry.name);
    const objectPattern = known.map((name) => name.replace(/\$/g, '\\$')).join('|');
    const variables = new Map();
    const declaration = new RegExp(`\\b(${objectPattern})\\s+([a-z]\\w*)\\s*(?=[=;:,)])`, 'g');
    for (const match of source.matchAll(declaration)) {
        variables.set(match[2], match[1]);
    }
    // Object.Field tokens (schema tokens such as Voice_Alert__c.Event_Uuid__c) and typed variables.
    const access = /\b([A-Za-z_]\w*)\.([A-Z]\w*)\b(?!\s*\()/g;
    for (const match of source.matchAll(access)) {
        const [, owner, field] = match;
        const objectName = variables.get(owner) ?? known.find((name) => name === owner);
        if (
            objectName &&
            (variables.has(owner) || CUSTOM_SUFFIX.test(field) || CUSTOM_SUFFIX.test(objectName))
        ) {
            if (field === 'SObjectType' || field === 'class') {
                continue;
            }
            refs.push({ object: objectName, path: field, line: lineOf(source, match.index) });
        }
    }
    // new Object(Field = value, ...)
    const constructed = new RegExp(`\\bnew\\s+(${objectPattern})\\s*\\(([^;]*?)\\)\\s*[;,)]`, 'g');
    for (const match of source.matchAll(constructed)) {
        for (const pair of match[2].matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*=(?!=)/g)) {
            refs.push({ object: match[1], path: pair[1], line: lineOf(source, match.index) });
        }
    }
    return refs;
}

function flowReferences(xml) {
    const refs = [];
    const startObject = /<start>[\s\S]*?<object>(\w+)<\/object>[\s\S]*?<\/start>/.exec(xml)?.[1];
    if (startObject) {
        for (const match of xml.matchAll(/\$Record\.([\w.]+)/g)) {
            refs.push({ object: startObject, path: match[1], line: lineOf(xml, match.index) });
        }
    }
    const blocks = /<(start|recordLookups|recordUpdates|recordCreates|recordDeletes)>([\s\S]*?)<\/\1>/g;
    for (const block of xml.matchAll(blocks)) {
        const body = block[2];
        const objectName =
            /<object>(\w+)<\/object>/.exec(body)?.[1] ??
            (/<inputReference>\$Record<\/inputReference>/.test(body) ? startObject : undefined);
        if (!objectName) {
            continue;
        }
        for (const field of body.matchAll(/<field>([\w.]+)<\/field>/g)) {
            refs.push({ object: objectName, path: field[1], line: lineOf(xml, block.index + field.index) });
        }
        for (const field of body.matchAll(/<queriedFields>([\w.]+)<\/queriedFields>/g)) {
            refs.push({ object: objectName, path: field[1], line: lineOf(xml, block.index + field.index) });
        }
    }
    return refs;
}

function lwcReferences(source) {
    return [...source.matchAll(/@salesforce\/schema\/(\w+)\.([\w.]+)/g)].map((match) => ({
        object: match[1],
        path: match[2],
        line: lineOf(source, match.index)
    }));
}

/**
 * Returns { failures, references } for every Apex class/trigger, flow and LWC TypeScript file under `dir`,
 * checked against objects/ under `schemaDirs` plus the sourced standard-objects.json dataset.
 */
export function findMissingFields(dir = defaultSourceDir, schemaDirs = dir) {
    const schema = loadSchema(schemaDirs);
    const failures = [];
    let references = 0;
    const visit = (file, refs) => {
        const version = apiVersionOf(file);
        for (const ref of refs) {
            references += 1;
            const problem =
                checkPath(schema, ref.object, ref.path) ??
                versionProblem(schema, ref.object, ref.path, version);
            if (problem) {
                failures.push({ file, line: ref.line, message: problem });
            }
        }
    };
    for (const file of listFiles(dir, (path) => path.endsWith('.cls') || path.endsWith('.trigger'))) {
        const source = readFileSync(file, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
            .replace(/\/\/.*$/gm, '');
        visit(file, [
            ...soqlReferences(source, file.endsWith('.trigger')),
            ...typedReferences(source, schema)
        ]);
    }
    for (const file of listFiles(dir, (path) => path.endsWith('.flow-meta.xml'))) {
        visit(file, flowReferences(readFileSync(file, 'utf8')));
    }
    for (const file of listFiles(dir, (path) => /\/lwc\/.+\.ts$/.test(path) && !path.endsWith('.d.ts'))) {
        visit(file, lwcReferences(readFileSync(file, 'utf8')));
    }
    return { failures, references };
}

const formatFailure = (failure) => `${display(failure.file)}:${failure.line} ${failure.message}`;

/**
 * metadata-check contract: takes the repository root (or a bare source folder) and returns one string per missing field. Each package
 * directory is checked against its own objects and those of the directories it depends on, so a field of a
 * directory it does not depend on (the core naming Voice_Alert__c) is missing, as it would be in its deploy.
 */
export function checkFields(root = repoRoot) {
    if (!existsSync(join(root, 'sfdx-project.json')))
        return findMissingFields(root).failures.map(formatFailure);
    const entries = packageDirectories(root).filter((entry) => existsSync(entry.dir));
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    return entries.flatMap((entry) => {
        const schemaDirs = [
            entry.dir,
            ...entry.dependencies.map((name) => byName.get(name)?.dir).filter(Boolean)
        ];
        return findMissingFields(entry.dir, schemaDirs).failures.map(formatFailure);
    });
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('field-check', 'node scripts/checks/field-check.mjs [folder]');
    const dir = target ?? defaultSourceDir;
    const { failures, references } = findMissingFields(dir);
    for (const failure of failures) {
        process.stderr.write(`${formatFailure(failure)}\n`);
    }
    const summary = `field-check: ${references} field reference(s), ${failures.length} missing`;
    if (failures.length > 0) {
        process.stderr.write(`${summary}: FAILED\n`);
        process.exitCode = 1;
    } else {
        process.stdout.write(`${summary}: ok\n`);
    }
}
