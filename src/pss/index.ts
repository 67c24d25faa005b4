/**
 * Pod Security Standards, exactly: an evaluator with the semantics of Kubernetes' Pod Security
 * Admission, every check and policy version from v1.0 to v1.37 plus `latest`.
 */
export { evaluatePod, evaluateWorkload, type PssOptions, podOfWorkload, workloadPath } from './evaluate.js';
export type { PodInput } from './pod.js';
export { ALL_CHECKS, BASELINE_CHECKS, checksAt, findCheck, RESTRICTED_CHECKS } from './registry.js';
export type { Check, CheckId, PssLevel, PssResult, Violation, ViolationField } from './types.js';
export { NEWEST_POLICY_MINOR, POLICY_VERSIONS, parsePssVersion } from './version.js';
