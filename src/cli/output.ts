import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Io } from './io.js';

/** Writes a report to --output FILE, or to stdout. */
export function emit(io: Io, text: string, output: string | undefined): void {
  if (output === undefined || output === '-') io.stdout.write(text);
  else writeFileSync(resolve(io.cwd, output), text);
}
