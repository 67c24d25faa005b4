// Runs every benchmark in bench/ (each bench/*.mjs except this runner), one after another.
// Benchmarks print their own figures and ratios against a baseline measured in the same run;
// timing never fails the run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== self)
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, [join(here, name)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`(${name} exited with ${result.status ?? result.signal})`);
  }
}
console.log(
  `\n${benches.length} benchmark${benches.length === 1 ? '' : 's'} run${failed ? `, ${failed} could not complete` : ''}`,
);
