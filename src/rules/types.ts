/**
 * The rule contract. A rule is metadata plus a pure check over one kind of subject; it reports
 * problems through its context and never computes line numbers itself.
 */
import type { ObjectRef } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { OffsetRange, SourceText } from '../core/source.js';
import type { ThreatId } from '../core/threats.js';
import type { Settings } from '../engine/settings.js';
import type { SuppressionIndex } from '../engine/suppression-index.js';
import type { K8sObject } from '../model/k8s.js';
import type { ObjectSet } from '../model/object-set.js';
import type { Workload } from '../model/workload.js';
import type { Path } from '../sources/yaml.js';

/**
 * What each rule target checks. Other modules add targets by declaration merging:
 *
 *     declare module '../types.js' { interface TargetSubjects { dockerfile: DockerfileDocument } }
 *
 * and register a provider for them in engine/targets.ts.
 */
export interface TargetSubjects {
  /** Every Kubernetes object, one at a time. */
  k8s: K8sObject;
  /** Every object that carries a pod template (Pod, Deployment, ..., CronJob, PodTemplate). */
  workload: Workload;
  /** All Kubernetes objects of the scan at once, for cross-object analysis (RBAC, network policy). */
  'k8s-set': ObjectSet;
  /** The scan's suppressions after matching, to report those that are unused or lack a reason. */
  suppressions: SuppressionIndex;
}

export type Target = keyof TargetSubjects;

/** Something a finding can point into: a path inside it maps to a source range. */
export interface Locatable {
  readonly source: SourceText | undefined;
  locate(path: Path): OffsetRange | undefined;
  /** The Kubernetes-style reference of the object, when it is one. */
  readonly ref?: ObjectRef | undefined;
  /** Annotations that may carry suppressions (`ignore.greenbelt.dev/<rule>`). */
  readonly annotations?: Record<string, string> | undefined;
  /** Frees position data once every finding on it is located (it is rebuilt if asked again). */
  releasePositions?(): void;
  /**
   * Frees what rules computed from it (command models, shared analyses; rebuilt if asked again). A
   * subject with this method has every rule of its target run on it in turn, and is then released,
   * so its analyses die young instead of all being kept until the last rule has run.
   */
  releaseAnalyses?(): void;
  /**
   * The statement that contains an offset (a whole multi-line Dockerfile instruction): suppression
   * comments written above the statement apply to findings anywhere inside it.
   */
  scopeOf?(offset: number): OffsetRange | undefined;
}

export interface Report {
  message: string;
  /** What the path is relative to; defaults to the subject (a workload's object for workloads). */
  on?: Locatable;
  /** JSON path inside `on`; the finding points at that node (or the deepest one that exists). */
  path?: Path;
  /** An explicit source range, used instead of `path` to find the position (path is still reported). */
  range?: OffsetRange;
  /** The source the range is in, when it is not `on`'s. */
  source?: SourceText;
  /** A severity for this finding that differs from the rule's default (graded rules). */
  severity?: Severity;
  /** Supporting facts (an escalation chain, the matched pattern); never a secret's value. */
  evidence?: string[];
  /** Distinguishes the fingerprints of several findings of one rule at the same path. */
  key?: string;
}

export interface RuleContext {
  readonly settings: Settings;
  report(report: Report): void;
}

export interface RuleExample {
  /** Input that must produce at least one finding of this rule. */
  bad: string;
  /** Input that must produce none. */
  good: string;
  /** File name the examples are scanned as (defaults from the target, e.g. `example.yaml`). */
  filename?: string;
  /** A `.greenbelt.yaml` the examples are scanned with, for rules that act on settings. */
  config?: string;
}

/** A check in another tool that this rule covers, so users can map their old configuration. */
export interface RelatedCheck {
  tool:
    | 'kube-linter'
    | 'kubescape'
    | 'trivy'
    | 'polaris'
    | 'kube-score'
    | 'checkov'
    | 'hadolint'
    | 'docker-bench'
    | 'kube-bench'
    | 'kics'
    | 'dockerfilelint'
    | 'gatekeeper';
  id: string;
}

export interface RuleMeta {
  /** `<target>/<slug>`, public API: never reused or silently renamed (keep an alias). */
  id: string;
  /** One line beginning with Disallow, Require or Enforce. */
  description: string;
  /** Why it matters: what an attacker does with it. Rendered in docs and `explain`. */
  rationale: string;
  severity: Severity;
  threats: ThreatId[];
  /** Standards it implements, written so a person can find them (`CIS Kubernetes 5.2.2`). */
  references: string[];
  /** What to change, concretely. */
  remediation: string;
  examples: RuleExample[];
  related?: RelatedCheck[];
  /** Earlier ids of this rule; config and suppressions that use them keep working. */
  aliases?: string[];
  /**
   * Rules whose findings this one refines: when both report the same node of the same object,
   * only this rule's finding is kept and it carries the other's references too.
   */
  overlaps?: string[];
  /** Off unless enabled in config. */
  defaultOff?: boolean;
}

export interface Rule<T extends Target = Target> {
  readonly meta: RuleMeta;
  readonly target: T;
  check(subject: TargetSubjects[T], context: RuleContext): void;
  /** Whether the rule applies under these settings (for example, only at one Pod Security level). */
  isActive?(settings: Settings): boolean;
}

// Rules of different targets live in one list; a rule's check only ever receives subjects of its
// own target, which the engine guarantees, so the list is typed with the widest subject.
export type AnyRule = { [T in Target]: Rule<T> }[Target];

export function defineRule<T extends Target>(rule: Rule<T>): Rule<T> {
  return rule;
}
