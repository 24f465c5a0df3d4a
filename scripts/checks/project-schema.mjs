// sfdx-project.json and every config/*scratch-def*.json validate against the JSON schemas the Salesforce CLI
// publishes (@salesforce/schemas), so a misspelt key fails here instead of in `sf org create scratch`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { isMain, repoRoot } from './lib-files.mjs';

const require = createRequire(import.meta.url);
const SCHEMAS = {
    project: require('@salesforce/schemas/sfdx-project.schema.json'),
    scratch: require('@salesforce/schemas/project-scratch-def.schema.json')
};

// Scratch features whose documented spelling the published schema does not know yet, mapped to the name the
// schema lists; each with the page that documents the spelling.
const DOCUMENTED_FEATURES = new Map([
    [
        'ServiceCloudVoicePartnerTelephony:1',
        {
            schemaName: 'ServiceCloudVoicePartnerTelephony',
            source: 'https://developer.salesforce.com/docs/atlas.en-us.242.0.voice_pt_developer_guide.meta/voice_pt_developer_guide/voice_pt_scratch_org.htm'
        }
    ]
]);

function withSchemaFeatureNames(definition) {
    if (!Array.isArray(definition?.features)) return definition;
    const features = definition.features.map(
        (feature) => DOCUMENTED_FEATURES.get(feature)?.schemaName ?? feature
    );
    return { ...definition, features };
}

function validator(schema) {
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
    return ajv.compile(schema);
}

function validate(file, schema, prepare = (data) => data) {
    const check = validator(schema);
    let data;
    try {
        data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (problem) {
        return [`${file}: not JSON (${problem.message})`];
    }
    if (check(prepare(data))) return [];
    // anyOf failures list every branch; the last error per path is the summary ("should match some schema").
    const lastByPath = new Map((check.errors ?? []).map((error) => [error.dataPath || '/', error.message]));
    return [...lastByPath].map(([path, message]) => `${file}: ${path} ${message}`);
}

/** Findings for sfdx-project.json and the scratch definitions under config/ of `root`. */
export function checkProjectSchemas(root = repoRoot) {
    const findings = validate(join(root, 'sfdx-project.json'), SCHEMAS.project);
    const configDir = join(root, 'config');
    const scratchDefs = existsSync(configDir)
        ? readdirSync(configDir).filter((name) => name.endsWith('scratch-def.json'))
        : [];
    if (!scratchDefs.length) findings.push('config/: no *scratch-def.json to validate');
    for (const name of scratchDefs)
        findings.push(...validate(join(configDir, name), SCHEMAS.scratch, withSchemaFeatureNames));
    return findings.map((finding) => finding.replace(`${root}/`, ''));
}

if (isMain(import.meta.url)) {
    const findings = checkProjectSchemas();
    for (const finding of findings) console.error(`project-schema: ${finding}`);
    console.log(`project-schema: ${findings.length} findings`);
    process.exit(findings.length ? 1 : 0);
}
