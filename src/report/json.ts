import type { ScanResult, SkippedFile } from '../core/finding.js';

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

/**
 * The JSON report in pieces, one finding at a time, so that a report of 100,000 findings is
 * written without ever holding its whole text: the same text as `JSON.stringify(report, null, 2)`.
 */
export function* jsonChunks(
  result: ScanResult,
  options: { showSuppressed?: boolean; verbose?: boolean } = {},
): Generator<string, void, undefined> {
  const report = jsonReport(result, options);
  const member = (key: string, value: unknown) =>
    `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
  yield `{\n${member('version', report.version)},\n`;
  if (report.findings.length === 0) yield '  "findings": [],\n';
  else {
    yield '  "findings": [\n';
    const last = report.findings.length - 1;
    for (let i = 0; i <= last; i++) {
      const item = JSON.stringify(report.findings[i], null, 2).replace(/\n/g, '\n    ');
      yield `    ${item}${i < last ? ',' : ''}\n`;
    }
    yield '  ],\n';
  }
  yield `${member('errors', report.errors)},\n${member('summary', report.summary)}`;
  if (report.skipped !== undefined) yield `,\n${member('skipped', report.skipped)}`;
  yield '\n}\n';
}
