import type { ScanResult, SkippedFile } from '../core/finding.js';
import { prettyJson } from './pretty-json.js';

/**
 * The JSON report: exactly the finding contract of GUIDE.md, described by
 * docs/schema/scan-result.schema.json (generated from `scanResultSchema` in schema.ts). `skipped`
 * is present only with verbose output.
 */
export type JsonReport = Omit<ScanResult, 'skipped'> & { skipped?: SkippedFile[] };

/** The report object: suppressed findings only when asked for, skipped files only when verbose. */
export function jsonReport(result: ScanResult, options: { showSuppressed?: boolean; verbose?: boolean } = {}): JsonReport {
  const out: JsonReport = {
    version: result.version,
    findings: options.showSuppressed ? result.findings : result.findings.filter((f) => f.suppressed === null),
    errors: result.errors,
    summary: result.summary,
  };
  if (options.verbose) out.skipped = result.skipped;
  return out;
}

export function formatJson(result: ScanResult, options: { showSuppressed?: boolean; verbose?: boolean } = {}): string {
  return [...jsonChunks(result, options)].join('');
}

/** The JSON report in pieces, one finding at a time: the text of `formatJson`. */
export function* jsonChunks(
  result: ScanResult,
  options: { showSuppressed?: boolean; verbose?: boolean } = {},
): Generator<string, void, undefined> {
  yield* prettyJson(jsonReport(result, options));
  yield '\n';
}
