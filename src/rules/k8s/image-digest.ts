import { defineRule } from '../types.js';
import { containerImages } from './_image.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/image-digest',
    description: 'Require images to be pinned by digest',
    rationale:
      'Tags, version tags included, are pointers the registry lets anyone with push rights move. Only a digest (`@sha256:...`) names content: the runtime verifies it after the pull, so a compromised registry account, a poisoned mirror or a re-pushed tag cannot change what runs. This is informational: version tags with automated, reviewed updates are a reasonable middle ground.',
    severity: 'info',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['NSA/CISA Kubernetes Hardening: image provenance', 'SLSA: pin dependencies by digest'],
    remediation:
      'Reference images as `name:tag@sha256:<digest>` (the tag is kept for people, the digest is what is pulled) and let a bot such as Renovate update both.',
    related: [
      { tool: 'kube-linter', id: 'image-not-pinned-by-digest' },
      { tool: 'checkov', id: 'CKV_K8S_43' },
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
      image: nginx:1.27.3
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
      },
    ],
  },
  check(workload, context) {
    for (const { container, ref } of containerImages(workload)) {
      if (ref.digest !== undefined) continue;
      context.report({
        path: [...container.path, 'image'],
        message: `${capitalise(containerLabel(container))} uses image ${JSON.stringify(ref.raw)}, which is not pinned by digest: the registry decides what it resolves to.`,
      });
    }
  },
});
