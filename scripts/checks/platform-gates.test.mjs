// Proves the platform-rule gates reject what a real deploy would reject: each test plants one bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMetadataLimits, loadLimits } from './metadata-limits.mjs';
import { checkDeployPayload } from './deploy-payload.mjs';
import { deployPlan } from '../deploy-args.mjs';
import { checkProjectSchemas } from './project-schema.mjs';
import { checkLwc } from './metadata-check.mjs';
import { checkApexTests, checkTestSource, dmlSummaries } from './apex-test-rules.mjs';
import { checkFields, loadStandardObjects } from './field-check.mjs';
import { ROOT } from '../lwc-bundles.mjs';

/**
 * @param {import('node:test').TestContext} t
 * @param {Record<string, string>} files
 * @param {{ path: string, default?: boolean, package?: string, versionNumber?: string, dependencies?: object[] }[]} [packageDirectories]
 */
export function tempProject(t, files, packageDirectories = [{ path: 'force-app', default: true }]) {
    const root = mkdtempSync(join(tmpdir(), 'scv-platform-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const all = {
        'sfdx-project.json': JSON.stringify({ packageDirectories, sourceApiVersion: '65.0' }),
        ...files
    };
    for (const [path, content] of Object.entries(all)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), content);
    }
    return root;
}

const permissionSet = (description) => `<?xml version="1.0" encoding="UTF-8" ?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <description
    >${description}</description>
    <label>Voice Test</label>
</PermissionSet>
`;

test('metadata limits: every limit in the dataset names its source page and API version', () => {
    for (const limit of loadLimits()) {
        assert.match(limit.source.url, /^https:\/\/developer\.salesforce\.com\//, limit.element);
        assert.match(limit.source.apiVersion, /^\d+\.0$/, limit.element);
    }
});

test('metadata limits: a 256-character permission set description in any package directory is a finding', (t) => {
    const root = tempProject(
        t,
        {
            'force-app/main/default/permissionsets/Ok.permissionset-meta.xml': permissionSet('x'.repeat(255)),
            'extra/main/default/permissionsets/Long.permissionset-meta.xml': permissionSet('x'.repeat(256))
        },
        [{ path: 'force-app', default: true }, { path: 'extra' }]
    );
    const findings = checkMetadataLimits(root);
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /Long\.permissionset-meta\.xml: PermissionSet\.description is 256 characters/);
});

test('metadata limits: an LWC description over 255 characters is a finding, entities count as one character', (t) => {
    const meta = (text) =>
        `<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><description>${text}</description></LightningComponentBundle>`;
    const root = tempProject(t, {
        'force-app/main/default/lwc/a/a.js-meta.xml': meta('&apos;'.repeat(255)),
        'force-app/main/default/lwc/b/b.js-meta.xml': meta('y'.repeat(273))
    });
    const findings = checkMetadataLimits(root);
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /b\.js-meta\.xml: LightningComponentBundle\.description is 273 characters/);
});

const CLASS_META = `<?xml version="1.0" encoding="UTF-8" ?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>
`;
const BUNDLE_META = `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>
`;
const TWO_PACKAGES = [
    { path: 'core', default: true, package: 'core-pkg', versionNumber: '1.0.0.NEXT' },
    {
        path: 'extra',
        package: 'extra-pkg',
        versionNumber: '1.0.0.NEXT',
        dependencies: [{ package: 'core-pkg', versionNumber: '1.0.0.LATEST' }]
    }
];
const apexClass = (dir, name, body) => ({
    [`${dir}/main/default/classes/${name}.cls`]: `public with sharing class ${name} { ${body} }\n`,
    [`${dir}/main/default/classes/${name}.cls-meta.xml`]: CLASS_META
});

test('deploy payload: a clean two-directory project has no findings', async (t) => {
    const root = tempProject(
        t,
        {
            '.forceignore': '**/*.ts\n**/__tests__/**\n',
            ...apexClass('core', 'CoreService', ''),
            ...apexClass('extra', 'ExtraService', 'CoreService core;'),
            'core/main/default/lwc/coreCard/coreCard.js': 'export default class {}\n',
            'core/main/default/lwc/coreCard/coreCard.ts': 'export default class {}\n',
            'core/main/default/lwc/coreCard/coreCard.js-meta.xml': BUNDLE_META,
            'core/main/default/lwc/coreCard/__tests__/coreCard.test.ts': 'test\n'
        },
        TWO_PACKAGES
    );
    assert.deepEqual(await checkDeployPayload(root), []);
});

