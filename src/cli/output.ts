import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Io } from './io.js';

/** Pieces are written in batches of about this many characters. */
const BATCH = 1 << 16;

/**
 * Writes a report to --output FILE, or to stdout. A report given in pieces is written batch by
 * batch (stdout and files are written synchronously on Linux and macOS), so it is never held whole.
 */
export function emit(io: Io, text: string | Iterable<string>, output: string | undefined): void {
  const toFile = output !== undefined && output !== '-';
  const fd = toFile ? openSync(resolve(io.cwd, output), 'w') : undefined;
  const write = (chunk: string) => {
    if (fd === undefined) io.stdout.write(chunk);
    else writeSync(fd, chunk);
  };
  try {
    if (typeof text === 'string') {
      write(text);
      return;
    }
    let batch = '';
    for (const piece of text) {
      batch += piece;
      if (batch.length >= BATCH) {
        write(batch);
        batch = '';
      }
    }
    if (batch !== '') write(batch);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
