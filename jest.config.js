const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Coverage spans the components of every package directory of sfdx-project.json.
const packageDirs = require('./sfdx-project.json').packageDirectories.map((entry) => entry.path);

const setupFilesAfterEnv = jestConfig.setupFilesAfterEnv || [];
setupFilesAfterEnv.push('<rootDir>/jest-tests/jest-sa11y-setup.js');

// Every LWC source and test goes through the label mapper: `@salesforce/label/c.*` imports read the real text
// of the CustomLabels files, and an unknown label fails the test file (jest-tests/labels/).
const LWC_TRANSFORM = '^.+\\.(js|ts|html|css)$';
if (!(LWC_TRANSFORM in jestConfig.transform)) throw new Error('sfdx-lwc-jest changed its transform key');

module.exports = {
    ...jestConfig,
    transform: { ...jestConfig.transform, [LWC_TRANSFORM]: '<rootDir>/jest-tests/labels/transformer.js' },
    moduleNameMapper: {
        // Tests import shared helpers, mocks' control objects and fixtures as `@jest-tests/...` (tsconfig paths
        // has the same alias for typecheck).
        '^@jest-tests/(.*)$': '<rootDir>/jest-tests/$1',
        '^lightning/serviceCloudVoiceToolkitApi$':
            '<rootDir>/jest-tests/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi',
        '^lightning/navigation$': '<rootDir>/jest-tests/lightning/navigation/navigation',
        '^lightning/platformWorkspaceApi$':
            '<rootDir>/jest-tests/lightning/platformWorkspaceApi/platformWorkspaceApi',
        '^lightning/uiRecordApi$': '<rootDir>/jest-tests/lightning/uiRecordApi/uiRecordApi',
        '^lightning/empApi$': '<rootDir>/jest-tests/lightning/empApi/empApi',
        '^lightning/flow$': '<rootDir>/jest-tests/lightning/flow/flow',
        '^lightning/platformShowToastEvent$':
            '<rootDir>/jest-tests/lightning/platformShowToastEvent/platformShowToastEvent'
    },
    setupFilesAfterEnv,
    testPathIgnorePatterns: [
        ...jestConfig.testPathIgnorePatterns,
        '<rootDir>/scripts/',
        '<rootDir>/.workbench/',
        // node:test suites, run by `npm run voximplant:test`.
        '<rootDir>/connectors/'
    ],
    collectCoverageFrom: [
        ...packageDirs.flatMap((dir) => [`${dir}/**/lwc/**/*.ts`, `!${dir}/**/lwc/**/*.d.ts`]),
        '!**/__tests__/**'
    ],
    coverageThreshold: {
        global: { lines: 90, branches: 90, functions: 90, statements: 90 }
    },
    testTimeout: 10000
};
