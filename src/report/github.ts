/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding, which
 * the runner turns into annotations on the pull request's changed lines, plus one per input error.
 * GitHub shows at most 10 annotations of each level per step and 50 per job, so the most severe
 * come first; the full list belongs in SARIF or JSON.
 */
import type { Finding, ScanResult } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { printable } from './printable.js';

export function githubLevel(severity: Severity): 'error' | 'warning' | 'notice' {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'notice';
}

/** Escaping of a command's message (data); other control characters are shown, never sent raw. */
export function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escaping of a command's property value: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(
  level: 'error' | 'warning' | 'notice',
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function findingCommand(finding: Finding): string {
  const sameLine = finding.endLine === undefined || finding.endLine === finding.line;
  return command(
    githubLevel(finding.severity),
    {
      file: finding.file,
      line: finding.line,
      // GitHub accepts columns only for annotations on a single line.
      col: sameLine ? finding.column : undefined,
      endLine: finding.endLine,
      endColumn: sameLine ? finding.endColumn : undefined,
      title: `${finding.rule} (${finding.severity})`,
    },
    finding.remediation ? `${finding.message}\nFix: ${finding.remediation}` : finding.message,
  );
}

export function formatGithub(result: ScanResult, options: { showSuppressed?: boolean } = {}): string {
  const shown = result.findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.suppressed === null || options.showSuppressed);
  shown.sort((a, b) => SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index);
  const lines: string[] = [];
  for (const error of result.errors) {
    lines.push(
      command('error', { file: error.file, line: error.line, col: error.column, title: 'greenbelt: input error' }, error.message),
    );
  }
  for (const { finding } of shown) {
    if (finding.suppressed) {
      lines.push(
        command(
          'notice',
          { file: finding.file, line: finding.line, title: `${finding.rule} (suppressed)` },
          `${finding.message}\nSuppressed by ${finding.suppressed.by}: ${finding.suppressed.reason}`,
        ),
      );
    } else lines.push(findingCommand(finding));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
