import { asString } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { containerImages, floatingTag } from './_image.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/image-pull-policy',
    description: 'Disallow pull policies that can run a stale or swapped image of a mutable tag',
    rationale:
      "With `IfNotPresent` or `Never`, the kubelet starts whatever image the node already has under that name. For a moving tag (`:latest`, no tag, `:stable`, ...) that is an arbitrary old build that differs from node to node, and an image planted or left on the node under the same name runs instead of the registry's. Kubernetes defaults to `Always` only for `:latest` and untagged images; setting another policy there, or using another floating tag with the default, loses that protection. `Never` with any tag runs only what was pre-loaded on the node. Digests are immune: the runtime checks content.",
    severity: 'medium',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['Kubernetes documentation: Images, image pull policy', 'CIS Kubernetes 1.2.11 (AlwaysPullImages)'],
    remediation:
      'Pin the image by digest (then any policy is safe), or use a version tag, or set `imagePullPolicy: Always` for images referenced by a moving tag.',
    related: [
      { tool: 'kubescape', id: 'C-0075' },
      { tool: 'polaris', id: 'pullPolicyNotAlways' },
      { tool: 'kube-score', id: 'container-image-pull-policy' },
      { tool: 'checkov', id: 'CKV_K8S_15' },
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
      image: ghcr.io/acme/web:latest
      imagePullPolicy: IfNotPresent
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: ghcr.io/acme/web:2.4.1
      imagePullPolicy: IfNotPresent
`,
      },
    ],
  },
  check(workload, context) {
    for (const { container, ref } of containerImages(workload)) {
      if (ref.digest !== undefined) continue;
      const written = asString(container.value.imagePullPolicy);
      const floating = floatingTag(ref);
      // The API defaults to Always for :latest and untagged images, IfNotPresent otherwise.
      const policy = written ?? (floating === 'untagged' || floating === 'latest' ? 'Always' : 'IfNotPresent');
      if (policy === 'Always') continue;
      const label = capitalise(containerLabel(container));
      const image = JSON.stringify(ref.raw);
      const how = written === undefined ? `the default pull policy ${policy}` : `imagePullPolicy: ${policy}`;
      if (floating !== undefined) {
        context.report({
          path: [...container.path, 'imagePullPolicy'],
          message: `${label} runs ${image}, a moving tag, with ${how}: a node keeps and runs whatever build it pulled first, or an image planted under that name.`,
        });
      } else if (policy === 'Never') {
        context.report({
          path: [...container.path, 'imagePullPolicy'],
          severity: 'low',
          message: `${label} runs ${image} with imagePullPolicy: Never: it runs whatever image the node holds under that name, never checked against the registry.`,
        });
      }
    }
  },
});
