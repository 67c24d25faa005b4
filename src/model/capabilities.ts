/**
 * Linux capabilities as container runtimes read them, with what each one lets a process do and
 * how dangerous it is to grant inside a container. One table for every format: Kubernetes
 * (`capabilities.add`, `k8s/dangerous-capabilities`), compose (`cap_add`) and `docker run
 * --cap-add` (`compose/no-dangerous-capabilities`, `docker-run/no-dangerous-capabilities`), so a
 * capability gets the same severity and the same explanation wherever it is added.
 *
 * Runtimes are lenient about spelling: containerd upper-cases the names it is given and treats
 * `ALL` in any case as every capability; CRI-O and Docker also accept the `CAP_` prefix. A
 * scanner that compared strings exactly would miss `sys_admin` or `CAP_SYS_ADMIN`, so names are
 * normalised the way the runtimes do before they are looked up. A name that is not a capability
 * grants nothing: Docker refuses it ("unknown capability") and the CRI runtimes fail the
 * container, so it is not reported.
 *
 * The grades: critical for what is a known escape to the node on its own (ALL, SYS_ADMIN,
 * SYS_MODULE, DAC_READ_SEARCH); high for what reaches the kernel, other processes or the node's
 * security controls; medium for what weakens isolation or the node's integrity; low for what
 * helps an attacker only a little. Decisions taken when the Kubernetes and the Docker tables were
 * merged (the two disagreed):
 * - DAC_READ_SEARCH is critical (Kubernetes had high): with it, open_by_handle_at (which the
 *   default seccomp profiles allow once the capability is granted) opens any file of the host
 *   filesystem the container's files live on: the public "shocker" escape needs nothing else, and
 *   with DAC_OVERRIDE, which runtimes grant by default, the files can be written too.
 * - SYS_PTRACE, SYS_RAWIO and BPF are high (Docker had critical): ptrace reaches host processes
 *   only with the host PID namespace (a finding of its own); raw I/O needs device access the
 *   device cgroup denies; BPF without PERFMON or SYS_ADMIN cannot read kernel memory.
 * - PERFMON and AUDIT_CONTROL are high (Kubernetes had medium): PERFMON opens the whole perf and
 *   BPF tracing surface, a frequent source of kernel privilege escalations, and reveals kernel
 *   addresses; the audit subsystem is not namespaced, so AUDIT_CONTROL switches off auditing for
 *   the whole node.
 * - SYS_TIME, SYSLOG and CHECKPOINT_RESTORE stay medium (Docker had high): they disturb the node
 *   or leak information but do not give control of it.
 * - SYS_NICE and AUDIT_READ are medium (Kubernetes had low): real-time scheduling starves the
 *   node's other processes whatever the CPU limit, and the audit log is the whole node's.
 * - IPC_LOCK, IPC_OWNER, LINUX_IMMUTABLE, SYS_PACCT, SYS_TTY_CONFIG and NET_BROADCAST stay low
 *   (Docker had medium): locked memory still counts against the container's memory limit, IPC
 *   objects are those of its own IPC namespace, terminals need devices it does not have, and the
 *   kernel does not check NET_BROADCAST at all.
 * - Capabilities of the runtimes' default set are reported when added if they are dangerous
 *   themselves (NET_RAW, DAC_OVERRIDE, SETUID, SETGID, MKNOD), in every format (Docker skipped the
 *   whole default set): an explicit add survives `drop: ALL`/`cap_drop: [ALL]`, CRI-O leaves
 *   NET_RAW and MKNOD out of its default set so the add grants them there, and the Pod Security
 *   baseline forbids adding NET_RAW. Harmless ones (CHOWN, NET_BIND_SERVICE, ...) are not.
 */
import type { Severity } from '../core/severity.js';

export interface CapabilityInfo {
  name: string;
  /** Severity of adding it to a container; undefined for capabilities not worth a finding. */
  severity: Severity | undefined;
  /** What a process holding it can do, as a phrase: "load kernel modules ...". */
  enables: string;
}

/**
 * The default set of containerd and Docker (CRI-O's default leaves out MKNOD, NET_RAW,
 * AUDIT_WRITE and SYS_CHROOT). Dropping ALL removes these too.
 */
export const RUNTIME_DEFAULT_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

