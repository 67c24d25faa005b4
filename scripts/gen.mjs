// Writes (or with --check, verifies) every generated file from the built library.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { generatedFiles } = await import(join(root, 'dist', 'generated.js'));
const check = process.argv.includes('--check');
const files = generatedFiles();
const stale = [];
for (const [path, content] of files) {
  const target = join(root, path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
// Generated directories hold only generated files: anything else there is left over.
for (const dir of ['docs/rules']) {
  const walk = (d) =>
    existsSync(d)
      ? readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))
      : [];
  for (const file of walk(join(root, dir))) {
    const rel = relative(root, file).split('\\').join('/');
    if (files.has(rel)) continue;
    stale.push(`${rel} (not generated any more)`);
    if (!check) rmSync(file);
  }
}
if (check && stale.length > 0) {
  console.error(`Generated files are out of date; run npm run gen:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(check ? `generated files are current (${files.size})` : `wrote ${stale.length} of ${files.size} generated files`);
