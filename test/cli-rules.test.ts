/**
 * `greenbelt rules` and `greenbelt explain`: the catalogue and the rule pages come from one source,
 * the generated docs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuleName } from '../src/cli/commands/explain.js';
import { THREAT_IDS } from '../src/core/threats.js';
import { allRules } from '../src/rules/index.js';
import { type AnyRule, defineRule } from '../src/rules/types.js';
import { root, runBin, runInProcess } from './support/cli.js';

const cwd = root;

describe('greenbelt rules', () => {
  it('lists every rule with its severity, description and threats', async () => {
    const run = await runBin(['rules'], { cwd });
    expect(run.code).toBe(0);
    for (const rule of allRules) {
      expect(run.stdout).toMatch(new RegExp(`^  ${rule.meta.id.replace('/', '\\/')} +${rule.meta.severity} +`, 'm'));
    }
    expect(run.stdout).toContain(`\n${allRules.length} rules`);
  });

  it('prints JSON with the metadata and the documentation URL of each rule', async () => {
    const run = await runInProcess(['rules', '--format', 'json'], { cwd });
    const data = JSON.parse(run.stdout) as { version: number; rules: Record<string, unknown>[] };
    expect(data.version).toBe(1);
    expect(data.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id).sort());
    const privileged = data.rules.find((r) => r.id === 'k8s/no-privileged');
    expect(privileged).toMatchObject({
      group: 'k8s',
      target: 'workload',
      severity: 'critical',
      defaultOff: false,
      docs: expect.stringMatching(/\/docs\/rules\/k8s\/no-privileged\.md$/),
    });
    for (const rule of data.rules) for (const threat of rule.threats as string[]) expect(THREAT_IDS).toContain(threat);
  });

  it('prints the markdown catalogue that docs/rules/README.md holds', async () => {
    const run = await runInProcess(['rules', '--format', 'markdown'], { cwd });
    expect(run.stdout).toBe(readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8'));
  });

  it('filters by group, check target and threat', async () => {
    const ids = async (args: string[]) =>
      (
        JSON.parse((await runInProcess(['rules', '-f', 'json', ...args], { cwd })).stdout) as { rules: { id: string }[] }
      ).rules.map((r) => r.id);
    expect(await ids(['--target', 'meta'])).toEqual(
      allRules
        .filter((r) => r.meta.id.startsWith('meta/'))
        .map((r) => r.meta.id)
        .sort(),
    );
    expect(await ids(['--target', 'workload'])).toEqual(
      allRules
        .filter((r) => r.target === 'workload')
        .map((r) => r.meta.id)
        .sort(),
    );
    expect(await ids(['--threat', 'kernel-exploit'])).toEqual(
      allRules
        .filter((r) => r.meta.threats.includes('kernel-exploit'))
        .map((r) => r.meta.id)
        .sort(),
    );
    const unknown = await runInProcess(['rules', '--target', 'k8z'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown target k8z (did you mean k8s');
  });
});

describe('greenbelt explain', () => {
  const page = readFileSync(join(root, 'docs', 'rules', 'k8s', 'no-privileged.md'), 'utf8');

  it.each([['k8s/no-privileged'], ['k8s.no-privileged']])('prints the generated page for %s', async (name) => {
    const run = await runInProcess(['explain', name], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(page);
  });

  it('prints every rule with a bare slug that several targets share', async () => {
    const run = await runInProcess(['explain', 'no-privileged'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(page);
    expect(run.stdout).toContain(readFileSync(join(root, 'docs', 'rules', 'compose', 'no-privileged.md'), 'utf8'));
  });

  it.each([['KSV017'], ['privileged-container']])('prints every rule that maps the peer check %s', async (name) => {
    const run = await runInProcess(['explain', name], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(page);
    expect(run.stdout).toContain(readFileSync(join(root, 'docs', 'rules', 'pss', 'privileged.md'), 'utf8'));
  });

  it('suggests close ids for a typo and exits 2', async () => {
    const run = await runBin(['explain', 'k8s/no-privilegd'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^greenbelt explain: no rule k8s\/no-privilegd; did you mean k8s\/no-privileged[,?]/);
  });

  it('prints JSON, and several rules at once', async () => {
    const run = await runInProcess(['explain', '-f', 'json', 'k8s/no-privileged', 'meta/unused-suppression'], { cwd });
    const data = JSON.parse(run.stdout) as { rules: { id: string }[] };
    expect(data.rules.map((r) => r.id)).toEqual(['k8s/no-privileged', 'meta/unused-suppression']);
    expect((await runInProcess(['explain'], { cwd })).code).toBe(2);
  });

  it('resolves aliases, slugs shared by several rules, and related check ids', () => {
    const rule = (id: string, extra: Partial<AnyRule['meta']> = {}) =>
      defineRule({
        target: 'k8s',
        meta: {
          id,
          description: 'Disallow things',
          rationale: 'x'.repeat(50),
          severity: 'low',
          threats: ['application-escape'],
          references: ['r'],
          remediation: 'y'.repeat(30),
          examples: [],
          ...extra,
        },
        check() {},
      }) as AnyRule;
    const renamed = rule('k8s/new', { aliases: ['k8s/old'], related: [{ tool: 'hadolint', id: 'DL3006' }] });
    const twin = rule('dockerfile/new');
    const rules = [renamed, twin];
    expect(resolveRuleName('k8s/old', rules)).toEqual([renamed]);
    expect(resolveRuleName('new', rules)).toEqual([renamed, twin]);
    expect(resolveRuleName('dl3006', rules)).toEqual([renamed]);
    expect(resolveRuleName('nothing', rules)).toEqual([]);
  });
});

describe('help', () => {
  it.each([['scan'], ['rules'], ['explain']])('greenbelt %s --help prints its usage and exits 0', async (name) => {
    const run = await runInProcess([name, '--help'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: greenbelt ${name} `));
  });

  it('greenbelt --help lists the commands', async () => {
    const run = await runInProcess(['--help'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}scan +scan manifests/m);
    expect(run.stdout).toMatch(/^ {2}explain +print a rule's documentation/m);
  });
});
