/**
 * The runtime checks that compose services and `docker run` flags share: each takes a
 * `ContainerSpec` and returns the problems with where they are written. The compose and
 * docker-run rule files add their own metadata and report these, so both sources are judged alike.
 */
import { detectSecret, redact } from '../analyzers/secrets.js';
import type { Severity } from '../core/severity.js';
import { describeAddedCapability, grantedAdds, includesAll } from '../model/capabilities.js';
import { classifyBindSource, hostPathMountSeverity, READ_ONLY_SOCKET_NOTE } from '../model/host-path.js';
import { effectiveTag, parseImageRef } from '../model/image.js';
import { sysctlConcern } from '../model/sysctls.js';
import { type At, type ContainerSpec, INTERNAL_PORTS, isAllInterfaces, isRootUser, type Located } from './container-spec.js';

export interface Issue {
  at: At;
  message: string;
  severity?: Severity;
  key?: string;
}

export function privileged(spec: ContainerSpec): Issue[] {
  if (spec.privileged?.value !== true) return [];
  return [
    {
      at: spec.privileged.at,
      message: `${cap(spec.label)} runs privileged: every capability, no seccomp or AppArmor confinement and all host devices. A compromise of it is a compromise of the host.`,
      key: 'privileged',
    },
  ];
}

/** Added capabilities, graded by the table shared with Kubernetes, as Docker grants them. */
export function dangerousCapabilities(spec: ContainerSpec): Issue[] {
  const added = grantedAdds(
    spec.capAdd.map((c) => c.value),
    spec.capDrop.map((c) => c.value),
    'docker',
  );
  return added.map((grant) => ({
    at: spec.capAdd[grant.index]?.at ?? spec.at,
    message: `${cap(spec.label)} ${describeAddedCapability(grant)}.`,
    severity: grant.info.severity,
    key: `cap:${grant.info.name}`,
  }));
}

export function capDropAll(spec: ContainerSpec): Issue[] {
  if (spec.privileged?.value === true) return [];
  if (includesAll(spec.capDrop.map((c) => c.value))) return [];
  return [
    {
      at: spec.at,
      message: `${cap(spec.label)} keeps Docker's default capabilities (NET_RAW, SETUID, DAC_OVERRIDE, ...): drop ALL and add back only what it needs.`,
      key: 'cap-drop',
    },
  ];
}

export type Namespace = 'network' | 'pid' | 'ipc' | 'userns' | 'uts';

const NAMESPACE_TEXT: Record<Namespace, string> = {
  network: "the host's network stack: it can bind any host port, reach services on localhost and sniff host traffic",
  pid: "the host's process namespace: it sees every host process and can signal or trace them",
  ipc: "the host's IPC namespace: shared memory and semaphores of host processes",
  userns: "the host's user namespace: user namespace remapping is switched off for it",
  uts: "the host's UTS namespace: it can change the host name",
};

export function hostNamespace(spec: ContainerSpec, namespace: Namespace): Issue[] {
  const setting: Located<string> | undefined = {
    network: spec.networkMode,
    pid: spec.pid,
    ipc: spec.ipc,
    userns: spec.userns,
    uts: spec.uts,
  }[namespace];
  if (setting?.value !== 'host') return [];
  return [{ at: setting.at, message: `${cap(spec.label)} shares ${NAMESPACE_TEXT[namespace]}.`, key: `host-${namespace}` }];
}

/**
 * Bind mounts of host paths (and Windows named pipes), graded by the table shared with Kubernetes
 * hostPath volumes: the same path gets the same severity and explanation in every format.
 * Project-relative sources (`./data`, `$PWD/config`) are the project's own files and left to
 * `writableBindMounts`, unless they name credentials.
 */
export function sensitiveMounts(spec: ContainerSpec): Issue[] {
  const issues: Issue[] = [];
  for (const mount of spec.mounts) {
    if ((mount.type !== 'bind' && mount.type !== 'npipe') || mount.source === undefined) continue;
    const cls = classifyBindSource(mount.source);
    if (!cls) continue;
    const mode = mount.readOnly ? `read-only${cls.socket ? `; ${READ_ONLY_SOCKET_NOTE}` : ''}` : 'writable';
    issues.push({
      at: mount.at,
      message: `${cap(spec.label)} mounts ${mount.source}, ${cls.what}, at ${mount.target} (${mode}): it gives ${cls.gives}.`,
      severity: hostPathMountSeverity(cls, mount.readOnly),
      key: `mount:${mount.source}`,
    });
  }
  return issues;
}