const TABLE: readonly CapabilityInfo[] = [
  {
    name: 'ALL',
    severity: 'critical',
    enables:
      'grants every capability, among them SYS_ADMIN, SYS_MODULE and SYS_PTRACE: mounting filesystems, loading kernel modules and tracing processes, which together are an escape to the node',
  },
  {
    name: 'SYS_ADMIN',
    severity: 'critical',
    enables:
      'is close to full root: it allows mount (including the cgroup release_agent escape), namespace and BPF operations and dozens of other privileged system calls',
  },
  {
    name: 'SYS_MODULE',
    severity: 'critical',
    enables: 'loads and unloads kernel modules, that is, runs arbitrary code in the host kernel',
  },
  {
    name: 'SYS_RAWIO',
    severity: 'high',
    enables: 'allows raw I/O port access (iopl, ioperm) and raw device access, a path to physical memory and disks',
  },
  {
    name: 'SYS_PTRACE',
    severity: 'high',
    enables:
      'traces and injects code into other processes it can see and reads their memory (host processes too when the pod shares the host PID namespace)',
  },
  {
    name: 'DAC_READ_SEARCH',
    severity: 'critical',
    enables:
      'bypasses read permission checks and allows open_by_handle_at, the system call behind the "shocker" escape: it opens any file of the host filesystem the container\'s files live on (and writes it, with the DAC_OVERRIDE runtimes grant by default)',
  },
  {
    name: 'BPF',
    severity: 'high',
    enables: 'loads BPF programs and creates maps, which can read kernel memory and observe every process on the node',
  },
  {
    name: 'NET_ADMIN',
    severity: 'high',
    enables:
      'reconfigures interfaces, routes and firewall rules of the pod network (of the node with hostNetwork): redirecting or intercepting traffic and undoing in-pod network controls',
  },
  {
    name: 'MAC_ADMIN',
    severity: 'high',
    enables: 'changes the mandatory access control policy (AppArmor, SELinux, Smack) that confines containers',
  },
  {
    name: 'MAC_OVERRIDE',
    severity: 'high',
    enables: 'overrides the mandatory access control policy (AppArmor, SELinux, Smack)',
  },
  {
    name: 'SYS_BOOT',
    severity: 'high',
    enables: "calls kexec_load, which replaces the node's running kernel, and reboot (the node's, with the host PID namespace)",
  },
  {
    name: 'NET_RAW',
    severity: 'medium',
    enables:
      'opens raw and packet sockets: crafting packets, ARP and DNS spoofing of neighbouring pods on the node bridge, and sniffing',
  },
  {
    name: 'PERFMON',
    severity: 'high',
    enables:
      'uses perf_event_open and BPF tracing to observe other processes and the kernel: a large, often exploited kernel surface that also reveals kernel addresses',
  },
  {
    name: 'SYS_TIME',
    severity: 'medium',
    enables:
      'sets the system clock, which is not namespaced: it shifts time for the whole node and breaks certificate, token and log timestamps',
  },
  {
    name: 'SYSLOG',
    severity: 'medium',
    enables: 'reads and clears the kernel log, which reveals kernel addresses that defeat KASLR',
  },
  {
    name: 'DAC_OVERRIDE',
    severity: 'medium',
    enables: 'bypasses file read, write and execute permission checks on every file the container can see',
  },
  {
    name: 'AUDIT_CONTROL',
    severity: 'high',
    enables: 'changes kernel audit rules or turns auditing off for the whole node (auditing is not namespaced), hiding activity',
  },
  {
    name: 'SYS_RESOURCE',
    severity: 'medium',
    enables: 'overrides resource limits, quotas and reserved space, helping exhaust the node',
  },
  {
    name: 'CHECKPOINT_RESTORE',
    severity: 'medium',
    enables: 'uses checkpoint/restore operations: choosing process IDs and reading the mapped files of other processes',
  },
  {
    name: 'SETUID',
    severity: 'low',
    enables: 'switches to any user ID, the step a compromised process needs to use setuid tricks or impersonate other users',
  },
  {
    name: 'SETGID',
    severity: 'low',
    enables: 'switches to any group ID and sets supplementary groups',
  },
  {
    name: 'MKNOD',
    severity: 'low',
    enables: 'creates device files (which devices can be opened is still limited by the device cgroup)',
  },
  { name: 'IPC_OWNER', severity: 'low', enables: 'bypasses permission checks on System V IPC objects' },
  { name: 'IPC_LOCK', severity: 'low', enables: 'locks memory so that it cannot be swapped, tying up node memory' },
  { name: 'LINUX_IMMUTABLE', severity: 'low', enables: 'sets and clears the immutable and append-only file flags' },
  {
    name: 'SYS_NICE',
    severity: 'medium',
    enables:
      'raises scheduling priority and sets real-time scheduling, which CPU limits do not bound: other processes on the node starve',
  },
  { name: 'SYS_PACCT', severity: 'low', enables: 'switches process accounting on and off' },
  { name: 'SYS_TTY_CONFIG', severity: 'low', enables: 'uses privileged terminal operations such as vhangup' },
  {
    name: 'AUDIT_READ',
    severity: 'medium',
    enables: "reads the node's kernel audit records through the audit multicast socket (auditing is not namespaced)",
  },
  { name: 'NET_BROADCAST', severity: 'low', enables: 'sends broadcast and listens to multicast traffic' },
  { name: 'LEASE', severity: 'low', enables: 'takes leases on files it does not own' },
  { name: 'WAKE_ALARM', severity: 'low', enables: 'sets alarms that wake the system' },
  { name: 'BLOCK_SUSPEND', severity: 'low', enables: 'blocks system suspend' },
  // In the runtime default set and harmless enough not to report when added back.
  { name: 'AUDIT_WRITE', severity: undefined, enables: 'writes records to the kernel audit log' },
  { name: 'CHOWN', severity: undefined, enables: 'changes the owner of files' },
  { name: 'FOWNER', severity: undefined, enables: 'bypasses checks that require owning a file' },
  { name: 'FSETID', severity: undefined, enables: 'keeps setuid and setgid bits when files are changed' },
  { name: 'KILL', severity: undefined, enables: 'sends signals to processes of other users' },
  { name: 'NET_BIND_SERVICE', severity: undefined, enables: 'binds to ports below 1024' },
  { name: 'SETFCAP', severity: undefined, enables: 'sets file capabilities' },
  { name: 'SETPCAP', severity: undefined, enables: 'changes its own capability sets' },
  { name: 'SYS_CHROOT', severity: undefined, enables: 'calls chroot' },
];

