/**
 * Tests that run the real command (`node dist/cli/main.js`) or import the built package need an
 * up-to-date dist/. `npm ci` builds it; this rebuilds it when a source file is newer than the
 * build (a local edit), so those tests never run stale code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newest(directory: string): number {
  let latest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const stamp = join(root, 'dist', 'cli', 'main.js');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built >= newest(join(root, 'src'))) return;
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    // A type error still emits JavaScript; only a missing build is fatal.
    if (!existsSync(stamp)) throw error;
  }
}
