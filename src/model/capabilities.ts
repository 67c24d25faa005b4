/**
 * Linux capabilities as container runtimes read them, with what each one lets a process do and
 * how dangerous it is to grant inside a container. Shared by Kubernetes (`capabilities.add`),
 * compose (`cap_add`) and Docker rules.
 *
 * Runtimes are lenient about spelling: containerd upper-cases the names it is given and treats
 * `ALL` in any case as every capability; CRI-O and Docker also accept the `CAP_` prefix. A
 * scanner that compared strings exactly would miss `sys_admin` or `CAP_SYS_ADMIN`, so names are
 * normalised the way the runtimes do before they are looked up.
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
    severity: 'high',
    enables:
      'bypasses read permission checks and allows open_by_handle_at, the system call behind the "shocker" escape that reads files of the host filesystem',
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
    enables: 'calls kexec_load, which replaces the running kernel of the node',
  },
  {
    name: 'NET_RAW',
    severity: 'medium',
    enables:
      'opens raw and packet sockets: crafting packets, ARP and DNS spoofing of neighbouring pods on the node bridge, and sniffing',
  },
  {
    name: 'PERFMON',
    severity: 'medium',
    enables: 'uses perf_event_open and BPF tracing to observe other processes and the kernel',
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
    severity: 'medium',
    enables: 'changes kernel audit rules or turns auditing off, hiding activity on the node',
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
    severity: 'low',
    enables: 'raises scheduling priority and sets real-time scheduling, starving other processes',
  },
  { name: 'SYS_PACCT', severity: 'low', enables: 'switches process accounting on and off' },
  { name: 'SYS_TTY_CONFIG', severity: 'low', enables: 'uses privileged terminal operations such as vhangup' },
  { name: 'AUDIT_READ', severity: 'low', enables: 'reads the kernel audit log' },
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
