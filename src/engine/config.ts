/**
 * `.greenbelt.yaml`: rules on/off, severity overrides, settings, excludes and exemptions.
 * Mistakes in the file are errors with the config file's path and position, never exceptions.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ScanError } from '../core/finding.js';
import { isSeverity, type Severity } from '../core/severity.js';
import { SourceText } from '../core/source.js';
import { asArray, asObject, isObject } from '../model/k8s.js';
import { type Path, parseYaml, type YamlDocument } from '../sources/yaml.js';
import { defaultSettings, type PssLevel, type Settings } from './settings.js';

export const CONFIG_FILE_NAMES = ['.greenbelt.yaml', '.greenbelt.yml'];

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface Exemption {
  reason: string;
  /** Rule ids or globs (`k8s/*`); empty means every rule. */
  rules: string[];
  namespaces: string[];
  kinds: string[];
  names: string[];
  /** Globs of file paths, relative to the config file's directory. */
  paths: string[];
  /** Where the exemption is written, to report it when it matches nothing. */
  file?: string;
  line?: number;
  column?: number;
}

export interface GreenbeltConfig {
  /** Directory the config file lives in; exemption path globs are relative to it. */
  root: string;
  file?: string;
  rules: Record<string, RuleSetting>;
  settings: Settings;
  exclude: string[];
  exemptions: Exemption[];
  failOn?: Severity;
}

export function emptyConfig(root: string): GreenbeltConfig {
  return { root, rules: {}, settings: defaultSettings(), exclude: [], exemptions: [] };
}

/** Finds the config file: in the first scanned directory, else in cwd. */
export function discoverConfig(paths: readonly string[], cwd: string): string | undefined {
  const candidates: string[] = [];
  for (const given of paths) {
    if (given === '-') continue;
    const absolute = resolve(cwd, given);
    try {
      candidates.push(statSync(absolute).isDirectory() ? absolute : dirname(absolute));
    } catch {
      // a missing path is reported by the walker
    }
    break;
  }
  candidates.push(cwd);
  for (const directory of candidates) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(directory, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

export interface LoadedConfig {
  config: GreenbeltConfig;
  errors: ScanError[];
}

export function loadConfigFile(file: string, displayPath = file): LoadedConfig {
  const absolute = resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const config = emptyConfig(dirname(absolute));
    const code = (error as NodeJS.ErrnoException).code;
    return {
      config,
      errors: [{ file: displayPath, line: 1, column: 1, message: `cannot read config file${code ? ` (${code})` : ''}` }],
    };
  }
  return parseConfig(new SourceText(displayPath, text), dirname(absolute));
}

export function parseConfig(source: SourceText, root: string): LoadedConfig {
  const config = emptyConfig(root);
  config.file = source.path;
  const errors: ScanError[] = [];
  const parsed = parseYaml(source);
  errors.push(...parsed.errors);
  const document = parsed.documents[0];
  if (!document || document.value === null || document.value === undefined) return { config, errors };
  const fail = (path: Path, message: string) => {
    const [start] = document.locate(path);
    const at = source.positionAt(start);
    errors.push({ file: source.path, line: at.line, column: at.column, message: `config: ${message}` });
  };
  const value = document.value;
  if (!isObject(value)) {
    fail([], 'the config file must be a map');
    return { config, errors };
  }
  const known = new Set(['rules', 'pss', 'registries', 'kubernetesVersion', 'encryption', 'exclude', 'exemptions', 'failOn']);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) fail([key], `unknown setting "${key}" (known: ${[...known].join(', ')})`);
  }
  readRules(value.rules, config, fail);
  readSettings(value, config.settings, fail);
  if (value.failOn !== undefined) {
    if (isSeverity(value.failOn)) config.failOn = value.failOn;
    else fail(['failOn'], 'failOn must be one of critical, high, medium, low, info');
  }
  config.exclude = stringList(value.exclude, ['exclude'], fail);
  readExemptions(value.exemptions, config, document, fail);
  return { config, errors };
}

type Fail = (path: Path, message: string) => void;

function stringList(value: unknown, path: Path, fail: Fail): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    fail(path, 'expected a list of strings');
    return [];
  }
  const out: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
    else fail([...path, index], 'expected a string');
  });
  return out;
}

