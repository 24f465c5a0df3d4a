// Playbook gate (part of `npm run metadata:check`): every shipped Voice_Playbook* Custom Metadata record is
// read the way the Apex controller hands it to the browser and validated by c/voicePlaybookEngine itself
// (enums, criteria numbers, steps, named references), plus what only the repository can tell: relationship
// targets exist, every record field is a field of its type, labels exist, RunFlow targets are autolaunched
// flows in the package, `{!$VoiceCall.X}` and UpdateVoiceCallField targets are VoiceCall fields, and the
// engine's vocabulary equals the picklist values of the Custom Metadata fields.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { display, isMain, listFiles, repoRoot } from './lib-files.mjs';
import { loadSchema } from './field-check.mjs';
import { loadLwcModule } from '../lwc-module.mjs';
import { optionalArgument } from '../repo.mjs';

const xml = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['values', 'labels', 'value'].includes(name)
});
const TYPES = {
    playbook: 'Voice_Playbook',
    condition: 'Voice_Playbook_Condition',
    step: 'Voice_Playbook_Step'
};
/** Engine vocabulary ↔ the Custom Metadata picklist that stores it. */
const PICKLISTS = [
    ['TRIGGERS', 'Voice_Playbook__mdt', 'Trigger__c'],
    ['CALL_TYPES', 'Voice_Playbook__mdt', 'Call_Type__c'],
    ['SOURCES', 'Voice_Playbook_Condition__mdt', 'Source__c'],
    ['ROLES', 'Voice_Playbook_Condition__mdt', 'Role__c'],
    ['OPERATORS', 'Voice_Playbook_Condition__mdt', 'Operator__c'],
    ['STEP_TYPES', 'Voice_Playbook_Step__mdt', 'Type__c'],
    ['ON_FAILURE', 'Voice_Playbook_Step__mdt', 'On_Failure__c']
];

function defaultDir(root) {
    return join(root, 'force-app', 'main', 'default');
}

function readXml(file) {
    return xml.parse(readFileSync(file, 'utf8'));
}

/** `{ developerName, values: { Field__c: string|number|boolean|null } }` for each record of a type. */
export function readRecords(dir, type) {
    return listFiles(join(dir, 'customMetadata'), (f) => basename(f).startsWith(`${type}.`)).map((file) => {
        const record = readXml(file).CustomMetadata ?? {};
        const values = {};
        for (const entry of record.values ?? []) {
            const raw = entry.value?.[0];
            const kind = typeof raw === 'object' ? raw['@_xsi:type'] : undefined;
            const textValue = typeof raw === 'object' ? (raw['#text'] ?? null) : (raw ?? null);
            values[entry.field] =
                textValue === null
                    ? null
                    : kind === 'xsd:double'
                      ? Number(textValue)
                      : kind === 'xsd:boolean'
                        ? textValue === 'true'
                        : String(textValue);
        }
        const developerName = basename(file, '.md-meta.xml').slice(type.length + 1);
        return { file, developerName, label: String(record.label ?? ''), values };
    });
}

/** Field API name → its CustomField definition, for one object of the source folder `dir`. */
export function objectFields(dir, object) {
    const fieldsDir = join(dir, 'objects', object, 'fields');
    return new Map(
        listFiles(fieldsDir, (f) => f.endsWith('.field-meta.xml')).map((f) => [
            basename(f, '.field-meta.xml'),
            readXml(f).CustomField ?? {}
        ])
    );
}

function picklistValues(field) {
    const values = field?.valueSet?.valueSetDefinition?.value ?? [];
    return values.map((v) => String(v.fullName));
}

/** Custom Label name → value, from the labels file of the source folder `dir`. */
export function labelValues(dir) {
    const file = join(dir, 'labels', 'CustomLabels.labels-meta.xml');
    if (!existsSync(file)) return new Map();
    return new Map((readXml(file).CustomLabels?.labels ?? []).map((l) => [l.fullName, String(l.value)]));
}

function autolaunchedFlows(dir) {
    return new Set(
        listFiles(join(dir, 'flows'), (f) => f.endsWith('.flow-meta.xml'))
            .filter((f) => readXml(f).Flow?.processType === 'AutoLaunchedFlow')
            .map((f) => basename(f, '.flow-meta.xml'))
    );
}

const str = (value) => (value === null || value === undefined ? '' : String(value));

/** The payload the Apex controller builds for one playbook (labels resolved, flow name withheld). */
function toPayload(playbook, conditions, steps, labels) {
    const v = playbook.values;
    return {
        developerName: playbook.developerName,
        active: v.Active__c === true,
        title: labels.get(str(v.Title_Label__c)) ?? '',
        trigger: str(v.Trigger__c),
        callType: str(v.Call_Type__c),
        group: str(v.Group__c),
        order: v.Order__c ?? 100,
        runOncePerCall: v.Run_Once_Per_Call__c !== false,
        cooldownSeconds: v.Cooldown_Seconds__c ?? 0,
        criteria: str(v.Criteria__c),
        timeLimitSeconds: v.Time_Limit_Seconds__c ?? 30,
        conditions: conditions.map(({ values: c }) => ({
            number: c.Order__c,
            source: str(c.Source__c),
            reference: str(c.Reference__c),
            role: str(c.Role__c),
            operator: str(c.Operator__c),
            value: str(c.Value__c)
        })),
        steps: steps.map(({ values: s }) => ({
            order: s.Order__c,
            stepName: str(s.Step_Name__c),
            type: str(s.Type__c),
            target: s.Type__c === 'RunFlow' ? '' : str(s.Target__c),
            objectApiName: str(s.Object__c),
            value: str(s.Value__c),
            message: labels.get(str(s.Message_Label__c)) ?? '',
            onFailure: str(s.On_Failure__c)
        }))
    };
}

