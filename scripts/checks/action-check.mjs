// Voice action gate (part of `npm run metadata:check`): every shipped Voice_Action* Custom Metadata record is
// turned into the payload the Apex controller hands the browser (labels resolved) and validated by
// c/voiceActionModel itself (types, input lines, named references), plus what only the repository can tell:
// the flow exists with the declared type, every input and output is a variable of that flow with the right
// direction and data type (the offline counterpart of the runner's FlowVariableView check), labels and Custom
// Permissions exist, `{!$VoiceCall.X}` names a VoiceCall field, form fields belong to an existing action,
// samples ship inactive, and the model's vocabulary equals the picklist values of the Custom Metadata fields.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { display, isMain, listFiles, repoRoot } from './lib-files.mjs';
import { loadSchema } from './field-check.mjs';
import { labelValues, objectFields, readRecords } from './playbook-check.mjs';
import { loadLwcModule } from '../lwc-module.mjs';
import { optionalArgument } from '../repo.mjs';

const xml = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['values', 'labels', 'value', 'variables'].includes(name)
});
const ACTION = 'Voice_Action';
const FIELD = 'Voice_Action_Field';
const PROCESS_TYPE = { Screen: 'Flow', Autolaunched: 'AutoLaunchedFlow' };
const PICKLISTS = [
    ['FLOW_TYPES', 'Voice_Action__mdt', 'Flow_Type__c'],
    ['OPEN_MODES', 'Voice_Action__mdt', 'Open_Mode__c'],
    ['FIELD_TYPES', 'Voice_Action_Field__mdt', 'Type__c']
];

const str = (value) => (value === null || value === undefined ? '' : String(value));
const readXml = (file) => xml.parse(readFileSync(file, 'utf8'));

/** Flow API name → { processType, variables: Map(name → { dataType, isInput, isOutput, isCollection }) }. */
function flows(dir) {
    return new Map(
        listFiles(join(dir, 'flows'), (f) => f.endsWith('.flow-meta.xml')).map((file) => {
            const flow = readXml(file).Flow ?? {};
            const variables = new Map(
                (flow.variables ?? []).map((v) => [
                    String(v.name),
                    {
                        dataType: String(v.dataType),
                        isInput: v.isInput === 'true',
                        isOutput: v.isOutput === 'true',
                        isCollection: v.isCollection === 'true'
                    }
                ])
            );
            return [basename(file, '.flow-meta.xml'), { processType: String(flow.processType), variables }];
        })
    );
}

function customPermissions(dir) {
    return new Set(
        listFiles(join(dir, 'customPermissions'), (f) => f.endsWith('.customPermission-meta.xml')).map((f) =>
            basename(f, '.customPermission-meta.xml')
        )
    );
}

/** `name=Label_Name,name2` → [{ name, labelName }]. */
function outputSpecs(text) {
    return str(text)
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
            const [name, labelName = ''] = part.split('=').map((s) => s.trim());
            return { name, labelName };
        });
}

/** `value=Label_Name;value2=Label_Name2` → [{ value, labelName }]. */
function optionSpecs(text) {
    return str(text)
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
            const [value, labelName = ''] = part.split('=').map((s) => s.trim());
            return { value, labelName };
        });
}

