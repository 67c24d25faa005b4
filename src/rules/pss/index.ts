import type { AnyRule } from '../types.js';
import allowPrivilegeEscalation from './allow-privilege-escalation.js';
import apparmorProfile from './apparmor-profile.js';
import capabilitiesBaseline from './capabilities-baseline.js';
import capabilitiesRestricted from './capabilities-restricted.js';
import hostNamespaces from './host-namespaces.js';
import hostPathVolumes from './host-path-volumes.js';
import hostPorts from './host-ports.js';
import hostProbesAndLifecycle from './host-probes-and-lifecycle.js';
import privileged from './privileged.js';
import procMount from './proc-mount.js';
import procMountRestricted from './proc-mount-restricted.js';
import restrictedVolumes from './restricted-volumes.js';
import runAsNonRoot from './run-as-non-root.js';
import runAsUser from './run-as-user.js';
import seccompProfileBaseline from './seccomp-profile-baseline.js';
import seccompProfileRestricted from './seccomp-profile-restricted.js';
import selinuxOptions from './selinux-options.js';
import sysctls from './sysctls.js';
import windowsHostProcess from './windows-host-process.js';

/** One rule per Pod Security Admission check, evaluated at the configured level and version. */
export const pssRules: readonly AnyRule[] = [
  privileged,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndLifecycle,
  apparmorProfile,
  selinuxOptions,
  procMount,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
  capabilitiesBaseline,
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
  procMountRestricted,
];
