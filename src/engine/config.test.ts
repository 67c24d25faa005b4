import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import noPrivileged from '../rules/k8s/no-privileged.js';
import { type AnyRule, defineRule } from '../rules/types.js';
import { discoverConfig, emptyConfig, isRuleGlob, parseConfig } from './config.js';
import { effectiveSeverity, isRuleEnabled, ruleSetting } from './engine.js';

const knownRules = [{ id: 'k8s/no-privileged' }, { id: 'k8s/new', aliases: ['k8s/old'] }];
const parse = (text: string) => parseConfig(new SourceText('.greenbelt.yaml', text), '/repo', { knownRules });

describe('parseConfig', () => {
  it('reads every key', () => {
    const { config, errors } = parse(`rules:
  k8s/no-privileged: medium
  k8s/old: off
  "k8s/*": {severity: low}
pss: {level: baseline, version: "1.30"}
registries: {allowed: [ghcr.io/acme/, registry.k8s.io]}
kubernetesVersion: v1.33
exclude: [vendor/, "*.generated.yaml"]
failOn: medium
exemptions:
  - reason: CNI agents
    rules: k8s/no-privileged
    namespaces: [kube-system]
    expires: 2030-06-30
`);
    expect(errors).toEqual([]);
    expect(config.rules).toEqual({
      'k8s/no-privileged': { enabled: true, severity: 'medium' },
      'k8s/old': { enabled: false },
      'k8s/*': { severity: 'low' },
    });
    expect(config.settings).toEqual({
      pss: { level: 'baseline', version: 'v1.30' },
      registries: { allowed: ['ghcr.io/acme/', 'registry.k8s.io'] },
      kubernetesVersion: '1.33',
      rbac: { withDefaults: false },
      encryption: { sensitiveResources: ['secrets'] },
    });
    expect(config.exclude).toEqual(['vendor/', '*.generated.yaml']);
    expect(config.failOn).toBe('medium');
    expect(config.exemptions).toEqual([
      {
        reason: 'CNI agents',
        rules: ['k8s/no-privileged'],
        namespaces: ['kube-system'],
        kinds: [],
        names: [],
        paths: [],
        expires: '2030-06-30',
        file: '.greenbelt.yaml',
        line: 11,
        column: 5,
      },
    ]);
  });

  it('accepts an empty file and a file of comments', () => {
    expect(parse('').errors).toEqual([]);
    expect(parse('# nothing yet\n').errors).toEqual([]);
  });

  it('places every mistake at its node', () => {
    const { errors } = parse('rules:\n  k8s/neww: off\nexemptions:\n  - reason: ""\n    names: [x]\n  - reason: ok\n');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 3, 'config: unknown rule "k8s/neww" (did you mean k8s/new?); see greenbelt rules'],
      [4, 5, 'config: every exemption needs a reason'],
      [6, 5, 'config: an exemption must name at least one of rules, namespaces, kinds, names or paths'],
    ]);
  });

  it('knows globs from ids', () => {
    expect(isRuleGlob('k8s/*')).toBe(true);
    expect(isRuleGlob('k8s/no-{a,b}')).toBe(true);
    expect(isRuleGlob('k8s/no-privileged')).toBe(false);
  });
});

describe('rule settings', () => {
  const renamed = defineRule({
    target: 'k8s',
    meta: { ...noPrivileged.meta, id: 'k8s/new', aliases: ['k8s/old'], defaultOff: true },
    check() {},
  }) as AnyRule;

  it('merge globs, then aliases, then the id itself', () => {
    const config = emptyConfig('/repo');
    config.rules = { 'k8s/o*': { severity: 'low' }, 'k8s/old': { enabled: true }, 'k8s/*': { severity: 'info' } };
    expect(ruleSetting(renamed, config)).toEqual({ severity: 'info', enabled: true });
    expect(isRuleEnabled(renamed, config)).toBe(true);
    expect(effectiveSeverity(renamed, config)).toBe('info');
    config.rules['k8s/new'] = { severity: 'high' };
    expect(effectiveSeverity(renamed, config)).toBe('high');
  });

  it('leave a rule at its default without a setting', () => {
    const config = emptyConfig('/repo');
    expect(isRuleEnabled(renamed, config)).toBe(false);
    expect(isRuleEnabled(noPrivileged, config)).toBe(true);
    expect(effectiveSeverity(noPrivileged, config)).toBe('critical');
    config.rules['dockerfile/*'] = { enabled: false };
    expect(isRuleEnabled(noPrivileged, config)).toBe(true);
  });
});

describe('discoverConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'greenbelt-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
  mkdirSync(join(dir, 'repo', 'a', 'b'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'), { recursive: true });
  writeFileSync(join(dir, 'repo', '.greenbelt.yml'), 'rules: {}\n');
  writeFileSync(join(dir, '.greenbelt.yaml'), 'rules: {}\n');

  it('walks up from the scanned directory to the repository root', () => {
    expect(discoverConfig(['repo/a/b'], dir)).toBe(join(dir, 'repo', '.greenbelt.yml'));
    expect(discoverConfig(['.'], join(dir, 'repo', 'a'))).toBe(join(dir, 'repo', '.greenbelt.yml'));
    expect(discoverConfig([join(dir, 'repo', 'a', 'b')], join(dir, 'elsewhere'))).toBe(join(dir, 'repo', '.greenbelt.yml'));
  });

  it('outside a repository, walks up further; the working directory comes last', () => {
    expect(discoverConfig(['elsewhere'], dir)).toBe(join(dir, '.greenbelt.yaml'));
    expect(discoverConfig([join(dir, 'elsewhere')], join(dir, 'repo', 'a'))).toBe(join(dir, '.greenbelt.yaml'));
  });

  it('uses the working directory for stdin and missing paths', () => {
    expect(discoverConfig(['-'], dir)).toBe(join(dir, '.greenbelt.yaml'));
    expect(discoverConfig(['missing'], dir)).toBe(join(dir, '.greenbelt.yaml'));
  });
});
