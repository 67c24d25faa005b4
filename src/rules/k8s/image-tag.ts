import { defineRule } from '../types.js';
import { containerImages, floatingTag } from './_image.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/image-tag',
    description: 'Disallow images without a tag, with :latest, or with another floating tag',
    rationale:
      'An image without a tag is `:latest`, and `latest`, `stable`, `main` and similar tags are moved to new builds on purpose. The same manifest then runs different code on different nodes and after every restart, a rollback does not roll back, and whoever can push to the repository (or poisons a mirror) changes what runs without touching the manifest. Reviewed, repeatable deployments need a version tag at least, and a digest at best.',
    severity: 'medium',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['NSA/CISA Kubernetes Hardening: image provenance', 'Kubernetes configuration best practices: container images'],
    remediation:
      'Use an immutable version tag (`nginx:1.27.3`), or better a digest (`nginx:1.27.3@sha256:...`), and update it through a reviewed change (Renovate, Dependabot).',
    related: [
      { tool: 'kube-linter', id: 'latest-tag' },
      { tool: 'trivy', id: 'KSV013' },
      { tool: 'polaris', id: 'tagNotSpecified' },
      { tool: 'kube-score', id: 'container-image-tag' },
      { tool: 'checkov', id: 'CKV_K8S_14' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3
`,
      },
    ],
  },
  check(workload, context) {
    for (const { container, ref } of containerImages(workload)) {
      const floating = floatingTag(ref);
      if (floating === undefined) continue;
      const label = capitalise(containerLabel(container));
      const message =
        floating === 'untagged'
          ? `${label} uses image ${JSON.stringify(ref.raw)} without a tag, which means :latest: what runs changes whenever the repository is pushed to.`
          : floating === 'latest'
            ? `${label} uses image ${JSON.stringify(ref.raw)} with the :latest tag: what runs changes whenever the repository is pushed to.`
            : `${label} uses image ${JSON.stringify(ref.raw)} with the floating tag :${ref.tag}, which is moved to new builds: what runs changes without a change to this manifest.`;
      context.report({
        path: [...container.path, 'image'],
        ...(floating === 'untagged' || floating === 'latest' ? {} : { severity: 'low' as const }),
        message,
      });
    }
  },
});
