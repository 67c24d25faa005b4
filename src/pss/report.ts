/**
 * Results of `greenbelt pss`: one record per workload object, as JSON (the contract other tools
 * read) and as text for people.
 */
import type { K8sObject } from '../model/k8s.js';
import { workloadOf } from '../model/workload.js';
import { colours, type Palette, plain } from '../report/colour.js';
import { evaluateWorkload } from './evaluate.js';
import type { CheckId, PssLevel } from './types.js';

/** One workload object's verdict, in the JSON shape of `greenbelt pss --format json`. */
export interface PssRecord {
  file: string;
  object: { kind: string; namespace?: string; name: string };
  allowed: boolean;
  violations: { check: CheckId; reason: string; detail: string }[];
}

export interface PssObjectResult {
  record: PssRecord;
  /** 1-based position of the object in its file, when it has a source. */
  line?: number;
  column?: number;
}

/** Evaluates every workload object (objects without a pod template are left out). */
export function evaluateObjects(objects: readonly K8sObject[], level: PssLevel, version: string): PssObjectResult[] {
  const out: PssObjectResult[] = [];
  for (const object of objects) {
    const workload = workloadOf(object);
    if (!workload) continue;
    const result = evaluateWorkload(workload, { level, version });
    const record: PssRecord = {
      file: object.source?.path ?? '<stdin>',
      object: {
        kind: object.kind,
        ...(object.namespace !== undefined ? { namespace: object.namespace } : {}),
        name: object.name,
      },
      allowed: result.allowed,
      violations: result.violations.map((v) => ({ check: v.check, reason: v.reason, detail: v.detail })),
    };
    const range = object.locate([]);
    const at = range && object.source ? object.source.positionAt(range[0]) : undefined;
    out.push({ record, ...(at ? { line: at.line, column: at.column } : {}) });
  }
  return out;
}

export function formatPssJson(results: readonly PssObjectResult[]): string {
  return `${JSON.stringify(
    results.map((r) => r.record),
    null,
    2,
  )}\n`;
}

export interface PssTextOptions {
  colour?: boolean;
  level: PssLevel;
  version: string;
}

export function formatPssText(results: readonly PssObjectResult[], options: PssTextOptions): string {
  const palette: Palette = options.colour ? colours : plain;
  const lines: string[] = [];
  for (const { record, line } of results) {
    const where = line === undefined ? record.file : `${record.file}:${line}`;
    const object = record.object.namespace
      ? `${record.object.kind} ${record.object.namespace}/${record.object.name}`
      : `${record.object.kind} ${record.object.name}`;
    const verdict = record.allowed ? palette.green('allowed') : palette.bold(palette.red('DENIED'));
    lines.push(`${verdict}  ${palette.grey(where)}  ${object}`);
    for (const violation of record.violations) {
      lines.push(`  ${palette.magenta(violation.check)}: ${violation.reason} (${violation.detail})`);
    }
  }
  const denied = results.filter((r) => !r.record.allowed).length;
  const allowed = results.length - denied;
  if (lines.length > 0) lines.push('');
  const objects = `${results.length} workload object${results.length === 1 ? '' : 's'}`;
  const summary = `${objects} at ${options.level} ${options.version}: ${allowed} allowed, ${denied} denied`;
  lines.push(denied > 0 ? palette.red(summary) : results.length > 0 ? palette.green(summary) : summary);
  return `${lines.join('\n')}\n`;
}
