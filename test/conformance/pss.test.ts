/**
 * Conformance with Kubernetes' Pod Security Admission: every upstream fixture
 * (kubernetes/pod-security-admission test/testdata) gets its verdict at its level and version, and
 * every fail fixture names its own check; and the baseline/restricted verdicts of every badPods
 * manifest. The data is read from ../shared/conformance; the tests skip, saying so, without it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/core/source.js';
import { objectsOfDocument } from '../../src/model/k8s.js';
import { workloadOf } from '../../src/model/workload.js';
import { evaluateWorkload } from '../../src/pss/index.js';
import type { PssLevel } from '../../src/pss/types.js';
import { parseYaml } from '../../src/sources/yaml.js';

const conformance = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance');
const fixtures = join(conformance, 'pss', 'testdata');
const badpods = join(conformance, 'badpods');

interface Verdict {
  file: string;
  kind: string;
  allowed: boolean;
  checks: string[];
  errors: number;
}

/** Loads a file as the CLI does and evaluates every workload object in it. */
function evaluateFile(file: string, level: PssLevel, version: string): Verdict[] {
  const parsed = parseYaml(new SourceText(file, readFileSync(file, 'utf8')));
  const out: Verdict[] = [];
  for (const document of parsed.documents) {
    for (const object of objectsOfDocument(document)) {
      const workload = workloadOf(object);
      if (!workload) continue;
      const result = evaluateWorkload(workload, { level, version });
      out.push({
        file,
        kind: object.kind,
        allowed: result.allowed,
        checks: result.violations.map((v) => v.check),
        errors: parsed.errors.length,
      });
    }
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

describe.skipIf(!existsSync(fixtures))('Pod Security Admission fixtures (../shared/conformance/pss)', () => {
  if (!existsSync(fixtures)) {
    it.skip(`skipped: ${fixtures} is absent`, () => {});
    return;
  }
  for (const level of ['baseline', 'restricted'] as const) {
    const versions = readdirSync(join(fixtures, level))
      .filter((v) => /^v1\.\d+$/.test(v))
      .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
    it(`${level}: every fixture of every version gets its verdict and names its check`, () => {
      const wrong: string[] = [];
      let total = 0;
      let named = 0;
      let fails = 0;
      for (const version of versions) {
        for (const verdict of ['pass', 'fail'] as const) {
          const dir = join(fixtures, level, version, verdict);
          if (!existsSync(dir)) continue;
          for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
            const file = join(dir, name);
            const results = evaluateFile(file, level, version);
            total++;
            const where = `${level}/${version}/${verdict}/${name}`;
            if (results.length !== 1 || (results[0]?.errors ?? 0) > 0) {
              wrong.push(`${where}: ${results.length} workload objects`);
              continue;
            }
            const result = results[0] as Verdict;
            if (result.allowed !== (verdict === 'pass')) {
              wrong.push(`${where}: allowed=${result.allowed} (${result.checks.join(', ')})`);
            }
            if (verdict === 'fail') {
              fails++;
              const id = basename(name, '.yaml').replace(/\d+$/, '');
              if (result.checks.some((check) => check.toLowerCase() === id)) named++;
              else wrong.push(`${where}: does not name ${id} (${result.checks.join(', ')})`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(named).toBe(fails);
      expect(total).toBeGreaterThan(1000);
    });
  }
});

describe.skipIf(!existsSync(badpods))('badPods verdicts (../shared/conformance/badpods)', () => {
  if (!existsSync(badpods)) {
    it.skip(`skipped: ${badpods} is absent`, () => {});
    return;
  }
  it('every manifest gets the expected baseline and restricted verdict at latest', () => {
    const rows = readFileSync(join(badpods, 'expected-pss.tsv'), 'utf8')
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows.length).toBe(128);
    const wrong: string[] = [];
    for (const [file, , kind, , baseline, restricted] of rows) {
      for (const [level, want] of [
        ['baseline', baseline],
        ['restricted', restricted],
      ] as const) {
        const results = evaluateFile(join(badpods, file ?? ''), level, 'latest');
        const got = results.length === 0 ? 'missing' : results.every((r) => r.allowed) ? 'pass' : 'fail';
        if (got !== want || results.some((r) => r.kind !== kind)) wrong.push(`${file} ${level}: want ${want}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds every badPods manifest as exactly one workload', () => {
    for (const file of yamlFiles(join(badpods, 'manifests'))) {
      expect(evaluateFile(file, 'baseline', 'latest'), file).toHaveLength(1);
    }
  });
});
