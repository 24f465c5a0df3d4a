// Rollup plugin: maps the platform modules a Salesforce org provides onto the workbench's local adapters,
// generates the org-derived modules (labels, schema tokens, Apex stubs, the component registry) and strips
// TypeScript before @lwc/rollup-plugin compiles it. Component code is never edited: only module ids change.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { transform } from 'esbuild';
import { ROOT, bundleDir } from '../lwc-bundles.mjs';
import { readBundles, readLabels, readObjects } from './org-metadata.mjs';

export const WORKBENCH_DIR = join(ROOT, 'workbench');
export const WB_MODULES_DIR = join(WORKBENCH_DIR, 'lwc');
const WB_NAMESPACE_DIR = join(WB_MODULES_DIR, 'wb');
const VIRTUAL = '\0wb-virtual:';

/** Platform module → workbench module that stands in for it. */
const ALIASES = {
    'lightning/serviceCloudVoiceToolkitApi': 'wb/toolkitSimulator',
    'lightning/uiRecordApi': 'wb/uiRecordApi',
    'lightning/uiObjectInfoApi': 'wb/uiRecordApi',
    'lightning/empApi': 'wb/empApi',
    'lightning/navigation': 'wb/navigation',
    'lightning/platformWorkspaceApi': 'wb/workspaceApi',
    'lightning/platformShowToastEvent': 'wb/platformShowToastEvent',
    'lightning/messageService': 'wb/messageService',
    'lightning/refresh': 'wb/refresh',
    'lightning/flow': 'wb/flowStandIn',
    '@salesforce/apex': 'wb/apex'
};

/** Values an org would inline for @salesforce/* scoped imports that have no fixture of their own. */
export const USER_ID = '005WB0000000001AAA';
const SCOPED_DEFAULTS = {
    '@salesforce/user/Id': USER_ID,
    '@salesforce/user/isGuest': false,
    '@salesforce/community/Id': undefined,
    '@salesforce/client/formFactor': 'Large',
    '@salesforce/i18n/lang': 'en-US',
    '@salesforce/i18n/locale': 'en-US',
    '@salesforce/i18n/timeZone': 'UTC',
    '@salesforce/i18n/currency': 'USD',
    '@salesforce/i18n/dir': 'ltr'
};

const isInNodeModules = (file) => file.includes(`${sep}node_modules${sep}`);

/** `c/<name>` or `wb/<name>` → its source file (TypeScript first: an emitted .js may be stale). */
function moduleFile(baseDir, name) {
    for (const ext of ['ts', 'js']) {
        const file = join(baseDir, name, `${name}.${ext}`);
        if (existsSync(file)) return file;
    }
    return undefined;
}

function schemaToken(path) {
    const [objectApiName, ...rest] = path.split('.');
    return rest.length ? { objectApiName, fieldApiName: rest.join('.') } : { objectApiName };
}

/**
 * @param {{ onWarning?: (message: string) => void, brokenBundles?: () => Map<string, string> }} [options]
 *   brokenBundles: bundles that do not compile (see bundle-health.mjs); the registry leaves them unmounted.
 */
