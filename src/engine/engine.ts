/**
 * The engine: runs the enabled rules over their subjects, turns reports into findings with
 * positions, merges overlapping findings, applies suppressions and sorts the result.
 */
import crypto from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Finding, ObjectRef, ScanError } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { SourceText } from '../core/source.js';
import { ownCopy } from '../core/strings.js';
import { K8sObject } from '../model/k8s.js';
import { Workload } from '../model/workload.js';
import type { AnyRule, Locatable, Report, RuleContext, Target } from '../rules/types.js';
import { describe, escapePointer, toPointer } from '../sources/yaml.js';
import { type GreenbeltConfig, isRuleGlob, type RuleSetting } from './config.js';
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
  /** The working directory: fingerprints use paths relative to it, so `scan ./x` and `scan x` agree. */
  cwd?: string | undefined;
  /** Called where the scan has just dropped much of its memory (see `ScanOptions.collect`). */
  collect?: (() => void) | undefined;
}

export interface EngineOutput {
  findings: Finding[];
  errors: ScanError[];
  /** How many distinct baseline fingerprints matched a finding (when a baseline was given). */
  baselineMatched?: number;
}

/** A finding with what merging and suppression need to know about it. */
interface Pending {
  finding: Finding;
  rule: AnyRule;
  on: Locatable | undefined;
  source: SourceText | undefined;
  /** First line of the statement the finding is in, when its source has statements (Dockerfiles). */
  scopeLine: number | undefined;
}

/** Whether a rule runs under a config: its own activity, the config's switch, and its default. */
export function isRuleEnabled(rule: AnyRule, config: GreenbeltConfig): boolean {
  if (rule.isActive && !rule.isActive(config.settings)) return false;
  const setting = ruleSetting(rule, config);
  if (setting?.enabled !== undefined) return setting.enabled;
  return !rule.meta.defaultOff;
}

/** The severity a rule's findings get under a config (graded rules may still grade their findings). */
export function effectiveSeverity(rule: AnyRule, config: GreenbeltConfig): Severity {
  return ruleSetting(rule, config)?.severity ?? rule.meta.severity;
}

const globCache = new Map<string, (value: string) => boolean>();

function globMatcher(pattern: string): (value: string) => boolean {
  let matcher = globCache.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern);
    globCache.set(pattern, matcher);
  }
  return matcher;
}

/**
 * A rule's setting in config: globs (`k8s/*`) that match its id or an alias apply first, in the
 * order written, then an alias's entry, then the entry of its own id; later ones override the
 * fields they set. So `dockerfile/*: low` with `dockerfile/no-add: high` makes no-add high.
 */
export function ruleSetting(rule: AnyRule, config: GreenbeltConfig): RuleSetting | undefined {
  const names = [rule.meta.id, ...(rule.meta.aliases ?? [])];
  let merged: RuleSetting | undefined;
  const apply = (setting: RuleSetting | undefined) => {
    if (setting === undefined) return;
    merged = { ...merged, ...setting };
  };
  for (const [pattern, setting] of Object.entries(config.rules)) {
    if (isRuleGlob(pattern) && names.some(globMatcher(pattern))) apply(setting);
  }
  for (const alias of rule.meta.aliases ?? []) apply(Object.hasOwn(config.rules, alias) ? config.rules[alias] : undefined);
  apply(Object.hasOwn(config.rules, rule.meta.id) ? config.rules[rule.meta.id] : undefined);
  return merged;
}

export function ruleIdentity(rule: AnyRule): RuleIdentity {
  return {
    id: rule.meta.id,
    aliases: rule.meta.aliases ?? [],
    hadolint: (rule.meta.related ?? []).filter((r) => r.tool === 'hadolint').map((r) => `hadolint:${r.id.toUpperCase()}`),
  };
}

function isReleasable(subject: unknown): boolean {
  return typeof subject === 'object' && subject !== null && typeof (subject as Locatable).releaseAnalyses === 'function';
}

