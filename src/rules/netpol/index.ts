import type { AnyRule } from '../types.js';
import allowAllNamespaces from './allow-all-namespaces.js';
import allowAllPods from './allow-all-pods.js';
import allowAnyIp from './allow-any-ip.js';
import egressBlocksDns from './egress-blocks-dns.js';
import egressToMetadata from './egress-to-metadata.js';
import exposedWithoutIngressPolicy from './exposed-without-ingress-policy.js';
import invalidPolicy from './invalid-policy.js';
import namespaceWithoutPolicy from './namespace-without-policy.js';
import portNotListening from './port-not-listening.js';
import requireDefaultDenyEgress from './require-default-deny-egress.js';
import requireDefaultDenyIngress from './require-default-deny-ingress.js';
import selectsNoPods from './selects-no-pods.js';
import unknownNamedPort from './unknown-named-port.js';

export const netpolRules: readonly AnyRule[] = [
  namespaceWithoutPolicy,
  requireDefaultDenyIngress,
  requireDefaultDenyEgress,
  egressBlocksDns,
  selectsNoPods,
  allowAllNamespaces,
  allowAllPods,
  allowAnyIp,
  egressToMetadata,
  unknownNamedPort,
  portNotListening,
  exposedWithoutIngressPolicy,
  invalidPolicy,
];
