/**
 * Host paths mounted into containers, graded by what they expose. One table for every format:
 * Kubernetes hostPath volumes (`k8s/host-path-mount`), compose bind mounts and `docker run
 * -v/--mount` (`compose/no-sensitive-host-mounts`, `docker-run/no-sensitive-host-mounts`), so the
 * same path gets the same severity and the same explanation wherever it is written.
 *
 * Paths are normalised before they are compared (duplicate and trailing slashes, `.` and `..`,
 * `/var/run` is `/run` on every current distribution, Windows paths are case-insensitive), and a
 * directory that contains a sensitive path is at least as sensitive as what it contains: `/run`
 * exposes `/run/docker.sock`.
 *
 * The grades:
 * - critical: control of the node through the mount alone: a container runtime socket (and the
 *   directories that hold one) and the root filesystem.
 * - high: the node's configuration, credentials, programs and state, where a write becomes root on
 *   the node after a trigger (a cron run, a login, a restart) and a read exposes the secrets of
 *   every pod or user on it; any other Unix socket (host services often trust the caller's user
 *   ID, and root in a container is root to them); credential directories (`.ssh`, `.aws`, ...).
 * - medium: any other host path, writable: files outside the container's sandbox.
 * - read-only lowers the grade one step, except for sockets (connecting to a Unix socket is not a
 *   write, so a read-only mount does not stop it) and for files that are harmless to read (the
 *   time zone, the CA bundle, the resolver configuration): those are `info` when read-only.
 *
 * Decisions taken when the Kubernetes and the Docker tables were merged (the two disagreed):
 * - `/etc`, `/proc` and `/var/lib/kubelet` are high, as the Kubernetes issue grades them (the
 *   Docker table had them critical); critical is kept for what hands over the node or the cluster
 *   with no further step. `/etc` now covers its whole subtree (the Kubernetes table only listed
 *   chosen children): most of it is configuration that root processes read and run (profile
 *   scripts, udev rules, modprobe and logrotate configuration), so a writable `/etc/nginx` is not
 *   an ordinary path. Its harmless files keep their own, lower, grade.
 * - a subtree of `/proc` or `/sys` (`/proc/sys/kernel`) is high like the whole, not medium: a
 *   writable `/proc/sys/kernel/core_pattern` runs a program of the container's choosing as root on
 *   the node.
 * - `/etc/kubernetes`, `/var/lib/etcd` and the k3s/RKE2 directories stay high (the Docker table had
 *   them critical), although on control-plane nodes they hold the cluster CA key, the admin
 *   kubeconfig or every Secret: a directory is graded like what it contains, so critical there
 *   would make `/etc` and `/var/lib` critical too, against the Kubernetes grading of `/etc`. Their
 *   explanation says what they give instead.
 * - `/var/lib/docker` and `/var/lib/containerd` are high (the Docker table had them critical):
 *   they expose every container's files, but taking the node through them needs a restart.
 * - `/dev` is high (the Docker table had it critical): the device cgroup still decides which
 *   device nodes an unprivileged container may open.
 * - an unknown Unix socket is high and not lowered by read-only (the Kubernetes table graded it as
 *   an ordinary path): see above.
 * - below `/home`, only a user's home directory itself, credential directories and login scripts
 *   are high (the Kubernetes table made all of `/home` high, which graded every project checkout
 *   of a developer like their SSH keys).
 * - `/var` is critical because it holds MicroK8s's containerd socket, not because of `/var/run`:
 *   that is a symbolic link to `/run`, which resolves inside the container's own filesystem.
 * - the BuildKit socket is high, not critical: builds run in BuildKit's sandbox unless the daemon
 *   was started with insecure entitlements.
 * - harmless files read-only are `info`, not "not reported" (Docker table) or `low` (Kubernetes
 *   table): they are still a host path (and in Kubernetes a Pod Security baseline violation), but
 *   reading the time zone is no risk worth a grade.
 */
