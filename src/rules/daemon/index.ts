import type { AnyRule } from '../types.js';
import noExperimental from './no-experimental.js';
import noInsecureRegistries from './no-insecure-registries.js';
import noIptablesDisabled from './no-iptables-disabled.js';
import noSelinuxDisabled from './no-selinux-disabled.js';
import noTcpOnAllInterfaces from './no-tcp-on-all-interfaces.js';
import noTcpWithoutTls from './no-tcp-without-tls.js';
import noUnconfinedSeccomp from './no-unconfined-seccomp.js';
import noUserlandProxy from './no-userland-proxy.js';
import requireAuthorizationPlugin from './require-authorization-plugin.js';
import requireContentTrust from './require-content-trust.js';
import requireDefaultUlimits from './require-default-ulimits.js';
import requireIccDisabled from './require-icc-disabled.js';
import requireInfoLogLevel from './require-info-log-level.js';
import requireLiveRestore from './require-live-restore.js';
import requireNoNewPrivileges from './require-no-new-privileges.js';
import requireRemoteLogging from './require-remote-logging.js';
import requireUsernsRemap from './require-userns-remap.js';

export const daemonRules: readonly AnyRule[] = [
  noTcpWithoutTls,
  noTcpOnAllInterfaces,
  requireIccDisabled,
  requireUsernsRemap,
  requireNoNewPrivileges,
  requireLiveRestore,
  noUserlandProxy,
  requireInfoLogLevel,
  requireRemoteLogging,
  requireDefaultUlimits,
  noUnconfinedSeccomp,
  noSelinuxDisabled,
  noInsecureRegistries,
  noExperimental,
  noIptablesDisabled,
  requireAuthorizationPlugin,
  requireContentTrust,
];