function recordFieldFindings(dir, records, object) {
    const fields = objectFields(dir, object);
    return records.flatMap((record) =>
        Object.keys(record.values)
            .filter((name) => !fields.has(name))
            .map((name) => `${display(record.file)}: ${name} is not a field of ${object}`)
    );
}

function repositoryFindings(dir, playbook, conditions, steps, labels, flows, voiceCall) {
    const findings = [];
    const where = display(playbook.file);
    const titleLabel = str(playbook.values.Title_Label__c);
    if (titleLabel !== '' && !labels.has(titleLabel))
        findings.push(`${where}: title label ${titleLabel} does not exist`);
    const texts = [
        ...conditions.map((c) => str(c.values.Reference__c)),
        ...steps.flatMap((s) => [str(s.values.Target__c), str(s.values.Value__c)])
    ];
    for (const text of texts) {
        for (const match of text.matchAll(/\{!\$VoiceCall\.([A-Za-z0-9_]+)\}/g)) {
            if (!voiceCall.fields.has(match[1].toLowerCase()))
                findings.push(`${where}: VoiceCall.${match[1]} does not exist`);
        }
    }
    for (const step of steps) {
        const s = step.values;
        const at = display(step.file);
        if (str(s.Message_Label__c) !== '' && !labels.has(str(s.Message_Label__c)))
            findings.push(`${at}: message label ${s.Message_Label__c} does not exist`);
        if (s.Type__c === 'RunFlow' && !flows.has(str(s.Target__c)))
            findings.push(`${at}: ${s.Target__c || '(blank)'} is not an autolaunched flow of the package`);
        if (s.Type__c === 'UpdateVoiceCallField' && !objectFields(dir, 'VoiceCall').has(str(s.Target__c)))
            findings.push(
                `${at}: ${s.Target__c || '(blank)'} is not a custom VoiceCall field of the package`
            );
    }
    return findings;
}

/** Every playbook record under `root` as the controller would return it (inactive ones included). */
export function playbookPayload(root = repoRoot) {
    const dir = defaultDir(root);
    const labels = labelValues(dir);
    const conditions = readRecords(dir, TYPES.condition);
    const steps = readRecords(dir, TYPES.step);
    const own = (list, name) => list.filter((r) => r.values.Playbook__c === name);
    return readRecords(dir, TYPES.playbook).map((p) =>
        toPayload(p, own(conditions, p.developerName), own(steps, p.developerName), labels)
    );
}

/** Findings for every playbook record under `root`; empty when all are valid. */
export async function checkPlaybooks(root = repoRoot) {
    const dir = defaultDir(root);
    const engine = await loadLwcModule('voicePlaybookEngine');
    const findings = [];
    for (const [constant, object, field] of PICKLISTS) {
        const values = picklistValues(objectFields(dir, object).get(field));
        if (values.join(',') !== engine[constant].join(','))
            findings.push(
                `${object}.${field}: picklist values ${values.join(',')} differ from the engine's ${constant}`
            );
    }
    const playbooks = readRecords(dir, TYPES.playbook);
    const conditions = readRecords(dir, TYPES.condition);
    const steps = readRecords(dir, TYPES.step);
    findings.push(
        ...recordFieldFindings(dir, playbooks, 'Voice_Playbook__mdt'),
        ...recordFieldFindings(dir, conditions, 'Voice_Playbook_Condition__mdt'),
        ...recordFieldFindings(dir, steps, 'Voice_Playbook_Step__mdt')
    );
    const names = new Set(playbooks.map((p) => p.developerName));
    for (const child of [...conditions, ...steps]) {
        if (!names.has(str(child.values.Playbook__c)))
            findings.push(
                `${display(child.file)}: playbook ${child.values.Playbook__c || '(blank)'} does not exist`
            );
    }
    const labels = labelValues(dir);
    const flows = autolaunchedFlows(dir);
    const voiceCall = loadSchema(join(root, 'force-app')).get('voicecall') ?? { fields: new Set() };
    for (const playbook of playbooks) {
        const own = (list) => list.filter((r) => r.values.Playbook__c === playbook.developerName);
        const parsed = engine.parsePlaybook(toPayload(playbook, own(conditions), own(steps), labels));
        if (engine.isInvalid(parsed))
            findings.push(...parsed.problems.map((p) => `${display(playbook.file)}: ${p}`));
        if (playbook.values.Active__c === true)
            findings.push(`${display(playbook.file)}: shipped samples must be inactive`);
        findings.push(
            ...repositoryFindings(dir, playbook, own(conditions), own(steps), labels, flows, voiceCall)
        );
    }
    return findings;
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('playbook-check', 'node scripts/checks/playbook-check.mjs [folder]');
    const findings = await checkPlaybooks(target ?? repoRoot);
    for (const finding of findings) console.error(`playbook:check: ${finding}`);
    console.log(`playbook:check: ${findings.length} findings`);
    process.exit(findings.length ? 1 : 0);
}