test('deploy payload: a bundle without .js, test files, unknown files and foreign references are findings', async (t) => {
    const root = tempProject(
        t,
        {
            '.forceignore': '**/*.ts\n',
            ...apexClass('core', 'CoreService', 'ExtraService extra; RealtimeAlertEvent event;'),
            ...apexClass('extra', 'ExtraService', 'RealtimeAlertEvent allowedHere;'),
            'core/main/default/lwc/noJs/noJs.ts': 'export default class {}\n',
            'core/main/default/lwc/noJs/noJs.js-meta.xml': BUNDLE_META,
            'core/main/default/lwc/tested/tested.js': 'export default class {}\n',
            'core/main/default/lwc/tested/tested.js-meta.xml': BUNDLE_META,
            'core/main/default/lwc/tested/__tests__/tested.test.js': 'test\n',
            'core/main/default/classes/notes.txt': 'not metadata\n'
        },
        TWO_PACKAGES
    );
    const findings = (
        await checkDeployPayload(root, {
            convert: false,
            features: { extra: ['ServiceCloudVoiceAmazonConnect'] }
        })
    ).join('\n');
    assert.match(findings, /core: LWC bundle noJs has no noJs\.js in the payload/);
    assert.match(findings, /core\/main\/default\/lwc\/tested\/__tests__\/tested\.test\.js is in the payload/);
    assert.match(
        findings,
        /notes\.txt (maps to no metadata type|.*cannot be built)|component set cannot be built/
    );
    assert.match(
        findings,
        /CoreService\.cls references ApexClass ExtraService of extra, which core does not depend on/
    );
    assert.match(
        findings,
        /CoreService\.cls references RealtimeAlertEvent, which needs ServiceCloudVoiceAmazonConnect/
    );
    assert.doesNotMatch(findings, /^extra: .*ExtraService\.cls references/m);
});

const labelsFile = (name) => `<?xml version="1.0" encoding="UTF-8" ?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>${name}</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>${name}</shortDescription>
        <value>${name}</value>
    </labels>
</CustomLabels>
`;

test('deploy payload: every directory has its own CustomLabels file; only a label of a foreign directory is a reference', async (t) => {
    const root = tempProject(
        t,
        {
            ...apexClass('core', 'CoreService', 'String text = System.Label.Extra_Only_Label;'),
            ...apexClass('extra', 'ExtraService', ''),
            'core/main/default/labels/CustomLabels.labels-meta.xml': labelsFile('Core_Label'),
            'extra/main/default/labels/CustomLabels.labels-meta.xml': labelsFile('Extra_Only_Label')
        },
        [
            { path: 'core', default: true, package: 'core-pkg', versionNumber: '1.0.0.NEXT' },
            { path: 'extra', package: 'extra-pkg', versionNumber: '1.0.0.NEXT' }
        ]
    );
    const findings = (await checkDeployPayload(root, { convert: false })).join('\n');
    assert.doesNotMatch(findings, /references CustomLabels CustomLabels/);
    assert.match(findings, /CoreService\.cls references CustomLabel Extra_Only_Label of extra/);
});

test('deploy payload: the core directory of this repository never names the Amazon Connect directory', async () => {
    const { payloadOf } = await import('./deploy-payload.mjs');
    const core = payloadOf(join(ROOT, 'force-app'));
    const alerts = payloadOf(join(ROOT, 'force-app-amazon-connect'));
    assert.ok(
        alerts.components.some((c) => c.fullName === 'Voice_Alert__c'),
        'the alert log moved with its feature'
    );
    assert.ok(
        !core.components.some((c) => c.type.name === 'ApexTrigger'),
        'the core ships no RealtimeAlertEvent trigger'
    );
});

test('deploy plan: the bare documented command deploys only the core; --source-dir selects directories', () => {
    assert.deepEqual(deployPlan(['--target-org', 'x']).sourceDirs, ['force-app']);
    assert.deepEqual(deployPlan(['--target-org', 'x']).sfArgs, [
        '--target-org',
        'x',
        '--source-dir',
        'force-app'
    ]);
    const both = deployPlan(['-o', 'x', '--source-dir', 'force-app', '-d', 'force-app-amazon-connect']);
    assert.deepEqual(both.sourceDirs, ['force-app', 'force-app-amazon-connect']);
    assert.deepEqual(deployPlan(['--manifest', 'package.xml']).sourceDirs, []);
});

test('project schemas: a misspelt package directory key and an unknown scratch feature are findings', (t) => {
    const root = tempProject(t, {
        'config/project-scratch-def.json': JSON.stringify({
            edition: 'Enterprise',
            features: ['NoSuchFeature']
        })
    });
    writeFileSync(
        join(root, 'sfdx-project.json'),
        JSON.stringify({
            packageDirectories: [{ path: 'force-app', defualt: true }],
            sourceApiVersion: '65.0'
        })
    );
    const findings = checkProjectSchemas(root).join('\n');
    assert.match(findings, /sfdx-project\.json: \.packageDirectories\[0\]/);
    assert.match(findings, /config\/project-scratch-def\.json: \.features\[0\]/);
});

