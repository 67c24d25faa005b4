// Runs every benchmark in bench/ (each `*.mjs` except this runner), one after another, in fresh
// Node processes so that one benchmark's memory does not weigh on the next. The targets are for
// one core, so where `taskset` exists (Linux) each benchmark is pinned to one CPU: V8's helper
// threads (concurrent marking, compilation) then share that core instead of using idle ones.
// Benchmarks print their own figures and ratios; timings never fail the run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== self)
  .sort();
const pin = spawnSync('taskset', ['-c', '0', process.execPath, '-e', ''], { stdio: 'ignore' }).status === 0;
process.stdout.write(
  pin
    ? 'each benchmark runs pinned to CPU 0 (taskset -c 0)\n'
    : 'taskset is not available: benchmarks are not pinned to one CPU\n',
);
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n== ${name}\n`);
  const args = ['--expose-gc', join(here, name)];
  const result = pin
    ? spawnSync('taskset', ['-c', '0', process.execPath, ...args], { stdio: 'inherit' })
    : spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${name} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
