/**
 * Source handlers turn a text file into documents that rules check. Each handler claims files by
 * name (during directory walks) and, optionally, by content (for files named on the command line,
 * standard input, or names no handler claims).
 */
import type { ScanError } from '../core/finding.js';
import type { SourceText } from '../core/source.js';
import type { Settings } from '../engine/settings.js';

/** A parsed unit of input: a Kubernetes object, a Dockerfile, a compose file, ... */
export interface SourceDocument {
  readonly type: string;
}

export interface HandlerResult {
  documents: SourceDocument[];
  errors: ScanError[];
  /** Set when the file holds nothing this handler checks (reported with --verbose). */
  skipReason?: string;
}

export interface HandlerContext {
  settings: Settings;
  /**
   * The file's absolute path, for handlers that read files beside it (a Dockerfile's
   * `.dockerignore`). For standard input, the `--stdin-filename` resolved against the working
   * directory; undefined when there is none.
   */
  absolute?: string | undefined;
}

export interface SourceHandler {
  readonly name: string;
  /** Claims a file by its base name (and path, for names like `systemd/.../*.conf`). */
  claims(name: string, path: string): boolean;
  /**
   * For files named on the command line or read from stdin that no handler claims by name, and
   * for walked files with names listed by `sniffs`: decide from the first few KiB of text.
   */
  sniff?(head: string, name: string): boolean;
  /** Names of walked files worth reading the head of (for example, files without an extension). */
  sniffs?(name: string, path: string): boolean;
  parse(source: SourceText, context: HandlerContext): HandlerResult | Promise<HandlerResult>;
}
