import type { AnyRule } from '../types.js';
import noDangerousCapabilities from './no-dangerous-capabilities.js';
import noDevices from './no-devices.js';
import noHostIpc from './no-host-ipc.js';
import noHostNetwork from './no-host-network.js';
import noHostPid from './no-host-pid.js';
import noHostUserns from './no-host-userns.js';
import noHostUts from './no-host-uts.js';
import noInlineSecrets from './no-inline-secrets.js';
import noLatestTag from './no-latest-tag.js';
import noPortsOnAllInterfaces from './no-ports-on-all-interfaces.js';
import noPrivileged from './no-privileged.js';
import noRootUser from './no-root-user.js';
import noSensitiveHostMounts from './no-sensitive-host-mounts.js';
import noUnconfinedSecurityOpt from './no-unconfined-security-opt.js';
import noUnsafeSysctls from './no-unsafe-sysctls.js';
import requireResourceLimits from './require-resource-limits.js';

export const dockerRunRules: readonly AnyRule[] = [
  noPrivileged,
  noDangerousCapabilities,
  noHostNetwork,
  noHostPid,
  noHostIpc,
  noHostUserns,
  noHostUts,
  noSensitiveHostMounts,
  noUnconfinedSecurityOpt,
  noRootUser,
  requireResourceLimits,
  noPortsOnAllInterfaces,
  noInlineSecrets,
  noDevices,
  noUnsafeSysctls,
  noLatestTag,
];
