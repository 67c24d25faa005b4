/**
 * SARIF 2.1.0 (OASIS), in the subset GitHub code scanning reads: a rules table from the registry
 * with help and `security-severity`, results with rule index, level, a repository-relative
 * location and region, a line-independent partial fingerprint, suppressions, and the scan's
 * input errors as tool execution notifications. GitHub's upload limits are respected: at most
 * 25,000 results per run (the most severe are kept and a notification says how many were left
 * out), one location per result, at most 10 tags per rule.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import { SEVERITIES, type Severity, securitySeverityScore } from '../core/severity.js';
import { ruleMarkdown, rulePlainText } from '../docs/rule-docs.js';
import type { AnyRule } from '../rules/types.js';
import { prettyJson } from './pretty-json.js';
import { PROJECT_URL, ruleDocsUrl } from './project.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub rejects runs with more results than this. */
export const MAX_SARIF_RESULTS = 25_000;
/** GitHub shows at most 10 tags of a rule (and rejects more than 20). */
const MAX_TAGS = 10;
/** The key of greenbelt's own line-independent fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'greenbeltFingerprint/v1';
/** The base every relative artifact URI is resolved against: the directory greenbelt ran in. */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** The rules that ran: the rules table (rules of findings not in it are added). */
  rules?: readonly AnyRule[];
  /** The severity a rule has under the config (defaults to its own). */
  ruleSeverity?: (rule: AnyRule) => Severity;
  toolVersion?: string;
  /** Include suppressed findings, each with its `suppressions` entry. */
  showSuppressed?: boolean;
  /** The directory relative paths are relative to; absolute paths inside it are made relative. */
  cwd?: string;
  /** Largest number of results per run (GitHub's limit by default). */
  maxResults?: number;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** critical and high stop a merge; medium deserves attention; low and info are notes. */
export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return 'note';
  }
}

