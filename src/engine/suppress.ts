/**
 * Suppressions: comments in source files, annotations on objects, exemptions in config and a
 * baseline file. Every suppression carries a reason; the engine records which ones matched so that
 * those that match nothing can be reported.
 */
import { relative } from 'node:path';
import picomatch from 'picomatch';
import type { Finding, Suppression } from '../core/finding.js';
import type { SourceText } from '../core/source.js';
import type { Locatable } from '../rules/types.js';
import type { Exemption, GreenbeltConfig } from './config.js';

export const ANNOTATION_PREFIX = 'ignore.greenbelt.dev/';

/** The annotation key that suppresses a rule: `ignore.greenbelt.dev/k8s.no-privileged`. */
export function annotationKeyFor(ruleId: string): string {
  return ANNOTATION_PREFIX + ruleId.replace('/', '.');
}

export interface CommentDirective {
  file: string;
  line: number;
  column: number;
  /** Rule ids, aliases, or `hadolint:DLxxxx` codes. */
  rules: string[];
  reason: string;
  /** `greenbelt-ignore-file`: applies to the whole file. */
  wholeFile: boolean;
  source: 'greenbelt' | 'hadolint';
  /** The names in `rules` that suppressed at least one finding. */
  used: Set<string>;
}

export interface AnnotationDirective {
  file: string | undefined;
  objectId: string;
  key: string;
  rule: string;
  reason: string;
  used: boolean;
  /** The annotated object, to point at the annotation. */
  on: Locatable;
}

const DIRECTIVE = /(?:^|\s)#\s*greenbelt-ignore(-file)?(?=[\s:]|$)\s*([^:#]*?)\s*(?::\s*(.*?))?\s*$/;
const HADOLINT = /(?:^|\s)#\s*hadolint\s+ignore=([A-Za-z0-9,\s]+?)\s*$/;

/** Finds every suppression comment in a source file. */
export function parseCommentDirectives(source: SourceText): CommentDirective[] {
  const text = source.text;
  if (!text.includes('greenbelt-ignore') && !text.includes('hadolint')) return [];
  const out: CommentDirective[] = [];
  const lineCount = source.lineCount;
  for (let line = 1; line <= lineCount; line++) {
    const content = source.lineText(line);
    if (!content.includes('#')) continue;
    const match = DIRECTIVE.exec(content);
    if (match) {
      const rules = (match[2] ?? '')
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter((r) => r !== '');
      out.push({
        file: source.path,
        line,
        column: content.indexOf('#') + 1,
        rules,
        reason: (match[3] ?? '').trim(),
        wholeFile: match[1] === '-file',
        source: 'greenbelt',
        used: new Set(),
      });
      continue;
    }
    const hadolint = HADOLINT.exec(content);
    if (hadolint) {
      out.push({
        file: source.path,
        line,
        column: content.indexOf('#') + 1,
        rules: (hadolint[1] ?? '')
          .split(/[\s,]+/)
          .filter((r) => r !== '')
          .map((code) => `hadolint:${code.toUpperCase()}`),
        reason: 'hadolint ignore comment',
        wholeFile: false,
        source: 'hadolint',
        used: new Set(),
      });
    }
  }
  return out;
}

function isCommentLine(text: string): boolean {
  return text.trimStart().startsWith('#');
}

export interface RuleIdentity {
  id: string;
  aliases: readonly string[];
  /** `hadolint:DLxxxx` codes of equivalent hadolint checks. */
  hadolint: readonly string[];
}

/** The name in `names` that designates the rule, if any. */
function nameOf(names: readonly string[], rule: RuleIdentity): string | undefined {
  for (const name of names) {
    if (name === rule.id || rule.aliases.includes(name) || rule.hadolint.includes(name)) return name;
  }
  return undefined;
}

export interface SuppressionTarget {
  finding: Finding;
  rule: RuleIdentity;
  /** Absolute path of the finding's file, for exemption path globs. */
  absolute: string | undefined;
  source: SourceText | undefined;
  annotations: Record<string, string> | undefined;
  objectId: string | undefined;
  /** First line of the statement the finding is in (a multi-line Dockerfile instruction), if any. */
  scopeLine?: number | undefined;
}

export class Suppressor {
  readonly comments: CommentDirective[] = [];
  readonly annotations: AnnotationDirective[] = [];
  readonly exemptions: ExemptionState[];
  readonly #commentsByFile = new Map<string, Map<number, CommentDirective>>();
  readonly #fileWide = new Map<string, CommentDirective[]>();
  readonly #baseline: Set<string> | undefined;
  readonly #baselineName: string;

  /** Baseline fingerprints that matched a finding. */
  readonly baselineUsed = new Set<string>();

  constructor(config: GreenbeltConfig, baseline?: { fingerprints: Set<string>; name: string }, now: Date = new Date()) {
    this.#baseline = baseline?.fingerprints;
    this.#baselineName = baseline?.name ?? '';
    this.exemptions = config.exemptions.map((exemption) => ({
      exemption,
      used: false,
      expired: exemption.expires !== undefined && isExpired(exemption.expires, now),
      match: compileExemption(exemption, config.root),
    }));
  }

  addSource(source: SourceText): void {
    const directives = parseCommentDirectives(source);
    if (directives.length === 0) return;
    const byLine = new Map<number, CommentDirective>();
    for (const directive of directives) {
      this.comments.push(directive);
      if (directive.wholeFile) {
        const list = this.#fileWide.get(source.path) ?? [];
        list.push(directive);
        this.#fileWide.set(source.path, list);
      } else byLine.set(directive.line, directive);
    }
    this.#commentsByFile.set(source.path, byLine);
  }

