/**
 * Key material for EncryptionConfiguration: fresh random keys, their names, and writing the
 * config file so that only its owner can read it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type LocalProvider = 'secretbox' | 'aescbc' | 'aesgcm';
export const LOCAL_PROVIDERS: readonly LocalProvider[] = ['secretbox', 'aescbc', 'aesgcm'];

/** A random 32-byte key, base64: what `head -c 32 /dev/urandom | base64` gives. */
export function newKeySecret(): string {
  return randomBytes(32).toString('base64');
}

/** `key-20250131T120000Z`: names that sort by creation time, so rotations can tell old from new. */
export function newKeyName(now: Date, taken: ReadonlySet<string> = new Set()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let name = `key-${stamp}`;
  for (let i = 2; taken.has(name); i++) name = `key-${stamp}-${i}`;
  return name;
}

/** The creation time encoded in a greenbelt key name, or undefined for other names. */
export function keyNameTime(name: string): string | undefined {
  const match = /^key-(\d{8}T\d{6}Z)(?:-(\d+))?$/.exec(name);
  if (!match) return undefined;
  return `${match[1]}-${(match[2] ?? '1').padStart(4, '0')}`;
}

/**
 * Writes a file readable by its owner only (mode 0600), atomically: a temporary file in the same
 * directory, then a rename over the target. `exclusive` refuses to replace an existing file.
 */
export function writePrivateFile(path: string, text: string, exclusive = false): void {
  if (exclusive) {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    chmodSync(path, 0o600);
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}
