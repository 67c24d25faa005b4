/**
 * Shared decisions of the control-plane rules: admission plugins as the API server enables them,
 * boolean flags with their defaults, and reporting at a flag or where it is missing.
 */
import type { Severity } from '../core/severity.js';
import type { ComponentInstance } from '../model/control-plane/components.js';
import { at, shown } from '../model/control-plane/components.js';
import {
  type EncryptionConfig,
  type GroupResource,
  parseGroupResource,
  type Resolution,
} from '../model/control-plane/encryption.js';
import { type FlagOccurrence, parseGoBool, splitList, versionAtLeast, type Where } from '../model/control-plane/flags.js';
import type { KubeletSetting, KubeletView } from '../model/control-plane/kubelet.js';
import { asArray, asObject, asString, type K8sObject } from '../model/k8s.js';
import type { RuleContext } from '../rules/types.js';

/** Admission plugins the API server enables when `--enable-admission-plugins` does not name them. */
export function defaultAdmissionPlugins(version: string): Set<string> {
  const plugins = [
    'NamespaceLifecycle',
    'LimitRanger',
    'ServiceAccount',
    'TaintNodesByCondition',
    'Priority',
    'DefaultTolerationSeconds',
    'DefaultStorageClass',
    'StorageObjectInUseProtection',
    'PersistentVolumeClaimResize',
    'RuntimeClass',
    'CertificateApproval',
    'CertificateSigning',
    'CertificateSubjectRestriction',
    'DefaultIngressClass',
    'MutatingAdmissionWebhook',
    'ValidatingAdmissionWebhook',
    'ResourceQuota',
  ];
  if (versionAtLeast(version, '1.23')) plugins.push('PodSecurity');
  if (versionAtLeast(version, '1.30')) plugins.push('ValidatingAdmissionPolicy');
  if (versionAtLeast(version, '1.27')) plugins.push('ClusterTrustBundleAttest');
  return new Set(plugins);
}

export interface PluginState {
  enabled: boolean;
  /** The occurrence that enables or disables it, when a flag decides. */
  occurrence: FlagOccurrence | undefined;
  how: 'enabled' | 'disabled' | 'default-on' | 'default-off' | 'admission-control';
}

/**
 * Whether an admission plugin runs: the deprecated `--admission-control` list replaces everything;
 * otherwise `--enable-admission-plugins` adds to the defaults and `--disable-admission-plugins`
 * removes (a plugin named in both is an error for the API server; enabling wins here).
 */
export function admissionPlugin(instance: ComponentInstance, plugin: string, version: string): PluginState {
  const flags = instance.flags;
  if (flags.has('admission-control')) {
    const occurrence = flags.occurrenceWith('admission-control', plugin);
    return {
      enabled: occurrence !== undefined,
      occurrence: occurrence ?? flags.last('admission-control'),
      how: 'admission-control',
    };
  }
  const enabling = flags.occurrenceWith('enable-admission-plugins', plugin);
  if (enabling) return { enabled: true, occurrence: enabling, how: 'enabled' };
  const disabling = flags.occurrenceWith('disable-admission-plugins', plugin);
  if (disabling) return { enabled: false, occurrence: disabling, how: 'disabled' };
  const on = defaultAdmissionPlugins(version).has(plugin);
  return { enabled: on, occurrence: undefined, how: on ? 'default-on' : 'default-off' };
}

/** Where to point for an admission plugin that should be enabled but is not. */
export function admissionWhere(instance: ComponentInstance, state: PluginState): Where {
  return (
    state.occurrence?.at ??
    instance.flags.last('enable-admission-plugins')?.at ??
    instance.flags.last('admission-control')?.at ??
    instance.missingAt
  );
}

export interface BoolFlag {
  value: boolean;
  occurrence: FlagOccurrence | undefined;
  /** The value was written but is not a Go boolean (the component refuses to start). */
  invalid?: string;
}

/** A boolean flag's effective value, with the component's default when unset. */
export function boolFlag(instance: ComponentInstance, name: string, defaultValue: boolean): BoolFlag {
  const occurrence = instance.flags.last(name);
  if (!occurrence) return { value: defaultValue, occurrence: undefined };
  if (occurrence.value === undefined) return { value: true, occurrence };
  const value = parseGoBool(occurrence.value);
  if (value === undefined) return { value: defaultValue, occurrence, invalid: occurrence.value };
  return { value, occurrence };
}

/** A note for `--flag false` written with a space, which pflag reads as `--flag=true`. */
export function strayNote(occurrence: FlagOccurrence | undefined): string {
  if (!occurrence?.strayValue) return '';
  return ` Note: "--${occurrence.name} ${occurrence.strayValue}" sets the flag to true; the separate "${occurrence.strayValue}" is not its value (write --${occurrence.name}=${occurrence.strayValue}).`;
}

