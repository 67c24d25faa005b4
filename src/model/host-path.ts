/**
 * Host paths mounted into containers, graded by what they expose. Shared by Kubernetes hostPath
 * volumes and compose/Docker bind mounts.
 *
 * Paths are normalised before they are compared (duplicate and trailing slashes, `.` and `..`,
 * `/var/run` is `/run` on every current distribution, Windows paths are case-insensitive), and a
 * directory that contains a sensitive path is at least as sensitive as what it contains: `/var`
 * exposes `/var/run/docker.sock`.
 */
import type { Severity } from '../core/severity.js';

export interface HostPathClass {
  severity: Extract<Severity, 'critical' | 'high' | 'medium'>;
  /** What the path is, as a noun phrase: "the Docker Engine socket". */
  what: string;
  /** What whoever controls the container gains through it. */
  gives: string;
  /**
   * The path is, or contains, a socket that grants control of the node. A read-only mount does
   * not help: connecting to a Unix socket is not a write to the filesystem.
   */
  socket: boolean;
  /** The normalised path that was classified. */
  path: string;
}

interface Entry {
  path: string;
  severity: 'critical' | 'high';
  what: string;
  gives: string;
  socket?: boolean;
  /** Everything below the path is as sensitive as the path itself. */
  subtree?: boolean;
}

const RUNTIME_CONTROL =
  'control of the container runtime and so of the node: it can start a privileged container and read or change any host file';

