/**
 * The human report: findings grouped by file (or by threat, or by rule), in source order within a
 * file, each with its position, the reason and the fix; then input errors, skipped files (verbose)
 * and one summary line that says how bad it is and whether the threshold was crossed. The compact
 * mode prints one `file:line:column: severity: message [rule]` line per finding, a shape editors
 * and CI problem matchers parse.
 */
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import { atLeast, SEVERITIES, type Severity } from '../core/severity.js';
import { THREATS, type ThreatId } from '../core/threats.js';
import { colours, type Palette, plain } from './colour.js';
import { printable } from './printable.js';

export type GroupBy = 'file' | 'threat' | 'rule';

export interface TextOptions {
  colour?: boolean;
  groupBy?: GroupBy;
  showSuppressed?: boolean;
  verbose?: boolean;
  /** Leave out the remediation lines. */
  brief?: boolean;
  /** One line per finding. */
  compact?: boolean;
  /** The exit-code threshold, to say in the summary how many findings reach it. */
  failOn?: Severity;
}

function severityLabel(severity: Severity, palette: Palette, pad = 8): string {
  const label = severity.toUpperCase().padEnd(pad);
  switch (severity) {
    case 'critical':
      return palette.bold(palette.red(label));
    case 'high':
      return palette.red(label);
    case 'medium':
      return palette.yellow(label);
    case 'low':
      return palette.blue(label);
    case 'info':
      return palette.grey(label);
  }
}

function location(item: { file?: string; line?: number; column?: number }): string {
  if (item.file === undefined) return '';
  const file = printable(item.file);
  if (item.line === undefined) return file;
  return `${file}:${item.line}:${item.column ?? 1}`;
}