test('project schemas: this repository validates, with one scratch definition per contact-center type', () => {
    assert.deepEqual(checkProjectSchemas(ROOT), []);
});

test('field references: the core may not use a field of a package directory it does not depend on', (t) => {
    const field = `<?xml version="1.0" encoding="UTF-8" ?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Level__c</fullName><type>Text</type></CustomField>
`;
    const root = tempProject(
        t,
        {
            'extra/main/default/objects/Alert_Log__c/fields/Level__c.field-meta.xml': field,
            'core/main/default/classes/Reader.cls':
                'public with sharing class Reader { List<Alert_Log__c> r = [SELECT Level__c FROM Alert_Log__c]; }\n',
            'extra/main/default/classes/Writer.cls':
                'public with sharing class Writer { List<Alert_Log__c> r = [SELECT Level__c FROM Alert_Log__c]; }\n'
        },
        TWO_PACKAGES
    );
    const findings = checkFields(root).join('\n');
    assert.match(findings, /core\/main\/default\/classes\/Reader\.cls:1 object Alert_Log__c is not defined/);
    assert.doesNotMatch(findings, /Writer\.cls/);
});

test('standard objects dataset: every object names its page; an unsourced entry is rejected', (t) => {
    const data = loadStandardObjects();
    for (const [name, object] of Object.entries(data.objects)) {
        assert.match(object.source.url, /^https:\/\/developer\.salesforce\.com\//, name);
        assert.match(object.source.apiVersion, /^\d+\.0$/, name);
    }
    assert.equal(data.objects.VoiceCall.fields.CallResolution.type, 'picklist');
    assert.equal(data.objects.RealtimeAlertEvent.fields.Payload.length, 32768);
    assert.ok(!('ParentVoiceCallId' in data.objects.VoiceCall.fields), 'not a VoiceCall field');
    const root = tempProject(t, {
        'bad.json': JSON.stringify({ ...data, objects: { Case: { fields: { Id: {} } } } })
    });
    assert.throws(() => loadStandardObjects(join(root, 'bad.json')), /Case has no source/);
});

test('record pages: an exposed panel that inherits recordId without declaring @api recordId is a finding', (t) => {
    const meta = `<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>true</isExposed><targets><target>lightning__RecordPage</target></targets></LightningComponentBundle>`;
    const lwc = 'force-app/main/default/lwc';
    const panel = (name, body) => ({
        [`${lwc}/${name}/${name}.ts`]: `import { api } from 'lwc';\nimport { BasePanel } from 'c/basePanel';\nexport default class X extends BasePanel {\n${body}\n}\n`,
        [`${lwc}/${name}/${name}.js-meta.xml`]: meta,
        [`${lwc}/${name}/${name}.html`]: '<template></template>',
        [`${lwc}/${name}/__tests__/${name}.test.ts`]: 'expect(el).toBeAccessible();\n'
    });
    const root = tempProject(t, {
        [`${lwc}/basePanel/basePanel.ts`]: `import { LightningElement } from 'lwc';\nexport class BasePanel extends LightningElement {\n    declare recordId: string | undefined;\n}\n`,
        ...panel('inheriting', ''),
        ...panel('declaring', '    @api override recordId: string | undefined = undefined;')
    });
    const findings = checkLwc(root, '65.0').join('\n');
    assert.match(
        findings,
        /lwc\/inheriting: targets record pages and uses recordId but does not declare @api recordId/
    );
    assert.doesNotMatch(findings, /lwc\/declaring:/);
});

const FACTORY = `@IsTest
public class Factory {
    public static User newUser() {
        User person = new User(LastName = 'x');
        insert person;
        return person;
    }
    public static User isolatedUser() {
        User person = new User(LastName = 'x');
        System.runAs(new User(Id = UserInfo.getUserId())) {
            insert person;
        }
        return person;
    }
    public static List<VoiceCall> insertCalls(List<VoiceCall> calls) {
        insert calls;
        return calls;
    }
}`;

test('apex test rules: setup DML mixed with other DML outside runAs, also through helpers, is a finding', () => {
    const tests = `@IsTest
private class MixedTest {
    @IsTest
    static void mixesThroughHelpers() {
        User agent = Factory.newUser();
        Factory.insertCalls(new List<VoiceCall>{ new VoiceCall() });
    }
    @IsTest
    static void mixesDirectly() {
        Group g = new Group(Name = 'g');
        insert g;
        insert new Case(Subject = 's');
    }
    @IsTest
    static void isolatesSetupDml() {
        User agent = Factory.isolatedUser();
        System.runAs(new User(Id = UserInfo.getUserId())) {
            insert new Group(Name = 'g');
        }
        Factory.insertCalls(new List<VoiceCall>{ new VoiceCall() });
    }
}`;
    const summaries = dmlSummaries([
        ['Factory', FACTORY],
        ['MixedTest', tests]
    ]);
    const messages = checkTestSource(tests, 'MixedTest', summaries).map((finding) => finding.message);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /mixesThroughHelpers: DML on user outside System\.runAs .* writes voicecall/);
    assert.match(messages[1], /mixesDirectly: DML on group outside System\.runAs .* writes case/);
});

