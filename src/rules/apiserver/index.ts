import type { AnyRule } from '../types.js';
import alwaysPullImages from './always-pull-images.js';
import anonymousAuth from './anonymous-auth.js';
import auditLogMaxage from './audit-log-maxage.js';
import auditLogMaxbackup from './audit-log-maxbackup.js';
import auditLogMaxsize from './audit-log-maxsize.js';
import auditLogPath from './audit-log-path.js';
import auditPolicyFile from './audit-policy-file.js';
import authorizationNode from './authorization-node.js';
import authorizationRbac from './authorization-rbac.js';
import clientCaFile from './client-ca-file.js';
import denyServiceExternalIps from './deny-service-external-ips.js';
import encryptionConfigMounted from './encryption-config-mounted.js';
import encryptionConfigReload from './encryption-config-reload.js';
import encryptionProviderConfig from './encryption-provider-config.js';
import etcdClientCertificate from './etcd-client-certificate.js';
import etcdTls from './etcd-tls.js';
import eventRateLimit from './event-rate-limit.js';
import kubeletCertificateAuthority from './kubelet-certificate-authority.js';
import kubeletClientCertificate from './kubelet-client-certificate.js';
import namespaceLifecycle from './namespace-lifecycle.js';
import noAlwaysAdmit from './no-always-admit.js';
import noAlwaysAllow from './no-always-allow.js';
import noInsecurePort from './no-insecure-port.js';
import noProfiling from './no-profiling.js';
import noTokenAuthFile from './no-token-auth-file.js';
import nodeRestriction from './node-restriction.js';
import serviceAccountAdmission from './service-account-admission.js';
import serviceAccountExtendTokenExpiration from './service-account-extend-token-expiration.js';
import serviceAccountKeyFile from './service-account-key-file.js';
import serviceAccountLookup from './service-account-lookup.js';
import strongCiphers from './strong-ciphers.js';
import tlsCertificate from './tls-certificate.js';

export const apiserverRules: readonly AnyRule[] = [
  alwaysPullImages,
  anonymousAuth,
  auditLogMaxage,
  auditLogMaxbackup,
  auditLogMaxsize,
  auditLogPath,
  auditPolicyFile,
  authorizationNode,
  authorizationRbac,
  clientCaFile,
  denyServiceExternalIps,
  encryptionConfigMounted,
  encryptionConfigReload,
  encryptionProviderConfig,
  etcdClientCertificate,
  etcdTls,
  eventRateLimit,
  kubeletCertificateAuthority,
  kubeletClientCertificate,
  namespaceLifecycle,
  noAlwaysAdmit,
  noAlwaysAllow,
  noInsecurePort,
  noProfiling,
  noTokenAuthFile,
  nodeRestriction,
  serviceAccountAdmission,
  serviceAccountExtendTokenExpiration,
  serviceAccountKeyFile,
  serviceAccountLookup,
  strongCiphers,
  tlsCertificate,
];
