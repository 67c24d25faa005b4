import { describe, expect, it } from 'vitest';
import { SourceText } from '../../core/source.js';
import { defaultSettings } from '../../engine/settings.js';
import { objectsOfDocument } from '../../model/k8s.js';
import { workloadOf } from '../../model/workload.js';
import { parseYaml } from '../../sources/yaml.js';
import { pssResultFor, who } from './_pss.js';

const pod = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: web, image: nginx, securityContext: { privileged: true } }]
`;

function load() {
  const [document] = parseYaml(new SourceText('p.yaml', pod)).documents;
  const [object] = document ? objectsOfDocument(document) : [];
  const workload = object ? workloadOf(object) : undefined;
  if (!workload) throw new Error('no workload');
  return workload;
}

describe('pss rule helpers', () => {
  it('evaluate a workload view once per setting and share the result between the rules', () => {
    const workload = load();
    const settings = defaultSettings();
    const first = pssResultFor(workload, settings);
    expect(pssResultFor(workload, settings)).toBe(first);
    expect(pssResultFor(workload, defaultSettings())).toBe(first);
    // Another view of the same object (a scan builds only one) is evaluated again, to the same result.
    const sameObject = workloadOf(workload.object);
    const again = sameObject && pssResultFor(sameObject, settings);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    const baseline = defaultSettings();
    baseline.pss.level = 'baseline';
    const other = pssResultFor(workload, baseline);
    expect(other).not.toBe(first);
    expect(other.violations.map((v) => v.check)).toEqual(['privileged']);
    expect(pssResultFor(load(), settings)).not.toBe(first);
  });

  it('names who set a field', () => {
    expect(who({ path: [], subject: 'pod', field: 'x' })).toBe('The pod');
    expect(who({ path: [], subject: 'init container "a"', field: 'x' })).toBe('Init container "a"');
  });
});
