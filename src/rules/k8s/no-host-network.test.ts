import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-network.js';

describe('k8s/no-host-network', () => {
  testRule(rule, {
    valid: [
      {
        name: 'hostNetwork false',
        code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  hostNetwork: false\n  containers: [{ name: web, image: "nginx:1.27" }]\n',
      },
      {
        name: 'the string "true" is not a boolean for the API',
        code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  hostNetwork: "true"\n  containers: [{ name: web, image: "nginx:1.27" }]\n',
      },
    ],
    invalid: [
      {
        name: 'pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  hostNetwork: true\n  containers: [{ name: web, image: "nginx:1.27" }]\n',
        findings: [
          {
            line: 5,
            column: 3,
            severity: 'high',
            path: '/spec/hostNetwork',
            message: /Pod "web" shares the node's network namespace/,
          },
        ],
      },
      {
        name: 'DaemonSet template, YAML 1.1 yes',
        code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      hostNetwork: yes
      containers: [{ name: agent, image: "ghcr.io/acme/agent:1.0.0" }]
`,
        findings: [{ line: 10, path: '/spec/template/spec/hostNetwork', message: /^DaemonSet "agent"/ }],
      },
    ],
  });
});
