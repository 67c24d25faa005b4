/** Helpers shared by the daemon rules: reporting a setting where it is written, or its absence. */
import type { DaemonConfig, DaemonSetting } from '../../model/daemon.js';
import type { RuleContext } from '../types.js';

export function reportSetting(
  context: RuleContext,
  setting: DaemonSetting,
  message: string,
  key: string,
  severity?: 'critical' | 'high' | 'medium' | 'low' | 'info',
): void {
  context.report({
    on: setting.source,
    message,
    ...(setting.at.path ? { path: setting.at.path } : {}),
    ...(setting.at.range ? { range: setting.at.range } : {}),
    ...(severity ? { severity } : {}),
    key,
  });
}

/** Reports a setting that is missing: at the daemon.json root, or at the dockerd command line. */
export function reportMissing(context: RuleContext, config: DaemonConfig, message: string, key: string): void {
  const primary = config.primary;
  context.report({
    on: primary,
    message,
    ...(primary.yaml ? { path: [] } : { range: primary.anchor }),
    key,
  });
}

/** Where the configuration comes from, for messages. */
export function where(config: DaemonConfig): string {
  const kinds = [...new Set(config.sources.map((s) => (s.kind === 'daemon.json' ? 'daemon.json' : 'the dockerd command line')))];
  return kinds.join(' or ');
}

export interface DaemonHost {
  scheme: string;
  host: string;
  port: string;
  text: string;
}

/** Reads a daemon `-H`/`hosts` value as dockerd does (no scheme with a port means TCP; no host means localhost). */
export function parseHost(text: string): DaemonHost {
  const value = text.trim();
  if (value.startsWith('/')) return { scheme: 'unix', host: '', port: '', text: value };
  const scheme = /^([a-z]+):\/\//.exec(value)?.[1] ?? (value.includes(':') ? 'tcp' : 'unix');
  const rest = value.replace(/^[a-z]+:\/\//, '');
  if (scheme !== 'tcp') return { scheme, host: '', port: '', text: value };
  const bracket = /^\[([^\]]*)\](?::(\d+))?/.exec(rest);
  if (bracket) return { scheme, host: bracket[1] ?? '', port: bracket[2] ?? '2375', text: value };
  const colon = rest.lastIndexOf(':');
  const host = colon === -1 ? rest : rest.slice(0, colon);
  const port = colon === -1 ? '2375' : rest.slice(colon + 1).replace(/\/.*$/, '');
  return { scheme, host: host === '' ? 'localhost' : host, port, text: value };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127\./.test(host) || host === '::1';
}

export function isAllInterfaces(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '*';
}

/** The TCP hosts of a configuration, with the setting that declares each. */
export function tcpHosts(config: DaemonConfig): { setting: DaemonSetting; host: DaemonHost }[] {
  const out: { setting: DaemonSetting; host: DaemonHost }[] = [];
  for (const setting of config.all('hosts')) {
    const values = Array.isArray(setting.value) ? setting.value : [setting.value];
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const host = parseHost(value);
      if (host.scheme === 'tcp') out.push({ setting, host });
    }
  }
  return out;
}