export function platformModules(options = {}) {
    const warn = options.onWarning ?? (() => {});
    const brokenBundles = options.brokenBundles ?? (() => new Map());
    let labels = {};
    let warnedLabels = new Set();

    const generators = {
        label(name) {
            if (!(name in labels) && !warnedLabels.has(name)) {
                warnedLabels.add(name);
                warn(
                    `label c.${name} is not in CustomLabels.labels-meta.xml (the org would reject the deploy)`
                );
            }
            return `export default ${JSON.stringify(labels[name] ?? `{!$Label.c.${name}}`)};`;
        },
        schema: (path) => `export default ${JSON.stringify(schemaToken(path))};`,
        apex: (name) =>
            `import { apexMethod } from 'wb/apex';\nexport default apexMethod(${JSON.stringify(name)});`,
        channel: (name) => `export default ${JSON.stringify({ channel: name })};`,
        scoped: (id) => `export default ${JSON.stringify(SCOPED_DEFAULTS[id] ?? false)};`,
        registry: () => registryModule(brokenBundles()),
        labels: () => `export default ${JSON.stringify(labels)};`,
        objects: () => `export default ${JSON.stringify(readObjects())};`
    };

    return {
        name: 'workbench-platform-modules',
        buildStart() {
            labels = readLabels();
            warnedLabels = new Set();
        },
        resolveId(importee, importer) {
            if (importee.startsWith(VIRTUAL)) return importee;
            const importerFile = importer?.split('?')[0];
            if (importee.startsWith('.') && importerFile && importee.endsWith('.js')) {
                // TS-style `./x.js` specifier pointing at a `.ts` source.
                const target = resolve(dirname(importerFile), importee);
                const ts = target.replace(/\.js$/, '.ts');
                if (!existsSync(target) && existsSync(ts)) return ts;
                return null;
            }
            const fromOurCode = importerFile !== undefined && !isInNodeModules(importerFile);
            const aliased = ALIASES[importee];
            if (aliased && (fromOurCode || importee.startsWith('lightning/'))) {
                return moduleFile(WB_NAMESPACE_DIR, aliased.slice(3));
            }
            if (importee.startsWith('wb/')) return moduleFile(WB_NAMESPACE_DIR, importee.slice(3)) ?? null;
            if (importee.startsWith('c/')) {
                const name = importee.slice(2);
                const home = bundleDir(name);
                const file = home ? moduleFile(dirname(home), name) : undefined;
                // The specifier gives @lwc/rollup-plugin the namespace `c` the platform uses.
                return file ? `${file}?specifier=${encodeURIComponent(`c/${name}`)}` : null;
            }
            if (importee.startsWith('@workbench/')) return `${VIRTUAL}${importee.slice(11)}:`;
            if (!fromOurCode) return null;
            if (importee.startsWith('@salesforce/label/c.')) return `${VIRTUAL}label:${importee.slice(20)}`;
            if (importee.startsWith('@salesforce/schema/')) return `${VIRTUAL}schema:${importee.slice(19)}`;
            if (importee.startsWith('@salesforce/apex/')) return `${VIRTUAL}apex:${importee.slice(17)}`;
            if (importee.startsWith('@salesforce/messageChannel/')) {
                return `${VIRTUAL}channel:${importee.slice(27)}`;
            }
            if (importee.startsWith('@salesforce/')) return `${VIRTUAL}scoped:${importee}`;
            return null;
        },
        async load(id) {
            if (id.startsWith(VIRTUAL)) {
                const body = id.slice(VIRTUAL.length);
                const colon = body.indexOf(':');
                return generators[body.slice(0, colon)](body.slice(colon + 1));
            }
            const file = id.split('?')[0];
            if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
            const result = await transform(readFileSync(file, 'utf8'), {
                loader: 'ts',
                target: 'esnext',
                sourcefile: file,
                tsconfigRaw: {
                    compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false }
                }
            });
            return result.code;
        }
    };
}

/**
 * Every bundle's App Builder facts, plus the constructors of the exposed UI components that compile.
 * @param {Map<string, string>} broken
 */
function registryModule(broken) {
    const bundles = readBundles();
    const imports = [];
    const entries = bundles.map((bundle) => {
        const error = broken.get(bundle.name);
        const mountable = bundle.exposed && bundle.hasTemplate && !error;
        if (mountable) imports.push(`import C${imports.length} from 'c/${bundle.name}';`);
        const ctor = mountable ? `C${imports.length - 1}` : 'undefined';
        return `{ ...${JSON.stringify({ ...bundle, error })}, ctor: ${ctor} }`;
    });
    return `${imports.join('\n')}\nexport default [\n${entries.join(',\n')}\n];\n`;
}
