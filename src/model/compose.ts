/**
 * Compose files (the Compose Specification, as `docker compose` reads it): every service with its
 * runtime settings normalised into a `ContainerSpec` (short and long volume and port syntax,
 * `environment` as a map or a list, `deploy.resources.limits` and the legacy `mem_limit`/`cpus`/
 * `pids_limit`), each value keeping its YAML path for positions.
 */

import { type Document, parseAllDocuments } from 'yaml';
import {
  type At,
  type ContainerSpec,
  emptySpec,
  isHostPath,
  type Located,
  type MountSpec,
  parsePortShort,
  parseVolumeShort,
} from '../analyzers/container-spec.js';
import type { OffsetRange, SourceText } from '../core/source.js';
import type { Locatable } from '../rules/types.js';
import { MAX_ALIAS_COUNT, type Path, YamlDocument } from '../sources/yaml.js';
import { asArray, asObject, isObject, type JsonObject } from './k8s.js';

declare module '../rules/types.js' {
  interface TargetSubjects {
    /** Every compose file (all its services). */
    compose: ComposeDocument;
  }
}

const TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs', 'include', 'models']);

const SERVICE_KEYS = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'expose',
  'volumes',
  'volumes_from',
  'networks',
  'network_mode',
  'depends_on',
  'restart',
  'deploy',
  'healthcheck',
  'labels',
  'container_name',
  'hostname',
  'user',
  'working_dir',
  'cap_add',
  'cap_drop',
  'privileged',
  'security_opt',
  'read_only',
  'tmpfs',
  'logging',
  'ulimits',
  'sysctls',
  'devices',
  'pid',
  'ipc',
  'userns_mode',
  'mem_limit',
  'mem_reservation',
  'memswap_limit',
  'cpus',
  'cpu_shares',
  'cpu_quota',
  'cpuset',
  'pids_limit',
  'secrets',
  'configs',
  'profiles',
  'extends',
  'init',
  'stdin_open',
  'tty',
  'platform',
  'pull_policy',
  'extra_hosts',
  'dns',
  'links',
  'external_links',
  'stop_signal',
  'stop_grace_period',
  'shm_size',
  'scale',
  'runtime',
  'group_add',
  'cgroup',
  'cgroup_parent',
  'uts',
  'domainname',
  'mac_address',
  'oom_score_adj',
  'storage_opt',
  'annotations',
  'develop',
  'gpus',
  'isolation',
]);

export function isComposeName(name: string): boolean {
  return /^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(name) || /\.compose\.ya?ml$/i.test(name);
}

/** Whether a YAML value has the shape of a compose file. */
export function looksLikeCompose(value: unknown): boolean {
  if (!isObject(value)) return false;
  const services = asObject(value.services);
  if (!services) return false;
  for (const key of Object.keys(value)) if (!TOP_LEVEL.has(key) && !key.startsWith('x-')) return false;
  const entries = Object.values(services);
  if (entries.length === 0) return true;
  return entries.every(
    (s) => s === null || (isObject(s) && Object.keys(s).some((k) => SERVICE_KEYS.has(k) || k.startsWith('x-'))),
  );
}

export class ComposeService {
  readonly name: string;
  readonly path: Path;
  readonly value: JsonObject;
  readonly spec: ContainerSpec;

  constructor(name: string, value: JsonObject) {
    this.name = name;
    this.path = ['services', name];
    this.value = value;
    this.spec = serviceSpec(name, value, this.path);
  }
}

export class ComposeDocument implements Locatable {
  readonly type = 'compose' as const;
  readonly yaml: YamlDocument;
  readonly value: JsonObject;
  readonly services: ComposeService[];

  constructor(yaml: YamlDocument) {
    this.yaml = yaml;
    this.value = asObject(yaml.value) ?? {};
    const services = asObject(this.value.services) ?? {};
    this.services = Object.entries(services).map(([name, value]) => new ComposeService(name, asObject(value) ?? {}));
  }

  get source(): SourceText {
    return this.yaml.source;
  }

