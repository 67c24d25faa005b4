import type { AnyRule } from '../types.js';
import bindAddress from './bind-address.js';
import noProfiling from './no-profiling.js';
import rootCaFile from './root-ca-file.js';
import rotateKubeletServerCertificate from './rotate-kubelet-server-certificate.js';
import serviceAccountPrivateKeyFile from './service-account-private-key-file.js';
import terminatedPodGcThreshold from './terminated-pod-gc-threshold.js';
import useServiceAccountCredentials from './use-service-account-credentials.js';

export const controllerManagerRules: readonly AnyRule[] = [
  bindAddress,
  noProfiling,
  rootCaFile,
  rotateKubeletServerCertificate,
  serviceAccountPrivateKeyFile,
  terminatedPodGcThreshold,
  useServiceAccountCredentials,
];
