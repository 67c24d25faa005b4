/**
 * The human report: findings grouped by file (or by threat), most severe first within each
 * object, each with its position, the reason and the fix, and a summary line.
 */
import type { Finding, ScanResult } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { THREATS, type ThreatId } from '../core/threats.js';
import { colours, type Palette, plain } from './colour.js';

export interface TextOptions {
  colour?: boolean;
  groupBy?: 'file' | 'threat';
  showSuppressed?: boolean;
  verbose?: boolean;
  /** Leave out the remediation lines. */
  brief?: boolean;
}

function severityLabel(severity: Severity, palette: Palette): string {
  const label = severity.toUpperCase().padEnd(8);
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

function location(finding: Finding): string {
  if (finding.file === undefined) return '';
  if (finding.line === undefined) return finding.file;
  return `${finding.file}:${finding.line}:${finding.column ?? 1}`;
}

function objectLabel(finding: Finding): string {
  const object = finding.object;
  if (!object) return '';
  return object.namespace ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind} ${object.name}`;
}

function renderFinding(finding: Finding, palette: Palette, options: TextOptions, showFile: boolean): string[] {
  const where = showFile ? location(finding) : finding.line !== undefined ? `${finding.line}:${finding.column ?? 1}` : '';
  const object = objectLabel(finding);
  const head = [severityLabel(finding.severity, palette), palette.grey(where.padEnd(showFile ? 0 : 8)), finding.message]
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
  lines.push(`           ${detail}`);
  if (finding.evidence && finding.evidence.length > 0) {
    for (const item of finding.evidence) lines.push(`           ${palette.grey('|')} ${item}`);
  }
  if (!options.brief && finding.remediation) lines.push(`           ${palette.green('fix:')} ${finding.remediation}`);
  if (finding.suppressed) {
    lines.push(
      `           ${palette.grey(`suppressed by ${finding.suppressed.by}: ${finding.suppressed.reason || '(no reason given)'}`)}`,
    );
  }
  return lines;
}

export function summaryLine(result: ScanResult, palette: Palette = plain): string {
  const counts = SEVERITIES.map((s) => [s, result.summary.findings[s] ?? 0] as const).filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const parts = [`${total} finding${total === 1 ? '' : 's'}`];
  if (counts.length > 0) parts[0] += ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})`;
  parts.push(`${result.summary.files} file${result.summary.files === 1 ? '' : 's'}`);
  parts.push(`${result.summary.objects} object${result.summary.objects === 1 ? '' : 's'}`);
  if (result.summary.suppressed > 0) parts.push(`${result.summary.suppressed} suppressed`);
  if (result.errors.length > 0) parts.push(palette.red(`${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`));
  return parts.join(', ');
}

export function formatText(result: ScanResult, options: TextOptions = {}): string {
  const palette = options.colour ? colours : plain;
  const shown = result.findings.filter((f) => options.showSuppressed || f.suppressed === null);
  const out: string[] = [];
  if (options.groupBy === 'threat') {
    const byThreat = new Map<ThreatId, Finding[]>();
    for (const finding of shown) {
      for (const threat of finding.threats.slice(0, 1)) {
        const list = byThreat.get(threat) ?? [];
        list.push(finding);
        byThreat.set(threat, list);
      }
    }
    const ordered = [...byThreat.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || b[1].length - a[1].length);
    for (const [threat, findings] of ordered) {
      out.push(`${palette.bold(threat)} ${palette.grey(`(${findings.length}): ${THREATS[threat]}`)}`);
      for (const finding of findings) out.push(...renderFinding(finding, palette, options, true));
      out.push('');
    }
  } else {
    let current: string | undefined;
    for (const finding of shown) {
      const file = finding.file ?? objectLabel(finding);
      if (file !== current) {
        if (current !== undefined) out.push('');
        out.push(palette.bold(file));
        current = file;
      }
      out.push(...renderFinding(finding, palette, options, false));
    }
    if (shown.length > 0) out.push('');
  }
  if (result.errors.length > 0) {
    out.push(palette.bold(palette.red('Errors')));
    for (const error of result.errors) {
      const at = error.line !== undefined ? `${error.file}:${error.line}:${error.column ?? 1}` : error.file;
      out.push(`  ${palette.red('ERROR')}    ${at} ${error.message}`);
    }
    out.push('');
  }
  if (options.verbose && result.skipped.length > 0) {
    out.push(palette.bold('Skipped'));
    for (const skipped of result.skipped) out.push(`  ${palette.grey(skipped.file)} ${skipped.reason}`);
    out.push('');
  }
  out.push(summaryLine(result, palette));
  return `${out.join('\n')}\n`;
}

function worst(findings: readonly Finding[]): number {
  return Math.min(...findings.map((f) => SEVERITIES.indexOf(f.severity)));
}