/** Writable bind mounts of project-relative or variable paths (host paths are graded by `sensitiveMounts`). */
export function writableBindMounts(spec: ContainerSpec): Issue[] {
  const issues: Issue[] = [];
  for (const mount of spec.mounts) {
    if (mount.type !== 'bind' || mount.readOnly || mount.source === undefined) continue;
    if (classifyBindSource(mount.source)) continue; // reported by sensitiveMounts
    issues.push({
      at: mount.at,
      message: `${cap(spec.label)} mounts the host path ${mount.source} writable at ${mount.target}: a compromised container can change host files. Mount it read-only (:ro) or use a named volume.`,
      key: `rw:${mount.source}`,
    });
  }
  return issues;
}

export function unconfinedSecurityOpt(spec: ContainerSpec): Issue[] {
  const issues: Issue[] = [];
  for (const option of spec.securityOpt) {
    const [name, value] = splitOption(option.value);
    let what: string | undefined;
    let severity: Severity = 'high';
    if (name === 'seccomp' && value === 'unconfined') what = 'turns seccomp off: every system call of the kernel is reachable';
    else if (name === 'apparmor' && value === 'unconfined') what = 'turns AppArmor off';
    else if (name === 'label' && value === 'disable') what = 'turns SELinux labelling off';
    else if (name === 'systempaths' && value === 'unconfined') {
      what = 'unmasks /proc and /sys paths the runtime hides (kcore, sysrq-trigger, ...)';
      severity = 'critical';
    }
    if (!what) continue;
    issues.push({
      at: option.at,
      message: `${cap(spec.label)} ${what} (security_opt ${option.value}).`,
      severity,
      key: `secopt:${name}`,
    });
  }
  return issues;
}

function splitOption(text: string): [string, string] {
  const match = /^([a-z-]+)[:=](.*)$/i.exec(text.trim());
  if (!match) return [text.trim().toLowerCase(), ''];
  return [(match[1] as string).toLowerCase(), (match[2] as string).trim().toLowerCase()];
}

export function noNewPrivileges(spec: ContainerSpec): Issue[] {
  if (spec.privileged?.value === true) return [];
  const set = spec.securityOpt.some((o) => {
    const [name, value] = splitOption(o.value);
    return name === 'no-new-privileges' && (value === '' || value === 'true');
  });
  if (set) return [];
  return [
    {
      at: spec.at,
      message: `${cap(spec.label)} does not set no-new-privileges: setuid programs in the image can still raise the privileges of its processes.`,
      key: 'no-new-privileges',
    },
  ];
}

export function readOnlyRootfs(spec: ContainerSpec): Issue[] {
  if (spec.readOnly?.value === true) return [];
  return [
    {
      at: spec.readOnly?.at ?? spec.at,
      message: `${cap(spec.label)} has a writable root filesystem: an attacker can drop tools and change the application's files. Set read_only and mount tmpfs or volumes where it must write.`,
      key: 'read-only',
    },
  ];
}

export function rootUser(spec: ContainerSpec, kind: string): Issue[] {
  if (spec.user) {
    if (isRootUser(spec.user.value) !== true) return [];
    return [
      {
        at: spec.user.at,
        message: `${cap(spec.label)} runs as root (user ${spec.user.value}): root in the container is root on the host for the kernel.`,
        severity: 'high',
        key: 'root',
      },
    ];
  }
  return [
    {
      at: spec.at,
      message: `${cap(spec.label)} sets no ${kind}, so it runs as the image's USER: root unless the image sets one.`,
      severity: 'low',
      key: 'no-user',
    },
  ];
}

export function resourceLimits(spec: ContainerSpec, names: { memory: string; cpus: string; pids: string }): Issue[] {
  const missing: string[] = [];
  if (!spec.memory || /^(0|-1)$/.test(spec.memory.value)) missing.push(names.memory);
  if (!spec.cpus || /^0(\.0*)?$/.test(spec.cpus.value)) missing.push(names.cpus);
  if (!spec.pidsLimit || /^(0|-1)$/.test(spec.pidsLimit.value)) missing.push(names.pids);
  if (missing.length === 0) return [];
  return [
    {
      at: spec.at,
      message: `${cap(spec.label)} has no ${missing.join(', ')} limit: one runaway or attacked container can starve the host and every other container of ${missing.map(limitWhat).join(', ')}.`,
      key: 'limits',
    },
  ];
}

function limitWhat(name: string): string {
  if (/mem/.test(name)) return 'memory';
  if (/cpu/.test(name)) return 'CPU';
  return 'process slots (a fork bomb)';
}

