/**
 * Components that read a configuration file named by a flag, resolved against the files of the
 * scan: etcd's `--config-file` (the file replaces every flag) and kube-scheduler's `--config` (the
 * file replaces the deprecated flags, profiling among them; leader-election flags still win).
 * kube-controller-manager has no configuration file: upstream never wired a `--config` flag, and
 * the binary refuses to start when given one.
 */
import { posix } from 'node:path';
import { lookupTable } from '../../core/table.js';
import { asObject, getPath, type K8sObject } from '../k8s.js';
import { ComponentInstance, type ConfigFileUse } from './components.js';
import { EtcdConfigFile } from './etcd-config.js';
import { type FlagOccurrence, FlagSet } from './flags.js';

/**
 * Whether a scanned file may be the file a flag names on the host: the same path, one path
 * ending with the other, or the same file name.
 */
export function samePath(scanned: string, flagPath: string): boolean {
  if (scanned === '' || flagPath === '') return false;
  const a = posix.normalize(scanned.replace(/\\/g, '/')).replace(/^\.\//, '');
  const b = posix.normalize(flagPath.replace(/\\/g, '/'));
  return a === b || b.endsWith(`/${a}`) || a.endsWith(b.replace(/^\/+/, '')) || posix.basename(a) === posix.basename(b);
}

/**
 * etcd members that read a config file: an etcd given `--config-file` (or `ETCD_CONFIG_FILE`)
 * takes every setting from the file and ignores its other flags and variables. When the file is
 * in the scan its settings replace the flags; when it is not, nothing about the member can be
 * decided and it is left out. A config file no scanned etcd names is checked on its own.
 */
export function withEtcdConfigFiles(
  components: readonly ComponentInstance[],
  files: readonly EtcdConfigFile[],
): ComponentInstance[] {
  const out: ComponentInstance[] = [];
  const used = new Set<EtcdConfigFile>();
  const use = (path: string, file: EtcdConfigFile | undefined): ConfigFileUse => ({
    path,
    file,
    ignored: [],
    decides: (flag) => flag !== 'config-file',
    keyOf: (flag) => EtcdConfigFile.keyOf(flag),
    whereMissing: (flag) => file?.whereMissing(flag),
  });
  for (const component of components) {
    const path = component.component === 'etcd' ? component.flags.value('config-file') : undefined;
    if (path === undefined || path === '') {
      out.push(component);
      continue;
    }
    const file = files.find((f) => samePath(f.source.path, path));
    if (!file) continue;
    used.add(file);
    const fileUse = use(path, file);
    fileUse.ignored.push(...file.misplaced());
    out.push(component.withConfigFile(fileUse, file.occurrences()));
  }
  for (const file of files) {
    if (used.has(file)) continue;
    const fileUse = use(file.source.path, file);
    fileUse.ignored.push(...file.misplaced());
    out.push(
      new ComponentInstance({
        component: 'etcd',
        origin: 'config-file',
        object: file,
        flags: new FlagSet(file.occurrences()),
        missingAt: { on: file, path: [] },
        configFile: fileUse,
      }),
    );
  }
  return out;
}

/**
 * kube-scheduler flags that `--config` replaces (its "deprecated" flag set): with a config file,
 * the scheduler ignores them and reads the file's fields instead.
 */
const SCHEDULER_FILE_KEYS: Readonly<Record<string, string[]>> = lookupTable({
  profiling: ['enableProfiling'],
  'contention-profiling': ['enableContentionProfiling'],
  kubeconfig: ['clientConnection', 'kubeconfig'],
  'kube-api-content-type': ['clientConnection', 'contentType'],
  'kube-api-qps': ['clientConnection', 'qps'],
  'kube-api-burst': ['clientConnection', 'burst'],
});

function isSchedulerConfig(object: K8sObject): boolean {
  return object.kind === 'KubeSchedulerConfiguration' && object.group === 'kubescheduler.config.k8s.io';
}

function schedulerFileUse(path: string, file: K8sObject | undefined): ConfigFileUse {
  return {
    path,
    file,
    ignored: [],
    decides: (flag) => Object.hasOwn(SCHEDULER_FILE_KEYS, flag),
    keyOf: (flag) => (SCHEDULER_FILE_KEYS[flag] ?? [flag]).join('.'),
    whereMissing: (flag) => {
      if (!file) return undefined;
      const key = SCHEDULER_FILE_KEYS[flag] ?? [];
      return { on: file, path: key.length > 1 && asObject(file.get(key.slice(0, 1))) ? key.slice(0, 1) : [] };
    },
  };
}

/** The settings of a KubeSchedulerConfiguration that stand for flags, as flag occurrences. */
function schedulerFileOccurrences(file: K8sObject): FlagOccurrence[] {
  const out: FlagOccurrence[] = [];
  for (const [flag, key] of Object.entries(SCHEDULER_FILE_KEYS)) {
    const value = getPath(file.value, key);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    out.push({ name: flag, value: String(value), at: { on: file, path: key }, via: key.join('.') });
  }
  return out;
}

/**
 * Schedulers that name a KubeSchedulerConfiguration with `--config`, and configurations of the scan
 * that no scanned scheduler names (checked on their own: only what the file decides).
 */
export function withSchedulerConfigFiles(
  components: readonly ComponentInstance[],
  objects: readonly K8sObject[],
): ComponentInstance[] {
  const files = objects.filter(isSchedulerConfig);
  const used = new Set<K8sObject>();
  const out: ComponentInstance[] = [];
  for (const component of components) {
    const path = component.component === 'kube-scheduler' ? component.flags.value('config') : undefined;
    if (path === undefined || path === '') {
      out.push(component);
      continue;
    }
    const file = files.find((f) => samePath(f.source?.path ?? '', path));
    if (file) used.add(file);
    out.push(component.withConfigFile(schedulerFileUse(path, file), file ? schedulerFileOccurrences(file) : []));
  }
  for (const file of files) {
    if (used.has(file)) continue;
    out.push(
      new ComponentInstance({
        component: 'kube-scheduler',
        origin: 'config-file',
        object: file,
        flags: new FlagSet(schedulerFileOccurrences(file)),
        missingAt: { on: file, path: [] },
        configFile: schedulerFileUse(file.source?.path ?? '', file),
      }),
    );
  }
  return out;
}
