/**
 * The library entry point: `scan(options)` returns the result in the shape of the finding
 * contract. The CLI, the admission webhook and tests all go through here.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Finding, ScanError, ScanResult, ScanSummary } from './core/finding.js';
import { SourceText } from './core/source.js';
import { discoverConfig, emptyConfig, type GreenbeltConfig, loadConfigFile } from './engine/config.js';
import { runEngine } from './engine/engine.js';
import type { Settings } from './engine/settings.js';
import { isObject, K8sObject } from './model/k8s.js';
import { ObjectSet } from './model/object-set.js';
import { allRules } from './rules/index.js';
import type { AnyRule } from './rules/types.js';
import type { SourceHandler } from './sources/handler.js';
import { load } from './sources/load.js';
import { handlers as defaultHandlers } from './sources/registry.js';

export interface ScanOptions {
  /** Files and directories; `-` reads standard input. */
  paths: readonly string[];
  cwd?: string;
  /** A config object, a path to a config file, or false to skip discovery of `.greenbelt.yaml`. */
  config?: GreenbeltConfig | string | false;
  /** Setting overrides applied over the config (for example from command-line flags). */
  settings?: (settings: Settings) => void;
  rules?: readonly AnyRule[];
  /** Run only these rule ids (and aliases). */
  only?: readonly string[];
  /** A baseline file written by `--write-baseline`: its findings are suppressed. */
  baseline?: string;
  exclude?: readonly string[];
  maxFileSize?: number;
  stdin?: AsyncIterable<Buffer | string> | string;
  stdinFilename?: string;
  handlers?: readonly SourceHandler[];
  /**
   * Called where the scan has just dropped a large part of its memory: the cross-object analyses
   * once the set-wide rules have run, the workload views once every rule has. V8 otherwise lets
   * the heap grow on past that garbage; a process that owns its heap (the CLI) can run a full
   * collection here so that the memory is reused (`collectorForLargeHeaps` in `core/collect.ts`).
   */
  collect?: () => void;
}

export interface ResolvedConfig {
  config: GreenbeltConfig;
  source: SourceText | undefined;
  errors: ScanError[];
}

export function resolveConfig(options: Pick<ScanOptions, 'config' | 'paths' | 'cwd' | 'settings' | 'rules'>): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  let config: GreenbeltConfig;
  let source: SourceText | undefined;
  const errors: ScanError[] = [];
  if (options.config === false) config = emptyConfig(cwd);
  else if (typeof options.config === 'object') config = options.config;
  else {
    const file = options.config ?? discoverConfig(options.paths, cwd);
    if (file === undefined) config = emptyConfig(cwd);
    else {
      const display = relative(cwd, resolve(cwd, file)) || file;
      const knownRules = (options.rules ?? allRules).map((rule) => ({ id: rule.meta.id, aliases: rule.meta.aliases }));
      const loaded = loadConfigFile(resolve(cwd, file), display, { knownRules });
      config = loaded.config;
      errors.push(...loaded.errors);
      try {
        source = new SourceText(display, readFileSync(resolve(cwd, file), 'utf8'));
      } catch {
        // reported by loadConfigFile
      }
    }
  }
  options.settings?.(config.settings);
  return { config, source, errors };
}

function readBaseline(file: string, cwd: string): { fingerprints: Set<string>; name: string; error?: ScanError } {
  const fingerprints = new Set<string>();
  try {
    const data: unknown = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
    const findings = isObject(data) && Array.isArray(data.findings) ? data.findings : undefined;
    if (!findings) {
      return {
        fingerprints,
        name: file,
        error: { file, line: 1, column: 1, message: 'not a greenbelt baseline (no findings list)' },
      };
    }
    for (const entry of findings) {
      if (isObject(entry) && typeof entry.fingerprint === 'string') fingerprints.add(entry.fingerprint);
    }
    return { fingerprints, name: file };
  } catch (error) {
    const message =
      error instanceof SyntaxError ? `baseline is not valid JSON: ${error.message}` : 'cannot read the baseline file';
    return { fingerprints, name: file, error: { file, line: 1, column: 1, message } };
  }
}

export function summarise(findings: readonly Finding[], files: number, objects: number): ScanSummary {
  const counts: ScanSummary['findings'] = {};
  let suppressed = 0;
  for (const finding of findings) {
    if (finding.suppressed) {
      suppressed++;
      continue;
    }
    counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  }
  return { files, objects, findings: counts, suppressed };
}

export function selectRules(rules: readonly AnyRule[], only: readonly string[] | undefined): readonly AnyRule[] {
  if (!only || only.length === 0) return rules;
  return rules.filter(
    (rule) =>
      rule.target === 'suppressions' ||
      only.includes(rule.meta.id) ||
      (rule.meta.aliases ?? []).some((alias) => only.includes(alias)),
  );
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  return (await scanWithConfig(options)).result;
}

/** `scan`, also returning the config that applied (the CLI reads `failOn` from it). */
export interface ScanOutcome {
  result: ScanResult;
  /** The config that applied (the CLI reads `failOn` from it). */
  config: GreenbeltConfig;
  /** With a baseline: how many of its entries still match a finding, to point out stale ones. */
  baseline?: { file: string; entries: number; matched: number };
}

export async function scanWithConfig(options: ScanOptions): Promise<ScanOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const resolved = resolveConfig(options);
  const { config } = resolved;
  const loaded = await load({
    paths: options.paths,
    cwd,
    settings: config.settings,
    handlers: options.handlers ?? defaultHandlers,
    exclude: [
      { base: config.root, patterns: config.exclude },
      { base: cwd, patterns: options.exclude ?? [] },
    ],
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
  });
  // Config errors first, then input errors in path order (walking finds some, reading others).
  const inputErrors = [...loaded.errors].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const errors: ScanError[] = [...resolved.errors, ...inputErrors];
  let baseline: { fingerprints: Set<string>; name: string } | undefined;
  if (options.baseline !== undefined) {
    const read = readBaseline(options.baseline, cwd);
    if (read.error) errors.push(read.error);
    baseline = read;
  }
  const objects = new ObjectSet(loaded.documents.filter((d): d is K8sObject => d instanceof K8sObject));
  const output = runEngine({
    documents: loaded.documents,
    objects,
    sources: loaded.sources,
    absolute: loaded.absolute,
    config,
    configSource: resolved.source,
    rules: selectRules(options.rules ?? allRules, options.only),
    baseline,
    cwd,
    collect: options.collect,
  });
  errors.push(...output.errors);
  const result: ScanResult = {
    version: 1,
    findings: output.findings,
    errors,
    summary: summarise(output.findings, loaded.files, loaded.documents.length),
    skipped: loaded.skipped,
  };
  const outcome: ScanOutcome = { result, config };
  if (baseline && options.baseline !== undefined && output.baselineMatched !== undefined) {
    outcome.baseline = { file: options.baseline, entries: baseline.fingerprints.size, matched: output.baselineMatched };
  }
  return outcome;
}