import { type Severity, shiftSeverity } from '../core/severity.js';

export interface HostPathClass {
  /** The grade of a writable mount; see `hostPathMountSeverity` for read-only ones. */
  severity: Extract<Severity, 'critical' | 'high' | 'medium'>;
  /** What the path is, as a noun phrase: "the Docker Engine socket". */
  what: string;
  /** What whoever controls the container gains through it, as a noun phrase. */
  gives: string;
  /**
   * The path is, or contains, a socket. A read-only mount does not help: connecting to a Unix
   * socket is not a write to the filesystem.
   */
  socket: boolean;
  /** Harmless to read (time zone, CA bundle): graded `info` when mounted read-only. */
  harmlessReadOnly: boolean;
  /** The normalised path that was classified. */
  path: string;
}

interface Entry {
  /** Absolute, normalised; a `*` segment matches any one segment. */
  path: string;
  severity: 'critical' | 'high' | 'medium';
  what: string;
  gives: string;
  socket?: boolean;
  /** Everything below the path is as sensitive as the path itself. */
  subtree?: boolean;
}

const RUNTIME_CONTROL =
  'control of the container runtime and so of the node: it can start a privileged container and read or change any host file';
const CLUSTER_CONTROL = 'credentials that take over the whole cluster, not only the node';
const PROGRAMS = 'programs the node runs as root; writable, code that runs as root on the node';
const LIBRARIES = 'libraries loaded by every program on the node, root processes included; writable, code in all of them';
const CONTAINER_FILES = 'the filesystems and configuration of every container on the node, their secrets included';

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
  {
    path: '/run/buildkit',
    severity: 'high',
    what: 'the BuildKit daemon socket directory',
    gives:
      'the BuildKit API: builds run as root by the daemon, with its caches and the build secrets it is handed (privileged builds where the daemon allows insecure entitlements)',
    socket: true,
    subtree: true,
  },
  // Cluster credentials (on control-plane nodes, more than the node; see the note above).
  {
    path: '/etc/kubernetes',
    severity: 'high',
    what: 'the Kubernetes configuration directory',
    gives: `kubeconfigs, static pod manifests and, on control-plane nodes, the cluster CA key and the admin kubeconfig: ${CLUSTER_CONTROL}`,
    subtree: true,
  },
  {
    path: '/var/lib/etcd',
    severity: 'high',
    what: "etcd's data directory",
    gives: `the whole cluster state, every Secret and service account token included: ${CLUSTER_CONTROL}`,
    subtree: true,
  },
  {
    path: '/var/lib/rancher',
    severity: 'high',
    what: "k3s/RKE2's data directory",
    gives: `the cluster join token, certificates and keys and, on server nodes, the datastore: ${CLUSTER_CONTROL}`,
    subtree: true,
  },
  {
    path: '/etc/rancher',
    severity: 'high',
    what: 'the k3s/RKE2 configuration directory',
    gives: `the node's k3s/RKE2 configuration and, on server nodes, the admin kubeconfig: ${CLUSTER_CONTROL}`,
    subtree: true,
  },
  // Node configuration, credentials and state.
  {
    path: '/etc',
    severity: 'high',
    what: "the host's /etc",
    gives:
      'node configuration read and run by root processes (accounts, sudo, cron, systemd, SSH, profile scripts, kubelet configuration); writable, a way to run code as root on the node',
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
    gives: 'daemon settings, TLS keys and registry credentials',
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
    gives:
      'every host process, its environment and memory maps, and kernel tunables (writable, /proc/sys/kernel/core_pattern runs a program as root on the node)',
    subtree: true,
  },
  {
    path: '/sys',
    severity: 'high',
    what: "the host's /sys",
    gives: 'kernel and device settings and the cgroup hierarchy (a writable cgroup v1 tree is an escape)',
    subtree: true,
  },
  {
    path: '/dev',
    severity: 'high',
    what: "the host's /dev",
    gives: 'the host device nodes, raw disks among them (the device cgroup still decides which ones open)',
    subtree: true,
  },
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
  },
  {
    path: '/home/*',
    severity: 'high',
    what: "a host user's home directory",
    gives: "the user's SSH keys, cloud and cluster credentials, shell history and login scripts",
  },
  {
    path: '/var/lib/kubelet',
    severity: 'high',
    what: "the kubelet's state directory",
    gives: 'the volumes and service account tokens of every pod on the node, and the kubelet client certificate',
    subtree: true,
  },
  { path: '/var/lib/docker', severity: 'high', what: "Docker's data directory", gives: CONTAINER_FILES, subtree: true },
  { path: '/var/lib/containerd', severity: 'high', what: "containerd's data directory", gives: CONTAINER_FILES, subtree: true },
  {
    path: '/var/lib/containers',
    severity: 'high',
    what: 'the CRI-O/Podman storage directory',
    gives: CONTAINER_FILES,
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
      'the logs of every pod on the node (often with secrets in them); writable, the symlink attack on the kubelet log reader and erased traces',
    subtree: true,
  },
  {
    path: '/var/spool/cron',
    severity: 'high',
    what: "the node's user crontabs",
    gives: "scheduled commands of every user, root's included",
    subtree: true,
  },
  { path: '/bin', severity: 'high', what: "the node's programs", gives: PROGRAMS, subtree: true },
  { path: '/sbin', severity: 'high', what: "the node's programs", gives: PROGRAMS, subtree: true },
  { path: '/usr/bin', severity: 'high', what: "the node's programs", gives: PROGRAMS, subtree: true },
  { path: '/usr/sbin', severity: 'high', what: "the node's programs", gives: PROGRAMS, subtree: true },
  { path: '/usr/local/bin', severity: 'high', what: "the node's programs", gives: PROGRAMS, subtree: true },
  { path: '/usr/local/sbin', severity: 'high', what: "the node's programs", gives: PROGRAMS, subtree: true },
  { path: '/lib', severity: 'high', what: "the node's shared libraries", gives: LIBRARIES, subtree: true },
  { path: '/lib64', severity: 'high', what: "the node's shared libraries", gives: LIBRARIES, subtree: true },
  { path: '/usr/lib', severity: 'high', what: "the node's shared libraries", gives: LIBRARIES, subtree: true },
  { path: '/usr/lib64', severity: 'high', what: "the node's shared libraries", gives: LIBRARIES, subtree: true },
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
    gives: 'kernel modules the node loads; writable, code in the kernel',
    subtree: true,
  },
  {
    path: '/usr/lib/modules',
    severity: 'high',
    what: "the node's kernel modules",
    gives: 'kernel modules the node loads; writable, code in the kernel',
    subtree: true,
  },
];

