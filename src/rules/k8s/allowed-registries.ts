import { imageName, isAllowedRegistry } from '../../model/image.js';
import { defineRule } from '../types.js';
import { containerImages } from './_image.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/allowed-registries',
    description: 'Require images to come from the allowed registries (registries.allowed)',
    rationale:
      'Images pulled from arbitrary registries skip the controls an organisation puts on its own: vulnerability scanning, signing, retention, and who may push. A typo-squatted Docker Hub name or a personal registry is how malicious images get into clusters. This rule enforces the list in `registries.allowed` (`.greenbelt.yaml`) or `--allowed-registry`; with an empty list it reports nothing.',
    severity: 'high',
    threats: ['poisoned-registry', 'malicious-payload'],
    references: ['NSA/CISA Kubernetes Hardening: image provenance', 'CIS Kubernetes 5.5.1'],
    remediation:
      'Mirror the image into an allowed registry and reference it there, or add the registry (as precisely as possible, e.g. `ghcr.io/acme/`) to `registries.allowed` after review.',
    related: [
      { tool: 'kubescape', id: 'C-0078' },
      { tool: 'kubescape', id: 'C-0001' },
      { tool: 'trivy', id: 'KSV0125' },
      { tool: 'gatekeeper', id: 'K8sAllowedRepos' },
    ],
    examples: [
      {
        config: `registries:
  allowed:
    - registry.k8s.io
    - ghcr.io/acme/
`,
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: docker.io/someone/nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.k8s.io/pause:3.10
`,
      },
    ],
  },
  check(workload, context) {
    const allowed = context.settings.registries.allowed;
    if (allowed.length === 0) return;
    for (const { container, ref } of containerImages(workload)) {
      if (isAllowedRegistry(ref, allowed)) continue;
      context.report({
        path: [...container.path, 'image'],
        message: `${capitalise(containerLabel(container))} uses image ${JSON.stringify(ref.raw)} (${imageName(ref)}), which is not from an allowed registry (${allowed.join(', ')}).`,
      });
    }
  },
});
