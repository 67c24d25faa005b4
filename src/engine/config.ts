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
import { didYouMean } from './suggest.js';

export const CONFIG_FILE_NAMES = ['.greenbelt.yaml', '.greenbelt.yml'];

/** Every top-level key of the config file (docs/configuration.md documents each). */
export const CONFIG_KEYS = [
  'rules',
  'pss',
  'registries',
  'kubernetesVersion',
  'exclude',
  'exemptions',
  'failOn',
  'rbac',
  'encryption',
] as const;

/** Every field of an exemption. */
export const EXEMPTION_FIELDS = ['reason', 'rules', 'namespaces', 'kinds', 'names', 'paths', 'expires'] as const;

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
  /** Last day (YYYY-MM-DD, inclusive, UTC) the exemption applies; afterwards its findings come back. */
  expires?: string;
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
  /** The exit-code threshold (`none`: findings never fail the scan); the command line overrides it. */
  failOn?: Severity | 'none';
}

export function emptyConfig(root: string): GreenbeltConfig {
  return { root, rules: {}, settings: defaultSettings(), exclude: [], exemptions: [] };
}

/**
 * Finds the config file for a scan: in the first scanned directory (or the directory of the first
 * scanned file), then in each parent up to the repository root (the first directory holding
 * `.git`) or the file system root, then in the working directory. So `greenbelt scan deploy/`
 * run anywhere in a repository finds the `.greenbelt.yaml` at its root.
 */
export function discoverConfig(paths: readonly string[], cwd: string): string | undefined {
  const candidates: string[] = [];
  const first = paths.find((p) => p !== '-');
  if (first !== undefined) {
    let directory: string | undefined = resolve(cwd, first);
    try {
      if (!statSync(directory).isDirectory()) directory = dirname(directory);
    } catch {
      directory = undefined; // a missing path is reported by the walker
    }
    for (let current = directory; current !== undefined; ) {
      candidates.push(current);
      if (existsSync(join(current, '.git'))) break;
      const parent = dirname(current);
      current = parent === current ? undefined : parent;
    }
  }
  if (!candidates.includes(cwd)) candidates.push(cwd);
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

/** What the config is checked against: the rules that exist (ids and aliases). */
export interface ConfigContext {
  knownRules?: readonly { id: string; aliases?: readonly string[] | undefined }[];
}

export function loadConfigFile(file: string, displayPath = file, context: ConfigContext = {}): LoadedConfig {
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
  return parseConfig(new SourceText(displayPath, text), dirname(absolute), context);
}

const RULE_GLOB = /[*?[\]{}!]/;

/** Whether a rule name in config is a glob (`k8s/*`) rather than one rule id. */
export function isRuleGlob(name: string): boolean {
  return RULE_GLOB.test(name);
}

export function parseConfig(source: SourceText, root: string, context: ConfigContext = {}): LoadedConfig {
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
  const known = new Set<string>(CONFIG_KEYS);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) fail([key], `unknown setting "${key}"${didYouMean(key, known)} (known: ${[...known].join(', ')})`);
  }
  const checkRuleName = ruleNameChecker(context, fail);
  readRules(value.rules, config, fail, checkRuleName);
  readSettings(value, config.settings, fail);
  if (value.failOn !== undefined) {
    if (isSeverity(value.failOn) || value.failOn === 'none') config.failOn = value.failOn;
    else fail(['failOn'], 'failOn must be one of critical, high, medium, low, info, none');
  }
  config.exclude = stringList(value.exclude, ['exclude'], fail);
  readExemptions(value.exemptions, config, document, fail, checkRuleName);
  return { config, errors };
}

type Fail = (path: Path, message: string) => void;
type CheckRuleName = (name: string, path: Path) => void;

/** Reports a rule id that names no rule (globs and aliases are fine), with a suggestion. */
function ruleNameChecker(context: ConfigContext, fail: Fail): CheckRuleName {
  const rules = context.knownRules;
  if (!rules) return () => {};
  const names = new Set<string>();
  for (const rule of rules) {
    names.add(rule.id);
    for (const alias of rule.aliases ?? []) names.add(alias);
  }
  return (name, path) => {
    if (isRuleGlob(name) || names.has(name)) return;
    fail(path, `unknown rule "${name}"${didYouMean(name, names)}; see greenbelt rules`);
  };
}

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

function readRules(value: unknown, config: GreenbeltConfig, fail: Fail, checkRuleName: CheckRuleName): void {
  if (value === undefined || value === null) return;
  const rules = asObject(value);
  if (!rules) {
    fail(['rules'], 'rules must be a map of rule id to on, off, a severity, or { enabled, severity }');
    return;
  }
  for (const [id, setting] of Object.entries(rules)) {
    const path = ['rules', id];
    checkRuleName(id, path);
    if (setting === 'off' || setting === false) config.rules[id] = { enabled: false };
    else if (setting === 'on' || setting === true) config.rules[id] = { enabled: true };
    else if (isSeverity(setting)) config.rules[id] = { enabled: true, severity: setting };
    else if (isObject(setting)) {
      const entry: RuleSetting = {};
      for (const key of Object.keys(setting)) {
        if (key !== 'enabled' && key !== 'severity')
          fail([...path, key], `unknown rule setting "${key}" (known: enabled, severity)`);
      }
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
  if (value.rbac !== undefined && value.rbac !== null) {
    const rbac = asObject(value.rbac);
    if (!rbac || (rbac.withDefaults !== undefined && typeof rbac.withDefaults !== 'boolean')) {
      fail(['rbac'], 'rbac must be a map with withDefaults: true or false');
    } else if (typeof rbac.withDefaults === 'boolean') settings.rbac.withDefaults = rbac.withDefaults;
  }
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

function readExemptions(
  value: unknown,
  config: GreenbeltConfig,
  document: YamlDocument,
  fail: Fail,
  checkRuleName: CheckRuleName,
): void {
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
    const allowed = new Set<string>(EXEMPTION_FIELDS);
    for (const key of Object.keys(entry)) {
      if (!allowed.has(key)) {
        fail([...path, key], `unknown exemption field "${key}"${didYouMean(key, allowed)} (known: ${[...allowed].join(', ')})`);
      }
    }
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
    exemption.rules.forEach((name, i) => {
      checkRuleName(name, Array.isArray(entry.rules) ? [...path, 'rules', i] : [...path, 'rules']);
    });
    if (entry.expires !== undefined) {
      const expires = entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : String(entry.expires);
      if (/^\d{4}-\d{2}-\d{2}$/.test(expires) && !Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
        exemption.expires = expires;
      } else fail([...path, 'expires'], 'expires must be a date written YYYY-MM-DD');
    }
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