  addAnnotations(directives: AnnotationDirective[]): void {
    this.annotations.push(...directives);
  }

  /** The suppression that applies to a finding, if any (and marks it used). */
  suppress(target: SuppressionTarget): Suppression | null {
    return this.#byAnnotation(target) ?? this.#byComment(target) ?? this.#byConfig(target) ?? this.#byBaseline(target) ?? null;
  }

  #byAnnotation(target: SuppressionTarget): Suppression | undefined {
    if (!target.annotations || target.objectId === undefined) return undefined;
    const keys = [target.rule.id, ...target.rule.aliases].map(annotationKeyFor);
    for (const key of keys) {
      const reason = target.annotations[key];
      if (reason === undefined) continue;
      const directive = this.annotations.find(
        (d) => d.objectId === target.objectId && d.key === key && d.file === target.finding.file,
      );
      if (directive) directive.used = true;
      return { by: 'annotation', reason: reason.trim() };
    }
    return undefined;
  }

  #byComment(target: SuppressionTarget): Suppression | undefined {
    const file = target.finding.file;
    if (file === undefined || target.source === undefined) return undefined;
    for (const directive of this.#fileWide.get(file) ?? []) {
      const name = nameOf(directive.rules, target.rule);
      if (name !== undefined) {
        directive.used.add(name);
        return { by: 'comment', reason: directive.reason };
      }
    }
    const byLine = this.#commentsByFile.get(file);
    const line = target.finding.line;
    if (!byLine || line === undefined) return undefined;
    // A comment on the finding's own line (trailing, or the whole line), or in the block of
    // comment-only lines directly above it; then the same for the first line of the statement the
    // finding is in (a multi-line Dockerfile instruction). A trailing comment on a line above
    // belongs to that line, not to this one.
    const starts = target.scopeLine !== undefined && target.scopeLine < line ? [line, target.scopeLine] : [line];
    for (const start of starts) {
      for (let current = start; current >= 1 && current >= start - 64; current--) {
        if (current < start && !isCommentLine(target.source.lineText(current))) break;
        const directive = byLine.get(current);
        const name = directive && nameOf(directive.rules, target.rule);
        if (directive && name !== undefined) {
          directive.used.add(name);
          return { by: 'comment', reason: directive.reason };
        }
      }
    }
    return undefined;
  }

  #byConfig(target: SuppressionTarget): Suppression | undefined {
    for (const entry of this.exemptions) {
      if (entry.expired) continue;
      if (entry.match(target)) {
        entry.used = true;
        return { by: 'config', reason: entry.exemption.reason };
      }
    }
    return undefined;
  }

  #byBaseline(target: SuppressionTarget): Suppression | undefined {
    if (this.#baseline?.has(target.finding.fingerprint)) {
      this.baselineUsed.add(target.finding.fingerprint);
      return { by: 'baseline', reason: `present in the baseline ${this.#baselineName}` };
    }
    return undefined;
  }
}

export interface ExemptionState {
  exemption: Exemption;
  used: boolean;
  /** Past its `expires` date: it suppresses nothing any more. */
  expired: boolean;
  match: (t: SuppressionTarget) => boolean;
}

/** Whether a YYYY-MM-DD date (inclusive, UTC) is over. */
export function isExpired(date: string, now: Date): boolean {
  const end = Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000;
  return !Number.isNaN(end) && now.getTime() >= end;
}

function globs(patterns: readonly string[]): ((value: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const matchers = patterns.map((p) => picomatch(p, { dot: true }));
  return (value) => matchers.some((m) => m(value));
}

function compileExemption(exemption: Exemption, root: string): (t: SuppressionTarget) => boolean {
  const rules = globs(exemption.rules);
  const namespaces = globs(exemption.namespaces);
  const kinds = globs(exemption.kinds);
  const names = globs(exemption.names);
  const paths = globs(exemption.paths);
  return (t) => {
    if (rules && !(rules(t.rule.id) || t.rule.aliases.some(rules))) return false;
    const object = t.finding.object;
    if (namespaces && !namespaces(object?.namespace ?? '')) return false;
    if (kinds && !(object && kinds(object.kind))) return false;
    if (names && !(object && names(object.name))) return false;
    if (paths) {
      const file = t.absolute ? relative(root, t.absolute).split('\\').join('/') : t.finding.file;
      if (!file || !(paths(file) || (t.finding.file !== undefined && paths(t.finding.file)))) return false;
    }
    return true;
  };
}

/** Reads a baseline file written by `--write-baseline`. */
export interface BaselineFile {
  version: 1;
  findings: { rule: string; file?: string; fingerprint: string; message: string }[];
}

export function baselineOf(findings: readonly Finding[]): BaselineFile {
  return {
    version: 1,
    findings: findings
      .filter((f) => f.suppressed === null || f.suppressed.by === 'baseline')
      .map((f) => {
        const entry: BaselineFile['findings'][number] = { rule: f.rule, fingerprint: f.fingerprint, message: f.message };
        if (f.file !== undefined) entry.file = f.file;
        return entry;
      })
      // A stable order, so that a rewritten baseline diffs well in review.
      .sort((a, b) => compare(a.file ?? '', b.file ?? '') || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint)),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