function readRules(value: unknown, config: GreenbeltConfig, fail: Fail): void {
  if (value === undefined || value === null) return;
  const rules = asObject(value);
  if (!rules) {
    fail(['rules'], 'rules must be a map of rule id to on, off, a severity, or { enabled, severity }');
    return;
  }
  for (const [id, setting] of Object.entries(rules)) {
    const path = ['rules', id];
    if (setting === 'off' || setting === false) config.rules[id] = { enabled: false };
    else if (setting === 'on' || setting === true) config.rules[id] = { enabled: true };
    else if (isSeverity(setting)) config.rules[id] = { enabled: true, severity: setting };
    else if (isObject(setting)) {
      const entry: RuleSetting = {};
      if (setting.enabled !== undefined) {
        if (typeof setting.enabled === 'boolean') entry.enabled = setting.enabled;
        else fail([...path, 'enabled'], 'enabled must be true or false');
      }
      if (setting.severity !== undefined) {
        if (isSeverity(setting.severity)) entry.severity = setting.severity;
        else fail([...path, 'severity'], 'severity must be one of critical, high, medium, low, info');
      }
      config.rules[id] = entry;
    } else fail(path, 'expected on, off, a severity, or { enabled, severity }');
  }
}

function readSettings(value: Record<string, unknown>, settings: Settings, fail: Fail): void {
  const pss = value.pss;
  if (pss !== undefined && pss !== null) {
    const map = asObject(pss);
    if (!map) fail(['pss'], 'pss must be a map with level and version');
    else {
      if (map.level !== undefined) {
        if (map.level === 'baseline' || map.level === 'restricted') settings.pss.level = map.level as PssLevel;
        else fail(['pss', 'level'], 'pss.level must be baseline or restricted');
      }
      if (map.version !== undefined) {
        const version = String(map.version);
        if (isPssVersion(version)) settings.pss.version = normalisePssVersion(version);
        else fail(['pss', 'version'], 'pss.version must be latest or v1.N');
      }
    }
  }
  const registries = value.registries;
  if (registries !== undefined && registries !== null) {
    const map = asObject(registries);
    if (!map) fail(['registries'], 'registries must be a map with an allowed list');
    else settings.registries.allowed = stringList(map.allowed, ['registries', 'allowed'], fail);
  }
  const encryption = value.encryption;
  if (encryption !== undefined && encryption !== null) {
    const map = asObject(encryption);
    if (!map) fail(['encryption'], 'encryption must be a map with sensitiveResources');
    else if (map.sensitiveResources !== undefined) {
      const list = stringList(map.sensitiveResources, ['encryption', 'sensitiveResources'], fail);
      if (list.length === 0) fail(['encryption', 'sensitiveResources'], 'sensitiveResources must name at least one resource');
      else settings.encryption.sensitiveResources = list;
    }
  }
  if (value.kubernetesVersion !== undefined) {
    const version = String(value.kubernetesVersion).replace(/^v/, '');
    if (/^1\.\d+$/.test(version)) settings.kubernetesVersion = version;
    else fail(['kubernetesVersion'], 'kubernetesVersion must look like 1.34');
  }
}

export function isPssVersion(version: string): boolean {
  return version === 'latest' || /^v?1\.\d+$/.test(version);
}

export function normalisePssVersion(version: string): string {
  return version === 'latest' ? version : version.startsWith('v') ? version : `v${version}`;
}

function readExemptions(value: unknown, config: GreenbeltConfig, document: YamlDocument, fail: Fail): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    fail(['exemptions'], 'exemptions must be a list');
    return;
  }
  asArray(value).forEach((raw, index) => {
    const path = ['exemptions', index];
    const entry = asObject(raw);
    if (!entry) {
      fail(path, 'an exemption must be a map');
      return;
    }
    const allowed = new Set(['reason', 'rules', 'namespaces', 'kinds', 'names', 'paths']);
    for (const key of Object.keys(entry)) if (!allowed.has(key)) fail([...path, key], `unknown exemption field "${key}"`);
    const reason = typeof entry.reason === 'string' ? entry.reason.trim() : '';
    if (reason === '') {
      fail(path, 'every exemption needs a reason');
      return;
    }
    const exemption: Exemption = {
      reason,
      rules: stringList(entry.rules, [...path, 'rules'], fail),
      namespaces: stringList(entry.namespaces, [...path, 'namespaces'], fail),
      kinds: stringList(entry.kinds, [...path, 'kinds'], fail),
      names: stringList(entry.names, [...path, 'names'], fail),
      paths: stringList(entry.paths, [...path, 'paths'], fail),
    };
    if (config.file) {
      const at = document.source.positionAt(document.locate(path)[0]);
      exemption.file = config.file;
      exemption.line = at.line;
      exemption.column = at.column;
    }
    if (
      exemption.rules.length +
        exemption.namespaces.length +
        exemption.kinds.length +
        exemption.names.length +
        exemption.paths.length ===
      0
    ) {
      fail(path, 'an exemption must name at least one of rules, namespaces, kinds, names or paths');
      return;
    }
    config.exemptions.push(exemption);
  });
}
