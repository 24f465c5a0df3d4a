const { inlineLabels, mergeLabels } = require('../inlineLabels');

// Built in pieces: this file goes through the label mapper too, which rejects label ids in strings.
const labelId = (name) => ['@salesforce', 'label', `c.${name}`].join('/');

const LABELS = new Map([
    ['Voice_Greeting', 'Hello "agent"'],
    ['Voice_Bye', 'Bye {0}']
]);

describe('label mapper', () => {
    it('replaces each label import by its text on the same line', () => {
        const source = [
            "import { LightningElement } from 'lwc';",
            `import GREETING from '${labelId('Voice_Greeting')}';`,
            `    import BYE from "${labelId('Voice_Bye')}"`,
            'export default GREETING + BYE;'
        ].join('\n');
        expect(inlineLabels(source, LABELS, 'x.ts').split('\n')).toEqual([
            "import { LightningElement } from 'lwc';",
            'const GREETING = "Hello \\"agent\\"";',
            '    const BYE = "Bye {0}";',
            'export default GREETING + BYE;'
        ]);
    });

    it('leaves a module without labels untouched', () => {
        const source = "import { api } from 'lwc';\n";
        expect(inlineLabels(source, LABELS, 'x.ts')).toBe(source);
    });

    it('fails for a label no CustomLabels file defines', () => {
        const source = `import TYPO from '${labelId('Voice_Gretting')}';`;
        expect(() => inlineLabels(source, LABELS, 'panel.ts')).toThrow(
            "panel.ts: label c.Voice_Gretting is not in any package directory's CustomLabels file"
        );
    });

    it('fails for a per-file label mock instead of letting it shadow the real text', () => {
        const source = `jest.mock('${labelId('Voice_Bye')}', () => ({ default: 'x' }), { virtual: true });`;
        expect(() => inlineLabels(source, LABELS, 'panel.test.ts')).toThrow(/no per-file label mocks/);
    });

    it('merges the files of several package directories and rejects one name with two texts', () => {
        const merged = mergeLabels([
            { file: 'core.xml', labels: { Voice_A: 'a' } },
            { file: 'extra.xml', labels: { Voice_B: 'b', Voice_A: 'a' } }
        ]);
        expect([...merged]).toEqual([
            ['Voice_A', 'a'],
            ['Voice_B', 'b']
        ]);
        expect(() =>
            mergeLabels([
                { file: 'core.xml', labels: { Voice_A: 'a' } },
                { file: 'extra.xml', labels: { Voice_A: 'other' } }
            ])
        ).toThrow('label Voice_A has different values in core.xml and extra.xml');
    });
});
