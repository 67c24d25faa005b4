/**
 * Finding and reading input files. Every failure becomes a ScanError naming the file; nothing
 * here throws for bad input. Directories are walked recursively (skipping .git and node_modules
 * and whatever .greenbelt-ignore files exclude); symbolic links are followed, with loops detected.
 */
import {
  closeSync,
  createReadStream,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ScanError } from '../core/finding.js';
import { SourceText } from '../core/source.js';

export const IGNORE_FILE = '.greenbelt-ignore';
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
export const DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024;

/** gitignore-style patterns relative to a base directory (the config file's, or the working directory). */
export interface ExcludeScope {
  base: string;
  patterns: readonly string[];
}

export interface WalkOptions {
  cwd: string;
  /** gitignore-style patterns applied to every walked path, each list relative to its base. */
  exclude?: readonly ExcludeScope[];
  /** Decides whether a file found in a directory is worth reading (by its name). */
  wanted(name: string, path: string): boolean;
  /** Whether a handler claims the name outright: a broken link is reported only for such names. */
  claimed?(name: string, path: string): boolean;
}

export interface FoundFile {
  /** The path as the user gave it, or joined onto a directory the user gave. */
  path: string;
  absolute: string;
  /** Named on the command line (read even if no handler claims its name). */
  explicit: boolean;
  /** A pipe or character device named on the command line (`<(cmd)`, `/dev/stdin`): read as a stream. */
  stream?: boolean;
}

export interface WalkResult {
  files: FoundFile[];
  errors: ScanError[];
  /** Files seen but not read, and why, for --verbose. */
  ignored: { path: string; reason: string }[];
}

interface IgnoreScope {
  base: string;
  matcher: Ignore;
}