function defaultLocatable(subject: unknown): Locatable | undefined {
  if (subject instanceof K8sObject) return subject;
  if (subject instanceof Workload) return subject.object;
  if (typeof subject === 'object' && subject !== null && typeof (subject as Locatable).locate === 'function') {
    return subject as Locatable;
  }
  return undefined;
}

/** SHA-256 in one call where Node has it (20.12 and later); the same digest either way. */
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text)
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

function fingerprintOf(parts: readonly (string | undefined)[]): string {
  // Its own copy: a slice would keep the whole 64-character digest alive beside it.
  return ownCopy(sha256(parts.map((p) => p ?? '').join('\u0000')).slice(0, 24));
}

/** Object ids by reference (an object's reference is one frozen object shared by its findings). */
const objectIds = new WeakMap<ObjectRef, string>();

function objectIdOf(on: Locatable | undefined): string | undefined {
  const ref = on?.ref;
  if (!ref) return undefined;
  let id = objectIds.get(ref);
  if (id === undefined) {
    id = ownCopy(`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`);
    objectIds.set(ref, id);
  }
  return id;
}

export function runEngine(input: EngineInput): EngineOutput {
  const { config } = input;
  const settings: Settings = config.settings;
  const enabled = input.rules.filter((rule) => isRuleEnabled(rule, config));
  const normal = enabled.filter((rule) => rule.target !== 'suppressions');
  const late = enabled.filter((rule) => rule.target === 'suppressions');

  const severityOverride = new Map<AnyRule, Severity | undefined>();
  for (const rule of enabled) severityOverride.set(rule, ruleSetting(rule, config)?.severity);
  const occurrences = new Map<string, number>();
  const fingerprintPaths = new Map<string, string>();
  // Messages, pointers and evidence repeat across objects: one flat copy of each is kept for all
  // findings (a message built from pieces is otherwise kept as a tree of them).
  const strings = new Map<string, string>();
  const identity: FindingContext = {
    shared: (text) => {
      const known = strings.get(text);
      if (known !== undefined) return known;
      const own = ownCopy(text);
      strings.set(own, own);
      return own;
    },
    pathOf: (file) => {
      let path = fingerprintPaths.get(file);
      if (path === undefined) {
        const absolute = input.absolute.get(file);
        if (absolute === undefined || input.cwd === undefined) path = file;
        else {
          const rel = relative(input.cwd, absolute);
          path = rel === '' || isAbsolute(rel) ? absolute : rel.split(sep).join('/');
        }
        fingerprintPaths.set(file, path);
      }
      return path;
    },
    occurrence: (key) => {
      const n = occurrences.get(key) ?? 0;
      occurrences.set(key, n + 1);
      return n;
    },
  };

  /** A rule being run: its own findings and errors, and its check of one subject. */
  interface RuleRun {
    pending: Pending[];
    errors: ScanError[];
    check(subject: unknown): void;
  }
  const startRule = (rule: AnyRule): RuleRun => {
    // One context per rule: checks are synchronous, so `subject` is the one being checked.
    let subject: unknown;
    const override = severityOverride.get(rule);
    const pending: Pending[] = [];
    const errors: ScanError[] = [];
    const context: RuleContext = {
      settings,
      report: (report: Report) => {
        pending.push(toPending(rule, report, subject, override, identity));
      },
    };
    const check = rule.check as (s: unknown, c: RuleContext) => void;
    return {
      pending,
      errors,
      check: (checked) => {
        subject = checked;
        try {
          check(checked, context);
        } catch (error) {
          const on = defaultLocatable(checked);
          const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
          errors.push({
            file: on?.source?.path ?? '<scan>',
            line: 1,
            column: 1,
            message: tooDeep
              ? `nested too deeply for rule ${rule.meta.id} to check; not checked by it`
              : `internal error in rule ${rule.meta.id}: ${describe(error)} (please report this)`,
          });
        }
      },
    };
  };

  // Set-wide rules run first, so that the cross-object analyses they share can be dropped before
  // the other rules add their findings. The other rules run subject by subject: every rule of a
  // target checks one subject before the next, so what the rules share about one subject (its
  // Pod Security evaluation) is needed only while it is checked. Each rule keeps its own findings
  // and errors; they are put back in rule order afterwards, so the order does not show.
  const runs = new Map<AnyRule, RuleRun>();
  for (const rule of normal) {
    if (rule.target !== 'k8s-set') continue;
    const run = startRule(rule);
    runs.set(rule, run);
    for (const subject of subjectsFor(rule.target, input)) run.check(subject);
  }
  input.objects.releaseAnalyses();
  input.collect?.();
  const byTarget = new Map<Target, RuleRun[]>();
  for (const rule of normal) {
    if (rule.target === 'k8s-set') continue;
    const run = startRule(rule);
    runs.set(rule, run);
    const list = byTarget.get(rule.target);
    if (list) list.push(run);
    else byTarget.set(rule.target, [run]);
  }
  for (const [target, targetRuns] of byTarget) {
    for (const subject of subjectsFor(target, input)) {
      for (const run of targetRuns) run.check(subject);
      // What the rules computed from this subject (a Dockerfile's command model of every RUN) can go.
      if (isReleasable(subject)) (subject as Locatable).releaseAnalyses?.();
    }
  }
  byTarget.clear();
  // Workload views are not needed any more.
  input.objects.releaseCaches();
  input.collect?.();
  const pending: Pending[] = [];
  const errors: ScanError[] = [];
  for (const rule of normal) {
    const run = runs.get(rule);
    if (!run) continue;
    for (const item of run.pending) pending.push(item);
    for (const error of run.errors) errors.push(error);
  }
  runs.clear();

  const merged = [...mergeOverlaps(pending)];

  // Suppressions.
  const suppressor = new Suppressor(config, input.baseline);
  for (const source of input.sources) suppressor.addSource(source);
  suppressor.addAnnotations(collectAnnotationDirectives(input));
  const suppress = suppressionOf(suppressor, input);
  for (const item of merged) suppress(item);

  if (late.length > 0) {
    const index = buildSuppressionIndex(suppressor, input, enabled);
    const lateRuns = late.map(startRule);
    for (const run of lateRuns) run.check(index);
    // Suppressed only once every late rule has run: suppressing marks comments as used.
    for (const run of lateRuns) {
      for (const item of run.pending) {
        suppress(item);
        merged.push(item);
      }
      for (const error of run.errors) errors.push(error);
    }
  }
  // Positions built on demand (documents not recorded while loading) are not needed any more.
  for (const document of input.documents) (document as Partial<Locatable>).releasePositions?.();

  const findings = merged.map((p) => p.finding);
  findings.sort(compareFindings);
  return input.baseline ? { findings, errors, baselineMatched: suppressor.baselineUsed.size } : { findings, errors };
}