/** Reports at a flag when it is written, else where it is missing. */
export function reportFlag(
  context: RuleContext,
  instance: ComponentInstance,
  name: string,
  message: string,
  extra: { key?: string; evidence?: string[] } = {},
): void {
  context.report({ ...at(instance.whereFlag(name)), message: withNote(message, instance.ignoredNote(name)), ...extra });
}

/** A message with a parenthesised note inserted before its final full stop. */
function withNote(message: string, note: string): string {
  if (note === '') return message;
  return message.endsWith('.') ? `${message.slice(0, -1)}${note}.` : `${message}${note}`;
}

/** Reports that required flags are missing, at the command list (or kubeadm extraArgs). */
export function requireFlags(
  context: RuleContext,
  instance: ComponentInstance,
  names: readonly string[],
  consequence: string,
): void {
  if (!names.every((name) => instance.decidable(name))) return;
  const missing = names.filter((name) => !instance.flags.has(name) || (instance.flags.value(name) ?? '').trim() === '');
  if (missing.length === 0) return;
  const written = missing.filter((name) => instance.flags.has(name));
  const where = instance.whereFlag((written[0] ?? missing[0]) as string);
  const list = missing.map((n) => instance.setting(n)).join(' and ');
  const notes = missing.map((n) => instance.ignoredNote(n)).join('');
  context.report({
    ...at(where),
    message: withNote(
      `${instance.label} ${written.length > 0 ? 'sets an empty' : 'does not set'} ${list}: ${consequence}`,
      notes,
    ),
  });
}

/** Items of a comma-list flag that are not in an allowed set. */
export function disallowedItems(occurrence: FlagOccurrence, allowed: ReadonlySet<string>): string[] {
  return splitList(occurrence.value ?? '').filter((item) => !allowed.has(item));
}

/** TLS cipher suites the CIS benchmark accepts for the API server (1.2.29). */
export const STRONG_APISERVER_CIPHERS = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);

/** TLS cipher suites the CIS benchmark accepts for the kubelet (4.2.12). */
export const STRONG_KUBELET_CIPHERS = new Set([
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  // TLS 1.3 suites are not configurable in Go and always strong; listing them is harmless.
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
]);

/** Whether an address binds only the loopback interface. */
/**
 * What an unset cipher list means for a Kubernetes version. From 1.30 the components are built
 * with Go 1.22 or newer, whose defaults no longer offer RSA key exchange (and, from Go 1.23, no
 * 3DES): only the ECDHE CBC-mode suites with SHA-1 that CIS excludes remain. Before that, the
 * defaults included RSA key-exchange suites without forward secrecy.
 */
export function defaultCipherSuites(version: string): { severity: Severity; text: string } {
  return versionAtLeast(version, '1.30')
    ? {
        severity: 'low',
        text: `Go's defaults for Kubernetes ${version} are forward-secret, but still offer the ECDHE CBC-mode suites with SHA-1 (TLS_ECDHE_*_WITH_AES_*_CBC_SHA) that CIS excludes`,
      }
    : {
        severity: 'medium',
        text: `Go's defaults for Kubernetes ${version} still offer RSA key-exchange suites without forward secrecy, and CBC-mode suites`,
      };
}

export function isLoopback(address: string): boolean {
  let host = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) host = bracketed[1] as string;
  else if ((host.match(/:/g) ?? []).length === 1) host = host.replace(/:\d+$/, '');
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\./.test(host);
}

export { shown };

export interface AuthorizationModes {
  modes: string[];
  at: Where;
  from: 'flag' | 'default' | 'config-file';
}

/**
 * The API server's authorizers, in order: from `--authorization-mode` (default AlwaysAllow), or
 * from the AuthorizationConfiguration that `--authorization-config` names when it is in the scan.
 * Undefined when the structured config is not in the scan.
 */
export function authorizationModes(
  apiserver: ComponentInstance,
  fileAt: (kind: string, path: string) => K8sObject | undefined,
): AuthorizationModes | undefined {
  const configPath = apiserver.flags.value('authorization-config');
  if (configPath !== undefined) {
    const file = fileAt('AuthorizationConfiguration', configPath);
    if (!file) return undefined;
    const modes = asArray(file.get(['authorizers'])).map((a) => asString(asObject(a)?.type) ?? '');
    return { modes, at: { on: file, path: ['authorizers'] }, from: 'config-file' };
  }
  const occurrence = apiserver.flags.last('authorization-mode');
  if (occurrence) return { modes: apiserver.flags.list('authorization-mode'), at: occurrence.at, from: 'flag' };
  return { modes: ['AlwaysAllow'], at: apiserver.missingAt, from: 'default' };
}

