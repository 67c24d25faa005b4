/**
 * Every check, and which implementation of each applies at a level and version. The order of the
 * results follows Pod Security Admission: baseline checks by id, then restricted checks by id.
 */
import { allowPrivilegeEscalation } from './checks/allow-privilege-escalation.js';
import { appArmorProfile } from './checks/apparmor.js';
import { capabilitiesBaseline, capabilitiesRestricted } from './checks/capabilities.js';
import { hostNamespaces } from './checks/host-namespaces.js';
import { hostPathVolumes } from './checks/host-path-volumes.js';
import { hostPorts } from './checks/host-ports.js';
import { hostProbesAndHostLifecycle } from './checks/host-probes.js';
import { privileged } from './checks/privileged.js';
import { procMount, procMountRestricted } from './checks/proc-mount.js';
import { restrictedVolumes } from './checks/restricted-volumes.js';
import { runAsNonRoot, runAsUser } from './checks/run-as.js';
import { seccompProfileBaseline, seccompProfileRestricted } from './checks/seccomp.js';
import { seLinuxOptions } from './checks/selinux.js';
import { sysctls } from './checks/sysctls.js';
import { windowsHostProcess } from './checks/windows-host-process.js';
import type { Check, CheckId, PssLevel, VersionedCheck } from './types.js';

const byId = (a: Check, b: Check) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const BASELINE_CHECKS: readonly Check[] = [
  appArmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  seLinuxOptions,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
].sort(byId);

export const RESTRICTED_CHECKS: readonly Check[] = [
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
].sort(byId);

export const ALL_CHECKS: readonly Check[] = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS];

export function findCheck(id: CheckId): Check | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}

/** The implementation of a check in effect at a minor version, or undefined before the check starts. */
export function versionAt(check: Check, minor: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const versioned of check.versions) if (versioned.since <= minor) found = versioned;
  return found;
}

export interface ActiveCheck {
  check: Check;
  implementation: VersionedCheck;
}

/** The checks that apply at a level and minor version, in result order. */
export function checksAt(level: PssLevel, minor: number): ActiveCheck[] {
  const checks = level === 'baseline' ? BASELINE_CHECKS : ALL_CHECKS;
  const out: ActiveCheck[] = [];
  for (const check of checks) {
    const implementation = versionAt(check, minor);
    if (implementation) out.push({ check, implementation });
  }
  return out;
}
