// Unit tests of the workbench build's pure parts (node --test): metadata readers, the per-bundle compile
// check and the platform module aliases. The browser behaviour is covered by the Playwright suite in e2e/.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../lwc-bundles.mjs';
import { createBundleHealth } from './bundle-health.mjs';
import { readBundles, readLabels } from './org-metadata.mjs';
import { platformModules } from './platform-modules.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'scv-workbench-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function bundle(dir, name, files) {
    mkdirSync(join(dir, name), { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, name, file), content);
}

const META = (body) =>
    `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion>
    ${body}
</LightningComponentBundle>`;

describe('readLabels', () => {
    it('reads every label value, decoding XML entities', () => {
        const file = join(scratch, 'CustomLabels.labels-meta.xml');
        writeFileSync(
            file,
            `<?xml version="1.0" encoding="UTF-8" ?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels><fullName>Voice_One</fullName><language>en_US</language><protected>false</protected>
        <shortDescription>One</shortDescription><value>Calls &amp; more &lt;b&gt;</value></labels>
    <labels><fullName>Voice_Two</fullName><language>en_US</language><protected>false</protected>
        <shortDescription>Two</shortDescription><value>Second</value></labels>
</CustomLabels>`
        );
        assert.deepEqual(readLabels(file), { Voice_One: 'Calls & more <b>', Voice_Two: 'Second' });
    });

    it('is empty when the labels file does not exist yet', () => {
        assert.deepEqual(readLabels(join(scratch, 'missing.xml')), {});
    });
});

describe('readBundles', () => {
    const dir = join(scratch, 'lwc-meta');
    bundle(dir, 'voicePanel', {
        'voicePanel.ts': 'export default class {}',
        'voicePanel.html': '<template></template>',
        'voicePanel.js-meta.xml': META(`<isExposed>true</isExposed>
    <masterLabel>Voice Panel</masterLabel>
    <targets><target>lightning__VoiceExtension</target><target>lightning__RecordPage</target></targets>
    <targetConfigs>
        <targetConfig targets="lightning__VoiceExtension">
            <property name="maxRows" type="Integer" label="Rows" default="200" min="10" max="2000" />
            <property name="mode" type="String" label="Mode" datasource="a, b" default="a" />
            <property name="mask" type="Boolean" label="Mask" default="true" />
        </targetConfig>
        <targetConfig targets="lightning__RecordPage">
            <property name="maxRows" type="Integer" label="Rows" default="200" />
        </targetConfig>
    </targetConfigs>`)
    });
    bundle(dir, 'voiceService', {
        'voiceService.ts': 'export const x = 1;',
        'voiceService.js-meta.xml': META('<isExposed>false</isExposed>')
    });

    it('reads exposure, targets and the typed design attributes merged across target configs', () => {
        const [panel, service] = readBundles(dir);
        assert.equal(panel.name, 'voicePanel');
        assert.equal(panel.tag, 'c-voice-panel');
        assert.equal(panel.exposed, true);
        assert.equal(panel.hasTemplate, true);
        assert.deepEqual(panel.targets, ['lightning__VoiceExtension', 'lightning__RecordPage']);
        assert.deepEqual(
            panel.properties.map((p) => [p.name, p.type, p.default]),
            [
                ['maxRows', 'Integer', 200],
                ['mode', 'String', 'a'],
                ['mask', 'Boolean', true]
            ]
        );
        assert.deepEqual(panel.properties[0].targets, ['lightning__VoiceExtension', 'lightning__RecordPage']);
        assert.deepEqual(panel.properties[1].datasource, ['a', 'b']);
        assert.equal(service.exposed, false);
        assert.equal(service.hasTemplate, false);
    });
});

describe('createBundleHealth', () => {
    const dir = join(scratch, 'lwc-health');
    bundle(dir, 'good', {
        'good.ts':
            "import { LightningElement, api } from 'lwc';\nexport default class Good extends LightningElement { @api label = ''; }",
        'good.html': '<template>{label}</template>'
    });
    bundle(dir, 'bad', {
        'bad.ts':
            "import { LightningElement, api } from 'lwc';\nexport default class Bad extends LightningElement { @api shown = true; }",
        'bad.html': '<template></template>'
    });
    bundle(dir, 'usesBad', {
        'usesBad.ts':
            "import { LightningElement } from 'lwc';\nexport default class UsesBad extends LightningElement {}",
        'usesBad.html': '<template><c-bad></c-bad><c-good></c-good></template>'
    });
    bundle(dir, 'usesMissing', {
        'usesMissing.ts': "import helper from 'c/nowhere';\nexport default helper;"
    });

    it('reports bundles that do not compile, and the bundles that use them', () => {
        const broken = createBundleHealth(dir).check();
        assert.equal(broken.has('good'), false);
        assert.match(broken.get('bad'), /LWC1099/);
        assert.equal(broken.get('usesBad'), 'uses c/bad, which does not compile');
        assert.equal(broken.get('usesMissing'), 'uses c/nowhere, which does not exist');
    });
});