/** Sets each finding's `suppressed`; rule identities and annotations are read once per rule and object. */
function suppressionOf(suppressor: Suppressor, input: EngineInput): (item: Pending) => void {
  const identities = new Map<AnyRule, RuleIdentity>();
  const annotations = new Map<Locatable, Record<string, string> | undefined>();
  return (item) => {
    const file = item.finding.file;
    let identity = identities.get(item.rule);
    if (identity === undefined) {
      identity = ruleIdentity(item.rule);
      identities.set(item.rule, identity);
    }
    const on = item.on;
    let onAnnotations: Record<string, string> | undefined;
    if (on) {
      if (annotations.has(on)) onAnnotations = annotations.get(on);
      else {
        onAnnotations = on.annotations;
        annotations.set(on, onAnnotations);
      }
    }
    item.finding.suppressed = suppressor.suppress({
      finding: item.finding,
      rule: identity,
      absolute: file === undefined ? undefined : input.absolute.get(file),
      source: item.source,
      annotations: onAnnotations,
      objectId: objectIdOf(on),
      scopeLine: item.scopeLine,
    });
  };
}

interface FindingContext {
  /** The one copy of a string kept for the scan. */
  shared(text: string): string;
  /** The file path fingerprints use: relative to the working directory, with forward slashes. */
  pathOf(file: string): string;
  /** How many times this key was seen before in the scan (0 the first time). */
  occurrence(key: string): number;
}