test('apex test rules: an EventBus.publish whose results are ignored is a finding; an asserted one is not', () => {
    const tests = `@IsTest
private class PublishTest {
    @IsTest
    static void ignores() {
        EventBus.publish(new RealtimeAlertEvent(Name = 'n'));
    }
    @IsTest
    static void asserts() {
        List<Database.SaveResult> results = EventBus.publish(new List<RealtimeAlertEvent>());
        Assert.isTrue(results[0].isSuccess(), 'published');
    }
}`;
    const messages = checkTestSource(tests, 'PublishTest').map((finding) => finding.message);
    assert.deepEqual(messages, [
        'ignores: EventBus.publish result ignored (a rejected event does not throw; assert isSuccess())'
    ]);
});

test('apex test rules: the repository tests follow both rules', () => {
    assert.deepEqual(
        checkApexTests().map((finding) => finding.message),
        []
    );
});

/** Commands a reader would copy: fenced code blocks of Markdown, every line of a shell script. */
function commandLines(file) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.sh')) return text.split('\n');
    return [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((block) => block[1].split('\n'));
}

test('docs: every documented deploy command is npm run deploy, never a bare sf project deploy start', () => {
    const files = [
        join(ROOT, 'README.md'),
        ...readdirSync(join(ROOT, 'docs')).map((name) => join(ROOT, 'docs', name)),
        join(ROOT, 'scripts', 'install-scratch.sh')
    ].filter((file) => /\.(md|sh)$/.test(file));
    const bare = files.flatMap((file) =>
        commandLines(file)
            .filter((line) => /\bsf\s+project\s+deploy\s+start\b/.test(line))
            .map((line) => `${file}: ${line.trim()}`)
    );
    assert.deepEqual(bare, []);
    const deploys = files.flatMap((file) =>
        commandLines(file).filter((line) => /npm run deploy --/.test(line))
    );
    assert.ok(
        deploys.length >= 3,
        'README, server-side guide and the scratch script each show npm run deploy'
    );
});

test('field references: a standard field used below the API version that introduced it is a finding', (t) => {
    const meta = (version) =>
        `<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>${version}</apiVersion><status>Active</status></ApexClass>`;
    const reader = (name) =>
        `public with sharing class ${name} { List<VoiceCall> c = [SELECT CallAcceptDateTime FROM VoiceCall]; }\n`;
    const root = tempProject(t, {
        'force-app/main/default/classes/OldReader.cls': reader('OldReader'),
        'force-app/main/default/classes/OldReader.cls-meta.xml': meta('47.0'),
        'force-app/main/default/classes/NewReader.cls': reader('NewReader'),
        'force-app/main/default/classes/NewReader.cls-meta.xml': meta('65.0')
    });
    const findings = checkFields(root).join('\n');
    assert.match(
        findings,
        /OldReader\.cls:1 VoiceCall\.CallAcceptDateTime needs API 48\.0 or later; the file is at 47\.0/
    );
    assert.doesNotMatch(findings, /NewReader/);
});

test('apex test rules: updating the inserted record itself is a finding; a fresh record with its Id is not', () => {
    const tests = `@IsTest
private class UpdateTest {
    @IsTest
    static void reusesTheInsertedRecord() {
        VoiceCall call = new VoiceCall(CallType = 'Inbound');
        insert call;
        call.IVRType__c = 'NewCase';
        update call;
    }
    @IsTest
    static void updatesAFreshRecord() {
        VoiceCall call = new VoiceCall(CallType = 'Inbound');
        insert call;
        update new VoiceCall(Id = call.Id, IVRType__c = 'NewCase');
    }
}`;
    const messages = checkTestSource(tests, 'UpdateTest').map((finding) => finding.message);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^reusesTheInsertedRecord: call is inserted, then updated as is/);
});