const LINUX_ENTRIES: readonly Entry[] = [
  {
    path: '/',
    severity: 'critical',
    what: "the host's root filesystem",
    gives: 'every host file, including kubelet credentials, and the container runtime socket',
    socket: true,
  },
  // Container runtime sockets and the directories they live in.
  { path: '/run/docker.sock', severity: 'critical', what: 'the Docker Engine socket', gives: RUNTIME_CONTROL, socket: true },
  {
    path: '/run/containerd',
    severity: 'critical',
    what: 'the containerd socket directory',
    gives: RUNTIME_CONTROL,
    socket: true,
    subtree: true,
  },
  {
    path: '/run/k3s/containerd',
    severity: 'critical',
    what: "k3s's containerd socket directory",
    gives: RUNTIME_CONTROL,
    socket: true,
    subtree: true,
  },
  {
    path: '/run/crio',
    severity: 'critical',
    what: 'the CRI-O socket directory',
    gives: RUNTIME_CONTROL,
    socket: true,
    subtree: true,
  },
  {
    path: '/run/docker',
    severity: 'critical',
    what: 'the Docker runtime directory',
    gives: RUNTIME_CONTROL,
    socket: true,
    subtree: true,
  },
  {
    path: '/run/podman',
    severity: 'critical',
    what: 'the Podman socket directory',
    gives: RUNTIME_CONTROL,
    socket: true,
    subtree: true,
  },
  { path: '/run/dockershim.sock', severity: 'critical', what: 'the dockershim CRI socket', gives: RUNTIME_CONTROL, socket: true },
  {
    path: '/run/cri-dockerd.sock',
    severity: 'critical',
    what: 'the cri-dockerd CRI socket',
    gives: RUNTIME_CONTROL,
    socket: true,
  },
  {
    path: '/var/snap/microk8s/common/run',
    severity: 'critical',
    what: "MicroK8s's containerd socket directory",
    gives: RUNTIME_CONTROL,
    socket: true,
    subtree: true,
  },
  {
    path: '/run/systemd',
    severity: 'critical',
    what: "systemd's runtime directory",
    gives: 'the systemd control sockets, through which a root process starts any service on the node',
    socket: true,
    subtree: true,
  },
  {
    path: '/run/dbus',
    severity: 'critical',
    what: 'the D-Bus system bus socket directory',
    gives: 'the system bus, through which a root process controls systemd and other node services',
    socket: true,
    subtree: true,
  },
  // Node configuration, credentials and state.
  {
    path: '/etc',
    severity: 'high',
    what: "the host's /etc",
    gives: 'node configuration, password hashes, SSH and kubelet configuration; writable, a way to run code as root on the node',
  },
  {
    path: '/etc/kubernetes',
    severity: 'high',
    what: 'the Kubernetes configuration directory',
    gives: 'kubeconfigs, static pod manifests and, on control-plane nodes, the cluster CA key',
    subtree: true,
  },
  {
    path: '/etc/ssh',
    severity: 'high',
    what: "the node's SSH configuration",
    gives: 'host keys and sshd configuration',
    subtree: true,
  },
  { path: '/etc/shadow', severity: 'high', what: "the node's password hashes", gives: 'password hashes of node accounts' },
  { path: '/etc/gshadow', severity: 'high', what: "the node's group password hashes", gives: 'group password hashes' },
  {
    path: '/etc/passwd',
    severity: 'high',
    what: "the node's account database",
    gives: 'node accounts; writable, a new root account',
  },
  {
    path: '/etc/group',
    severity: 'high',
    what: "the node's group database",
    gives: 'node groups; writable, membership of privileged groups',
  },
  { path: '/etc/sudoers', severity: 'high', what: "the node's sudo rules", gives: 'sudo rules; writable, root for any account' },
  {
    path: '/etc/sudoers.d',
    severity: 'high',
    what: "the node's sudo rules",
    gives: 'sudo rules; writable, root for any account',
    subtree: true,
  },
  { path: '/etc/crontab', severity: 'high', what: "the node's crontab", gives: 'scheduled commands run as root' },
  { path: '/etc/cron.d', severity: 'high', what: "the node's cron jobs", gives: 'scheduled commands run as root', subtree: true },
  {
    path: '/etc/systemd',
    severity: 'high',
    what: "the node's systemd units",
    gives: 'service definitions run as root',
    subtree: true,
  },
  {
    path: '/etc/ld.so.preload',
    severity: 'high',
    what: "the node's preload list",
    gives: 'code injected into every process on the node',
  },
  {
    path: '/etc/pam.d',
    severity: 'high',
    what: "the node's PAM configuration",
    gives: 'authentication of node logins',
    subtree: true,
  },
  {
    path: '/etc/cni',
    severity: 'high',
    what: 'the CNI configuration',
    gives: 'pod network configuration of the node',
    subtree: true,
  },
  {
    path: '/etc/docker',
    severity: 'high',
    what: 'the Docker daemon configuration',
    gives: 'daemon settings and registry credentials',
    subtree: true,
  },
  {
    path: '/etc/containerd',
    severity: 'high',
    what: 'the containerd configuration',
    gives: 'runtime settings, registry mirrors and credentials',
    subtree: true,
  },
  { path: '/etc/crio', severity: 'high', what: 'the CRI-O configuration', gives: 'runtime settings', subtree: true },
  {
    path: '/proc',
    severity: 'high',
    what: "the host's /proc",
    gives: 'every host process, its environment and memory maps, and kernel tunables',
    subtree: true,
  },
  {
    path: '/sys',
    severity: 'high',
    what: "the host's /sys",
    gives: 'kernel and device settings and the cgroup hierarchy (a writable cgroup v1 tree is an escape)',
    subtree: true,
  },
  { path: '/dev', severity: 'high', what: "the host's /dev", gives: 'raw access to host devices and disks', subtree: true },
  {
    path: '/boot',
    severity: 'high',
    what: "the host's /boot",
    gives: 'the kernel and boot loader; writable, persistent code on the next boot',
    subtree: true,
  },
  {
    path: '/root',
    severity: 'high',
    what: "root's home directory on the node",
    gives: "root's SSH keys, shell history and credentials",
    subtree: true,
  },
  {
    path: '/home',
    severity: 'high',
    what: 'the home directories of node users',
    gives: 'SSH keys, shell history and credentials of node users',
    subtree: true,
  },
  {
    path: '/var/lib/kubelet',
    severity: 'high',
    what: "the kubelet's state directory",
    gives: 'the volumes and service account tokens of every pod on the node, and the kubelet client certificate',
    subtree: true,
  },
  {
    path: '/var/lib/etcd',
    severity: 'high',
    what: "etcd's data directory",
    gives: 'the whole cluster state, every Secret included',
    subtree: true,
  },
  {
    path: '/var/lib/docker',
    severity: 'high',
    what: "Docker's data directory",
    gives: 'the filesystems of every container on the node',
    subtree: true,
  },
  {
    path: '/var/lib/containerd',
    severity: 'high',
    what: "containerd's data directory",
    gives: 'the filesystems of every container on the node',
    subtree: true,
  },
  {
    path: '/var/lib/containers',
    severity: 'high',
    what: 'the CRI-O/Podman storage directory',
    gives: 'the filesystems of every container on the node',
    subtree: true,
  },
  {
    path: '/var/lib/rancher',
    severity: 'high',
    what: "Rancher/k3s's data directory",
    gives: 'cluster tokens, certificates and the datastore',
    subtree: true,
  },
  {
    path: '/var/lib/cni',
    severity: 'high',
    what: "the CNI plugins' state",
    gives: 'pod network state of the node',
    subtree: true,
  },
  {
    path: '/var/log',
    severity: 'high',
    what: "the node's logs",
    gives:
      'the logs of every pod on the node (often with secrets in them); writable, the symlink attack on the kubelet log reader',
    subtree: true,
  },
  {
    path: '/opt/cni',
    severity: 'high',
    what: 'the CNI plugin binaries',
    gives: 'binaries the kubelet runs as root for every pod',
    subtree: true,
  },
  {
    path: '/usr/libexec/kubernetes',
    severity: 'high',
    what: 'the kubelet plugin directory',
    gives: 'FlexVolume drivers the kubelet runs as root',
    subtree: true,
  },
  {
    path: '/lib/modules',
    severity: 'high',
    what: "the node's kernel modules",
    gives: 'kernel modules the node loads',
    subtree: true,
  },
  {
    path: '/usr/lib/modules',
    severity: 'high',
    what: "the node's kernel modules",
    gives: 'kernel modules the node loads',
    subtree: true,
  },
  { path: '/bin', severity: 'high', what: "the node's programs", gives: 'programs the node runs as root', subtree: true },
  { path: '/sbin', severity: 'high', what: "the node's programs", gives: 'programs the node runs as root', subtree: true },
  { path: '/usr/bin', severity: 'high', what: "the node's programs", gives: 'programs the node runs as root', subtree: true },
  { path: '/usr/sbin', severity: 'high', what: "the node's programs", gives: 'programs the node runs as root', subtree: true },
  {
    path: '/usr/local/bin',
    severity: 'high',
    what: "the node's programs",
    gives: 'programs the node runs as root',
    subtree: true,
  },
  {
    path: '/usr/local/sbin',
    severity: 'high',
    what: "the node's programs",
    gives: 'programs the node runs as root',
    subtree: true,
  },
];

