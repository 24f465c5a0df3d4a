import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDesignAttributeFiles, propertiesOf } from './design-attributes.mjs';

/** A bundle's .js-meta.xml with one targetConfig per entry of `configs` (`[targets, propertiesXml]`). */
const meta = (...configs) => `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion>
    <isExposed>true</isExposed>
    <targetConfigs>
        ${configs.map(([targets, xml]) => `<targetConfig targets="${targets}">${xml}</targetConfig>`).join('\n')}
    </targetConfigs>
</LightningComponentBundle>`;

const hideKeypad = (extra = '') =>
    `<property name="hideKeypad" type="Boolean" default="false" label="Hide keypad" description="Hide the keypad." ${extra}/>`;

const files = (...entries) => entries.map(([path, text]) => ({ path, text }));

test('reads every property of every target config', () => {
    const properties = propertiesOf(
        'lwc/a/a.js-meta.xml',
        meta(['lightning__VoiceExtension', hideKeypad()], ['lightning__RecordPage', hideKeypad()])
    );
    assert.deepEqual(
        properties.map((p) => [p.bundle, p.target, p.name, p.type, p.default]),
        [
            ['a', 'lightning__VoiceExtension', 'hideKeypad', 'Boolean', 'false'],
            ['a', 'lightning__RecordPage', 'hideKeypad', 'Boolean', 'false']
        ]
    );
});

test('accepts a Boolean that defaults to false and a name that reads the same everywhere', () => {
    const findings = checkDesignAttributeFiles(
        files(
            ['lwc/a/a.js-meta.xml', meta(['lightning__VoiceExtension', hideKeypad()])],
            ['lwc/b/b.js-meta.xml', meta(['lightning__RecordPage', hideKeypad()])]
        )
    );
    assert.deepEqual(findings, []);
});

test('rejects a Boolean that defaults to true', () => {
    const showKeypad =
        '<property name="showKeypad" type="Boolean" default="true" label="Show keypad" description="Keypad." />';
    const findings = checkDesignAttributeFiles(
        files(['lwc/a/a.js-meta.xml', meta(['lightning__VoiceExtension', showKeypad])])
    );
    assert.equal(findings.length, 1);
    assert.match(
        findings[0],
        /showKeypad \(lightning__VoiceExtension\): a Boolean design attribute defaults to false/
    );
});

test('rejects one property name with two descriptions, two labels or two types', () => {
    const other =
        '<property name="hideKeypad" type="String" label="Keypad off" description="Something else." />';
    const findings = checkDesignAttributeFiles(
        files(
            ['lwc/a/a.js-meta.xml', meta(['lightning__VoiceExtension', hideKeypad()])],
            ['lwc/b/b.js-meta.xml', meta(['lightning__RecordPage', other])]
        )
    );
    assert.equal(findings.length, 3);
    assert.match(findings[0], /^property hideKeypad: type differs .*"Boolean" and .*"String"$/);
    assert.match(findings[1], /^property hideKeypad: label differs .*"Hide keypad" and .*"Keypad off"$/);
    assert.match(
        findings[2],
        /^property hideKeypad: description differs .*"Hide the keypad\." and .*"Something else\."$/
    );
});

test('also compares the targets of one bundle', () => {
    const reworded = hideKeypad().replace('Hide the keypad.', 'No keypad.');
    const findings = checkDesignAttributeFiles(
        files([
            'lwc/a/a.js-meta.xml',
            meta(['lightning__VoiceExtension', hideKeypad()], ['lightning__RecordPage', reworded])
        ])
    );
    assert.equal(findings.length, 1);
    assert.match(findings[0], /property hideKeypad: description differs/);
});
