// The shared script plumbing: the walker and the strict command-line parser.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ROOT, UsageError, isMain, listFiles, readCommandLine } from './repo.mjs';

describe('listFiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scv-repo-'));
    for (const file of ['a.ts', 'sub/b.ts', 'sub/c.md', 'node_modules/x/d.ts', 'sub/__tests__/e.ts']) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), '');
    }
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('walks every level, sorted, and never enters node_modules', () => {
        const found = listFiles(dir, (path) => path.endsWith('.ts'));
        assert.deepEqual(found, [join(dir, 'a.ts'), join(dir, 'sub/__tests__/e.ts'), join(dir, 'sub/b.ts')]);
    });

    test('a skip rule prunes by path segment; a file or a missing path is its own answer', () => {
        const found = listFiles(
            dir,
            () => true,
            (segment) => segment === '__tests__' || segment === 'node_modules'
        );
        assert.deepEqual(found, [join(dir, 'a.ts'), join(dir, 'sub/b.ts'), join(dir, 'sub/c.md')]);
        assert.deepEqual(listFiles(join(dir, 'a.ts')), [join(dir, 'a.ts')]);
        assert.deepEqual(listFiles(join(dir, 'missing')), []);
        assert.deepEqual(listFiles([join(dir, 'sub/c.md'), join(dir, 'a.ts')]), [
            join(dir, 'a.ts'),
            join(dir, 'sub/c.md')
        ]);
    });
});

describe('readCommandLine', () => {
    /** @satisfies {NonNullable<import('node:util').ParseArgsConfig['options']>} */
    const options = { calls: { type: 'string' }, keep: { type: 'boolean' } };

    test('reads known options and positionals when allowed', () => {
        const { values, positionals } = readCommandLine(options, {
            args: ['--calls', '12', '--keep', 'file.json'],
            allowPositionals: true
        });
        assert.deepEqual({ ...values }, { calls: '12', keep: true });
        assert.deepEqual(positionals, ['file.json']);
    });

    test('an unknown option, a missing value or a stray positional is a UsageError naming it', () => {
        assert.throws(
            () => readCommandLine(options, { args: ['--cals', '3'] }),
            (error) => error instanceof UsageError && /Unknown option '--cals'/.test(error.message)
        );
        assert.throws(() => readCommandLine(options, { args: ['--calls'] }), UsageError);
        assert.throws(() => readCommandLine(options, { args: ['stray'] }), /Unexpected argument 'stray'/);
    });
});

test('ROOT is the repository and isMain is false for an imported module', () => {
    assert.equal(ROOT, join(import.meta.dirname, '..'));
    assert.equal(isMain(new URL('./repo.mjs', import.meta.url).href), false);
});

test('a script started with an unknown option names it, prints its usage and exits 2', () => {
    const run = spawnSync(process.execPath, ['scripts/run-gates.mjs', '--onyl', 'lint'], {
        cwd: ROOT,
        encoding: 'utf8'
    });
    assert.equal(run.status, 2);
    assert.equal(
        run.stderr,
        "run-gates: Unknown option '--onyl'\nusage: node scripts/run-gates.mjs [--only a,b] [--skip a,b]\n"
    );
    assert.equal(run.stdout, '');
});