export function walk(paths: readonly string[], options: WalkOptions): WalkResult {
  const files: FoundFile[] = [];
  const errors: ScanError[] = [];
  const ignored: WalkResult['ignored'] = [];
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();
  const excludes: IgnoreScope[] = (options.exclude ?? [])
    .filter((scope) => scope.patterns.length > 0)
    .map((scope) => ({ base: scope.base, matcher: ignore().add([...scope.patterns]) }));

  const candidateOf = (base: string, absolute: string, directory: boolean): string | undefined => {
    const rel = relative(base, absolute);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/') + (directory ? '/' : '');
  };

  /**
   * Excluded by config or command line, or by the .greenbelt-ignore files on the way, where (as
   * in git) the deepest file with a matching pattern decides, so a nested file can re-include
   * (`!keep.yaml`) what a file above it excluded.
   */
  const isIgnored = (absolute: string, directory: boolean, scopes: readonly IgnoreScope[]): boolean => {
    for (const scope of excludes) {
      const candidate = candidateOf(scope.base, absolute, directory);
      if (candidate !== undefined && scope.matcher.ignores(candidate)) return true;
    }
    for (let i = scopes.length - 1; i >= 0; i--) {
      const scope = scopes[i] as IgnoreScope;
      const candidate = candidateOf(scope.base, absolute, directory);
      if (candidate === undefined) continue;
      const verdict = scope.matcher.test(candidate);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  };

  /** `knownReal`: the real path, when the caller knows it (a plain file in a directory whose real path is known). */
  const addFile = (display: string, absolute: string, explicit: boolean, stream = false, knownReal?: string): void => {
    let real: string;
    if (knownReal !== undefined) real = knownReal;
    else {
      try {
        real = realpathSync(absolute);
      } catch {
        real = absolute;
      }
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(stream ? { path: display, absolute, explicit, stream } : { path: display, absolute, explicit });
  };

  const visitDirectory = (display: string, absolute: string, scopes: IgnoreScope[], stack: string[]): void => {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (error) {
      errors.push(fsError(display, error, 'directory'));
      return;
    }
    if (stack.includes(real)) {
      errors.push({
        file: display,
        line: 1,
        column: 1,
        message: `symbolic link loop: ${display} leads back to ${real}, which is already being scanned; not followed`,
      });
      return;
    }
    if (seenDirectories.has(real)) return;
    seenDirectories.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      errors.push(fsError(display, error, 'directory'));
      return;
    }
    let local = scopes;
    if (entries.some((entry) => entry.name === IGNORE_FILE)) {
      try {
        local = [...scopes, { base: absolute, matcher: ignore().add(readFileSync(join(absolute, IGNORE_FILE), 'utf8')) }];
      } catch (error) {
        errors.push(fsError(join(display, IGNORE_FILE), error));
      }
    }
    const nextStack = [...stack, real];
    for (const entry of entries) {
      const name = entry.name;
      if (SKIPPED_DIRECTORIES.has(name)) continue;
      const childAbsolute = join(absolute, name);
      const childDisplay = join(display, name);
      if (entry.isFile()) {
        // A plain file (not a link): no stat needed, and its real path is its directory's plus its name.
        if (isIgnored(childAbsolute, false, local)) continue;
        if (options.wanted(name, childDisplay)) addFile(childDisplay, childAbsolute, false, false, join(real, name));
        else ignored.push({ path: childDisplay, reason: 'not a file type greenbelt checks' });
        continue;
      }
      let stats: Stats;
      try {
        stats = statSync(childAbsolute);
      } catch (error) {
        // A dangling or looping symbolic link: an error when it has the name of a file greenbelt
        // reads, otherwise not greenbelt's business.
        if (isIgnored(childAbsolute, false, local)) continue;
        if ((options.claimed ?? options.wanted)(name, childDisplay)) errors.push(fsError(childDisplay, error));
        else
          ignored.push({
            path: childDisplay,
            reason: `${fsError(childDisplay, error).message}; not a file type greenbelt checks`,
          });
        continue;
      }
      if (stats.isDirectory()) {
        if (isIgnored(childAbsolute, true, local)) continue;
        visitDirectory(childDisplay, childAbsolute, local, nextStack);
      } else if (stats.isFile()) {
        if (isIgnored(childAbsolute, false, local)) continue;
        if (options.wanted(name, childDisplay)) addFile(childDisplay, childAbsolute, false);
        else ignored.push({ path: childDisplay, reason: 'not a file type greenbelt checks' });
      } else if (!isIgnored(childAbsolute, false, local)) {
        // Sockets, pipes and devices found while walking are never opened: a pipe would block.
        ignored.push({ path: childDisplay, reason: `${kindOf(stats)}, not a regular file; not read` });
      }
    }
  };

  for (const given of paths) {
    const absolute = resolve(options.cwd, given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      errors.push(fsError(given, error));
      continue;
    }
    if (stats.isDirectory()) {
      // Ignore files above the given directory (up to cwd) apply too, as in git.
      visitDirectory(given, absolute, ancestorScopes(options.cwd, absolute), []);
    } else if (stats.isFile()) {
      addFile(given, absolute, true);
    } else if (stats.isFIFO() || stats.isCharacterDevice()) {
      // Named on the command line (`greenbelt scan <(kustomize build)`): read it, as cat would.
      addFile(given, absolute, true, true);
    } else {
      errors.push({ file: given, line: 1, column: 1, message: `${kindOf(stats)}, not a regular file; not read` });
    }
  }
  return { files, errors, ignored };
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Reads a pipe or device named on the command line, up to the size limit. */
export async function readNamedStream(file: FoundFile, maxFileSize: number): Promise<ReadOutcome> {
  try {
    const stream = createReadStream(file.absolute, { highWaterMark: 64 * 1024 });
    try {
      return await readStream(file.path, stream, maxFileSize);
    } finally {
      stream.destroy();
    }
  } catch (error) {
    return { ok: false, error: fsError(file.path, error) };
  }
}

function ancestorScopes(cwd: string, directory: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  const rel = relative(cwd, directory);
  if (rel.startsWith('..') || isAbsolute(rel)) return scopes;
  let current = dirname(directory);
  const chain: string[] = [];
  while (current.length >= cwd.length && current !== directory) {
    chain.unshift(current);
    if (current === cwd) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const base of chain) {
    try {
      scopes.push({ base, matcher: ignore().add(readFileSync(join(base, IGNORE_FILE), 'utf8')) });
    } catch {
      // none
    }
  }
  return scopes;
}

export function fsError(file: string, error: unknown, what: 'file' | 'directory' = 'file'): ScanError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  let message: string;
  switch (code) {
    case 'ENOENT':
      message = 'no such file or directory (or a broken symbolic link)';
      break;
    case 'EACCES':
    case 'EPERM':
      message =
        what === 'directory' ? 'permission denied: the directory cannot be listed' : 'permission denied: the file cannot be read';
      break;
    case 'ELOOP':
      message = 'symbolic link loop: too many levels of symbolic links';
      break;
    case 'EISDIR':
      message = 'is a directory';
      break;
    case 'ENAMETOOLONG':
      message = 'file name too long';
      break;
    default:
      message = `cannot read: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { file, line: 1, column: 1, message };
}

export type ReadOutcome = { ok: true; source: SourceText } | { ok: false; error: ScanError };

/**
 * Reads a file as text. Refuses files over the size limit, binary content (a NUL byte in the
 * first 8 KiB, as git decides), text that is not valid UTF-8, and empty files.
 */
export function readSource(file: FoundFile, maxFileSize: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(file.absolute, 'r');
  } catch (error) {
    return { ok: false, error: fsError(file.path, error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      return { ok: false, error: { file: file.path, line: 1, column: 1, message: 'not a regular file; not read' } };
    }
    if (stats.size > maxFileSize) {
      return {
        ok: false,
        error: {
          file: file.path,
          line: 1,
          column: 1,
          message: `file is ${formatBytes(stats.size)}, over the ${formatBytes(maxFileSize)} limit; not scanned (raise it with --max-file-size)`,
        },
      };
    }
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decode(file.path, buffer.subarray(0, read));
  } catch (error) {
    return { ok: false, error: fsError(file.path, error) };
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decode(path: string, buffer: Uint8Array): ReadOutcome {
  const headLength = Math.min(buffer.length, 8000);
  for (let i = 0; i < headLength; i++) {
    if (buffer[i] === 0) {
      const utf16 =
        buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
      if (utf16) {
        const text = new TextDecoder(buffer[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buffer);
        return nonEmpty(path, text);
      }
      const at = positionOfByte(buffer, i);
      return { ok: false, error: { file: path, ...at, message: 'binary file (contains NUL bytes); not scanned' } };
    }
  }
  let text: string;
  try {
    text = decoder.decode(buffer);
  } catch {
    const at = positionOfByte(buffer, firstInvalidUtf8(buffer));
    return { ok: false, error: { file: path, ...at, message: 'not valid UTF-8 text (a binary file?); not scanned' } };
  }
  return nonEmpty(path, text);
}

function nonEmpty(path: string, text: string): ReadOutcome {
  if (text.trim() === '') {
    return { ok: false, error: { file: path, line: 1, column: 1, message: 'empty file: nothing to scan' } };
  }
  return { ok: true, source: new SourceText(path, text) };
}

function positionOfByte(buffer: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < buffer.length; i++) {
    if (buffer[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function firstInvalidUtf8(buffer: Uint8Array): number {
  let i = 0;
  while (i < buffer.length) {
    const b = buffer[i] as number;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = buffer[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, buffer.length - 1);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Reads all of standard input (or any stream) as a source. */
export async function readStream(
  path: string,
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxFileSize: number,
): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxFileSize) {
      return {
        ok: false,
        error: { file: path, line: 1, column: 1, message: `input is over the ${formatBytes(maxFileSize)} limit; not scanned` },
      };
    }
    chunks.push(buffer);
  }
  return decode(path, Buffer.concat(chunks));
}

/** The first bytes of a file, for content detection, without reading all of it. */
export function readHead(absolute: string, bytes = 4096): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    const head = buffer.subarray(0, n);
    if (head.includes(0)) return undefined;
    return head.toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export { basename };
