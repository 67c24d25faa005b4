import type { AnyRule } from '../types.js';
import allowedRegistries from './allowed-registries.js';
import apparmorProfile from './apparmor-profile.js';
import automountServiceAccountToken from './automount-service-account-token.js';
import configmapCredentials from './configmap-credentials.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import defaultNamespace from './default-namespace.js';
import defaultServiceAccount from './default-service-account.js';
import dropAllCapabilities from './drop-all-capabilities.js';
import envCredentials from './env-credentials.js';
import ephemeralStorageLimit from './ephemeral-storage-limit.js';
import exposedService from './exposed-service.js';
import hostPathMount from './host-path-mount.js';
import imageDigest from './image-digest.js';
import imagePullPolicy from './image-pull-policy.js';
import imageTag from './image-tag.js';
import livenessProbe from './liveness-probe.js';
import noHostIpc from './no-host-ipc.js';
import noHostNetwork from './no-host-network.js';
import noHostPid from './no-host-pid.js';
import noHostPort from './no-host-port.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import noPrivileged from './no-privileged.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import readinessProbe from './readiness-probe.js';
import resourceLimits from './resource-limits.js';
import resourceRequests from './resource-requests.js';
import runAsNonRoot from './run-as-non-root.js';
import seccompProfile from './seccomp-profile.js';
import secretData from './secret-data.js';
import secretInEnv from './secret-in-env.js';
import selinuxOptions from './selinux-options.js';
import serviceExternalIps from './service-external-ips.js';

export const k8sRules: readonly AnyRule[] = [
  noPrivileged,
  runAsNonRoot,
  noPrivilegeEscalation,
  readOnlyRootFilesystem,
  dropAllCapabilities,
  dangerousCapabilities,
  hostPathMount,
  noHostNetwork,
  noHostPid,
  noHostIpc,
  noHostPort,
  seccompProfile,
  apparmorProfile,
  selinuxOptions,
  resourceRequests,
  resourceLimits,
  ephemeralStorageLimit,
  imageTag,
  imageDigest,
  allowedRegistries,
  imagePullPolicy,
  secretInEnv,
  envCredentials,
  automountServiceAccountToken,
  defaultServiceAccount,
  defaultNamespace,
  secretData,
  configmapCredentials,
  exposedService,
  serviceExternalIps,
  livenessProbe,
  readinessProbe,
];
