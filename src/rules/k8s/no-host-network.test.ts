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

describe('k8s/no-host-network on control-plane static pods', () => {
  const staticPod = (name: string, command: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}-cp1
  namespace: kube-system
  labels: { component: ${name}, tier: control-plane }
spec:
  hostNetwork: true
  containers:
    - name: ${name}
      image: registry.k8s.io/${name}:v1.34.1
      command: [${command}]
`;
  testRule(rule, {
    valid: [],
    invalid: [
      {
        name: 'the kube-apiserver static pod: info, naming the rules that check it',
        code: staticPod('kube-apiserver', 'kube-apiserver, --secure-port=6443'),
        findings: [
          {
            line: 8,
            severity: 'info',
            message: /kube-apiserver static pod, which needs the node's network by design; the apiserver\/\* rules/,
          },
        ],
      },
      {
        name: 'the controller manager: its rules are controller-manager/*',
        code: staticPod('kube-controller-manager', 'kube-controller-manager, --profiling=false'),
        findings: [{ line: 8, severity: 'info', message: /the controller-manager\/\* rules/ }],
      },
      {
        name: 'a pod that merely claims the label outside kube-system is an ordinary workload',
        code: staticPod('kube-apiserver', 'kube-apiserver')
          .replace('namespace: kube-system', 'namespace: shop')
          .replace(', tier: control-plane', ''),
        findings: [{ line: 8, severity: 'high' }],
      },
    ],
  });
});
