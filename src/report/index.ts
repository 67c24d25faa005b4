/** Report formats by name. Each is a pure function from a scan result to text. */
import type { ScanResult } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { AnyRule } from '../rules/types.js';
import { formatGithub } from './github.js';
import { formatJson, jsonChunks } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif, sarifChunks } from './sarif.js';
import { formatText, type GroupBy, textChunks } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  /** ANSI colour (text). */
  colour?: boolean;
  /** Grouping of the text report (default file). */
  groupBy?: GroupBy;
  /** One line per finding (text). */
  compact?: boolean;
  /** Leave out the fix lines (text). */
  brief?: boolean;
  /** Include suppressed findings, marked as such, in every format. */
  showSuppressed?: boolean;
  /** Include skipped files (text, json). */
  verbose?: boolean;
  /** The rules that ran: SARIF's rules table, JUnit's suites. */
  rules?: readonly AnyRule[];
  /** The severity of a rule under the config, for the SARIF rules table. */
  ruleSeverity?: (rule: AnyRule) => Severity;
  toolVersion?: string;
  /** The exit-code threshold, named in the text summary. */
  failOn?: Severity;
  /** The directory relative paths are relative to (SARIF makes absolute paths inside it relative). */
  cwd?: string;
}

export function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function format(name: FormatName, result: ScanResult, options: FormatOptions = {}): string {
  switch (name) {
    case 'json':
      return formatJson(result, options);
    case 'text':
      return formatText(result, options);
    case 'sarif':
      return formatSarif(result, options);
    case 'junit':
      return formatJunit(result, options);
    case 'github':
      return formatGithub(result, options);
  }
}

/**
 * A report in pieces whose concatenation is `format(name, result, options)`. The JSON, SARIF and
 * text reports come a finding at a time, so a large one is never held whole; the others in one piece.
 */
export function formatChunks(name: FormatName, result: ScanResult, options: FormatOptions = {}): Iterable<string> {
  if (name === 'json') return jsonChunks(result, options);
  if (name === 'text') return textChunks(result, options);
  if (name === 'sarif') return sarifChunks(result, options);
  return [format(name, result, options)];
}

export { formatGithub, formatJson, formatJunit, formatSarif, formatText };
