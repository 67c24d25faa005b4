/**
 * The engine: runs the enabled rules over their subjects, turns reports into findings with
 * positions, merges overlapping findings, applies suppressions and sorts the result.
 */
import { createHash } from 'node:crypto';
import type { Finding, ScanError } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { SourceText } from '../core/source.js';
import { K8sObject } from '../model/k8s.js';
import { Workload } from '../model/workload.js';
import type { AnyRule, Locatable, Report, RuleContext, Target } from '../rules/types.js';
import { describe, toPointer } from '../sources/yaml.js';
import type { GreenbeltConfig } from './config.js';
import type { Settings } from './settings.js';
import { ANNOTATION_PREFIX, type AnnotationDirective, type RuleIdentity, Suppressor } from './suppress.js';
import type { SuppressionIndex } from './suppression-index.js';
import { type ScanDocuments, subjectsFor } from './targets.js';

export interface EngineInput extends ScanDocuments {
  sources: readonly SourceText[];
  /** Absolute path of each source, by the path as given. */
  absolute: ReadonlyMap<string, string>;
  config: GreenbeltConfig;
  configSource?: SourceText | undefined;
  rules: readonly AnyRule[];
  baseline?: { fingerprints: Set<string>; name: string } | undefined;
}

export interface EngineOutput {
  findings: Finding[];
  errors: ScanError[];
}

interface Pending {
  finding: Finding;
  rule: AnyRule;
  on: Locatable | undefined;
  source: SourceText | undefined;
  /** First line of the statement the finding is in, when its source has statements (Dockerfiles). */
  scopeLine?: number | undefined;
}

/** Whether a rule runs under a config: its own activity, the config's switch, and its default. */
export function isRuleEnabled(rule: AnyRule, config: GreenbeltConfig): boolean {
  const setting = ruleSetting(rule, config);
  if (rule.isActive && !rule.isActive(config.settings)) return false;
  if (setting?.enabled !== undefined) return setting.enabled;
  return !rule.meta.defaultOff;
}

function ruleSetting(rule: AnyRule, config: GreenbeltConfig) {
  return config.rules[rule.meta.id] ?? rule.meta.aliases?.map((a) => config.rules[a]).find((s) => s !== undefined);
}

export function ruleIdentity(rule: AnyRule): RuleIdentity {
  return {
    id: rule.meta.id,
    aliases: rule.meta.aliases ?? [],
    hadolint: (rule.meta.related ?? []).filter((r) => r.tool === 'hadolint').map((r) => `hadolint:${r.id.toUpperCase()}`),
  };
}

function defaultLocatable(subject: unknown): Locatable | undefined {
  if (subject instanceof K8sObject) return subject;
  if (subject instanceof Workload) return subject.object;
  if (typeof subject === 'object' && subject !== null && typeof (subject as Locatable).locate === 'function') {
    return subject as Locatable;
  }
  return undefined;
}

function fingerprintOf(parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 24);
}

