/**
 * The Pod Security Standards evaluator's data model. Check ids, levels and version numbering follow
 * Kubernetes' Pod Security Admission (k8s.io/pod-security-admission), so a result here can be read
 * next to what the API server would say about the same pod.
 */
import type { Path } from '../sources/yaml.js';
import type { PodView } from './pod.js';

export type PssLevel = 'baseline' | 'restricted';

/** The upstream check ids, exactly as Pod Security Admission names them. */
export type CheckId =
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'windowsHostProcess'
  | 'allowPrivilegeEscalation'
  | 'capabilities_restricted'
  | 'procMount_restricted'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seccompProfile_restricted';

/** One offending field (or the place a required field is missing). */
export interface ViolationField {
  /** Path relative to the pod: `['spec', 'containers', 0, 'securityContext', 'privileged']`. */
  path: Path;
  /** Who set it, for messages: `container "web"`, `init container "setup"`, `pod`, `volume "data"`. */
  subject: string;
  /** The container's name when the field belongs to a container. */
  container?: string;
  /** The dotted field name as users write it (`securityContext.privileged`). */
  field: string;
  /** The offending value; undefined when the problem is that the field is missing. */
  value?: unknown;
  /** True when the field is required and absent (or must be set to a specific value). */
  missing?: boolean;
}

export interface Violation {
  /** The upstream check id (`runAsNonRoot`, `hostPathVolumes`, `seccompProfile_restricted`, ...). */
  check: CheckId;
  /** Short reason, in the spirit of upstream's ForbiddenReason (`host namespaces`). */
  reason: string;
  /** What exactly is wrong, naming containers, volumes and values. */
  detail: string;
  /** The exact offending fields, relative to the pod (or to the object, after mapping onto a workload). */
  paths: Path[];
  /** The same fields with who set them and the values, for messages. */
  fields: ViolationField[];
}

export interface PssResult {
  allowed: boolean;
  violations: Violation[];
}

/** What a failing check returns before the evaluator adds its id. */
export interface CheckFailure {
  reason: string;
  detail: string;
  fields: ViolationField[];
}

export type CheckFn = (pod: PodView) => CheckFailure | undefined;

export interface VersionedCheck {
  /** First policy minor version (v1.N) this implementation applies to. */
  since: number;
  evaluate: CheckFn;
  /**
   * Baseline checks that this restricted check replaces at the restricted level (upstream's
   * OverrideCheckIDs). See evaluate.ts for how overridden checks are still reported.
   */
  overrides?: readonly CheckId[];
}

export interface Check {
  id: CheckId;
  level: PssLevel;
  /** The PSS control this check implements, as the Kubernetes Pod Security Standards page names it. */
  control: string;
  /** Implementations, oldest first. */
  versions: readonly VersionedCheck[];
}
