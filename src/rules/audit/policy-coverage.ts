import { AuditPolicy, levelAtLeast, ORDINARY_USER } from '../../model/control-plane/audit-policy.js';
import { defineRule } from '../types.js';

const ACTIVITIES: readonly { verb: string; group: string; resource: string; subresource?: string; label: string }[] = [
  { verb: 'create', group: '', resource: 'pods', subresource: 'exec', label: 'exec into pods (pods/exec)' },
  { verb: 'create', group: '', resource: 'pods', subresource: 'attach', label: 'attaching to pods (pods/attach)' },
  { verb: 'create', group: '', resource: 'pods', subresource: 'portforward', label: 'port-forwarding (pods/portforward)' },
  { verb: 'get', group: '', resource: 'pods', subresource: 'proxy', label: 'proxying to pods (pods/proxy)' },
  { verb: 'get', group: '', resource: 'services', subresource: 'proxy', label: 'proxying to services (services/proxy)' },
  { verb: 'create', group: '', resource: 'pods', label: 'creating pods' },
  { verb: 'patch', group: '', resource: 'pods', label: 'changing pods' },
  { verb: 'create', group: 'apps', resource: 'deployments', label: 'creating deployments' },
  { verb: 'update', group: 'apps', resource: 'deployments', label: 'changing deployments' },
  { verb: 'get', group: '', resource: 'secrets', label: 'reading Secrets' },
];

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'audit/policy-coverage',
    description:
      'Require the audit policy to record exec, port-forward, proxy, Secret access and changes to pods and deployments',
    rationale:
      "The audit policy decides which requests are recorded at all: the first rule that matches wins and a request no rule matches is dropped. A policy that says None for pods/exec, or stops before reaching Secret reads, leaves an attacker's most telling actions (a shell in a pod, a Secret read, a privileged pod created) out of the record.",
    severity: 'medium',
    threats: ['undetected-activity'],
    references: ['CIS Kubernetes 3.2.2', 'Kubernetes docs: Auditing (audit policy)'],
    remediation:
      'Record at least Metadata for pods/exec, pods/attach, pods/portforward, pods/proxy, services/proxy, Secret access and writes to pods and deployments; put `level: None` rules only for well-known noisy system requests, and end the policy with a catch-all `- level: Metadata`.',
    related: [{ tool: 'kube-bench', id: '3.2.2' }],
    examples: [
      {
        bad: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    resources:
      - group: ""
        resources: ["pods/exec", "pods/portforward"]
  - level: Metadata
`,
        good: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n',
      },
    ],
  },
  check(object, context) {
    if (!AuditPolicy.is(object)) return;
    const policy = new AuditPolicy(object);
    const missed = new Map<string, { labels: string[]; path: (string | number)[]; matched: boolean }>();
    for (const activity of ACTIVITIES) {
      const decision = policy.decide({
        ...ORDINARY_USER,
        verb: activity.verb,
        group: activity.group,
        resource: activity.resource,
        ...(activity.subresource ? { subresource: activity.subresource } : {}),
        namespace: 'default',
      });
      if (levelAtLeast(decision.level, 'Metadata')) continue;
      const path = decision.rule === undefined ? ['rules'] : ['rules', decision.rule, 'level'];
      const key = path.join('/');
      const entry = missed.get(key) ?? { labels: [], path, matched: decision.rule !== undefined };
      entry.labels.push(activity.label);
      missed.set(key, entry);
    }
    for (const entry of missed.values()) {
      context.report({
        path: entry.path,
        message: entry.matched
          ? `This rule drops (level None) ${entry.labels.join(', ')}: these requests leave no audit record.`
          : `No rule of the policy matches ${entry.labels.join(', ')}: these requests leave no audit record.`,
      });
    }
  },
});
