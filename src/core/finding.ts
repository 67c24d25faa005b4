/**
 * The finding contract (GUIDE.md section 3). These names are public API: other tools read the
 * JSON output, so fields keep their names and meaning; new fields may be added.
 */
import type { Severity } from './severity.js';
import type { ThreatId } from './threats.js';

export interface ObjectRef {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type SuppressionSource = 'annotation' | 'comment' | 'config' | 'baseline';

export interface Suppression {
  by: SuppressionSource;
  reason: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The path as the user gave it; absent for live objects. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  object?: ObjectRef;
  /** JSON pointer into the object (or document) that the finding points at. */
  path?: string;
  threats: ThreatId[];
  references: string[];
  remediation: string;
  suppressed: Suppression | null;
  /** Supporting facts, for example an escalation chain; never a secret's value. */
  evidence?: string[];
  /** Stable identity used by baselines and SARIF partial fingerprints; does not change when lines move. */
  fingerprint: string;
}

/** An input that could not be read or parsed. Errors are values, never strings thrown across layers. */
export interface ScanError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ScanSummary {
  files: number;
  objects: number;
  /** Counts of unsuppressed findings per severity (severities with no findings are omitted). */
  findings: Partial<Record<Severity, number>>;
  suppressed: number;
}

/** A file that was read but held nothing greenbelt checks (listed with --verbose). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ScanResult {
  version: 1;
  findings: Finding[];
  errors: ScanError[];
  summary: ScanSummary;
  skipped: SkippedFile[];
}
