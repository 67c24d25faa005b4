import { defineRule } from '../types.js';

export default defineRule({
  target: 'suppressions',
  meta: {
    id: 'meta/suppression-without-reason',
    description: 'Require a reason on every suppression comment and annotation',
    rationale:
      'A suppression accepts a risk. Without a written reason nobody can later tell whether the risk was understood, whether it still applies, or who to ask; unexplained suppressions are how real findings get buried.',
    severity: 'low',
    threats: ['undetected-activity'],
    references: ['greenbelt suppression policy: every suppression carries a reason'],
    remediation:
      'Write the reason after a colon: `# greenbelt-ignore k8s/no-host-network: the CNI agent programs the node network`, or as the annotation value.',
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true # greenbelt-ignore k8s/no-host-network
  containers:
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true # greenbelt-ignore k8s/no-host-network: node-level metrics agent
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  check(index, context) {
    for (const directive of index.comments) {
      if (directive.source !== 'greenbelt' || directive.reason !== '') continue;
      const source = index.sources.get(directive.file);
      if (!source) continue;
      const start = source.offsetAt(directive.line, directive.column);
      context.report({
        source,
        range: [start, start + 1],
        message: `Suppression comment for ${directive.rules.join(', ') || '(no rule named)'} gives no reason.`,
        // No line number in the key: the finding keeps its identity (and baseline entry) when lines move.
        key: `comment:${directive.rules.join(',')}`,
      });
    }
    for (const directive of index.annotations) {
      if (directive.reason !== '') continue;
      context.report({
        on: directive.on,
        path: ['metadata', 'annotations', directive.key],
        message: `Annotation ${directive.key} gives no reason for the suppression.`,
      });
    }
  },
});