/** Socket files of container runtimes, wherever they are (rootless runtimes keep them under /run/user). */
const RUNTIME_SOCKET_NAMES = new Map([
  ['docker.sock', 'the Docker Engine socket'],
  ['containerd.sock', 'the containerd socket'],
  ['crio.sock', 'the CRI-O socket'],
  ['dockershim.sock', 'the dockershim CRI socket'],
  ['podman.sock', 'the Podman socket'],
  ['cri-dockerd.sock', 'the cri-dockerd CRI socket'],
]);

const WINDOWS_ENTRIES: readonly Entry[] = [
  {
    path: 'c:/windows',
    severity: 'high',
    what: 'the Windows directory of the node',
    gives: 'system binaries and configuration of the node',
    subtree: true,
  },
  {
    path: 'c:/programdata/docker',
    severity: 'high',
    what: "Docker's data directory",
    gives: 'the filesystems and configuration of every container',
    subtree: true,
  },
  {
    path: 'c:/programdata/containerd',
    severity: 'high',
    what: "containerd's data directory",
    gives: 'the filesystems of every container',
    subtree: true,
  },
  {
    path: 'c:/var/lib/kubelet',
    severity: 'high',
    what: "the kubelet's state directory",
    gives: 'volumes and tokens of every pod on the node',
    subtree: true,
  },
  {
    path: 'c:/etc/kubernetes',
    severity: 'high',
    what: 'the Kubernetes configuration directory',
    gives: 'kubeconfigs and certificates',
    subtree: true,
  },
  {
    path: 'c:/k',
    severity: 'high',
    what: 'the Kubernetes node directory',
    gives: 'the kubelet kubeconfig and binaries',
    subtree: true,
  },
  {
    path: 'c:/users',
    severity: 'high',
    what: 'the user profiles of the node',
    gives: 'credentials and files of node users',
    subtree: true,
  },
];

export interface NormalisedHostPath {
  path: string;
  windows: boolean;
}

