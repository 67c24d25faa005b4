/**
 * Kernel parameters (sysctls) set for a container: compose `sysctls`, `docker run --sysctl` and
 * the pod's `securityContext.sysctls`.
 *
 * Two facts decide how risky one is:
 * - whether it is **namespaced**: the kernel keeps a copy per IPC namespace (`kernel.shm*`,
 *   `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`) or per network namespace (`net.*`). Anything else
 *   is node-level: setting it from a container would change it for the whole host, so Docker, runc
 *   and the kubelet refuse it and the container does not start. A namespaced parameter becomes
 *   node-level too when the container shares the host's namespace (`network_mode: host`,
 *   `ipc: host`, `hostNetwork`).
 * - whether it is **safe**: namespaced and isolated from other containers, so that no value harms
 *   the node. The safe set is the one of the Pod Security Standards (`src/pss/checks/sysctls.ts`,
 *   the exact upstream list, which grows by policy version); compose and docker run use its newest
 *   version. Namespaced parameters outside it (`net.ipv4.ip_forward`, `kernel.shmmax`) are
 *   "unsafe": Kubernetes runs them only when a node allows them explicitly.
 */
import { safeSysctls } from '../pss/checks/sysctls.js';
import { NEWEST_POLICY_MINOR } from '../pss/version.js';

export type SysctlNamespace = 'ipc' | 'net';

const SAFE = safeSysctls(NEWEST_POLICY_MINOR);

/** `net/ipv4/ip_forward` -> `net.ipv4.ip_forward` (the kernel reads both spellings alike). */
export function normaliseSysctl(name: string): string {
  return name.trim().replace(/\//g, '.');
}

/** The kernel namespace a sysctl belongs to, as the kubelet and Docker tell it; undefined for node-level ones. */
export function sysctlNamespace(name: string): SysctlNamespace | undefined {
  const n = normaliseSysctl(name);
  if (n === 'kernel.sem' || n.startsWith('kernel.shm') || n.startsWith('kernel.msg') || n.startsWith('fs.mqueue.')) {
    return 'ipc';
  }
  if (n.startsWith('net.')) return 'net';
  return undefined;
}

/** Whether the sysctl is in the Pod Security Standards' safe set (newest policy version). */
export function isSafeSysctl(name: string): boolean {
  return SAFE.has(normaliseSysctl(name));
}

/** The namespaces the container shares with the host. */
export interface SharedHostNamespaces {
  network?: boolean;
  ipc?: boolean;
}

/**
 * Why an unsafe sysctl matters, as a clause for messages: "it turns the container into a router
 * ...". Undefined for safe ones in a namespace of the container's own.
 */
export function sysctlConcern(name: string, shared: SharedHostNamespaces = {}): string | undefined {
  const n = normaliseSysctl(name);
  const namespace = sysctlNamespace(n);
  if (namespace === undefined) {
    return 'it is not namespaced, so it would change the kernel of the whole host: Docker, runc and the kubelet refuse it and the container does not start';
  }
  if ((namespace === 'net' && shared.network === true) || (namespace === 'ipc' && shared.ipc === true)) {
    return `the container shares the host's ${namespace === 'net' ? 'network' : 'IPC'} namespace, so it would change the host's own setting: runc refuses it and the container does not start`;
  }
  if (SAFE.has(n)) return undefined;
  if (
    /^net\.ipv[46]\.(ip_forward|conf\.[^.]+\.(forwarding|route_localnet|accept_redirects|send_redirects|accept_source_route))$/.test(
      n,
    )
  ) {
    return 'it turns the container into a router or reaches services bound to localhost';
  }
  if (namespace === 'net') {
    return "it changes the container's network stack outside the set Kubernetes marks safe (namespaced and isolated from other containers)";
  }
  return 'it raises IPC limits (shared memory, semaphores, message queues) outside the set Kubernetes marks safe: more kernel memory for one container on a node it shares';
}
