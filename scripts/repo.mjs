// What every script needs from its surroundings, once: the repository root, whether a module was started as
// `node <file>` or imported, the file walker, and the command-line parser (node:util parseArgs, strict).
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * True when the module of `importMetaUrl` was started as `node <file>` rather than imported.
 * @param {string} importMetaUrl
 */
export function isMain(importMetaUrl) {
    return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(importMetaUrl);
}

/** Folders no walk enters: dependencies, VCS and Salesforce CLI state. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx']);

/**
 * Files under `dir` (a folder, a file or a list of them) that satisfy `accept`, sorted. A file is left out
 * when `skip` is true for any segment of its path below `dir`.
 * @param {string | string[]} dir
 * @param {(path: string) => boolean} [accept]
 * @param {(segment: string) => boolean} [skip]
 * @returns {string[]}
 */
export function listFiles(dir, accept = () => true, skip = (segment) => SKIPPED_DIRS.has(segment)) {
    if (Array.isArray(dir)) return dir.flatMap((one) => listFiles(one, accept, skip)).sort();
    let stats;
    try {
        stats = statSync(dir);
    } catch {
        return [];
    }
    if (stats.isFile()) return accept(dir) ? [dir] : [];
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((path) => !relative(dir, path).split(sep).some(skip))
        .filter((path) => accept(path))
        .sort();
}

/** A command line the script cannot run with; its message is one line for stderr. */
export class UsageError extends Error {}

/**
 * `util.parseArgs` in strict mode: an unknown option, a missing value or an unexpected positional is a
 * UsageError naming it (https://nodejs.org/api/util.html#utilparseargsconfig).
 * @template {NonNullable<import('node:util').ParseArgsConfig['options']>} T
 * @param {T} options
 * @param {{ args?: string[], allowPositionals?: boolean }} [config]
 */
export function readCommandLine(options, { args = process.argv.slice(2), allowPositionals = false } = {}) {
    try {
        return parseArgs({ args, options, allowPositionals, strict: true });
    } catch (error) {
        if (error instanceof TypeError && String(Reflect.get(error, 'code')).startsWith('ERR_PARSE_ARGS')) {
            // parseArgs appends advice on `--` to unknown options; the option's name is the message.
            throw new UsageError(error.message.split('\n')[0].replace(/\. To specify a positional .*$/, ''));
        }
        throw error;
    }
}

/**
 * The command line of a script run as `node <file>`: on a UsageError prints `<name>: <message>` and `usage`
 * on stderr and exits 2.
 * @template {NonNullable<import('node:util').ParseArgsConfig['options']>} T
 * @param {string} name
 * @param {string} usage
 * @param {T} options
 * @param {{ args?: string[], allowPositionals?: boolean }} [config]
 */
export function commandLineOrExit(name, usage, options, config) {
    try {
        return readCommandLine(options, config);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`${name}: ${error.message}\nusage: ${usage}\n`);
        process.exit(2);
    }
}

/**
 * The one optional positional argument (a folder, a file) of a script run as `node <file>`; no options.
 * @param {string} name
 * @param {string} usage
 * @returns {string | undefined}
 */
export function optionalArgument(name, usage) {
    const { positionals } = commandLineOrExit(name, usage, {}, { allowPositionals: true });
    if (positionals.length > 1) {
        process.stderr.write(`${name}: one argument at most\nusage: ${usage}\n`);
        process.exit(2);
    }
    return positionals[0];
}
