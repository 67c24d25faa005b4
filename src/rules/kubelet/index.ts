import type { AnyRule } from '../types.js';
import anonymousAuth from './anonymous-auth.js';
import authorizationMode from './authorization-mode.js';
import clientCaFile from './client-ca-file.js';
import makeIptablesUtilChains from './make-iptables-util-chains.js';
import noHostnameOverride from './no-hostname-override.js';
import podPidsLimit from './pod-pids-limit.js';
import protectKernelDefaults from './protect-kernel-defaults.js';
import readOnlyPort from './read-only-port.js';
import rotateCertificates from './rotate-certificates.js';
import rotateServerCertificates from './rotate-server-certificates.js';
import seccompDefault from './seccomp-default.js';
import streamingConnectionIdleTimeout from './streaming-connection-idle-timeout.js';
import strongCiphers from './strong-ciphers.js';
import tlsCertificate from './tls-certificate.js';
import webhookAuthentication from './webhook-authentication.js';

export const kubeletRules: readonly AnyRule[] = [
  anonymousAuth,
  authorizationMode,
  clientCaFile,
  makeIptablesUtilChains,
  noHostnameOverride,
  podPidsLimit,
  protectKernelDefaults,
  readOnlyPort,
  rotateCertificates,
  rotateServerCertificates,
  seccompDefault,
  streamingConnectionIdleTimeout,
  strongCiphers,
  tlsCertificate,
  webhookAuthentication,
];
