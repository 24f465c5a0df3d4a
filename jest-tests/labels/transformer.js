// Jest transform for LWC sources and tests: inlines the real text of every `@salesforce/label/c.*` import
// (see inlineLabels.js), then hands the module to @lwc/jest-transformer as before. Labels come from the
// CustomLabels file of every package directory in sfdx-project.json, read with the workbench's parser once
// per Jest worker; the cache key includes those files, so editing a label re-transforms its importers.
// CommonJS with an async factory: Jest awaits `createTransformer`, which lets it load the ES-module tooling.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const lwcTransformer = require('@lwc/jest-transformer');
const { inlineLabels, mergeLabels } = require('./inlineLabels');

// The mapper's own source names label ids in strings; it is the one script that is not rewritten.
const MAPPER = require.resolve('./inlineLabels');
const hasLabels = (file) => (file.endsWith('.ts') || file.endsWith('.js')) && file !== MAPPER;

async function createTransformer() {
    const { ROOT, packageDirectoryPaths } = await import('../../scripts/lwc-bundles.mjs');
    const { readLabels } = await import('../../scripts/workbench/org-metadata.mjs');
    const labelFiles = packageDirectoryPaths()
        .map((dir) => join(ROOT, dir, 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml'))
        .filter((file) => existsSync(file));
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