export function allInterfacesPorts(spec: ContainerSpec): Issue[] {
  const issues: Issue[] = [];
  if (spec.networkMode?.value === 'host') return issues;
  for (const port of spec.ports) {
    if (!isAllInterfaces(port.hostIp)) continue;
    const number = port.containerPort.split('-')[0] ?? port.containerPort;
    const service = INTERNAL_PORTS[number];
    const published = port.hostPort === undefined ? 'a random host port' : `host port ${port.hostPort}`;
    issues.push({
      at: port.at,
      message: service
        ? `${cap(spec.label)} publishes ${service} (container port ${port.containerPort}) on ${published} of every host interface: anyone who can reach the host can reach it. Bind it to 127.0.0.1 or leave it unpublished.`
        : `${cap(spec.label)} publishes container port ${port.containerPort} on ${published} of every host interface; bind it to 127.0.0.1 (or a specific address) where that is enough.`,
      severity: service ? 'medium' : 'low',
      key: `port:${port.hostPort ?? ''}:${port.containerPort}`,
    });
  }
  if (spec.publishAll?.value === true) {
    issues.push({
      at: spec.publishAll.at,
      message: `${cap(spec.label)} publishes every exposed port of the image on random host ports of every interface (-P).`,
      severity: 'medium',
      key: 'publish-all',
    });
  }
  return issues;
}

/** Whether a value is filled in by compose or the shell (`${DB_PASSWORD}`, `$TOKEN`). */
function interpolated(value: string): boolean {
  return /\$\{?[A-Za-z_]/.test(value) || /\$\(/.test(value);
}

export function inlineSecrets(spec: ContainerSpec): Issue[] {
  const issues: Issue[] = [];
  for (const entry of spec.environment) {
    if (entry.value === undefined || entry.value === '' || interpolated(entry.value)) continue;
    const match = detectSecret(entry.name, entry.value);
    if (!match) continue;
    issues.push({
      at: entry.at,
      message: `${cap(spec.label)} sets ${entry.name} to a literal ${match.kind} (${redact(entry.value)}) in its environment: it is readable in the file, in \`docker inspect\` and by every process in the container.`,
      severity: match.confidence === 'format' ? 'critical' : 'high',
      key: `env:${entry.name}`,
    });
  }
  return issues;
}

export function latestImage(spec: ContainerSpec): Issue[] {
  if (!spec.image || spec.built) return [];
  const text = spec.image.value;
  if (interpolated(text)) return [];
  const ref = parseImageRef(text);
  if (!ref || ref.digest !== undefined) return [];
  if (effectiveTag(ref) !== 'latest') return [];
  return [
    {
      at: spec.image.at,
      message: `${cap(spec.label)} uses the image "${text}" ${ref.tag === undefined ? 'without a tag (":latest")' : 'with the ":latest" tag'}: every pull can run different code than what was tested.`,
      key: 'latest',
    },
  ];
}

const DANGEROUS_DEVICES =
  /^\/dev\/(mem|kmem|port|sd[a-z]|nvme|xvd|vd[a-z]|hd[a-z]|dm-|md|loop|disk|mapper|kvm|vhost|net\/tun|fuse|bus\/usb|cpu\/)/;

export function devices(spec: ContainerSpec): Issue[] {
  return spec.devices.map((device) => {
    const host = device.value.split(':')[0] ?? device.value;
    const dangerous = DANGEROUS_DEVICES.test(host);
    return {
      at: device.at,
      message: `${cap(spec.label)} gets direct access to the host device ${host}${dangerous ? ': raw disks, memory or kernel interfaces let it read or change the host' : ''}.`,
      severity: dangerous ? 'high' : 'medium',
      key: `device:${host}`,
    };
  });
}

/** Sysctls outside the Pod Security Standards' safe set, or of a namespace shared with the host. */
export function unsafeSysctls(spec: ContainerSpec): Issue[] {
  const issues: Issue[] = [];
  const shared = { network: spec.networkMode?.value === 'host', ipc: spec.ipc?.value === 'host' };
  for (const sysctl of spec.sysctls) {
    const concern = sysctlConcern(sysctl.name, shared);
    if (concern === undefined) continue;
    issues.push({
      at: sysctl.at,
      message: `${cap(spec.label)} sets the kernel parameter ${sysctl.name}=${sysctl.value}: ${concern}.`,
      key: `sysctl:${sysctl.name}`,
    });
  }
  return issues;
}

export function unboundedRestart(spec: ContainerSpec): Issue[] {
  const restart = spec.restart;
  if (!restart || spec.restartCapped) return [];
  if (
    restart.value !== 'always' &&
    restart.value !== 'unless-stopped' &&
    restart.value !== 'on-failure' &&
    restart.value !== 'any'
  )
    return [];
  return [
    {
      at: restart.at,
      message: `${cap(spec.label)} restarts without a retry limit (${restart.value}): a crashing or exploited container is restarted forever, and repeated failures go unnoticed. Use on-failure with a maximum (on-failure:5).`,
      key: 'restart',
    },
  ];
}

export function loggingNone(spec: ContainerSpec): Issue[] {
  if (spec.logDriver?.value !== 'none') return [];
  return [
    {
      at: spec.logDriver.at,
      message: `${cap(spec.label)} uses the "none" logging driver: its output is discarded, leaving no trace of what happened in it.`,
      key: 'logging',
    },
  ];
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
