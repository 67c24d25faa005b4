/** Test helpers: the NetworkPolicy analysis of YAML text, without touching the disk. */
import { SourceText } from '../../../core/source.js';
import { type K8sObject, objectsOfDocument } from '../../../model/k8s.js';
import { ObjectSet } from '../../../model/object-set.js';
import { parseYaml } from '../../../sources/yaml.js';
import type { Connection } from '../connectivity.js';
import { formatConnections } from '../format.js';
import { buildNetpolAnalysis, type NetpolAnalysis } from '../index.js';

export function analyse(text: string, file = 'fixture.yaml'): NetpolAnalysis {
  const parsed = parseYaml(new SourceText(file, text));
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const objects: K8sObject[] = parsed.documents.flatMap(objectsOfDocument);
  return buildNetpolAnalysis(new ObjectSet(objects));
}

/** The txt connectivity list, as lines. */
export function list(text: string): string[] {
  const analysis = analyse(text);
  const out = formatConnections('txt', analysis.connectivity.connections());
  return out === '' ? [] : out.split('\n');
}

export function lines(connections: readonly Connection[]): string[] {
  const out = formatConnections('txt', connections);
  return out === '' ? [] : out.split('\n');
}

export function pod(name: string, namespace: string, labels: Record<string, string> = {}, ports = ''): string {
  const labelText = Object.entries(labels)
    .map(([k, v]) => `${k}: "${v}"`)
    .join(', ');
  return `---
apiVersion: v1
kind: Pod
metadata: { name: "${name}", namespace: "${namespace}", labels: { ${labelText} } }
spec:
  containers:
    - name: main
      image: nginx:1.27
${ports ? `      ports: ${ports}\n` : ''}`;
}

export function netpol(name: string, namespace: string, spec: string): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${name}, namespace: ${namespace} }
spec:
${spec
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;
}