/**
 * Host files that are harmless to read, commonly mounted read-only for good reasons. They decide
 * the grade of the path itself and of what is below it (before any directory that contains them).
 */
const HARMLESS_READ_ONLY: readonly Entry[] = [
  {
    path: '/etc/localtime',
    severity: 'medium',
    what: "the node's time zone",
    gives: 'the time zone of the node; writable, a change the node sees',
  },
  { path: '/etc/timezone', severity: 'medium', what: "the node's time zone", gives: 'the time zone of the node' },
  {
    path: '/usr/share/zoneinfo',
    severity: 'medium',
    what: 'the time zone database',
    gives: 'time zone data the node reads',
    subtree: true,
  },
  { path: '/etc/machine-id', severity: 'medium', what: "the node's machine ID", gives: 'the identifier of the node' },
  { path: '/etc/hostname', severity: 'medium', what: "the node's host name", gives: 'the host name of the node' },
  { path: '/etc/os-release', severity: 'medium', what: "the node's OS release file", gives: 'the distribution and its version' },
  {
    path: '/etc/hosts',
    severity: 'high',
    what: "the node's hosts file",
    gives: "the node's static name resolution; writable, the node's traffic redirected",
  },
  {
    path: '/etc/resolv.conf',
    severity: 'high',
    what: "the node's resolver configuration",
    gives: "the node's DNS servers; writable, the node's name resolution redirected",
  },
  ...['/etc/ssl/certs', '/etc/pki/ca-trust', '/etc/pki/tls/certs', '/etc/ca-certificates', '/usr/share/ca-certificates'].map(
    (path): Entry => ({
      path,
      severity: 'high',
      what: "the node's trusted CA certificates",
      gives: 'the certificates the node trusts; writable, a CA of the attacker that the node then trusts',
      subtree: true,
    }),
  ),
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

/** Directories and files of credentials, wherever they are (a home directory, a CI workspace). */
const CREDENTIAL_NAMES = new Map([
  ['.ssh', 'SSH keys'],
  ['.aws', 'AWS credentials'],
  ['.azure', 'Azure credentials'],
  ['.config/gcloud', 'Google Cloud credentials'],
  ['.kube', 'Kubernetes credentials (kubeconfig)'],
  ['.docker', 'registry credentials (Docker config)'],
  ['.gnupg', 'GnuPG keys'],
  ['.netrc', 'login credentials (.netrc)'],
  ['.git-credentials', 'Git credentials'],
  ['.pgpass', 'PostgreSQL passwords'],
]);

/** Files a shell runs at login: writable, code that runs as that user. */
const LOGIN_SCRIPTS = new Set(['.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zprofile']);

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

const ORDINARY_WHAT = 'a host path';
const ORDINARY_GIVES =
  'host files outside the container; writable, a root process in it can change them or leave setuid programs for host users';

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

const SEGMENTS = new Map<string, readonly string[]>();

/** The segments of a path; table paths are split once. */
function segmentsOf(path: string): readonly string[] {
  const cached = SEGMENTS.get(path);
  if (cached) return cached;
  const segments = path.split('/').filter((s) => s !== '');
  if (SEGMENTS.size < 512) SEGMENTS.set(path, segments);
  return segments;
}

/** Whether `path` is `entry` or below it (a `*` entry segment matches any one segment). */
function isWithin(path: string, entry: string): boolean {
  const p = segmentsOf(path);
  const e = segmentsOf(entry);
  return e.length <= p.length && e.every((segment, i) => segment === '*' || segment === p[i]);
}

/** Whether `path` is `entry` itself (a `*` entry segment matches any one segment). */
function isExactly(path: string, entry: string): boolean {
  return path === entry || (isWithin(path, entry) && segmentsOf(path).length === segmentsOf(entry).length);
}

/** Whether the directory `path` strictly contains `entry`. */
function contains(path: string, entry: string): boolean {
  const p = segmentsOf(path);
  const e = segmentsOf(entry);
  return p.length < e.length && p.every((segment, i) => e[i] === '*' || e[i] === segment);
}

/** Grades a host path by what it exposes (the path should come from `normaliseHostPath`). */
export function classifyHostPath(normalised: NormalisedHostPath): HostPathClass {
  const { path, windows } = normalised;
  if (windows) return classifyWindows(path);
  const ordinary: HostPathClass = {
    severity: 'medium',
    what: ORDINARY_WHAT,
    gives: ORDINARY_GIVES,
    socket: false,
    harmlessReadOnly: false,
    path,
  };
  for (const entry of HARMLESS_READ_ONLY) {
    if (isExactly(path, entry.path) || (entry.subtree === true && isWithin(path, entry.path))) {
      return { ...fromEntry(entry, path, entry.what), harmlessReadOnly: true };
    }
  }
  let best: { cls: HostPathClass; specificity: number } | undefined;
  const consider = (cls: HostPathClass, specificity: number) => {
    if (!best || better(cls, specificity, best.cls, best.specificity)) best = { cls, specificity };
  };
  const segments = segmentsOf(path);
  const base = segments[segments.length - 1] ?? '';
  const runtimeSocket = RUNTIME_SOCKET_NAMES.get(base);
  if (runtimeSocket) {
    consider(
      { severity: 'critical', what: runtimeSocket, gives: RUNTIME_CONTROL, socket: true, harmlessReadOnly: false, path },
      segments.length,
    );
  } else if (/\.sock(et)?$/.test(base)) {
    consider(
      {
        severity: 'high',
        what: 'a Unix socket of a host service',
        gives:
          "the API of a host service, which may trust its caller's user ID (root in a container without user namespaces is root to it)",
        socket: true,
        harmlessReadOnly: false,
        path,
      },
      segments.length,
    );
  }
  const credential = credentialClass(path);
  if (credential) consider(credential, segments.length);
  for (const entry of LINUX_ENTRIES) {
    const exact = isExactly(path, entry.path);
    const below = !exact && entry.subtree === true && isWithin(path, entry.path);
    // A directory that contains the sensitive path exposes it too (/run contains /run/docker.sock).
    const above = entry.path !== '/' && !exact && contains(path, entry.path);
    const specificity = segmentsOf(entry.path).length;
    if (exact) {
      consider(fromEntry(entry, path, entry.what), specificity);
    } else if (below) {
      consider(fromEntry(entry, path, entry.socket === true ? entry.what : `part of ${entry.what}`), specificity);
    } else if (above) {
      const shown = entry.path.replace(/\*/g, '<user>');
      consider(fromEntry(entry, path, `a host directory that contains ${entry.what} (${shown})`), 0);
    }
  }
  return best?.cls ?? ordinary;
}

function fromEntry(entry: Entry, path: string, what: string): HostPathClass {
  return {
    severity: entry.severity,
    what,
    gives: entry.gives,
    socket: entry.socket === true,
    harmlessReadOnly: false,
    path,
  };
}

/** Higher severity first; then a socket (not protected by read-only); then the more specific entry. */
function better(a: HostPathClass, aSpecificity: number, b: HostPathClass, bSpecificity: number): boolean {
  if (rank(a.severity) !== rank(b.severity)) return rank(a.severity) > rank(b.severity);
  if (a.socket !== b.socket) return a.socket;
  return aSpecificity > bSpecificity;
}

/** `.../.ssh/...`, `.../.aws`, `.../.config/gcloud`, a login script: high, wherever they are. */
function credentialClass(path: string): HostPathClass | undefined {
  const segments = segmentsOf(path);
  for (let i = 0; i < segments.length; i++) {
    const one = segments[i] ?? '';
    const two = `${one}/${segments[i + 1] ?? ''}`;
    const name = CREDENTIAL_NAMES.get(two) ?? CREDENTIAL_NAMES.get(one);
    if (name) {
      return {
        severity: 'high',
        what: name,
        gives: 'credentials that let whoever holds them log in to other machines or services as their owner',
        socket: false,
        harmlessReadOnly: false,
        path,
      };
    }
  }
  const base = segments[segments.length - 1] ?? '';
  if (segments.length > 1 && LOGIN_SCRIPTS.has(base)) {
    return {
      severity: 'high',
      what: `a login script (${base})`,
      gives: "a script the user's shell runs at login; writable, code that runs as that user",
      socket: false,
      harmlessReadOnly: false,
      path,
    };
  }
  return undefined;
}

function classifyWindows(path: string): HostPathClass {
  const base = { socket: false, harmlessReadOnly: false, path };
  if (path.startsWith('//./pipe/')) {
    const name = path.slice('//./pipe/'.length);
    if (/docker|containerd|crio/.test(name)) {
      return { ...base, severity: 'critical', what: "the container runtime's named pipe", gives: RUNTIME_CONTROL, socket: true };
    }
    return { ...base, severity: 'medium', what: 'a named pipe of the node', gives: 'a service of the node' };
  }
  if (/^[a-z]:\/$/.test(path)) {
    return {
      ...base,
      severity: 'critical',
      what: 'a whole drive of the node',
      gives: 'every file of the node, kubelet credentials included',
      socket: true,
    };
  }
  const rel = `c:${path.slice(2)}`;
  let best: HostPathClass | undefined;
  for (const entry of WINDOWS_ENTRIES) {
    if (isWithin(rel, entry.path) || contains(rel, entry.path)) {
      const above = !isWithin(rel, entry.path);
      const candidate: HostPathClass = {
        ...base,
        severity: entry.severity,
        what: above ? `a node directory that contains ${entry.what}` : entry.what,
        gives: entry.gives,
      };
      if (!best || rank(candidate.severity) > rank(best.severity)) best = candidate;
    }
  }
  return best ?? { ...base, severity: 'medium', what: ORDINARY_WHAT, gives: ORDINARY_GIVES };
}

/**
 * The grade of a mount of a classified path: one step lower when read-only, except for sockets
 * (read-only does not stop a connection) and harmless files (`info` when read-only).
 */
export function hostPathMountSeverity(cls: HostPathClass, readOnly: boolean): Severity {
  if (!readOnly || cls.socket) return cls.severity;
  if (cls.harmlessReadOnly) return 'info';
  return shiftSeverity(cls.severity, -1);
}

/** The clause messages add when a socket is mounted read-only. */
export const READ_ONLY_SOCKET_NOTE = 'read-only does not stop use of a socket';

/**
 * Where a compose or `docker run` bind mount source points, as Docker resolves it:
 * - `host`: an absolute host path, or a home directory (`~`, `~user`, `$HOME`): classified;
 * - `project`: relative to the project (`./data`, `$PWD/config`, `$(pwd)`): the project's own files;
 * - `unknown`: built from another variable (`${DATA_DIR}/x`): the host path cannot be told.
 * Credential directories are recognised in every case (`./.aws` is still AWS credentials).
 */
export type BindSource = { kind: 'host'; normalised: NormalisedHostPath } | { kind: 'project' | 'unknown'; rest: string };

export function resolveBindSource(raw: string): BindSource {
  const value = raw.trim();
  const home = /^(?:~([A-Za-z_][\w.-]*)?|\$HOME|\$\{HOME\})(?=\/|$)/.exec(value);
  if (home) {
    // The user is not known: `~` stands for whichever user runs compose.
    return { kind: 'host', normalised: normaliseHostPath(`/home/${home[1] ?? '~'}${value.slice(home[0].length)}`) };
  }
  const pwd = /^(?:\$PWD|\$\{PWD\}|\$\(pwd\)|`pwd`)(?=\/|$)/.exec(value);
  if (pwd) return { kind: 'project', rest: value.slice(pwd[0].length) };
  if (value.startsWith('$')) return { kind: 'unknown', rest: value.replace(/^\$(\{[^}]*\}|\([^)]*\)|\w+)/, '') };
  if (value.startsWith('/') || /^[a-zA-Z]:([\\/]|$)/.test(value) || value.startsWith('\\\\')) {
    return { kind: 'host', normalised: normaliseHostPath(value) };
  }
  return { kind: 'project', rest: value };
}

/**
 * Classifies a bind mount source: a host path as `classifyHostPath` does; a project-relative or
 * variable path only when it names credentials (otherwise undefined: it cannot be graded as a host
 * path, see `compose/no-writable-bind-mounts`).
 */
export function classifyBindSource(raw: string): HostPathClass | undefined {
  const source = resolveBindSource(raw);
  if (source.kind === 'host') return classifyHostPath(source.normalised);
  return credentialClass(resolveSegments(source.rest));
}

function rank(severity: Severity): number {
  return severity === 'critical' ? 3 : severity === 'high' ? 2 : severity === 'medium' ? 1 : 0;
}