const BY_NAME = new Map(TABLE.map((info) => [info.name, info]));

/** `cap_sys_admin`, `CAP_SYS_ADMIN`, ` sys_admin ` -> `SYS_ADMIN`; `all` -> `ALL`. */
export function normaliseCapability(raw: string): string {
  const upper = raw.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** Information about a capability name in any accepted spelling; undefined when unknown. */
export function capabilityInfo(raw: string): CapabilityInfo | undefined {
  return BY_NAME.get(normaliseCapability(raw));
}

/** Whether a capability list (drop or add) names ALL, in any accepted spelling. */
export function includesAll(list: readonly unknown[]): boolean {
  return list.some((entry) => typeof entry === 'string' && normaliseCapability(entry) === 'ALL');
}

/**
 * How a runtime combines the added and dropped lists:
 * - `cri` (containerd, CRI-O, so Kubernetes): add ALL, then drop ALL, then the named adds, then the
 *   named drops. A capability added and dropped by name is not granted; ALL in both grants nothing
 *   but the named adds.
 * - `docker` (Docker Engine, so compose and `docker run`): with ALL added, every capability but the
 *   named drops (a drop of ALL does not cancel it); otherwise the defaults minus the drops, plus
 *   every named add, even one that is also dropped.
 */
export type CapabilityRuntime = 'cri' | 'docker';

export interface AddedCapability {
  /** The index of the entry in the add list. */
  index: number;
  /** The entry as written. */
  raw: string;
  info: CapabilityInfo & { severity: Severity };
}

/**
 * The entries of an add list that the runtime really grants and that are worth a finding (a
 * known capability with a severity), in list order.
 */
export function grantedAdds(add: readonly unknown[], drop: readonly unknown[], runtime: CapabilityRuntime): AddedCapability[] {
  const dropped = new Set(drop.filter((d): d is string => typeof d === 'string').map(normaliseCapability));
  const addsAll = includesAll(add);
  const out: AddedCapability[] = [];
  add.forEach((entry, index) => {
    if (typeof entry !== 'string') return;
    const info = capabilityInfo(entry);
    if (!info?.severity) return;
    const severity = info.severity;
    let granted: boolean;
    if (runtime === 'cri') granted = info.name === 'ALL' ? !dropped.has('ALL') : !dropped.has(info.name);
    else granted = info.name === 'ALL' || !addsAll || !dropped.has(info.name);
    if (granted) out.push({ index, raw: entry, info: { ...info, severity } });
  });
  return out;
}

/** `SYS_ADMIN`, or `SYS_ADMIN (written "cap_sys_admin")` when the entry is spelled otherwise. */
export function spelledCapability(added: AddedCapability): string {
  return added.raw.trim() === added.info.name ? added.info.name : `${added.info.name} (written ${JSON.stringify(added.raw)})`;
}

/** The sentence ending shared by every format: `adds SYS_ADMIN, which is close to full root ...`. */
export function describeAddedCapability(added: AddedCapability): string {
  return `adds ${spelledCapability(added)}, which ${added.info.enables}`;
}
