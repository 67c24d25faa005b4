/**
 * How dangerous it is to mount a host path into a container, for bind mounts in compose files and
 * `docker run -v`, graded as for Kubernetes hostPath volumes: container runtime sockets and the
 * host's root, system and runtime-state directories hand over the host (critical); credential and
 * log directories expose secrets or let an attacker cover tracks (high); kernel interfaces such as
 * `/proc` and `/sys` subtrees leak host information (medium). A read-only mount lowers the grade
 * one step, except for sockets: a read-only socket is still a full API.
 *
 * NOTE for the integrator: the Kubernetes hardening rules may carry a similar table; this one is
 * written for Docker bind mounts and can be unified with theirs.
 */
import type { Severity } from '../core/severity.js';

export interface HostPathRisk {
  severity: Severity;
  /** What the path is, for messages: "the Docker daemon socket", "the host's /etc". */
  what: string;
  /** Whether it is a container runtime's API socket (or the directory holding it). */
  socket: boolean;
}

interface Entry {
  path: string;
  severity: Severity;
  what: string;
  socket?: boolean;
  /** Also matches paths below it (a directory). */
  subtree?: boolean;
}

const SOCKETS: Entry[] = [
  { path: '/var/run/docker.sock', severity: 'critical', what: 'the Docker daemon socket', socket: true },
  { path: '/run/docker.sock', severity: 'critical', what: 'the Docker daemon socket', socket: true },
  { path: '/var/run/docker', severity: 'critical', what: "the Docker daemon's runtime directory", socket: true, subtree: true },
  { path: '/run/docker', severity: 'critical', what: "the Docker daemon's runtime directory", socket: true, subtree: true },
  { path: '/run/containerd', severity: 'critical', what: 'the containerd socket', socket: true, subtree: true },
  { path: '/var/run/containerd', severity: 'critical', what: 'the containerd socket', socket: true, subtree: true },
  { path: '/run/k3s/containerd', severity: 'critical', what: 'the k3s containerd socket', socket: true, subtree: true },
  { path: '/run/crio', severity: 'critical', what: 'the CRI-O socket', socket: true, subtree: true },
  { path: '/var/run/crio', severity: 'critical', what: 'the CRI-O socket', socket: true, subtree: true },
  { path: '/run/podman', severity: 'critical', what: 'the Podman socket', socket: true, subtree: true },
  { path: '/var/run/podman', severity: 'critical', what: 'the Podman socket', socket: true, subtree: true },
  { path: '/var/run/cri-dockerd.sock', severity: 'critical', what: 'the cri-dockerd socket', socket: true },
  { path: '/var/run/dockershim.sock', severity: 'critical', what: 'the dockershim socket', socket: true },
  { path: '/run/buildkit', severity: 'critical', what: 'the BuildKit daemon socket', socket: true, subtree: true },
  { path: '/var/lib/docker', severity: 'critical', what: "Docker's state (every container's filesystem)", subtree: true },
  { path: '/var/lib/containerd', severity: 'critical', what: "containerd's state", subtree: true },
];

const SYSTEM: Entry[] = [
  { path: '/', severity: 'critical', what: "the host's root filesystem" },
  { path: '/etc', severity: 'critical', what: "the host's /etc (accounts, sudoers, cron, systemd units)", subtree: true },
  { path: '/root', severity: 'critical', what: "the host root user's home", subtree: true },
  { path: '/boot', severity: 'critical', what: "the host's kernel and boot loader", subtree: true },
  { path: '/dev', severity: 'critical', what: "the host's devices", subtree: true },
  { path: '/proc', severity: 'critical', what: "the host's /proc", subtree: false },
  { path: '/sys', severity: 'critical', what: "the host's /sys", subtree: false },
  { path: '/lib/modules', severity: 'critical', what: "the host's kernel modules", subtree: true },
  { path: '/usr', severity: 'critical', what: "the host's programs and libraries", subtree: true },
  { path: '/bin', severity: 'critical', what: "the host's programs", subtree: true },
  { path: '/sbin', severity: 'critical', what: "the host's system programs", subtree: true },
  { path: '/lib', severity: 'critical', what: "the host's libraries", subtree: true },
  { path: '/lib64', severity: 'critical', what: "the host's libraries", subtree: true },
  { path: '/var/run', severity: 'critical', what: "the host's runtime directory (with the container runtime sockets)" },
  { path: '/run', severity: 'critical', what: "the host's runtime directory (with the container runtime sockets)" },
  { path: '/var/lib/kubelet', severity: 'critical', what: "the kubelet's state and credentials", subtree: true },
  { path: '/etc/kubernetes', severity: 'critical', what: 'the Kubernetes configuration and PKI', subtree: true },
  { path: '/var/lib/etcd', severity: 'critical', what: "etcd's data (every cluster secret)", subtree: true },
  { path: '/home', severity: 'high', what: "the host users' home directories", subtree: true },
  { path: '/var/log', severity: 'high', what: "the host's logs", subtree: true },
  { path: '/var/lib', severity: 'high', what: "the host's service state", subtree: false },
  { path: '/var', severity: 'high', what: "the host's /var" },
  { path: '/proc', severity: 'medium', what: "a part of the host's /proc", subtree: true },
  { path: '/sys', severity: 'medium', what: "a part of the host's /sys", subtree: true },
];

/** Host files commonly mounted read-only for good reasons. */
const BENIGN = [
  '/etc/localtime',
  '/etc/timezone',
  '/etc/ssl/certs',
  '/etc/pki/ca-trust',
  '/etc/ca-certificates',
  '/usr/share/zoneinfo',
  '/usr/share/ca-certificates',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/machine-id',
  '/etc/os-release',
];

const CREDENTIALS = /(^|\/)\.(ssh|aws|kube|docker|gnupg|azure|config\/gcloud)(\/|$)/;

function normalise(path: string): string {
  let p = path.trim().replace(/\/+/g, '/');
  if (p.length > 1) p = p.replace(/\/$/, '');
  return p;
}

/** The risk of mounting a host path; undefined for relative, named or harmless paths. */
export function hostPathRisk(path: string, readOnly = false): HostPathRisk | undefined {
  const p = normalise(path);
  if (!p.startsWith('/')) {
    // `~/.ssh` or `$HOME/.aws` style paths.
    if (CREDENTIALS.test(p)) return grade({ severity: 'high', what: `credentials in ${p}`, socket: false }, readOnly);
    return undefined;
  }
  if (BENIGN.some((b) => p === b || p.startsWith(`${b}/`))) return undefined;
  for (const entry of SOCKETS) {
    if (p === entry.path || (entry.subtree === true && p.startsWith(`${entry.path}/`))) {
      return { severity: 'critical', what: entry.what, socket: true };
    }
  }
  if (/\.sock$/.test(p)) return grade({ severity: 'high', what: `the socket ${p}`, socket: true }, readOnly);
  if (CREDENTIALS.test(p)) return grade({ severity: 'high', what: `credentials in ${p}`, socket: false }, readOnly);
  for (const entry of SYSTEM) {
    if (p === entry.path || (entry.subtree === true && p.startsWith(`${entry.path}/`))) {
      return grade(
        { severity: entry.severity, what: p === entry.path ? entry.what : `${p} (${entry.what})`, socket: false },
        readOnly,
      );
    }
  }
  return undefined;
}

const LOWER: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low', info: 'info' };

function grade(risk: HostPathRisk, readOnly: boolean): HostPathRisk {
  if (!readOnly || risk.socket) return risk;
  return { ...risk, severity: LOWER[risk.severity] };
}
