// Pure part of the Jest label mapper (transformer.mjs wires it in). The LWC Jest transformer turns a label
// import into `try { require(...) } catch { 'c.Name' }`, so a misspelled label would pass as its own name.
// Replacing the import with the label's text before that transformer runs makes tests see what the org
// shows, and an unknown label a transform error that fails the test file.

// `import NAME from '@salesforce/label/c.Label';` — the only shape the platform accepts for labels
// (https://developer.salesforce.com/docs/platform/lwc/guide/create-labels).
const LABEL_IMPORT =
    /^([ \t]*)import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])@salesforce\/label\/c\.([A-Za-z]\w*)\3;?/gm;
// A label id left in a string after the rewrite: a per-file `jest.mock` of a label, or an import shape
// the rewrite does not know.
const LEFTOVER_LABEL_ID = /['"`]@salesforce\/label\//;

/**
 * Merges the `{ Name: text }` maps of several CustomLabels files; a name defined twice with different
 * text is an error (the org holds one value per label).
 * @param {Array<{ file: string, labels: Record<string, string> }>} sources
 * @returns {Map<string, string>}
 */
function mergeLabels(sources) {
    const merged = new Map();
    const origin = new Map();
    for (const { file, labels } of sources) {
        for (const [name, text] of Object.entries(labels)) {
            if (merged.has(name) && merged.get(name) !== text) {
                throw new Error(`label ${name} has different values in ${origin.get(name)} and ${file}`);
            }
            merged.set(name, text);
            origin.set(name, file);
        }
    }
    return merged;
}

/**
 * Rewrites each label import of `source` into a constant holding the label's text, on the same line so
 * line numbers in stack traces stay right.
 * @param {string} source module source (TypeScript or JavaScript)
 * @param {Map<string, string>} labels label name → text
 * @param {string} file the module's path, for error messages
 * @returns {string}
 */
function inlineLabels(source, labels, file) {
    if (!source.includes('@salesforce/label/')) return source;
    const rewritten = source.replace(LABEL_IMPORT, (_match, indent, binding, _quote, name) => {
        if (!labels.has(name)) {
            throw new Error(`${file}: label c.${name} is not in any package directory's CustomLabels file`);
        }
        return `${indent}const ${binding} = ${JSON.stringify(labels.get(name))};`;
    });
    if (LEFTOVER_LABEL_ID.test(rewritten)) {
        throw new Error(
            `${file}: a label id (@salesforce/label/…) outside a default import of one label ` +
                '(tests read the real text from the CustomLabels files: no per-file label mocks)'
        );
    }
    return rewritten;
}

module.exports = { inlineLabels, mergeLabels };