/** The payload VoiceActionController builds for one action record (labels resolved). */
function toPayload(action, fields, labels) {
    const v = action.values;
    const label = (name) => labels.get(str(name)) ?? '';
    return {
        name: action.developerName,
        label: label(v.Label_Name__c),
        icon: str(v.Icon_Name__c),
        flowType: str(v.Flow_Type__c),
        flowApiName: v.Flow_Type__c === 'Screen' ? str(v.Flow_Api_Name__c) : '',
        openMode: str(v.Open_Mode__c),
        order: v.Order__c ?? 100,
        group: str(v.Group__c),
        offerBefore: v.Offer_Before_Call__c === true,
        offerDuring: v.Offer_During_Call__c === true,
        offerAfter: v.Offer_After_Call__c === true,
        inputMapping: str(v.Input_Mapping__c),
        staticInputs: str(v.Static_Inputs__c),
        outputs: outputSpecs(v.Outputs__c).map((o) => ({
            name: o.name,
            label: o.labelName ? label(o.labelName) : o.name
        })),
        confirmation: v.Confirmation_Label__c ? label(v.Confirmation_Label__c) : '',
        permitted: true,
        maxRuns: v.Max_Runs_Per_Call__c ?? 0,
        timeoutSeconds: v.Timeout_Seconds__c ?? 20,
        fields: fields.map(({ values: f }) => ({
            variable: str(f.Variable_Name__c),
            label: label(f.Label_Name__c),
            type: str(f.Type__c),
            required: f.Required__c === true,
            maxLength: f.Max_Length__c ?? 255,
            defaultValue: str(f.Default_Value__c),
            options: optionSpecs(f.Options__c).map((o) => ({ value: o.value, label: label(o.labelName) }))
        }))
    };
}

function labelFindings(where, action, fields, labels) {
    const v = action.values;
    const names = [
        ['label', v.Label_Name__c],
        ['confirmation label', v.Confirmation_Label__c],
        ...outputSpecs(v.Outputs__c).map((o) => [`output ${o.name} label`, o.labelName]),
        ...fields.flatMap(({ values: f }) => [
            [`field ${f.Variable_Name__c} label`, f.Label_Name__c],
            ...optionSpecs(f.Options__c).map((o) => [`option ${o.value} label`, o.labelName])
        ])
    ];
    return names
        .filter(([, name]) => str(name) !== '' && !labels.has(str(name)))
        .map(([what, name]) => `${where}: ${what} ${name} does not exist`);
}

function flowFindings(where, definition, flow) {
    if (!flow) return [`${where}: flow ${definition.flowName || '(blank)'} is not a flow of the package`];
    const findings = [];
    if (flow.processType !== PROCESS_TYPE[definition.flowType])
        findings.push(
            `${where}: flow ${definition.flowName} is ${flow.processType}, not a ${definition.flowType} flow`
        );
    for (const input of definition.inputs) {
        const variable = flow.variables.get(input.name);
        if (!variable?.isInput)
            findings.push(`${where}: ${input.name} is not an input variable of ${definition.flowName}`);
        else if (variable.isCollection || variable.dataType !== input.type)
            findings.push(
                `${where}: ${input.name} is ${variable.dataType} in the flow, declared ${input.type}`
            );
    }
    for (const output of definition.outputs) {
        if (!flow.variables.get(output)?.isOutput)
            findings.push(`${where}: ${output} is not an output variable of ${definition.flowName}`);
    }
    return findings;
}

function checkOne(context, action, fields) {
    const { engine, labels, flowsByName, permissions, voiceCall } = context;
    const where = display(action.file);
    const v = action.values;
    const findings = labelFindings(where, action, fields, labels);
    if (v.Active__c === true) findings.push(`${where}: shipped samples must be inactive`);
    const permission = str(v.Permission_Name__c);
    if (permission !== '' && !permissions.has(permission))
        findings.push(`${where}: Custom Permission ${permission} does not exist`);
    if (v.Open_Mode__c === 'ConsoleTab' && v.Flow_Type__c !== 'Screen')
        findings.push(`${where}: only screen flows open in a console tab`);
    const texts = [str(v.Input_Mapping__c), ...fields.map((f) => str(f.values.Default_Value__c))];
    for (const match of texts.join('\n').matchAll(/\{!\$VoiceCall\.([A-Za-z0-9_]+)\}/g)) {
        if (!voiceCall.fields.has(match[1].toLowerCase()))
            findings.push(`${where}: VoiceCall.${match[1]} does not exist`);
    }
    const payload = { actions: [toPayload(action, fields, labels)], problems: [] };
    const parsed = engine.parseActions(payload);
    findings.push(
        ...parsed.problems.filter((p) => !p.includes('no action returns')).map((p) => `${where}: ${p}`)
    );
    const inputs = [
        ...engine.parseInputLines(str(v.Input_Mapping__c), false).inputs,
        ...engine.parseInputLines(str(v.Static_Inputs__c), true).inputs,
        ...fields.map(({ values: f }) => ({
            name: str(f.Variable_Name__c),
            type: engine.FIELD_INPUT_TYPE[str(f.Type__c)] ?? '?'
        }))
    ];
    const definition = {
        flowName: str(v.Flow_Api_Name__c),
        flowType: str(v.Flow_Type__c),
        inputs,
        outputs: outputSpecs(v.Outputs__c).map((o) => o.name)
    };
    findings.push(...flowFindings(where, definition, flowsByName.get(definition.flowName)));
    return findings;
}