/** Reports an admission plugin that should run but does not. */
export function requirePlugin(
  context: RuleContext,
  apiserver: ComponentInstance,
  plugin: string,
  consequence: string,
): PluginState {
  const state = admissionPlugin(apiserver, plugin, context.settings.kubernetesVersion);
  if (state.enabled) return state;
  const why =
    state.how === 'disabled'
      ? `disables the ${plugin} admission plugin (--disable-admission-plugins)`
      : state.how === 'admission-control'
        ? `leaves ${plugin} out of --admission-control, which replaces the default plugin list`
        : `does not enable the ${plugin} admission plugin`;
  context.report({ ...at(admissionWhere(apiserver, state)), message: `${apiserver.label} ${why}: ${consequence}` });
  return state;
}

/** Reports `--profiling` left on (the default for every control-plane component). */
export function checkProfiling(context: RuleContext, instance: ComponentInstance): void {
  if (!instance.decidable('profiling')) return;
  const flag = boolFlag(instance, 'profiling', true);
  if (!flag.value && flag.invalid === undefined) return;
  const setting = instance.setting('profiling');
  const message =
    flag.invalid !== undefined
      ? `${instance.label} sets ${setting}="${flag.invalid}", which is not a boolean: the component refuses to start.`
      : flag.occurrence
        ? `${instance.label} serves profiling data (${setting} is true) at /debug/pprof.${strayNote(flag.occurrence)}`
        : `${instance.label} does not set ${setting === '--profiling' ? '--profiling=false' : `${setting}: false`}: profiling data is served at /debug/pprof by default.`;
  reportFlag(context, instance, 'profiling', message);
}

/**
 * Audit log retention flags (`--audit-log-maxage`, `maxbackup`, `maxsize`): only meaningful when
 * the audit log goes to a file.
 */
export function checkAuditRetention(
  context: RuleContext,
  apiserver: ComponentInstance,
  flag: string,
  minimum: number,
  what: string,
): void {
  const path = apiserver.flags.value('audit-log-path');
  if (path === undefined || path === '' || path === '-') return;
  const occurrence = apiserver.flags.last(flag);
  if (!occurrence) {
    reportFlag(
      context,
      apiserver,
      flag,
      `${apiserver.label} writes audit logs to ${path} without --${flag}: set it to at least ${minimum} so that ${what} is decided, not left to the default.`,
    );
    return;
  }
  const value = apiserver.flags.integer(flag);
  if (value === undefined) {
    reportFlag(context, apiserver, flag, `${apiserver.label} sets --${flag}="${occurrence.value ?? ''}", which is not a number.`);
  } else if (value < minimum) {
    reportFlag(
      context,
      apiserver,
      flag,
      `${apiserver.label} sets --${flag}=${value}, below ${minimum}: ${what} is too small to investigate an incident after the fact.`,
    );
  }
}

/** Reports a controller manager or scheduler that listens beyond the loopback interface. */
export function checkBindAddress(context: RuleContext, instance: ComponentInstance, port: number): void {
  if (!instance.decidable('bind-address')) return;
  const address = instance.flags.value('bind-address');
  if (address !== undefined && isLoopback(address)) return;
  reportFlag(
    context,
    instance,
    'bind-address',
    address === undefined
      ? `${instance.label} does not set --bind-address, which defaults to 0.0.0.0: its port ${port} (metrics, health, profiling) is reachable from the network.`
      : `${instance.label} listens on ${address === '' ? 'every interface' : address} (--bind-address): its port ${port} is reachable beyond the host.`,
  );
}

/** How a kubelet setting got its value, for messages: `--read-only-port=10255`, `readOnlyPort: 10255`, `the default`. */
export function kubeletSource(
  kubelet: KubeletView,
  setting: KubeletSetting<unknown>,
  flag: string | undefined,
  field: string | undefined,
  shownValue: string,
): string {
  if (setting.from === 'flag') return `--${flag ?? setting.occurrence?.name ?? ''}=${setting.occurrence?.value ?? 'true'}`;
  if (setting.from === 'config') return `${field ?? 'the config field'}: ${shownValue}`;
  return kubelet.defaults === 'legacy'
    ? `${shownValue}, the command-line default of a kubelet without a config file`
    : `${shownValue}, the KubeletConfiguration default`;
}

/** How each sensitive resource (settings) is protected under an encryption config. */
export function sensitiveResolutions(
  config: EncryptionConfig,
  sensitive: readonly string[],
): { name: string; gr: GroupResource; resolution: Resolution | undefined }[] {
  return sensitive.map((name) => {
    const gr = parseGroupResource(name);
    return { name, gr, resolution: config.resolve(gr) };
  });
}