/**
 * A JSON path made independent of list order where list items are named (containers, volumes,
 * env vars, ports): `/spec/containers/1/image` becomes `/spec/containers/[name=web]/image`, so
 * inserting a container before `web` does not turn its findings into new ones.
 */
function stablePath(on: Locatable | undefined, path: readonly (string | number)[]): string {
  if (!(on instanceof K8sObject)) return toPointer(path);
  const parts: string[] = [];
  let value: unknown = on.value;
  for (const segment of path) {
    const item: unknown = Array.isArray(value) && typeof segment === 'number' ? value[segment] : undefined;
    const name =
      item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>).name : undefined;
    parts.push(typeof name === 'string' ? `[name=${JSON.stringify(name)}]` : escapePointer(segment));
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return parts.length === 0 ? '' : `/${parts.join('/')}`;
}

/**
 * A report made a finding, with its position: the node at the report's path (or its range) in
 * the source, found through the positions recorded while the source was read.
 */
function toPending(
  rule: AnyRule,
  report: Report,
  subject: unknown,
  severityOverride: Severity | undefined,
  identity: FindingContext,
): Pending {
  const on = report.on ?? defaultLocatable(subject);
  const source = report.source ?? on?.source;
  const meta = rule.meta;
  const range = report.range;
  // The identity of a finding holds no line or column: the rule, the file, the object, where in
  // the object (with named list items by name), and the rule's own key. A finding known only by a
  // source range (a Dockerfile instruction) is known by the text it points at and which
  // occurrence of that text it is, so moving code around does not make it new.
  const file = source === undefined ? undefined : identity.pathOf(source.path);
  let where: string;
  if (report.path !== undefined) where = stablePath(on, report.path);
  else if (range !== undefined && !on?.ref && report.key === undefined && source) {
    const snippet = source.text
      .slice(range[0], Math.min(range[1], range[0] + 200))
      .replace(/\s+/g, ' ')
      .trim();
    const key = `${meta.id}\u0000${file ?? ''}\u0000${snippet}`;
    where = `@${snippet}#${identity.occurrence(key)}`;
  } else where = '';
  const scope = range !== undefined ? on?.scopeOf?.(range[0]) : undefined;
  const located = range ?? on?.locate(report.path ?? []);
  const position = located !== undefined && source ? source.range(located) : undefined;
  // Fields in the order of the finding contract (GUIDE.md). threats and references are the rule's
  // own arrays until a merge adds to them (copy on write).
  const severity = severityOverride ?? report.severity ?? meta.severity;
  const message = identity.shared(report.message);
  const ref = on?.ref;
  const path = report.path !== undefined ? identity.shared(toPointer(report.path)) : undefined;
  const fingerprint = fingerprintOf([meta.id, file, objectIdOf(on), where, report.key]);
  // Most findings have every field: written out in one literal, they keep all of them inside the
  // object instead of in a second, growable block (which the spreads below lead to).
  const finding: Finding =
    source && position && ref && path !== undefined
      ? {
          rule: meta.id,
          severity,
          message,
          file: source.path,
          line: position.line,
          column: position.column,
          endLine: position.endLine,
          endColumn: position.endColumn,
          object: ref,
          path,
          threats: meta.threats,
          references: meta.references,
          remediation: meta.remediation,
          suppressed: null,
          fingerprint,
        }
      : {
          rule: meta.id,
          severity,
          message,
          ...(source ? { file: source.path } : {}),
          ...position,
          ...(ref ? { object: ref } : {}),
          ...(path !== undefined ? { path } : {}),
          threats: meta.threats,
          references: meta.references,
          remediation: meta.remediation,
          suppressed: null,
          fingerprint,
        };
  if (report.evidence && report.evidence.length > 0) finding.evidence = report.evidence.map(identity.shared);
  return {
    finding,
    rule,
    on,
    source,
    scopeLine: scope !== undefined && source ? source.positionAt(scope[0]).line : undefined,
  };
}

