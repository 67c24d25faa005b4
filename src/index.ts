/**
 * greenbelt's library API. The CLI, the admission webhook and the runtime engine are thin shells
 * over these functions.
 */

export {
  buildNetpolAnalysis,
  type Connection,
  ConnSet,
  formatConnections,
  type NetpolAnalysis,
  netpolAnalysisOf,
} from './analyzers/netpol/index.js';
export type { Finding, ObjectRef, ScanError, ScanResult, ScanSummary, SkippedFile, Suppression } from './core/finding.js';
export { SEVERITIES, type Severity } from './core/severity.js';
export { SourceText } from './core/source.js';
export { THREAT_IDS, THREATS, type ThreatId } from './core/threats.js';
export { ruleMarkdown } from './docs/rule-docs.js';
export { emptyConfig, type GreenbeltConfig, loadConfigFile, parseConfig } from './engine/config.js';
export { defaultSettings, type Settings } from './engine/settings.js';
export { K8sObject } from './model/k8s.js';
export { ObjectSet } from './model/object-set.js';
export { type Container, type Workload, workloadOf } from './model/workload.js';
export {
  type CheckId,
  evaluatePod,
  evaluateWorkload,
  type PodInput,
  type PssLevel,
  type PssOptions,
  type PssResult,
  type Violation,
} from './pss/index.js';
export {
  FORMATS,
  type FormatName,
  type FormatOptions,
  format,
  formatGithub,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
} from './report/index.js';
export { scanResultSchema } from './report/schema.js';
export { allRules, findRule } from './rules/index.js';
export type { AnyRule, Rule, RuleMeta } from './rules/types.js';
export { type ScanOptions, scan, scanWithConfig } from './scan.js';
