/**
 * Linux capabilities granted to containers (`cap_add`, `--cap-add`), graded by what an attacker in
 * the container can do with each, as for Kubernetes `capabilities.add`. Capabilities in Docker's
 * default set are not reported when added again (they are already there); `ALL` and the
 * capabilities that break out of the container are critical.
 *
 * NOTE for the integrator: the Kubernetes hardening rules may carry a similar table; this one can be
 * unified with theirs.
 */
import type { Severity } from '../core/severity.js';

/** Capabilities Docker (and containerd) grant by default. */
export const DOCKER_DEFAULT_CAPABILITIES = new Set([
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SYS_CHROOT',
  'MKNOD',
  'AUDIT_WRITE',
  'SETFCAP',
]);

const GRADES: Record<string, { severity: Severity; why: string }> = {
  ALL: { severity: 'critical', why: 'every capability: the container is as strong as root on the host' },
  SYS_ADMIN: { severity: 'critical', why: 'mount, namespaces, BPF and much more: known container escapes' },
  SYS_MODULE: { severity: 'critical', why: 'loads kernel modules: code in the host kernel' },
  SYS_RAWIO: { severity: 'critical', why: 'raw access to I/O ports and devices' },
  SYS_PTRACE: { severity: 'critical', why: 'traces and injects code into other processes' },
  DAC_READ_SEARCH: { severity: 'critical', why: 'opens host files by handle (the "shocker" escape)' },
  BPF: { severity: 'critical', why: 'loads BPF programs into the kernel' },
  SYS_BOOT: { severity: 'high', why: 'reboots the host' },
  NET_ADMIN: { severity: 'high', why: 'reconfigures networking: routes, firewall rules, interfaces, traffic interception' },
  SYS_TIME: { severity: 'high', why: "sets the host's clock" },
  MAC_ADMIN: { severity: 'high', why: 'changes the mandatory access control (AppArmor, SELinux) policy' },
  MAC_OVERRIDE: { severity: 'high', why: 'overrides mandatory access control' },
  PERFMON: { severity: 'high', why: 'kernel performance monitoring: a large kernel attack surface' },
  SYSLOG: { severity: 'high', why: 'reads kernel logs with kernel addresses' },
  CHECKPOINT_RESTORE: { severity: 'high', why: 'checkpoints and restores processes' },
  LINUX_IMMUTABLE: { severity: 'medium', why: 'changes immutable file attributes' },
  SYS_RESOURCE: { severity: 'medium', why: 'overrides resource limits' },
  SYS_NICE: { severity: 'medium', why: "changes other processes' priorities" },
  IPC_LOCK: { severity: 'medium', why: 'locks memory' },
  IPC_OWNER: { severity: 'medium', why: 'bypasses IPC permission checks' },
  NET_BROADCAST: { severity: 'medium', why: 'broadcasts and listens to multicast' },
  AUDIT_CONTROL: { severity: 'high', why: 'changes kernel auditing: hides activity' },
  AUDIT_READ: { severity: 'medium', why: 'reads the audit log' },
  WAKE_ALARM: { severity: 'low', why: 'sets wake alarms' },
  BLOCK_SUSPEND: { severity: 'low', why: 'blocks system suspend' },
  LEASE: { severity: 'low', why: 'takes file leases' },
  SYS_PACCT: { severity: 'medium', why: 'configures process accounting' },
  SYS_TTY_CONFIG: { severity: 'medium', why: 'configures terminals' },
};

/** `cap_sys_admin`, `CAP_SYS_ADMIN`, `sys_admin` -> `SYS_ADMIN`. */
export function normaliseCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityRisk {
  capability: string;
  severity: Severity;
  why: string;
}

/** The risk of adding a capability; undefined for those Docker grants anyway. */
export function capabilityRisk(name: string): CapabilityRisk | undefined {
  const capability = normaliseCapability(name);
  if (capability === '' || DOCKER_DEFAULT_CAPABILITIES.has(capability)) return undefined;
  const grade = GRADES[capability];
  if (grade) return { capability, ...grade };
  return { capability, severity: 'medium', why: 'a capability outside the default set' };
}
