'use strict';

const js = require('@eslint/js');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const lightning = require('@salesforce/eslint-plugin-lightning');
const tseslint = require('typescript-eslint');

// Every package directory of sfdx-project.json ships components under the same rules.
const packageDirs = require('./sfdx-project.json').packageDirectories.map((entry) => entry.path);
const inPackages = (pattern) => packageDirs.map((dir) => `${dir}/${pattern}`);

// Escape hatches the house style forbids, expressed for the babel-TS parser the LWC config uses.
// `no-undef`/`no-unused-vars` cannot see TypeScript types through that parser; tsc (strict,
// noUnusedLocals, noUnusedParameters) owns both checks for .ts files.
const strictTypeRules = {
    'no-undef': 'off',
    'no-unused-vars': 'off',
    'no-void': ['error', { allowAsStatement: true }],
    'no-restricted-syntax': [
        'error',
        { selector: 'TSAnyKeyword', message: 'No `any`: use `unknown` and a type guard.' },
        {
            selector: 'TSNonNullExpression[expression.type="TSNonNullExpression"]',
            message: 'Double non-null assertion.'
        }
    ],
    'no-warning-comments': [
        'error',
        { terms: ['@ts-ignore', '@ts-nocheck', '@ts-expect-error'], location: 'anywhere' }
    ]
};

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            '.workbench/**',
            'artifacts/**',
            '.sf/**',
            '.sfdx/**',
            ...inPackages('**/lwc/**/*.js'),
            'scripts/checks/fixtures/**',
            '**/*.d.ts'
        ]
    },
    // Shipped components: the LWC recommended rules (no-inner-html, no-async-operation, no-document-query, ...).
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: inPackages('**/lwc/**/*.ts') })),
    {
        files: inPackages('**/lwc/**/*.ts'),
        plugins: { '@salesforce/lightning': lightning },
        // Relative imports inside a bundle name `.ts` sources (the emitted `.js` exists only during a build).
        settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
        rules: {
            ...strictTypeRules,
            '@salesforce/lightning/no-aura-localization-service': 'error',
            '@salesforce/lightning/no-moment': 'error',
            '@salesforce/lightning/valid-apex-method-invocation': 'error',
            'no-console': 'error'
        }
    },
    // Jest tests and mocks run in jsdom with jest globals; timers are legitimate there.
    {
        files: [...inPackages('**/__tests__/**/*.ts'), 'jest-tests/**/*.ts'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-document-query': 'off',
            'no-console': 'off'
        }
    },
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: ['jest-tests/**/*.ts'] })),
    {
        files: ['jest-tests/**/*.ts'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            ...strictTypeRules,
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-document-query': 'off'
        }
    },
    // Workbench shell (dev only, never deployed): browser code on the same LWC rules, without the
    // platform-only restrictions. The babel-TS parser misreads interface members named `name`/`event` as
    // globals and type declarations as use-before-define; tsc owns those checks here.
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: ['workbench/**/*.ts'] })),
    {
        files: ['workbench/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } },
        rules: {
            ...strictTypeRules,
            'no-restricted-globals': 'off',
            'no-use-before-define': 'off',
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-document-query': 'off'
        }
    },
    // Voximplant Kit connector, relay and simulator (Node + one browser bundle): typescript-eslint's
    // recommended rules on top of the house escape-hatch bans.
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: ['connectors/voximplant/**/*.ts']
    })),
    {
        files: ['connectors/voximplant/**/*.ts'],
        languageOptions: { globals: { ...globals.node, ...globals.browser } },
        rules: { ...strictTypeRules, '@typescript-eslint/no-explicit-any': 'error' }
    },
    // Node tooling.
    {
        files: ['**/*.mjs', '**/*.cjs', '*.js', 'jest-tests/**/*.js', '.ci/**/*.js'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 2024,
            sourceType: 'module',
            globals: { ...globals.node }
        },
        rules: {
            ...js.configs.recommended.rules,
            'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['*.js', 'jest-tests/**/*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } }
    }
];
