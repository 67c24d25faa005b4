/**
 * Loading: from the paths the user gave to documents, with every unreadable or unparsable input
 * recorded as an error and the rest going on.
 */
import { basename, resolve } from 'node:path';
import type { ScanError, SkippedFile } from '../core/finding.js';
import type { SourceText } from '../core/source.js';
import type { Settings } from '../engine/settings.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  type ExcludeScope,
  type FoundFile,
  type ReadOutcome,
  readHead,
  readNamedStream,
  readSource,
  readStream,
  walk,
} from './files.js';
import type { SourceDocument, SourceHandler } from './handler.js';
import { describe } from './yaml.js';

export interface LoadOptions {
  paths: readonly string[];
  cwd: string;
  settings: Settings;
  handlers: readonly SourceHandler[];
  /** gitignore-style patterns, each list relative to its base directory (config file, cwd). */
  exclude?: readonly ExcludeScope[];
  maxFileSize?: number;
  /** Standard input, read when a path is `-`. */
  stdin?: AsyncIterable<Buffer | string> | string;
  /** The name standard input is scanned as (decides the handler), e.g. `Dockerfile`. */
  stdinFilename?: string;
}

export interface LoadResult {
  documents: SourceDocument[];
  sources: SourceText[];
  absolute: Map<string, string>;
  errors: ScanError[];
  skipped: SkippedFile[];
  /** Number of files read (including those that turned out to hold nothing to check). */
  files: number;
}

export function pickHandler(
  handlers: readonly SourceHandler[],
  name: string,
  path: string,
  head: () => string | undefined,
  explicit: boolean,
): SourceHandler | undefined {
  const byName = handlers.find((h) => h.claims(name, path));
  if (byName) return byName;
  const sniffers = handlers.filter((h) => h.sniff && (explicit || h.sniffs?.(name, path)));
  if (sniffers.length === 0) return undefined;
  const text = head();
  if (text === undefined) return undefined;
  return sniffers.find((h) => h.sniff?.(text, name));
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const result: LoadResult = { documents: [], sources: [], absolute: new Map(), errors: [], skipped: [], files: 0 };
  const handlers = options.handlers;
  const filePaths = options.paths.filter((p) => p !== '-');
  const walked = walk(filePaths, {
    cwd: options.cwd,
    exclude: options.exclude ?? [],
    claimed: (name, path) => handlers.some((h) => h.claims(name, path)),
    wanted: (name, path) =>
      handlers.some((h) => h.claims(name, path)) || handlers.some((h) => h.sniffs?.(name, path) && h.sniff !== undefined),
  });
  result.errors.push(...walked.errors);
  for (const entry of walked.ignored) result.skipped.push({ file: entry.path, reason: entry.reason });

  const parseWith = async (handler: SourceHandler, source: SourceText, absolute: string | undefined) => {
    try {
      const parsed = await handler.parse(source, { settings: options.settings, absolute });
      result.documents.push(...parsed.documents);
      result.errors.push(...parsed.errors);
      if (parsed.skipReason !== undefined) result.skipped.push({ file: source.path, reason: parsed.skipReason });
    } catch (error) {
      result.errors.push({
        file: source.path,
        line: 1,
        column: 1,
        message: `cannot parse (${handler.name}): ${describe(error)}`,
      });
    }
  };

  /** A text read in full (stdin, a pipe): the handler is picked by its name, else its content. */
  const handleRead = async (path: string, read: ReadOutcome, fallbackToYaml: boolean, absolute: string | undefined) => {
    result.files++;
    if (!read.ok) {
      result.errors.push(read.error);
      return;
    }
    result.sources.push(read.source);
    const name = basename(path);
    const handler =
      pickHandler(handlers, name, path, () => read.source.text.slice(0, 4096), true) ??
      (fallbackToYaml ? handlers.find((h) => h.name === 'yaml') : undefined);
    if (handler) await parseWith(handler, read.source, absolute);
    else result.skipped.push({ file: path, reason: 'not a file type greenbelt recognises' });
  };

  const handleFile = async (file: FoundFile) => {
    if (file.stream) {
      const read = await readNamedStream(file, maxFileSize);
      if (read.ok) result.absolute.set(file.path, file.absolute);
      await handleRead(file.path, read, true, file.absolute);
      return;
    }
    const name = basename(file.path);
    const handler = pickHandler(handlers, name, file.path, () => readHead(file.absolute), file.explicit);
    if (!handler) {
      result.files++;
      result.skipped.push({ file: file.path, reason: 'not a file type greenbelt recognises' });
      return;
    }
    const read = readSource(file, maxFileSize);
    result.files++;
    if (!read.ok) {
      result.errors.push(read.error);
      return;
    }
    result.sources.push(read.source);
    result.absolute.set(file.path, file.absolute);
    await parseWith(handler, read.source, file.absolute);
  };

  for (const file of walked.files) await handleFile(file);

  if (options.paths.includes('-')) {
    const path = options.stdinFilename ?? '<stdin>';
    const stream = options.stdin ?? process.stdin;
    const read = await readStream(path, typeof stream === 'string' ? [stream] : stream, maxFileSize);
    const absolute = options.stdinFilename === undefined ? undefined : resolve(options.cwd, options.stdinFilename);
    await handleRead(path, read, true, absolute);
  }
  return result;
}
