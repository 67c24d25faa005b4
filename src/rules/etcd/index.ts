import type { AnyRule } from '../types.js';
import clientCertAuth from './client-cert-auth.js';
import dedicatedCa from './dedicated-ca.js';
import noAutoTls from './no-auto-tls.js';
import noPeerAutoTls from './no-peer-auto-tls.js';
import peerClientCertAuth from './peer-client-cert-auth.js';
import peerTlsCertificate from './peer-tls-certificate.js';
import tlsCertificate from './tls-certificate.js';

export const etcdRules: readonly AnyRule[] = [
  clientCertAuth,
  dedicatedCa,
  noAutoTls,
  noPeerAutoTls,
  peerClientCertAuth,
  peerTlsCertificate,
  tlsCertificate,
];
