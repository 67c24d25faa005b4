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
import noLoggingNone from './no-logging-none.js';
import noPortsOnAllInterfaces from './no-ports-on-all-interfaces.js';
import noPrivileged from './no-privileged.js';
import noRootUser from './no-root-user.js';
import noSensitiveHostMounts from './no-sensitive-host-mounts.js';
import noUnconfinedSecurityOpt from './no-unconfined-security-opt.js';
import noUnsafeSysctls from './no-unsafe-sysctls.js';
import noWritableBindMounts from './no-writable-bind-mounts.js';
import requireCapDropAll from './require-cap-drop-all.js';
import requireNoNewPrivileges from './require-no-new-privileges.js';
import requireReadOnly from './require-read-only.js';
import requireResourceLimits from './require-resource-limits.js';
import requireRestartLimit from './require-restart-limit.js';
import requireUserNetworks from './require-user-networks.js';

export const composeRules: readonly AnyRule[] = [
  noPrivileged,
  noDangerousCapabilities,
  requireCapDropAll,
  noHostNetwork,
  noHostPid,
  noHostIpc,
  noHostUserns,
  noHostUts,
  noSensitiveHostMounts,
  noWritableBindMounts,
  noUnconfinedSecurityOpt,
  requireNoNewPrivileges,
  requireReadOnly,
  noRootUser,
  requireResourceLimits,
  noPortsOnAllInterfaces,
  noInlineSecrets,
  noLatestTag,
  noDevices,
  noUnsafeSysctls,
  requireRestartLimit,
  noLoggingNone,
  requireUserNetworks,
];