/** Every rule id a rule refines, directly or through the rules it refines. */
function overlapClosure(rule: AnyRule, byId: ReadonlyMap<string, AnyRule>, cache: Map<string, Set<string>>): Set<string> {
  const cached = cache.get(rule.meta.id);
  if (cached) return cached;
  const closure = new Set<string>();
  cache.set(rule.meta.id, closure); // guards against cycles
  for (const id of rule.meta.overlaps ?? []) {
    closure.add(id);
    const next = byId.get(id);
    if (next) for (const deeper of overlapClosure(next, byId, cache)) closure.add(deeper);
  }
  return closure;
}

/**
 * Drops findings that a refining rule also reported on the same node of the same object. The
 * surviving finding (one that nothing else in the group refines) carries the references and threats
 * of every finding it refines, also through chains (`k8s/host-path-mount` refines
 * `pss/host-path-volumes`, which refines `pss/restricted-volumes`).
 */
function mergeOverlaps(pending: Pending[]): Pending[] {
  // Only findings of rules that refine or are refined can be dropped or merged into.
  const involved = new Set<string>();
  for (const p of pending) {
    const overlaps = p.rule.meta.overlaps;
    if (overlaps === undefined || overlaps.length === 0) continue;
    involved.add(p.rule.meta.id);
    for (const id of overlaps) involved.add(id);
  }
  if (involved.size === 0) return pending;
  const byId = new Map<string, AnyRule>();
  for (const p of pending) byId.set(p.rule.meta.id, p.rule);
  const cache = new Map<string, Set<string>>();
  const keyOf = (p: Pending) => `${p.finding.file ?? ''}\u0000${objectIdOf(p.on) ?? ''}\u0000${p.finding.path ?? ''}`;
  const byKey = new Map<string, Pending[]>();
  for (const p of pending) {
    if (!involved.has(p.rule.meta.id)) continue;
    const key = keyOf(p);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const dropped = new Set<Pending>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const closures = group.map((p) => overlapClosure(p.rule, byId, cache));
    group.forEach((p, i) => {
      const refiners = group.filter((q, k) => k !== i && q.rule.meta.id !== p.rule.meta.id && closures[k]?.has(p.rule.meta.id));
      if (refiners.length === 0) return;
      dropped.add(p);
      for (const q of refiners) {
        for (const reference of p.finding.references)
          if (!q.finding.references.includes(reference)) q.finding.references = [...q.finding.references, reference];
        for (const threat of p.finding.threats)
          if (!q.finding.threats.includes(threat)) q.finding.threats = [...q.finding.threats, threat];
      }
    });
  }
  if (dropped.size === 0) return pending;
  // A dropped refiner's references reach the finding that refines it as well.
  for (const group of byKey.values()) {
    const winners = group.filter((p) => !dropped.has(p));
    for (const p of group) {
      if (!dropped.has(p)) continue;
      for (const q of winners) {
        if (!overlapClosure(q.rule, byId, cache).has(p.rule.meta.id)) continue;
        for (const reference of p.finding.references)
          if (!q.finding.references.includes(reference)) q.finding.references = [...q.finding.references, reference];
        for (const threat of p.finding.threats)
          if (!q.finding.threats.includes(threat)) q.finding.threats = [...q.finding.threats, threat];
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
