/**
 * Conformance: the CIS Kubernetes 1.12 checks greenbelt lists are exactly kube-bench's, and every
 * check that configuration files can decide is implemented by at least one rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIS_1_12, cisCoverage } from '../src/docs/cis-coverage.js';
import { allRules } from '../src/rules/index.js';

const cfg = join(import.meta.dirname, '..', '..', 'shared', 'conformance', 'cis-kube-bench', 'cfg', 'cis-1.12');
const present = existsSync(cfg);

// kube-bench's files are not all valid YAML (a multi-line quoted title in etcd.yaml), so the
// check ids are read from their fixed layout: checks are list items six spaces deep.
function checkIds(file: string): string[] {
  const text = readFileSync(join(cfg, file), 'utf8');
  return [...text.matchAll(/^ {6}- id: "?([\d.]+)"?\s*$/gm)].map((m) => m[1] as string);
}

describe('CIS Kubernetes Benchmark coverage', () => {
  (present ? it : it.skip)(
    `lists exactly kube-bench's checks of sections 1 to 4${present ? '' : ' (skipped: ../shared/conformance is absent)'}`,
    () => {
      const upstream = ['master.yaml', 'etcd.yaml', 'controlplane.yaml', 'node.yaml'].flatMap(checkIds);
      expect(CIS_1_12.map((c) => c.id)).toEqual(upstream);
    },
  );

  it('implements every check that configuration files can decide', () => {
    const coverage = cisCoverage(allRules);
    const missing = CIS_1_12.filter((c) => !c.notDecidable && (coverage.get(c.id) ?? []).length === 0).map((c) => c.id);
    expect(missing).toEqual([]);
  });
});