function objectLabel(finding: Finding): string {
  const object = finding.object;
  if (!object) return '';
  return printable(object.namespace ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind} ${object.name}`);
}

const INDENT = '           ';

function renderFinding(finding: Finding, palette: Palette, options: TextOptions, showFile: boolean): string[] {
  const where = showFile ? location(finding) : finding.line !== undefined ? `${finding.line}:${finding.column ?? 1}` : '';
  const object = objectLabel(finding);
  const head = [
    severityLabel(finding.severity, palette),
    palette.grey(showFile ? where : where.padEnd(8)),
    printable(finding.message),
  ]
    .filter((part) => part !== '')
    .join(' ');
  const lines = [`  ${head}`];
  const detail = [
    palette.magenta(finding.rule),
    object ? palette.grey(object) : '',
    palette.grey(`[${finding.threats.join(', ')}]`),
  ]
    .filter((part) => part !== '')
    .join('  ');
  lines.push(`${INDENT}${detail}`);
  if (finding.evidence && finding.evidence.length > 0) {
    for (const item of finding.evidence) lines.push(`${INDENT}${palette.grey('|')} ${printable(item)}`);
  }
  if (!options.brief && finding.remediation) lines.push(`${INDENT}${palette.green('fix:')} ${printable(finding.remediation)}`);
  if (finding.suppressed) {
    lines.push(
      `${INDENT}${palette.grey(`suppressed by ${finding.suppressed.by}: ${printable(finding.suppressed.reason) || '(no reason given)'}`)}`,
    );
  }
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One line: how many findings of each severity, in how many of the files read, how many reach
 * the threshold, and what was suppressed or could not be read. For example
 * `3 findings (1 critical, 2 high) in 2 of 12 files, 40 objects checked; 3 at or above high; 1 suppressed`.
 */
export function summaryLine(result: ScanResult, palette: Palette = plain, failOn?: Severity): string {
  const counts = SEVERITIES.map((s) => [s, result.summary.findings[s] ?? 0] as const).filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const parts: string[] = [];
  const read = `${plural(result.summary.files, 'file')}, ${plural(result.summary.objects, 'object')} checked`;
  if (total === 0) parts.push(`${palette.green('No findings')} in ${read}`);
  else {
    const files = new Set(result.findings.filter((f) => f.suppressed === null).map((f) => f.file ?? ''));
    const bySeverity = counts.map(([s, n]) => `${n} ${s}`).join(', ');
    parts.push(`${palette.bold(`${plural(total, 'finding')} (${bySeverity})`)} in ${files.size} of ${read}`);
    if (failOn !== undefined) {
      const failing = counts.filter(([s]) => atLeast(s, failOn)).reduce((sum, [, n]) => sum + n, 0);
      parts.push(failing > 0 ? palette.red(`${failing} at or above ${failOn}`) : `none at or above ${failOn}`);
    }
  }
  if (result.summary.suppressed > 0) parts.push(`${result.summary.suppressed} suppressed`);
  if (result.errors.length > 0) parts.push(palette.red(plural(result.errors.length, 'input error')));
  return parts.join('; ');
}

function errorLines(errors: readonly ScanError[], palette: Palette, compact: boolean): string[] {
  if (errors.length === 0) return [];
  if (compact) return errors.map((error) => `${location(error)}: error: ${printable(error.message)}`);
  const out = [palette.bold(palette.red('Errors'))];
  for (const error of errors) out.push(`  ${palette.red('ERROR')}    ${location(error)} ${printable(error.message)}`);
  out.push('');
  return out;
}

function compactLine(finding: Finding): string {
  const where = location(finding) || objectLabel(finding) || '<scan>';
  const suppressed = finding.suppressed ? ` (suppressed by ${finding.suppressed.by})` : '';
  return `${where}: ${finding.severity}: ${printable(finding.message)} [${finding.rule}]${suppressed}`;
}

function groups(shown: readonly Finding[], groupBy: GroupBy): { title: string; note: string; findings: Finding[] }[] {
  const byKey = new Map<string, Finding[]>();
  const keyOf = (f: Finding): string =>
    groupBy === 'threat'
      ? (f.threats[0] ?? '')
      : groupBy === 'rule'
        ? f.rule
        : f.file !== undefined
          ? printable(f.file)
          : objectLabel(f);
  for (const finding of shown) {
    const key = keyOf(finding);
    const list = byKey.get(key);
    if (list) list.push(finding);
    else byKey.set(key, [finding]);
  }
  const entries = [...byKey.entries()];
  // Files in path order (the findings are already sorted); threats and rules worst first.
  if (groupBy !== 'file') entries.sort((a, b) => worst(a[1]) - worst(b[1]) || b[1].length - a[1].length);
  return entries.map(([key, findings]) => ({
    title: key,
    note:
      groupBy === 'threat'
        ? `(${findings.length}): ${THREATS[key as ThreatId] ?? ''}`
        : groupBy === 'rule'
          ? `(${findings.length})`
          : '',
    findings,
  }));
}

export function formatText(result: ScanResult, options: TextOptions = {}): string {
  return [...textChunks(result, options)].join('');
}

/** The text report line by line (each piece ends with a newline), so a large one is never held whole. */
export function* textChunks(result: ScanResult, options: TextOptions = {}): Generator<string, void, undefined> {
  for (const line of textLines(result, options)) yield `${line}\n`;
}

function* textLines(result: ScanResult, options: TextOptions): Generator<string, void, undefined> {
  const palette = options.colour ? colours : plain;
  const shown = result.findings.filter((f) => options.showSuppressed || f.suppressed === null);
  if (options.compact) {
    for (const finding of shown) yield compactLine(finding);
    yield* errorLines(result.errors, palette, true);
    if (options.verbose) for (const skipped of result.skipped) yield `${printable(skipped.file)}: skipped: ${skipped.reason}`;
    yield summaryLine(result, palette, options.failOn);
    return;
  }
  const groupBy = options.groupBy ?? 'file';
  for (const group of groups(shown, groupBy)) {
    yield `${palette.bold(group.title)}${group.note ? ` ${palette.grey(group.note)}` : ''}`;
    for (const finding of group.findings) yield* renderFinding(finding, palette, options, groupBy !== 'file');
    yield '';
  }
  yield* errorLines(result.errors, palette, false);
  if (options.verbose && result.skipped.length > 0) {
    yield palette.bold('Skipped');
    for (const skipped of result.skipped) yield `  ${palette.grey(printable(skipped.file))} ${skipped.reason}`;
    yield '';
  }
  yield summaryLine(result, palette, options.failOn);
}

function worst(findings: readonly Finding[]): number {
  let most: number = SEVERITIES.length;
  for (const finding of findings) most = Math.min(most, SEVERITIES.indexOf(finding.severity));
  return most;
}
