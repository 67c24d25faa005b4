/**
 * What the suppression rules check: every suppression of the scan, whether it matched, and which
 * rules are known and enabled, so that stale and unexplained suppressions are reported.
 */
import type { SourceText } from '../core/source.js';
import type { AnnotationDirective, CommentDirective, Suppressor } from './suppress.js';

export interface SuppressionIndex {
  comments: readonly CommentDirective[];
  annotations: readonly AnnotationDirective[];
  exemptions: Suppressor['exemptions'];
  /** Sources by path, to point at comment directives. */
  sources: ReadonlyMap<string, SourceText>;
  /** The config file, to point at exemptions. */
  configSource: SourceText | undefined;
  /** Resolves a rule id, alias or `hadolint:DLxxxx` code to the rule ids it designates. */
  resolve(name: string): string[];
  isEnabled(ruleId: string): boolean;
}