  locate(path: Path): OffsetRange {
    return this.yaml.locate(path);
  }

  /** The range of the key at a path (`privileged` in `privileged: true`), for pointing at a key. */
  locateKey(path: Path): OffsetRange | undefined {
    return this.yaml.locateKey(path);
  }
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function located<T>(value: T | undefined, path: Path): Located<T> | undefined {
  return value === undefined ? undefined : { value, at: { path } };
}

function serviceSpec(name: string, service: JsonObject, base: Path): ContainerSpec {
  const at = (...rest: (string | number)[]): At => ({ path: [...base, ...rest] });
  const spec = emptySpec(name, `service "${name}"`, { path: base });
  spec.image = located(str(service.image), [...base, 'image']);
  spec.built = service.build !== undefined && service.build !== null;
  if (typeof service.privileged === 'boolean') spec.privileged = { value: service.privileged, at: at('privileged') };
  asArray(service.cap_add).forEach((c, i) => {
    const v = str(c);
    if (v !== undefined) spec.capAdd.push({ value: v, at: at('cap_add', i) });
  });
  asArray(service.cap_drop).forEach((c, i) => {
    const v = str(c);
    if (v !== undefined) spec.capDrop.push({ value: v, at: at('cap_drop', i) });
  });
  spec.networkMode = located(str(service.network_mode), [...base, 'network_mode']);
  spec.pid = located(str(service.pid), [...base, 'pid']);
  spec.ipc = located(str(service.ipc), [...base, 'ipc']);
  spec.userns = located(str(service.userns_mode), [...base, 'userns_mode']);
  spec.uts = located(str(service.uts), [...base, 'uts']);
  spec.cgroup = located(str(service.cgroup), [...base, 'cgroup']);
  asArray(service.volumes).forEach((v, i) => {
    const mount = volumeSpec(v, at('volumes', i));
    if (mount) spec.mounts.push(mount);
  });
  asArray(service.security_opt).forEach((o, i) => {
    const v = str(o);
    if (v !== undefined) spec.securityOpt.push({ value: v, at: at('security_opt', i) });
  });
  if (typeof service.read_only === 'boolean') spec.readOnly = { value: service.read_only, at: at('read_only') };
  spec.user = located(str(service.user), [...base, 'user']);
  const limits = asObject(asObject(asObject(service.deploy)?.resources)?.limits);
  spec.memory =
    located(str(limits?.memory), [...base, 'deploy', 'resources', 'limits', 'memory']) ??
    located(str(service.mem_limit), [...base, 'mem_limit']);
  spec.cpus =
    located(str(limits?.cpus), [...base, 'deploy', 'resources', 'limits', 'cpus']) ??
    located(str(service.cpus), [...base, 'cpus']);
  spec.pidsLimit =
    located(str(limits?.pids), [...base, 'deploy', 'resources', 'limits', 'pids']) ??
    located(str(service.pids_limit), [...base, 'pids_limit']);
  asArray(service.ports).forEach((p, i) => {
    if (typeof p === 'string' || typeof p === 'number') {
      const port = parsePortShort(String(p), at('ports', i));
      // A bare container port is published on a random host port.
      spec.ports.push(port);
    } else if (isObject(p)) {
      const target = str(p.target);
      if (target === undefined) return;
      spec.ports.push({
        hostIp: str(p.host_ip),
        hostPort: str(p.published),
        containerPort: target,
        protocol: str(p.protocol) ?? 'tcp',
        at: at('ports', i),
      });
    }
  });
  const environment = service.environment;
  if (Array.isArray(environment)) {
    environment.forEach((entry, i) => {
      const text = str(entry);
      if (text === undefined) return;
      const eq = text.indexOf('=');
      spec.environment.push({
        name: eq === -1 ? text : text.slice(0, eq),
        value: eq === -1 ? undefined : text.slice(eq + 1),
        at: at('environment', i),
      });
    });
  } else if (isObject(environment)) {
    for (const [key, value] of Object.entries(environment)) {
      spec.environment.push({ name: key, value: value === null ? undefined : str(value), at: at('environment', key) });
    }
  }
  asArray(service.devices).forEach((d, i) => {
    const v = str(d) ?? (isObject(d) ? str(d.source) : undefined);
    if (v !== undefined) spec.devices.push({ value: v, at: at('devices', i) });
  });
  const sysctls = service.sysctls;
  if (Array.isArray(sysctls)) {
    sysctls.forEach((entry, i) => {
      const text = str(entry);
      if (text === undefined) return;
      const eq = text.indexOf('=');
      spec.sysctls.push({
        name: eq === -1 ? text : text.slice(0, eq),
        value: eq === -1 ? '' : text.slice(eq + 1),
        at: at('sysctls', i),
      });
    });
  } else if (isObject(sysctls)) {
    for (const [key, value] of Object.entries(sysctls))
      spec.sysctls.push({ name: key, value: str(value) ?? '', at: at('sysctls', key) });
  }
  spec.restart = located(str(service.restart), [...base, 'restart']);
  const restartPolicy = asObject(asObject(service.deploy)?.restart_policy);
  if (restartPolicy) {
    const condition = str(restartPolicy.condition) ?? 'any';
    spec.restart ??= { value: condition === 'any' ? 'always' : condition, at: at('deploy', 'restart_policy') };
    spec.restartCapped = restartPolicy.max_attempts !== undefined || condition === 'none';
  }
  if (/^on-failure:\d+$/.test(spec.restart?.value ?? '')) spec.restartCapped = true;
  spec.logDriver = located(str(asObject(service.logging)?.driver), [...base, 'logging', 'driver']);
  const networks = service.networks;
  if (Array.isArray(networks)) spec.networks = networks.map((n) => str(n)).filter((n): n is string => n !== undefined);
  else if (isObject(networks)) spec.networks = Object.keys(networks);
  return spec;
}

function volumeSpec(value: unknown, at: At): MountSpec | undefined {
  if (typeof value === 'string') return parseVolumeShort(value, at);
  if (!isObject(value)) return undefined;
  const type = str(value.type) ?? 'volume';
  const source = str(value.source);
  const target = str(value.target) ?? '';
  const readOnly = value.read_only === true;
  const known: MountSpec['type'][] = ['bind', 'volume', 'tmpfs', 'npipe', 'image', 'cluster'];
  const kind = (known as string[]).includes(type) ? (type as MountSpec['type']) : 'unknown';
  return { type: kind === 'volume' && source !== undefined && isHostPath(source) ? 'bind' : kind, source, target, readOnly, at };
}

/**
 * docker compose reads YAML 1.2 (`80:80` is a string, not the YAML 1.1 sexagesimal 4880; `yes` is
 * a string): the compose document is read again with those rules, keeping positions.
 */
function asYaml12(document: YamlDocument): YamlDocument {
  try {
    const all = parseAllDocuments(document.source.text, { version: '1.2', merge: true, uniqueKeys: false, prettyErrors: false });
    const list = (Array.isArray(all) ? all : [all]) as Document.Parsed[];
    // The same document, found by where it is (indexes can differ when empty documents are skipped).
    const ast =
      list.find((d) => d.range[0] >= document.start && d.range[0] < document.end && d.contents !== null) ??
      list.find((d) => d.range[0] <= document.start && document.start < d.range[2]);
    if (!ast || ast.errors.length > 0) return document;
    const value: unknown = ast.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return new YamlDocument(document.source, document.index, value, ast.range[0], ast.range[2], ast);
  } catch {
    return document;
  }
}

/** The classifier for the YAML handler: compose files by name or by shape. */
export function classifyCompose(document: YamlDocument, source: SourceText): ComposeDocument | undefined {
  const value = document.value;
  if (!isObject(value)) return undefined;
  const name = source.path.replace(/\\/g, '/').split('/').pop() ?? '';
  if (looksLikeCompose(value) || (isComposeName(name) && !('apiVersion' in value) && !('kind' in value))) {
    return new ComposeDocument(asYaml12(document));
  }
  return undefined;
}