/** Normalises a host path as the kubelet and the kernel resolve it. */
export function normaliseHostPath(raw: string): NormalisedHostPath {
  const value = raw.trim();
  if (/^[a-zA-Z]:([\\/]|$)/.test(value) || value.startsWith('\\\\')) {
    const pipe = /^\\\\\.\\pipe\\(.+)$/i.exec(value);
    if (pipe) return { path: `//./pipe/${(pipe[1] ?? '').toLowerCase()}`, windows: true };
    const drive = (value[0] ?? 'c').toLowerCase();
    const rest = value.slice(2).replace(/\\/g, '/').toLowerCase();
    return { path: `${drive}:${resolveSegments(rest)}`, windows: true };
  }
  let path = resolveSegments(value);
  if (path === '/var/run' || path.startsWith('/var/run/')) path = `/run${path.slice('/var/run'.length)}`;
  return { path, windows: false };
}

/** `a//b/./c/../d/` -> `/a/b/d`; `..` never climbs above the root. */
function resolveSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

function isWithin(path: string, parent: string): boolean {
  if (parent === '/' || parent.endsWith(':/')) return path.startsWith(parent);
  return path === parent || path.startsWith(`${parent}/`);
}

/** Grades a host path by what it exposes (the path should come from `normaliseHostPath`). */
export function classifyHostPath(normalised: NormalisedHostPath): HostPathClass {
  const { path, windows } = normalised;
  if (windows) return classifyWindows(path);
  let best: HostPathClass | undefined;
  const consider = (candidate: HostPathClass) => {
    if (
      !best ||
      rank(candidate.severity) > rank(best.severity) ||
      (candidate.socket && !best.socket && candidate.severity === best.severity)
    ) {
      best = candidate;
    }
  };
  const base = path.slice(path.lastIndexOf('/') + 1);
  const socketName = RUNTIME_SOCKET_NAMES.get(base);
  if (socketName) consider({ severity: 'critical', what: socketName, gives: RUNTIME_CONTROL, socket: true, path });
  for (const entry of LINUX_ENTRIES) {
    const exact = path === entry.path;
    const below = entry.subtree === true && isWithin(path, entry.path);
    // A directory that contains the sensitive path exposes it too (/var contains /var/run/...).
    const above =
      entry.path !== '/' &&
      !exact &&
      (isWithin(entry.path, path) || (entry.path.startsWith('/run/') && isWithin(`/var${entry.path}`, path)));
    if (exact || below) {
      consider({ severity: entry.severity, what: entry.what, gives: entry.gives, socket: entry.socket === true, path });
    } else if (above) {
      consider({
        severity: entry.severity,
        what: `a host directory that contains ${entry.what} (${entry.path})`,
        gives: entry.gives,
        socket: entry.socket === true,
        path,
      });
    }
  }
  return best ?? { severity: 'medium', what: 'a host path', gives: 'host files outside the container', socket: false, path };
}

function classifyWindows(path: string): HostPathClass {
  if (path.startsWith('//./pipe/')) {
    const name = path.slice('//./pipe/'.length);
    if (/docker|containerd|crio/.test(name)) {
      return { severity: 'critical', what: "the container runtime's named pipe", gives: RUNTIME_CONTROL, socket: true, path };
    }
    return { severity: 'medium', what: 'a named pipe of the node', gives: 'a service of the node', socket: false, path };
  }
  if (/^[a-z]:\/$/.test(path)) {
    return {
      severity: 'critical',
      what: 'a whole drive of the node',
      gives: 'every file of the node, kubelet credentials included',
      socket: true,
      path,
    };
  }
  const rel = `c:${path.slice(2)}`;
  let best: HostPathClass | undefined;
  for (const entry of WINDOWS_ENTRIES) {
    if (isWithin(rel, entry.path) || isWithin(entry.path, rel)) {
      const above = !isWithin(rel, entry.path);
      const candidate: HostPathClass = {
        severity: entry.severity,
        what: above ? `a node directory that contains ${entry.what}` : entry.what,
        gives: entry.gives,
        socket: false,
        path,
      };
      if (!best || rank(candidate.severity) > rank(best.severity)) best = candidate;
    }
  }
  return best ?? { severity: 'medium', what: 'a host path', gives: 'host files outside the container', socket: false, path };
}

function rank(severity: Severity): number {
  return severity === 'critical' ? 3 : severity === 'high' ? 2 : severity === 'medium' ? 1 : 0;
}
