// `npm test`: every offline quality gate, in order, each as its own npm script. All gates run even
// when one fails, so one run shows everything that is wrong; the exit code is non-zero if any failed.
//   node scripts/run-gates.mjs [--only a,b] [--skip a,b]
import { spawnSync } from 'node:child_process';
import { ROOT, commandLineOrExit } from './repo.mjs';

export const GATES = [
    ['format', 'format:check'],
    ['lint', 'lint'],
    ['typecheck', 'typecheck'],
    ['jest', 'test:unit:coverage'],
    ['tooling', 'test:tooling'],
    ['build', 'build'],
    ['apex', 'apex:check'],
    ['flow', 'flow:check'],
    ['metadata', 'metadata:check'],
    ['e2e', 'test:e2e'],
    ['voximplant', 'voximplant:test']
];

const { values } = commandLineOrExit('run-gates', 'node scripts/run-gates.mjs [--only a,b] [--skip a,b]', {
    only: { type: 'string' },
    skip: { type: 'string' }
});
const only = values.only === undefined ? undefined : new Set(values.only.split(','));
const skip = new Set(values.skip?.split(',') ?? []);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];

for (const [gate, script] of GATES) {
    if ((only && !only.has(gate)) || skip.has(gate)) continue;
    console.log(`\n=== gate ${gate} (npm run ${script}) ===`);
    const started = Date.now();
    const run = spawnSync(npm, ['run', '--silent', script], {
        cwd: ROOT,
        stdio: 'inherit',
        env: process.env
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ gate, ok: run.status === 0, seconds });
    console.log(
        `=== gate ${gate}: ${run.status === 0 ? 'passed' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds}s ===`
    );
}

console.log('\nGate summary');
for (const { gate, ok, seconds } of results)
    console.log(`  ${ok ? 'pass' : 'FAIL'}  ${gate.padEnd(10)} ${seconds}s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`gates: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