/** `k8s/no-host-network` -> `K8sNoHostNetwork`: SARIF's human-readable rule name. */
export function sarifRuleName(id: string): string {
  return id
    .split(/[/-]/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The artifact URI of a file: relative paths (as the user gave them, relative to the working
 * directory) stay relative to `%SRCROOT%`, with forward slashes and percent-encoding; absolute
 * paths inside `cwd` are made relative; other absolute paths become `file:` URIs.
 */
export function artifactLocation(file: string, cwd: string | undefined): { uri: string; uriBaseId?: string } {
  let path = file;
  if (isAbsolute(path)) {
    const inside = cwd === undefined ? undefined : relative(cwd, path);
    if (inside === undefined || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      return { uri: pathToFileURL(path).href };
    }
    path = inside;
  }
  const segments = path.split(sep).join('/').split('/');
  while (segments[0] === '.') segments.shift();
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function tagsOf(rule: AnyRule): string[] {
  const tags = ['security', ...rule.meta.threats, rule.meta.id.split('/')[0] ?? rule.target];
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

function ruleDescriptor(rule: AnyRule, severity: Severity): Record<string, unknown> {
  const meta = rule.meta;
  const properties: Record<string, unknown> = { tags: tagsOf(rule), precision: 'high' };
  // GitHub treats a security-severity of 0 (or none) as "not a security alert": info stays a note.
  if (severity !== 'info') properties['security-severity'] = securitySeverityScore(severity);
  properties.severity = severity;
  properties.threats = [...meta.threats];
  if (meta.references.length > 0) properties.references = [...meta.references];
  if (meta.aliases && meta.aliases.length > 0) properties.aliases = [...meta.aliases];
  const descriptor: Record<string, unknown> = {
    id: meta.id,
    name: sarifRuleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale },
    help: { text: rulePlainText(rule), markdown: ruleMarkdown(rule) },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: sarifLevel(severity), enabled: !meta.defaultOff },
    properties,
  };
  if (meta.aliases && meta.aliases.length > 0) {
    descriptor.deprecatedIds = [...meta.aliases];
  }
  return descriptor;
}

/** A descriptor for a rule id that is not in the registry (a finding from a custom rule set). */
function bareDescriptor(id: string, severity: Severity): Record<string, unknown> {
  return {
    id,
    name: sarifRuleName(id),
    shortDescription: { text: id },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: { tags: ['security'], severity },
  };
}

function region(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Record<string, number> | undefined {
  if (finding.line === undefined) return undefined;
  const out: Record<string, number> = { startLine: finding.line };
  if (finding.column !== undefined) out.startColumn = finding.column;
  if (finding.endLine !== undefined && finding.endLine >= finding.line) {
    out.endLine = finding.endLine;
    if (finding.endColumn !== undefined && finding.column !== undefined) {
      // SARIF's endColumn is exclusive, as the finding's is; an empty region on one line is kept
      // one character wide so that viewers can highlight it.
      out.endColumn = finding.endLine === finding.line ? Math.max(finding.endColumn, finding.column + 1) : finding.endColumn;
    }
  }
  return out;
}

function objectName(finding: Finding): string | undefined {
  const object = finding.object;
  if (!object) return undefined;
  return object.namespace ? `${object.namespace}/${object.kind}/${object.name}` : `${object.kind}/${object.name}`;
}

function location(finding: Finding, cwd: string | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (finding.file !== undefined) {
    const physical: Record<string, unknown> = { artifactLocation: artifactLocation(finding.file, cwd) };
    const r = region(finding);
    if (r) physical.region = r;
    out.physicalLocation = physical;
  }
  const object = finding.object;
  if (object) {
    const fullyQualifiedName = objectName(finding) ?? object.name;
    out.logicalLocations = [{ name: object.name, fullyQualifiedName, kind: 'resource' }];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function sarifResult(finding: Finding, ruleIndex: number, cwd: string | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.rule,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
  };
  const where = location(finding, cwd);
  result.locations = where ? [where] : [];
  result.partialFingerprints = { [FINGERPRINT_KEY]: finding.fingerprint };
  const properties: Record<string, unknown> = { severity: finding.severity };
  if (finding.severity !== 'info') properties['security-severity'] = securitySeverityScore(finding.severity);
  properties.threats = [...finding.threats];
  if (finding.path !== undefined) properties.path = finding.path;
  if (finding.object) properties.object = { ...finding.object };
  if (finding.evidence && finding.evidence.length > 0) properties.evidence = [...finding.evidence];
  result.properties = properties;
  if (finding.suppressed) {
    const inSource = finding.suppressed.by === 'annotation' || finding.suppressed.by === 'comment';
    result.suppressions = [
      {
        kind: inSource ? 'inSource' : 'external',
        status: 'accepted',
        justification: finding.suppressed.reason,
        properties: { by: finding.suppressed.by },
      },
    ];
  }
  return result;
}

function notification(error: ScanError, cwd: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    level: 'error',
    message: { text: error.message },
    descriptor: { id: 'input-error' },
  };
  if (error.file && !error.file.startsWith('<')) {
    const physical: Record<string, unknown> = { artifactLocation: artifactLocation(error.file, cwd) };
    if (error.line !== undefined) {
      physical.region = { startLine: error.line, ...(error.column !== undefined ? { startColumn: error.column } : {}) };
    }
    out.locations = [{ physicalLocation: physical }];
  } else if (error.file) {
    out.message = { text: `${error.file}: ${error.message}` };
  }
  return out;
}

/** The most severe findings first, then in report order, so that a cap keeps what matters. */
function capBySeverity(findings: readonly Finding[], max: number): { kept: Finding[]; dropped: number } {
  if (findings.length <= max) return { kept: [...findings], dropped: 0 };
  const ranked = findings.map((finding, index) => ({ finding, index }));
  ranked.sort((a, b) => SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index);
  const keep = new Set(ranked.slice(0, max).map((r) => r.index));
  return { kept: findings.filter((_, index) => keep.has(index)), dropped: findings.length - max };
}

export function sarifLog(result: ScanResult, options: SarifOptions = {}): Record<string, unknown> {
  const cwd = options.cwd;
  const severityOf = options.ruleSeverity ?? ((rule: AnyRule) => rule.meta.severity);
  const shown = result.findings.filter((f) => options.showSuppressed || f.suppressed === null);
  const { kept, dropped } = capBySeverity(shown, options.maxResults ?? MAX_SARIF_RESULTS);

  const descriptors: Record<string, unknown>[] = [];
  const indexOf = new Map<string, number>();
  for (const rule of options.rules ?? []) {
    if (indexOf.has(rule.meta.id)) continue;
    indexOf.set(rule.meta.id, descriptors.length);
    descriptors.push(ruleDescriptor(rule, severityOf(rule)));
  }
  const results = kept.map((finding) => {
    let index = indexOf.get(finding.rule);
    if (index === undefined) {
      index = descriptors.length;
      indexOf.set(finding.rule, index);
      descriptors.push(bareDescriptor(finding.rule, finding.severity));
    }
    return sarifResult(finding, index, cwd);
  });

  const notifications = result.errors.map((error) => notification(error, cwd));
  if (dropped > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${dropped} less severe result${dropped === 1 ? ' was' : 's were'} left out: GitHub code scanning accepts at most ${options.maxResults ?? MAX_SARIF_RESULTS} results per run. Scan fewer files per run or raise the threshold.`,
      },
      descriptor: { id: 'results-truncated' },
    });
  }

  const driver: Record<string, unknown> = {
    name: 'greenbelt',
    informationUri: PROJECT_URL,
    rules: descriptors,
  };
  if (options.toolVersion !== undefined) {
    driver.version = options.toolVersion;
    driver.semanticVersion = options.toolVersion;
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { summary: result.summary },
      },
    ],
  };
}

export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  return [...sarifChunks(result, options)].join('');
}

/** The SARIF log in pieces, a result at a time: the text of `formatSarif`. */
export function* sarifChunks(result: ScanResult, options: SarifOptions = {}): Generator<string, void, undefined> {
  yield* prettyJson(sarifLog(result, options));
  yield '\n';
}
