import type { ScanResult } from '../core/finding.js';

/**
 * The JSON report: the finding contract of GUIDE.md. Suppressed findings are included only when
 * asked for; `skipped` only with verbose output.
 */
export function formatJson(result: ScanResult, options: { showSuppressed?: boolean; verbose?: boolean } = {}): string {
  const out: Record<string, unknown> = {
    version: result.version,
    findings: options.showSuppressed ? result.findings : result.findings.filter((f) => f.suppressed === null),
    errors: result.errors,
    summary: result.summary,
  };
  if (options.verbose) out.skipped = result.skipped;
  return `${JSON.stringify(out, null, 2)}\n`;
}