describe('platformModules', () => {
    const warnings = [];
    const plugin = platformModules({ onWarning: (message) => warnings.push(message) });
    plugin.buildStart();
    const importer = join(scratch, 'component.ts');

    it('maps the toolkit element and the platform modules onto the workbench adapters', () => {
        assert.match(
            plugin.resolveId('lightning/serviceCloudVoiceToolkitApi', importer),
            /workbench\/lwc\/wb\/toolkitSimulator\/toolkitSimulator\.ts$/
        );
        assert.match(
            plugin.resolveId('lightning/uiRecordApi', importer),
            /wb\/uiRecordApi\/uiRecordApi\.ts$/
        );
        assert.match(
            plugin.resolveId('lightning/uiObjectInfoApi', importer),
            /wb\/uiRecordApi\/uiRecordApi\.ts$/
        );
        assert.match(plugin.resolveId('@salesforce/apex', importer), /wb\/apex\/apex\.ts$/);
        assert.equal(plugin.resolveId('lightning/button', importer), null);
    });

    it('resolves c/* to the TypeScript source under the platform namespace', () => {
        assert.match(
            plugin.resolveId('c/voiceCallModel', importer),
            /voiceCallModel\.ts\?specifier=c%2FvoiceCallModel$/
        );
    });

    it('generates labels from the labels file and flags missing ones', async () => {
        const [name, value] = Object.entries(readLabels())[0] ?? ['Voice_ToolkitUnavailable', ''];
        const id = plugin.resolveId(`@salesforce/label/c.${name}`, importer);
        assert.equal(await plugin.load(id), `export default ${JSON.stringify(value)};`);
        const missing = plugin.resolveId('@salesforce/label/c.Voice_NoSuchLabel', importer);
        assert.equal(await plugin.load(missing), 'export default "{!$Label.c.Voice_NoSuchLabel}";');
        assert.match(warnings.join('\n'), /c\.Voice_NoSuchLabel is not in CustomLabels/);
    });

    it('turns schema imports into field tokens and Apex imports into stubs', async () => {
        const field = plugin.resolveId('@salesforce/schema/VoiceCall.RelatedRecord.Name', importer);
        assert.equal(
            await plugin.load(field),
            'export default {"objectApiName":"VoiceCall","fieldApiName":"RelatedRecord.Name"};'
        );
        const apex = plugin.resolveId('@salesforce/apex/VoiceAlertController.getRecentAlerts', importer);
        assert.match(await plugin.load(apex), /apexMethod\("VoiceAlertController\.getRecentAlerts"\)/);
    });
});

describe('serve.mjs start-up errors', () => {
    const serve = (env, args = []) =>
        spawnSync(process.execPath, ['scripts/workbench/serve.mjs', '--no-watch', ...args], {
            cwd: ROOT,
            encoding: 'utf8',
            env: { ...process.env, ...env },
            timeout: 60_000
        });

    it('names the bad PORT value instead of "NaN", exit 2', () => {
        const run = serve({ PORT: 'abc' });
        assert.equal(run.status, 2);
        assert.equal(run.stderr.trim(), 'workbench: invalid port "abc" from PORT: use 0 to 65535');
    });

    it('reports a busy port before building anything, exit 1', async () => {
        const busy = createServer();
        await new Promise((resolveListen) => busy.listen(0, '127.0.0.1', () => resolveListen(undefined)));
        try {
            const { port } = /** @type {import('node:net').AddressInfo} */ (busy.address());
            const run = await new Promise((resolveRun) => {
                const child = spawn(
                    process.execPath,
                    ['scripts/workbench/serve.mjs', '--no-watch', '--port', String(port)],
                    {
                        cwd: ROOT
                    }
                );
                let out = '';
                child.stdout.on('data', (d) => (out += d));
                child.stderr.on('data', (d) => (out += d));
                child.once('exit', (code) => resolveRun({ code, out }));
            });
            assert.equal(run.code, 1);
            assert.match(run.out, new RegExp(`port ${port} is in use`));
            assert.doesNotMatch(run.out, /built in|building the components/);
        } finally {
            busy.close();
        }
    });
});
