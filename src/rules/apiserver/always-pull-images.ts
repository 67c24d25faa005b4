import { requirePlugin } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/always-pull-images',
    description: 'Require the AlwaysPullImages admission plugin',
    rationale:
      "Images pulled with one pod's registry credentials stay in the node's cache, and any other pod on that node can run them by name without credentials when imagePullPolicy is IfNotPresent. AlwaysPullImages makes every pod prove it may pull the image. It costs a registry round trip per pod start and fails pods when the registry is down, which is why the benchmark leaves it to judgement.",
    severity: 'low',
    threats: ['secret-theft', 'malicious-payload'],
    references: ['CIS Kubernetes 1.2.11'],
    remediation:
      'Add AlwaysPullImages to `--enable-admission-plugins`, or, where registry availability matters more, keep private images in per-tenant node pools.',
    related: [{ tool: 'kube-bench', id: '1.2.11' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
        good: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction,AlwaysPullImages']),
      },
    ],
  },
  check(apiserver, context) {
    requirePlugin(
      context,
      apiserver,
      'AlwaysPullImages',
      'pods on a node can run private images that other pods pulled with their credentials.',
    );
  },
});
