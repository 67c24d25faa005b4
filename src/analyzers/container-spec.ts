/**
 * How a container is run, in one shape for every source that says it: a compose service or the
 * flags of a `docker run` / `docker create` / `podman run` command. Each value remembers where it
 * was written (a YAML path or a source range), so rules written against this shape report at the
 * exact spot in either source.
 */
import type { OffsetRange } from '../core/source.js';
import { lookupTable } from '../core/table.js';
import type { Path } from '../sources/yaml.js';

/** Where a value is written: a path in a YAML document, or a range of the source text. */
export interface At {
  path?: Path;
  range?: OffsetRange;
}

export interface Located<T> {
  value: T;
  at: At;
}

export interface MountSpec {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'image' | 'cluster' | 'unknown';
  /** Host path for binds, volume name for volumes. */
  source: string | undefined;
  target: string;
  readOnly: boolean;
  at: At;
}

export interface PortSpec {
  /** The host address the port is published on; undefined means all interfaces. */
  hostIp: string | undefined;
  /** Undefined means a random host port (still published). */
  hostPort: string | undefined;
  containerPort: string;
  protocol: string;
  at: At;
}

export interface EnvironmentEntry {
  name: string;
  /** Undefined when the value is taken from the host environment (`KEY` without `=`). */
  value: string | undefined;
  at: At;
}

export interface ContainerSpec {
  /** The service or container name, for messages. */
  name: string;
  /** What kind of thing it is, for messages: `service "web"` or `docker run`. */
  label: string;
  /** Where the whole spec is written (the service entry, the command). */
  at: At;
  image: Located<string> | undefined;
  /** The image is built from a Dockerfile (compose `build:`), so its tag is not pulled. */
  built: boolean;
  privileged: Located<boolean> | undefined;
  capAdd: Located<string>[];
  capDrop: Located<string>[];
  networkMode: Located<string> | undefined;
  pid: Located<string> | undefined;
  ipc: Located<string> | undefined;
  userns: Located<string> | undefined;
  uts: Located<string> | undefined;
  cgroup: Located<string> | undefined;
  mounts: MountSpec[];
  securityOpt: Located<string>[];
  readOnly: Located<boolean> | undefined;
  user: Located<string> | undefined;
  memory: Located<string> | undefined;
  cpus: Located<string> | undefined;
  pidsLimit: Located<string> | undefined;
  ports: PortSpec[];
  /** `-P` / `--publish-all`: every exposed port on a random host port, on all interfaces. */
  publishAll: Located<boolean> | undefined;
  environment: EnvironmentEntry[];
  devices: Located<string>[];
  sysctls: { name: string; value: string; at: At }[];
  restart: Located<string> | undefined;
  /** Restart attempts are capped (`on-failure:5`, `deploy.restart_policy.max_attempts`). */
  restartCapped: boolean;
  logDriver: Located<string> | undefined;
  /** User-defined networks the container joins (empty: the default network only). */
  networks: string[];
}

export function emptySpec(name: string, label: string, at: At): ContainerSpec {
  return {
    name,
    label,
    at,
    image: undefined,
    built: false,
    privileged: undefined,
    capAdd: [],
    capDrop: [],
    networkMode: undefined,
    pid: undefined,
    ipc: undefined,
    userns: undefined,
    uts: undefined,
    cgroup: undefined,
    mounts: [],
    securityOpt: [],
    readOnly: undefined,
    user: undefined,
    memory: undefined,
    cpus: undefined,
    pidsLimit: undefined,
    ports: [],
    publishAll: undefined,
    environment: [],
    devices: [],
    sysctls: [],
    restart: undefined,
    restartCapped: false,
    logDriver: undefined,
    networks: [],
  };
}

/** Reads a short volume spec `[SOURCE:]TARGET[:OPTIONS]`, with Windows drive letters. */
export function parseVolumeShort(text: string, at: At): MountSpec {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const drive = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
    const colon = rest.indexOf(':', drive);
    if (colon === -1) {
      parts.push(rest);
      break;
    }
    parts.push(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  let source: string | undefined;
  let target: string;
  let options = '';
  if (parts.length === 1) {
    target = parts[0] ?? '';
  } else if (
    parts.length === 2 &&
    /^(ro|rw|z|Z|nocopy|cached|delegated|consistent|[rs]?shared|[rs]?slave|[rs]?private)(,|$)/.test(parts[1] ?? '') &&
    !(parts[0] ?? '').startsWith('/')
  ) {
    target = parts[0] ?? '';
    options = parts[1] ?? '';
  } else {
    source = parts[0];
    target = parts[1] ?? '';
    options = parts.slice(2).join(':');
  }
  const optionList = options.split(',');
  const readOnly = optionList.includes('ro') || optionList.includes('readonly');
  let type: MountSpec['type'] = 'volume';
  if (source === undefined) type = 'volume';
  else if (isHostPath(source)) type = 'bind';
  return { type, source, target, readOnly, at };
}

/** Whether a mount source is a host path rather than a volume name. */
export function isHostPath(source: string): boolean {
  return /^([/.~$]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

/** Reads a port spec `[[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, with bracketed IPv6 hosts. */
export function parsePortShort(text: string, at: At): PortSpec {
  let rest = text.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash !== -1 && !rest.slice(slash).includes(':')) {
    protocol = rest.slice(slash + 1) || 'tcp';
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  } else {
    const parts = rest.split(':');
    if (parts.length >= 3) {
      hostIp = parts.slice(0, -2).join(':');
      rest = parts.slice(-2).join(':');
    }
  }
  const parts = rest.split(':');
  const containerPort = parts[parts.length - 1] ?? '';
  const hostPort = parts.length > 1 ? parts[0] || undefined : undefined;
  return { hostIp: hostIp === '' ? undefined : hostIp, hostPort, containerPort, protocol, at };
}

/** Whether a host address binds every interface (no address, 0.0.0.0, ::). */
export function isAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]' || hostIp === '*';
}

/** Whether a user is root: `root`, `0`, `0:0`, `root:root`. Undefined when it cannot be told (a variable). */
export function isRootUser(user: string): boolean | undefined {
  const name = user.trim().split(':')[0] ?? '';
  if (name.includes('$')) return undefined;
  return name === 'root' || name === '0';
}

/** Ports that serve data stores, admin interfaces and control planes: rarely meant for the world. */
export const INTERNAL_PORTS: Readonly<Record<string, string>> = lookupTable({
  '22': 'SSH',
  '2375': 'the Docker API',
  '2376': 'the Docker API',
  '2379': 'etcd',
  '3306': 'MySQL',
  '5432': 'PostgreSQL',
  '5672': 'RabbitMQ',
  '15672': 'RabbitMQ management',
  '6379': 'Redis',
  '6443': 'the Kubernetes API',
  '8500': 'Consul',
  '9000': 'an admin console',
  '9090': 'Prometheus',
  '9200': 'Elasticsearch',
  '9300': 'Elasticsearch',
  '10250': 'the kubelet',
  '11211': 'memcached',
  '27017': 'MongoDB',
  '1433': 'SQL Server',
  '1521': 'Oracle',
  '5984': 'CouchDB',
  '7000': 'Cassandra',
  '9042': 'Cassandra',
  '8086': 'InfluxDB',
  '9092': 'Kafka',
  '2181': 'ZooKeeper',
});
