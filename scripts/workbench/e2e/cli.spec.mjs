// The workbench's command line, without a browser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../lwc-bundles.mjs';

test('npm start -- --scenario <invalid file> prints one line and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scv-e2e-'));
    try {
        const file = join(dir, 'broken.json');
        writeFileSync(file, JSON.stringify({ name: 'broken', events: [{ at: -1, type: 'mute' }] }));
        const run = spawnSync(
            process.execPath,
            ['scripts/workbench/serve.mjs', '--port', '0', '--scenario', file],
            { cwd: ROOT, encoding: 'utf8', timeout: 30_000 }
        );
        expect(run.status, `stderr: ${run.stderr}`).toBe(2);
        const lines = run.stderr.trim().split('\n');
        expect(lines, `stderr was: ${run.stderr}`).toHaveLength(1);
        expect(lines[0]).toContain('events[0].at');
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