/** `$LastResult` references across all actions: each must name an output some action shows. */
function lastResultFindings(engine, actions, labels, fieldsOf) {
    const payload = { actions: actions.map((a) => toPayload(a, fieldsOf(a), labels)), problems: [] };
    return engine
        .parseActions(payload)
        .problems.filter((p) => p.includes('no action returns'))
        .map((p) => `customMetadata/${ACTION}.${p}`);
}

/** Findings for every voice action record under `root`; empty when all are valid. */
export async function checkActions(root = repoRoot) {
    const dir = join(root, 'force-app', 'main', 'default');
    const engine = await loadLwcModule('voiceActionModel');
    const findings = [];
    for (const [constant, object, field] of PICKLISTS) {
        const values = (objectFields(dir, object).get(field)?.valueSet?.valueSetDefinition?.value ?? []).map(
            (v) => String(v.fullName)
        );
        if (values.join(',') !== engine[constant].join(','))
            findings.push(
                `${object}.${field}: picklist values ${values.join(',')} differ from the model's ${constant}`
            );
    }
    const actions = readRecords(dir, ACTION);
    const fieldRecords = readRecords(dir, FIELD);
    /** @type {[typeof actions, string][]} */
    const recordsByObject = [
        [actions, 'Voice_Action__mdt'],
        [fieldRecords, 'Voice_Action_Field__mdt']
    ];
    for (const [records, object] of recordsByObject) {
        const known = objectFields(dir, object);
        for (const record of records)
            for (const name of Object.keys(record.values))
                if (!known.has(name))
                    findings.push(`${display(record.file)}: ${name} is not a field of ${object}`);
    }
    const names = new Set(actions.map((a) => a.developerName));
    for (const field of fieldRecords)
        if (!names.has(str(field.values.Action__c)))
            findings.push(
                `${display(field.file)}: action ${field.values.Action__c || '(blank)'} does not exist`
            );
    const fieldsOf = (action) =>
        fieldRecords
            .filter((f) => f.values.Action__c === action.developerName)
            .sort((a, b) => (a.values.Order__c ?? 100) - (b.values.Order__c ?? 100));
    const context = {
        engine,
        labels: labelValues(dir),
        flowsByName: flows(dir),
        permissions: customPermissions(dir),
        voiceCall: loadSchema(join(root, 'force-app')).get('voicecall') ?? { fields: new Set() }
    };
    for (const action of actions) findings.push(...checkOne(context, action, fieldsOf(action)));
    findings.push(...lastResultFindings(engine, actions, context.labels, fieldsOf));
    return findings;
}

if (isMain(import.meta.url)) {
    const target = optionalArgument('action-check', 'node scripts/checks/action-check.mjs [folder]');
    const findings = await checkActions(target ?? repoRoot);
    for (const finding of findings) console.error(`action:check: ${finding}`);
    console.log(`action:check: ${findings.length} findings`);
    process.exit(findings.length ? 1 : 0);
}