function objectIdOf(on: Locatable | undefined): string | undefined {
  const ref = on?.ref;
  if (!ref) return undefined;
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function runEngine(input: EngineInput): EngineOutput {
  const { config } = input;
  const settings: Settings = config.settings;
  const errors: ScanError[] = [];
  const pending: Pending[] = [];
  const enabled = input.rules.filter((rule) => isRuleEnabled(rule, config));
  const normal = enabled.filter((rule) => rule.target !== 'suppressions');
  const late = enabled.filter((rule) => rule.target === 'suppressions');

  const makeContext = (rule: AnyRule, subject: unknown): RuleContext => ({
    settings,
    report: (report: Report) => {
      const pendingFinding = toFinding(rule, report, subject, config);
      if (pendingFinding) pending.push(pendingFinding);
    },
  });

  const runRule = (rule: AnyRule, subjects: readonly unknown[]) => {
    for (const subject of subjects) {
      try {
        (rule.check as (s: unknown, c: RuleContext) => void)(subject, makeContext(rule, subject));
      } catch (error) {
        const on = defaultLocatable(subject);
        errors.push({
          file: on?.source?.path ?? '<scan>',
          line: 1,
          column: 1,
          message: `internal error in rule ${rule.meta.id}: ${describe(error)} (please report this)`,
        });
      }
    }
  };

  const subjectCache = new Map<Target, readonly unknown[]>();
  for (const rule of normal) {
    let subjects = subjectCache.get(rule.target);
    if (!subjects) {
      subjects = subjectsFor(rule.target, input);
      subjectCache.set(rule.target, subjects);
    }
    runRule(rule, subjects);
  }

  const merged = [...mergeOverlaps(pending)];

  // Suppressions.
  const suppressor = new Suppressor(config, input.baseline);
  for (const source of input.sources) suppressor.addSource(source);
  suppressor.addAnnotations(collectAnnotationDirectives(input));
  for (const item of merged) applySuppression(item, suppressor, input);

  if (late.length > 0) {
    const index = buildSuppressionIndex(suppressor, input, enabled);
    const before = pending.length;
    for (const rule of late) runRule(rule, [index]);
    for (const item of pending.slice(before)) {
      applySuppression(item, suppressor, input);
      merged.push(item);
    }
  }

  const findings = merged.map((p) => p.finding);
  findings.sort(compareFindings);
  return { findings, errors };
}

function applySuppression(item: Pending, suppressor: Suppressor, input: EngineInput): void {
  const file = item.finding.file;
  const identity = ruleIdentity(item.rule);
  item.finding.suppressed = suppressor.suppress({
    finding: item.finding,
    rule: identity,
    absolute: file === undefined ? undefined : input.absolute.get(file),
    source: item.source,
    annotations: item.on?.annotations,
    objectId: objectIdOf(item.on),
    scopeLine: item.scopeLine,
  });
}

function toFinding(rule: AnyRule, report: Report, subject: unknown, config: GreenbeltConfig): Pending | undefined {
  const on = report.on ?? defaultLocatable(subject);
  const source = report.source ?? on?.source;
  const meta = rule.meta;
  const setting = ruleSetting(rule, config);
  const severity: Severity = setting?.severity ?? report.severity ?? meta.severity;
  let range = report.range;
  if (range === undefined && report.path !== undefined && on) range = on.locate(report.path);
  if (range === undefined && report.path === undefined && on) range = on.locate([]);
  const position = range !== undefined && source ? source.range(range) : undefined;
  const pointer = report.path !== undefined ? toPointer(report.path) : undefined;
  // Field order follows the finding contract in GUIDE.md.
  const finding: Finding = {
    rule: meta.id,
    severity,
    message: report.message,
    ...(source ? { file: source.path } : {}),
    ...(position ?? {}),
    ...(on?.ref ? { object: { ...on.ref } } : {}),
    ...(pointer !== undefined ? { path: pointer } : {}),
    threats: [...meta.threats],
    references: [...meta.references],
    remediation: meta.remediation,
    suppressed: null,
    fingerprint: '',
  };
  if (report.evidence && report.evidence.length > 0) finding.evidence = [...report.evidence];
  finding.fingerprint = fingerprintOf([
    meta.id,
    finding.file,
    objectIdOf(on),
    pointer ?? (range && !on?.ref ? `@${report.key === undefined ? range[0] : ''}` : ''),
    report.key,
  ]);
  const scope = range !== undefined ? on?.scopeOf?.(range[0]) : undefined;
  const scopeLine = scope !== undefined && source ? source.positionAt(scope[0]).line : undefined;
  return { finding, rule, on, source, scopeLine };
}

/** Drops findings that a refining rule also reported on the same node, keeping their references. */
function mergeOverlaps(pending: Pending[]): Pending[] {
  const refining = pending.filter((p) => (p.rule.meta.overlaps?.length ?? 0) > 0);
  if (refining.length === 0) return pending;
  const keyOf = (p: Pending) => `${p.finding.file ?? ''}\u0000${objectIdOf(p.on) ?? ''}\u0000${p.finding.path ?? ''}`;
  const byKey = new Map<string, Pending[]>();
  for (const p of pending) {
    const key = keyOf(p);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const dropped = new Set<Pending>();
  for (const p of refining) {
    const overlapped = p.rule.meta.overlaps ?? [];
    for (const other of byKey.get(keyOf(p)) ?? []) {
      if (other === p || dropped.has(other) || !overlapped.includes(other.rule.meta.id)) continue;
      dropped.add(other);
      for (const reference of other.finding.references) {
        if (!p.finding.references.includes(reference)) p.finding.references.push(reference);
      }
      for (const threat of other.finding.threats) {
        if (!p.finding.threats.includes(threat)) p.finding.threats.push(threat);
      }
    }
  }
  return pending.filter((p) => !dropped.has(p));
}

function collectAnnotationDirectives(input: EngineInput): AnnotationDirective[] {
  const out: AnnotationDirective[] = [];
  for (const object of input.objects.objects) {
    const annotations = object.annotations;
    for (const [key, reason] of Object.entries(annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const name = key.slice(ANNOTATION_PREFIX.length);
      const dot = name.indexOf('.');
      out.push({
        file: object.source?.path,
        objectId: objectIdOf(object) ?? '',
        key,
        rule: dot === -1 ? name : `${name.slice(0, dot)}/${name.slice(dot + 1)}`,
        reason: reason.trim(),
        used: false,
        on: object,
      });
    }
  }
  return out;
}

function buildSuppressionIndex(suppressor: Suppressor, input: EngineInput, enabled: readonly AnyRule[]): SuppressionIndex {
  const sources = new Map<string, SourceText>();
  for (const source of input.sources) sources.set(source.path, source);
  const enabledIds = new Set(enabled.map((r) => r.meta.id));
  const identities = input.rules.map(ruleIdentity);
  return {
    comments: suppressor.comments,
    annotations: suppressor.annotations,
    exemptions: suppressor.exemptions,
    sources,
    configSource: input.configSource,
    resolve: (name) =>
      identities.filter((r) => r.id === name || r.aliases.includes(name) || r.hadolint.includes(name)).map((r) => r.id),
    isEnabled: (id) => enabledIds.has(id),
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.file ?? '\uffff';
  const fb = b.file ?? '\uffff';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.column ?? 0;
  const cb = b.column ?? 0;
  if (ca !== cb) return ca - cb;
  const sa = SEVERITIES.indexOf(a.severity);
  const sb = SEVERITIES.indexOf(b.severity);
  if (sa !== sb) return sa - sb;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
