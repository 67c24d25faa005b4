/** Report formats by name. Each is a pure function from a scan result to text. */
import type { ScanResult } from '../core/finding.js';
import type { AnyRule } from '../rules/types.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export const FORMATS = ['text', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  colour?: boolean;
  groupBy?: 'file' | 'threat';
  showSuppressed?: boolean;
  verbose?: boolean;
  /** The rules that ran, for formats that carry a rule table (SARIF). */
  rules?: readonly AnyRule[];
  toolVersion?: string;
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
  }
}
