// Jest transform for LWC sources and tests: inlines the real text of every `@salesforce/label/c.*` import
// (see inlineLabels.js), then hands the module to @lwc/jest-transformer as before. Labels come from every
// labels file of every package directory in sfdx-project.json, read with the workbench's parser once per
// Jest worker; the cache key includes those files, so editing a label re-transforms its importers.
// CommonJS with an async factory: Jest awaits `createTransformer`, which lets it load the ES-module tooling.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const lwcTransformer = require('@lwc/jest-transformer');
const { inlineLabels, mergeLabels } = require('./inlineLabels');

// The mapper's own source names label ids in strings; it is the one script that is not rewritten.
const MAPPER = require.resolve('./inlineLabels');
const hasLabels = (file) => (file.endsWith('.ts') || file.endsWith('.js')) && file !== MAPPER;

async function createTransformer() {
    const { defaultSourceDir, listFiles } = await import('../../scripts/checks/lib-files.mjs');
    const { readLabels } = await import('../../scripts/workbench/org-metadata.mjs');
    // A DX project's label files may sit in any folder of a package directory
    // (https://developer.salesforce.com/docs/platform/lwc/guide/create-labels).
    const labelFiles = listFiles(defaultSourceDir, (file) => file.endsWith('.labels-meta.xml'));
    const labels = mergeLabels(labelFiles.map((file) => ({ file, labels: readLabels(file) })));
    const labelsHash = labelFiles
        .reduce((hash, file) => hash.update(readFileSync(file)), createHash('md5'))
        .digest('hex');
    return {
        process(source, file, options) {
            const input = hasLabels(file) ? inlineLabels(source, labels, file) : source;
            return lwcTransformer.process(input, file, options);
        },
        getCacheKey(source, file, options) {
            return `${lwcTransformer.getCacheKey(source, file, options)}:${labelsHash}`;
        }
    };
}

module.exports = { createTransformer };
