/** Runs every check of checks.ts, for robustness tests. */
import {
  dnsProblems,
  exposedServices,
  metadataEgress,
  portsNotListening,
  unisolatedWorkloads,
  unknownNamedPorts,
  workloadsByNamespace,
} from '../checks.js';
import type { Connectivity } from '../connectivity.js';

export function checks(connectivity: Connectivity): unknown[] {
  const model = connectivity.model;
  return [
    dnsProblems(connectivity),
    exposedServices(connectivity),
    metadataEgress(model),
    portsNotListening(connectivity),
    unknownNamedPorts(connectivity),
    [...workloadsByNamespace(model).values()].map((w) => unisolatedWorkloads(connectivity, w, 'ingress')),
  ];
}
