/**
 * The threat catalogue (GUIDE.md section 4). Every rule names at least one threat; the
 * text says what an attacker gains.
 */
export const THREATS = {
  'host-compromise': 'Control of the host: docker daemon or API exposure, privileged containers, host namespaces.',
  'permissive-volume-mount': 'An escape through a host path or socket mounted into a container.',
  'application-escape':
    'A shell or more inside the container after the application is compromised (root user, writable filesystem, shell tooling).',
  'network-port-escape': 'Entry through a weakly protected port published on the host or the cluster edge.',
  'kernel-exploit': 'A path to the host kernel: no seccomp, dangerous capabilities, no sandbox.',
  'lateral-movement': 'Reach into other containers or pods over the network.',
  'network-resource-access':
    'Reach into other resources over the network: cloud metadata, directories, build servers, the Kubernetes API.',
  'network-sniffing': "Reading other workloads' traffic: raw sockets, host network, no mutual TLS.",
  'malicious-payload': 'Running a modified image: mutable tags, unsigned images.',
  'vulnerable-image': 'Exploiting known-vulnerable components in an image.',
  'poisoned-registry': 'Images from untrusted, insecure or unpinned registries.',
  'secret-theft': 'Secrets from images, environment variables, manifests, plaintext etcd or broad RBAC.',
  'resource-starvation': 'Denial of service by exhausting CPU, memory, disk, processes or network.',
  'privilege-escalation':
    'More rights than granted: allowPrivilegeEscalation, setuid, RBAC escalate/bind/impersonate, pod creation that borrows service accounts.',
  'control-plane-exposure': 'The API server, kubelet or etcd reachable without authentication or authorization.',
  'undetected-activity': 'Acting unseen: no audit logging, logging below info, no runtime monitoring.',
} as const;

export type ThreatId = keyof typeof THREATS;

export const THREAT_IDS = Object.keys(THREATS) as ThreatId[];

export function isThreatId(value: string): value is ThreatId {
  return Object.hasOwn(THREATS, value);
}
